package org.darkscope.analysis.background;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.SignalBox;
import org.junit.jupiter.api.Test;

/** MC transfer factor, MC-corrected ABCD and the choice of method, on synthetic weighted samples. */
class MonteCarloTransferTest {
    /**
     * A correlated background: E_ECAL exponential from 0 to 100, E_HCAL exponential with a mean that grows
     * with 100 - E_ECAL (region II-like: less ECAL energy, more HCAL energy), so ABCD does not factorise.
     */
    private static float[][] sample(Random r, int n) {
        float[] e = new float[n];
        float[] h = new float[n];
        for (int i = 0; i < n; i++) {
            double ecal = 100 - 60 * Math.pow(r.nextDouble(), 0.5);
            double hcal = -Math.log(1 - r.nextDouble()) * (0.5 + (100 - ecal) / 20);
            e[i] = (float) ecal;
            h[i] = (float) Math.min(hcal, 40);
        }
        return new float[][] {e, h};
    }

    private static final SignalBox BOX = SignalBox.published();

    private static long truthInBox(float[][] d) {
        long n = 0;
        for (int i = 0; i < d[0].length; i++) {
            if (BOX.abcdRegion(d[0][i], d[1][i]) == org.darkscope.analysis.Region.BOX) {
                n++;
            }
        }
        return n;
    }

    /** The MC as a weighted sample: events in the box region enriched 10x with weight 0.1. */
    private static WeightedSample weightedMc(Random r, int n) {
        float[][] base = sample(r, n);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean box = BOX.abcdRegion(base[0][i], base[1][i]) == org.darkscope.analysis.Region.BOX;
            if (box) {
                for (int k = 0; k < 10; k++) {
                    float[][] one = sample(r, 1);
                    // re-draw until in the box: an enriched sample of box events, weight 1/10 each
                    while (BOX.abcdRegion(one[0][0], one[1][0]) != org.darkscope.analysis.Region.BOX) {
                        one = sample(r, 1);
                    }
                    rows.add(new float[] {one[0][0], one[1][0], 0.1f});
                }
            } else {
                rows.add(new float[] {base[0][i], base[1][i], 1f});
            }
        }
        float[] e = new float[rows.size()];
        float[] h = new float[rows.size()];
        float[] w = new float[rows.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = rows.get(i)[0];
            h[i] = rows.get(i)[1];
            w[i] = rows.get(i)[2];
        }
        return new WeightedSample(e, h, w);
    }

    @Test
    void transferAndCorrectedAbcdCloseOnAWeightedSimulation() {
        Random r = new Random(11);
        // the expected box content of a 40k sample, from a 2M-event reference
        float[][] ref = sample(new Random(99), 2_000_000);
        double expectedBox = truthInBox(ref) * 40_000 / 2_000_000.0;
        assertTrue(expectedBox > 20, "test setup: " + expectedBox);
        int covered = 0;
        int coveredAbcd = 0;
        int rawAbcdFar = 0;
        int experiments = 30;
        WeightedSample mc = weightedMc(new Random(7), 400_000);
        for (int k = 0; k < experiments; k++) {
            float[][] d = sample(r, 40_000);
            BackgroundEstimate t = MonteCarloTransfer.transfer(d[0], d[1], mc, BOX);
            assertTrue(t.available(), t.reason());
            assertTrue(t.systError() >= 0 && t.statError() > 0);
            // the MC is scaled to the data by the sidebands: 400k vs 40k -> the ratio is what matters
            if (Math.abs(t.value() - expectedBox) <= t.totalError()) {
                covered++;
            }
            BackgroundEstimate c = MonteCarloTransfer.abcdCorrected(d[0], d[1], mc, BOX);
            assertTrue(c.available(), c.reason());
            assertTrue(c.systError() > 0, "never a statistical error alone");
            if (Math.abs(c.value() - expectedBox) <= c.totalError()) {
                coveredAbcd++;
            }
            BackgroundEstimate raw = new BackgroundEstimator()
                    .estimate(d[0], d[1], BOX, Map.of(), true)
                    .abcd();
            if (Math.abs(raw.value() - expectedBox) > 3 * raw.statError()) {
                rawAbcdFar++;
            }
        }
        assertTrue(covered >= 0.5 * experiments, "transfer covers the expectation in " + covered + "/" + experiments);
        assertTrue(coveredAbcd >= 0.5 * experiments, "corrected ABCD covers in " + coveredAbcd + "/" + experiments);
        // the correlation really matters in this sample: the raw ABCD is off by more than 3 stat sigma
        assertTrue(rawAbcdFar > experiments / 2, "raw ABCD far in " + rawAbcdFar);
    }

    @Test
    void unweightedMcEqualToTheDataReproducesTheBoxExactly() {
        float[][] d = sample(new Random(3), 20_000);
        BackgroundEstimate t = MonteCarloTransfer.transfer(d[0], d[1], WeightedSample.unweighted(d[0], d[1]), BOX);
        assertEquals(truthInBox(d), t.value(), 1e-6 * t.value());
    }

    @Test
    void noSilentFallbackAndReasonsForMissingEstimates() {
        float[][] d = sample(new Random(4), 5_000);
        BackgroundSummary s = new BackgroundEstimator().estimate(d[0], d[1], BOX, Map.of(), false);
        assertFalse(s.mcTransfer().available());
        assertTrue(
                s.mcTransfer().reason().contains("background"), s.mcTransfer().reason());
        assertFalse(BackgroundChoice.MC_TRANSFER.pick(s).available());
        assertFalse(BackgroundChoice.ABCD_CORRECTED.pick(s).available());
        // an unavailable sideband-fit choice is unavailable, not ABCD in disguise
        BackgroundSummary noFit = new BackgroundSummary(
                BackgroundEstimate.unavailable("C", "too few"), s.sidebandA(), s.abcd(), Map.of(), false);
        BackgroundEstimate fits = BackgroundChoice.SIDEBAND_FITS.pick(noFit);
        assertFalse(fits.available());
        assertTrue(fits.reason().contains("too few"), fits.reason());
        // plain ABCD never carries a statistical error alone
        assertTrue(s.abcd().systError() > 0);
        // an MC with nothing in the box: unavailable with the reason
        float[] e = {70, 80, 30};
        float[] h = {0.5f, 5, 5};
        BackgroundEstimate none = MonteCarloTransfer.transfer(d[0], d[1], WeightedSample.unweighted(e, h), BOX);
        assertFalse(none.available());
        assertTrue(none.reason().contains("no selected event in the box"), none.reason());
    }

    @Test
    void largerBoxNeverGetsLessBackground() {
        // the box-edge scan of issue 10: 50 -> 55 -> 60 GeV gave 51 -> 25 -> 78
        float[][] d = sample(new Random(8), 60_000);
        WeightedSample mc = weightedMc(new Random(9), 300_000);
        double last = -1;
        for (double edge = 46; edge <= 62; edge += 2) {
            SignalBox b = BOX.withEcalMax(edge);
            double v = MonteCarloTransfer.transfer(d[0], d[1], mc, b).value();
            assertTrue(v >= last, "edge " + edge + ": " + v + " after " + last);
            last = v;
        }
    }
}
