package org.darkscope.analysis.background;

import java.util.Map;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.EventClass;

/**
 * Computes every background estimate for the box from the selected (E_ECAL, E_HCAL) points of
 * the data/background runs (docs/physics.md#backgrounds).
 */
public final class BackgroundEstimator {
    private final SidebandFitter fitter;

    public BackgroundEstimator() {
        this(new SidebandFitter());
    }

    public BackgroundEstimator(SidebandFitter fitter) {
        this.fitter = fitter;
    }

    /**
     * @param ecal      E_ECAL of the selected events
     * @param hcal      E_HCAL of the selected events
     * @param truth     simulation: background events in the box per class (empty for data)
     * @param simulated true if the points come from simulation only
     */
    public BackgroundSummary estimate(
            float[] ecal, float[] hcal, SignalBox box, Map<EventClass, Long> truth, boolean simulated) {
        return estimate(ecal, hcal, box, truth, simulated, null);
    }

    /**
     * Every estimate including those that need a weighted background simulation.
     *
     * @param mc selected points and weights of the background MC, or null (then the MC-based estimates are
     *           unavailable, with that reason)
     */
    public BackgroundSummary estimate(
            float[] ecal,
            float[] hcal,
            SignalBox box,
            Map<EventClass, Long> truth,
            boolean simulated,
            WeightedSample mc) {
        long nA = 0;
        long nC = 0;
        long nD = 0;
        for (int i = 0; i < ecal.length; i++) {
            Region r = box.abcdRegion(ecal[i], hcal[i]);
            if (r == Region.A) {
                nA++;
            } else if (r == Region.C) {
                nC++;
            } else if (r == Region.D) {
                nD++;
            }
        }
        BackgroundEstimate abcd = Abcd.estimate(nA, nC, nD);
        BackgroundEstimate c = fitter.sidebandC(ecal, hcal, box);
        BackgroundEstimate a = fitter.sidebandA(ecal, hcal, box);
        BackgroundEstimate transfer = mc == null ? null : MonteCarloTransfer.transfer(ecal, hcal, mc, box);
        BackgroundEstimate abcdMc = mc == null ? null : MonteCarloTransfer.abcdCorrected(ecal, hcal, mc, box);
        return new BackgroundSummary(c, a, abcd, truth, simulated, transfer, abcdMc);
    }
}
