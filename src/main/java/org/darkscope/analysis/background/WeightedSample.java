package org.darkscope.analysis.background;

/**
 * Selected (E_ECAL, E_HCAL) points of a (weighted) background simulation, e.g. the enriched
 * {@code background-mc} mix, with one weight per event (the {@code truth_weight} column; 1 for
 * unweighted simulation) so that weighted sums are physical per EOT of the sample.
 *
 * @param ecal   E_ECAL of the selected events (GeV)
 * @param hcal   E_HCAL of the selected events (GeV)
 * @param weight per-event weight (≥ 0)
 */
public record WeightedSample(float[] ecal, float[] hcal, float[] weight) {
    public WeightedSample {
        if (ecal.length != hcal.length || ecal.length != weight.length) {
            throw new IllegalArgumentException("weighted sample columns differ in length");
        }
        for (float w : weight) {
            if (!(w >= 0) || !Float.isFinite(w)) {
                throw new IllegalArgumentException("event weights must be finite and >= 0, got " + w);
            }
        }
    }

    /** Every event with weight 1. */
    public static WeightedSample unweighted(float[] ecal, float[] hcal) {
        float[] w = new float[ecal.length];
        java.util.Arrays.fill(w, 1f);
        return new WeightedSample(ecal, hcal, w);
    }

    public int size() {
        return ecal.length;
    }
}
