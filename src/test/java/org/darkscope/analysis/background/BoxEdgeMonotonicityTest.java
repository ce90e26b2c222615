package org.darkscope.analysis.background;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.EventClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The box-edge scan of the background review (50 → 55 → 60 GeV gave 51 → 25 → 78 with the old sideband
 * fits): a larger box must never get less background, for every method the user can choose. The box
 * grows with its E_ECAL edge; data and background MC come from one smooth, falling spectrum (E_ECAL
 * falling towards low energies like a missing-energy tail, E_HCAL exponential with a mean that grows
 * with the missing energy: correlated, so ABCD does not factorise), large enough that statistical
 * noise between neighbouring edges is small against the growth of the box.
 */
class BoxEdgeMonotonicityTest {
    private static final SignalBox BOX = SignalBox.published();
    private static final float[][] DATA = sample(new Random(81), 400_000);
    private static final WeightedSample MC = weighted(sample(new Random(82), 800_000));

    /** E_ECAL = 100 - missing energy, missing energy ~ exponential (mean 12 GeV) up to 70; E_HCAL ~ exp with mean 0.4 + miss/25. */
    private static float[][] sample(Random r, int n) {
        float[] e = new float[n];
        float[] h = new float[n];
        for (int i = 0; i < n; i++) {
            double miss;
            do {
                miss = -12 * Math.log(1 - r.nextDouble());
            } while (miss > 70);
            e[i] = (float) (100 - miss);
            h[i] = (float) Math.min(40, -Math.log(1 - r.nextDouble()) * (0.4 + miss / 25));
        }
        return new float[][] {e, h};
    }

    private static WeightedSample weighted(float[][] s) {
        // weight 0.5: the MC has twice the data's statistics
        float[] w = new float[s[0].length];
        java.util.Arrays.fill(w, 0.5f);
        return new WeightedSample(s[0], s[1], w);
    }

    private static long truth(SignalBox b) {
        long n = 0;
        for (int i = 0; i < DATA[0].length; i++) {
            if (b.abcdRegion(DATA[0][i], DATA[1][i]) == Region.BOX) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @EnumSource(BackgroundChoice.class)
    void largerBoxNeverGetsLessBackground(BackgroundChoice method) {
        List<String> scan = new ArrayList<>();
        double last = -1;
        int available = 0;
        for (double edge = 46; edge <= 62; edge += 2) {
            SignalBox b = BOX.withEcalMax(edge);
            BackgroundSummary s = new BackgroundEstimator()
                    .estimate(DATA[0], DATA[1], b, Map.of(EventClass.UPSTREAM, truth(b)), true, MC);
            BackgroundEstimate e = method.pick(s);
            scan.add(edge + ": " + e.describe());
            if (!e.available()) {
                continue;
            }
            available++;
            assertTrue(e.value() >= last, method + ": a larger box got less background: " + scan);
            last = e.value();
        }
        assertTrue(available >= 7, method + " was available at only " + available + " of 9 edges: " + scan);
    }
}
