package org.darkscope.report;

import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.background.ShapeFit;
import org.darkscope.analysis.background.SidebandFitter;
import org.darkscope.event.Schema;

/**
 * The sideband spectra and fitted curves as drawn, one code path for the window's sideband-fit view
 * and for {@code darkscope plot fits}: sideband C in E_ECAL from the box edge to the trigger edge,
 * sideband A in E_HCAL from the box edge to the end of its fit range (the dimuon window above it is
 * not fitted), each in {@link #BINS} bins; curves in events per bin so that they lie on the histogram.
 */
public final class SidebandSpectra {
    /** Bins of a drawn sideband spectrum. */
    public static final int BINS = 40;
    /** Points per drawn fit curve. */
    public static final int CURVE_POINTS = 120;

    private SidebandSpectra() {}

    /** Lower end of the drawn range: the box edge of sideband C (E_ECAL) or A (E_HCAL). */
    public static double lo(SignalBox box, boolean sidebandC) {
        return sidebandC ? box.ecalMax() : box.hcalMax();
    }

    /** Upper end of the drawn range: the trigger edge (C) or the end of sideband A's fit range. */
    public static double hi(SignalBox box, boolean sidebandC) {
        return sidebandC ? box.ecalTriggerEdge() : SidebandFitter.sidebandAFitMax(box);
    }

    /** {@link #BINS} + 1 equal bin edges from lo to hi. */
    public static double[] edges(double lo, double hi) {
        double[] e = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            e[i] = lo + (hi - lo) * i / BINS;
        }
        return e;
    }

    /**
     * Histogram over the drawn range of the engine's selected events in sideband C (E_ECAL) or A
     * (E_HCAL), summed over every non-signal run.
     */
    public static double[] spectrum(AnalysisResult r, boolean sidebandC) {
        SignalBox box = r.selection().box();
        return spectrum(
                r,
                sidebandC ? Region.C : Region.A,
                sidebandC ? Schema.ECAL : Schema.HCAL,
                lo(box, sidebandC),
                hi(box, sidebandC));
    }

    static double[] spectrum(AnalysisResult r, Region region, String column, double lo, double hi) {
        double[] h = new double[BINS];
        for (RunResult rr : r.backgroundRuns()) {
            org.darkscope.event.Column v = rr.run().column(column);
            for (int e : rr.eventsInRegion(region)) {
                int i = (int) ((v.getFloat(e) - lo) / (hi - lo) * BINS);
                if (i >= 0 && i < BINS) {
                    h[i]++;
                }
            }
        }
        return h;
    }

    /**
     * The fitted function sampled at {@link #CURVE_POINTS} + 1 points over [lo, hi], as events per
     * bin of the given width (density × width): {x, y}.
     */
    public static double[][] curve(ShapeFit f, double lo, double hi, double binWidth) {
        double[] x = new double[CURVE_POINTS + 1];
        for (int i = 0; i <= CURVE_POINTS; i++) {
            x[i] = lo + (hi - lo) * i / CURVE_POINTS;
        }
        double[] y = f.density(x);
        for (int i = 0; i < y.length; i++) {
            y[i] *= binWidth;
        }
        return new double[][] {x, y};
    }
}
