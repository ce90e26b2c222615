package org.darkscope.analysis;

import java.util.List;
import org.darkscope.analysis.background.BackgroundEstimator;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.background.WeightedSample;

/**
 * Collects the selected (E_ECAL, E_HCAL) points for the estimators. The sideband counts come from the
 * data-role runs (from every non-signal run when no run is in the data role); the MC-based methods
 * (transfer factor, corrected ABCD) take the simulated non-signal runs outside the data role, with
 * their {@code truth_weight}.
 */
final class BackgroundInputs {
    private BackgroundInputs() {}

    static BackgroundSummary estimate(AnalysisResult result) {
        List<RunResult> background = result.backgroundRuns();
        List<RunResult> data = result.sidebandRuns();
        boolean simulated = !data.isEmpty();
        for (RunResult r : data) {
            // the truth in the box of a blinded (pseudo-data) run is hidden like its box count
            simulated &= r.isSimulated() && !r.boxHidden();
        }
        float[][] d = concat(data, false);
        List<RunResult> mcRuns =
                background.stream().filter(r -> !r.isData() && r.isSimulated()).toList();
        WeightedSample mc = null;
        if (!mcRuns.isEmpty() && mcRuns.size() < background.size()) {
            float[][] m = concat(mcRuns, true);
            mc = new WeightedSample(m[0], m[1], m[2]);
        }
        return new BackgroundEstimator()
                .estimate(d[0], d[1], result.selection().box(), result.truthInBox(), simulated, mc);
    }

    private static float[][] concat(List<RunResult> runs, boolean weights) {
        int n = 0;
        for (RunResult r : runs) {
            n += r.selectedPlanePoints()[0].length;
        }
        float[] x = new float[n];
        float[] y = new float[n];
        float[] w = new float[weights ? n : 0];
        int k = 0;
        for (RunResult r : runs) {
            float[][] p = r.selectedPlanePoints();
            int len = p[0].length;
            System.arraycopy(p[0], 0, x, k, len);
            System.arraycopy(p[1], 0, y, k, len);
            if (weights) {
                System.arraycopy(r.selectedWeights(), 0, w, k, len);
            }
            k += len;
        }
        return new float[][] {x, y, w};
    }
}
