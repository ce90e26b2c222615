package org.darkscope.analysis;

import org.darkscope.analysis.background.BackgroundEstimator;
import org.darkscope.analysis.background.BackgroundSummary;

import java.util.ArrayList;
import java.util.List;

/** Collects the selected (E_ECAL, E_HCAL) points of the background runs for the estimators. */
final class BackgroundInputs {
    private BackgroundInputs() {
    }

    static BackgroundSummary estimate(AnalysisResult result) {
        List<float[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        boolean simulated = !result.backgroundRuns().isEmpty();
        for (RunResult r : result.backgroundRuns()) {
            float[][] p = r.selectedPlanePoints();
            xs.add(p[0]);
            ys.add(p[1]);
            // the truth in the box of a blinded (pseudo-data) run is hidden like its box count
            simulated &= r.isSimulated() && !r.boxHidden();
        }
        int n = xs.stream().mapToInt(a -> a.length).sum();
        float[] x = new float[n];
        float[] y = new float[n];
        int k = 0;
        for (int i = 0; i < xs.size(); i++) {
            System.arraycopy(xs.get(i), 0, x, k, xs.get(i).length);
            System.arraycopy(ys.get(i), 0, y, k, ys.get(i).length);
            k += xs.get(i).length;
        }
        return new BackgroundEstimator().estimate(x, y, result.selection().box(), result.truthInBox(), simulated);
    }
}
