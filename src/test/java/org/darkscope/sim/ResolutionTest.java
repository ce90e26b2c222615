package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.testsupport.SampleStats;
import org.junit.jupiter.api.Test;

/**
 * ECAL energy resolution fitted on calibration runs at three beam energies: σ/E = a/√E ⊕ b must
 * come back within 10 % of the configured a and b, and at 100 GeV within 10 % of a/√E ⊕ b
 * (issue 3 item 7; docs/physics.md#detector: 10 %/√E ⊕ 4 %).
 */
class ResolutionTest {
    private static final double A = 0.10;
    private static final double B = 0.04;

    /** σ/E of the E_ECAL peak: σ from the inter-quartile range (robust against leakage tails). */
    private static double[] peak(double beamEnergy) {
        SimConfig cfg = SimConfig.defaults(Mix.CALIBRATION)
                .withEvents(20_000)
                .withSeed(5)
                .withThreads(2)
                .withBeamEnergy(beamEnergy)
                .withEcalResolution(A, B);
        RunData r = RunFixtures.simulated(cfg);
        double[] e = r.asDoubles(Schema.ECAL);
        Arrays.sort(e);
        double median = SampleStats.quantile(e, 0.5);
        double sigma = (SampleStats.quantile(e, 0.75) - SampleStats.quantile(e, 0.25)) / 1.349;
        return new double[] {median, sigma / median};
    }

    @Test
    void calibrationRunReproducesTheConfiguredResolution() {
        double[] energies = {20, 50, 100};
        // least squares of (σ/E)² = a²/E + b² (linear in a², b²)
        double sxx = 0, sx = 0, s1 = 0, sxy = 0, sy = 0;
        for (double e : energies) {
            double[] p = peak(e);
            double configured = Math.sqrt(A * A / p[0] + B * B);
            assertEquals(configured, p[1], 0.10 * configured, "σ/E at " + e + " GeV");
            assertTrue(p[0] > 0.95 * e && p[0] < e, "peak at " + p[0] + " for " + e + " GeV (lateral leakage only)");
            double x = 1 / p[0], y = p[1] * p[1];
            sxx += x * x;
            sx += x;
            s1 += 1;
            sxy += x * y;
            sy += y;
        }
        double det = sxx * s1 - sx * sx;
        double a2 = (sxy * s1 - sx * sy) / det;
        double b2 = (sxx * sy - sx * sxy) / det;
        assertEquals(A, Math.sqrt(a2), 0.10 * A, "fitted stochastic term");
        assertEquals(B, Math.sqrt(b2), 0.10 * B, "fitted constant term");
    }
}
