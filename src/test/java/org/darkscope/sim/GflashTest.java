package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.darkscope.sim.response.Gflash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Longitudinal GFLASH profile against the checks of docs/physics.md#shower-model. */
class GflashTest {

    @Test
    void showerMaximumAt100GeVIs8point2X0() {
        // docs/physics.md#shower-model: "at 100 GeV T ≈ 8.2 X0"; tolerance 0.1 X0 (the reference has two digits)
        assertEquals(8.2, Gflash.meanT(100), 0.1);
    }

    @ParameterizedTest(name = "{0} GeV: first 4 X0 hold {1}")
    @CsvSource({"100, 0.046", "50, 0.067", "10, 0.15"})
    void preshowerFractionOfTheMeanProfile(double e, double expected) {
        // docs/physics.md#shower-model: first 4 X0 hold ≈ 4.6 % (100 GeV), 6.7 % (50), 15 % (10); tolerance 5 %
        // relative
        double f = Gflash.containedUpTo(Gflash.meanAlpha(e), Gflash.meanBeta(e), 4.0);
        assertEquals(expected, f, 0.05 * expected);
    }

    @Test
    void leakagePast40X0IsAbout1e5() {
        // docs/physics.md#shower-model: leakage past 40 X0 ≈ 1e-5 (order of magnitude: accept 3e-6 .. 3e-5)
        double leak = 1 - Gflash.containedUpTo(Gflash.meanAlpha(100), Gflash.meanBeta(100), 40.0);
        assertTrue(leak > 3e-6 && leak < 3e-5, "leakage " + leak);
    }

    @ParameterizedTest(name = "{0} GeV")
    @CsvSource({"100, 0.046", "50, 0.067", "10, 0.15"})
    void fluctuatedShowersKeepTheMeanDepthAndPreshowerShare(double e, double expected) {
        // correlated (ln T, ln α) fluctuations around the means: average T within 3 % of <T>, and the
        // average preshower fraction within 15 % of the mean profile's (the Gamma profile is not linear in α, β)
        EventRandom rng = new EventRandom();
        double[] ab = new double[2];
        double sumT = 0, sumPre = 0;
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            rng.reset(7, i);
            Gflash.sample(e, rng, ab);
            sumT += (ab[0] - 1) / ab[1];
            sumPre += Gflash.containedUpToFast(ab[0], ab[1], 4.0);
        }
        assertEquals(Gflash.meanT(e), sumT / n, 0.03 * Gflash.meanT(e));
        assertEquals(expected, sumPre / n, 0.15 * expected);
    }

    @Test
    void tabulatedGammaMatchesCommonsMath() {
        // the per-shower table must agree with the exact function to 2e-4 absolute (0.5 % of the 4.6 % preshower share)
        EventRandom rng = new EventRandom();
        for (int i = 0; i < 20_000; i++) {
            rng.reset(3, i);
            double a = rng.uniform(1.05, 15);
            double t = rng.uniform(0, 45);
            double beta = rng.uniform(0.2, 1.5);
            double exact = Gamma.regularizedGammaP(a, beta * t);
            assertEquals(exact, Gflash.containedUpToFast(a, beta, t), 2e-4, "a=" + a + " x=" + beta * t);
        }
    }

    @Test
    void rectangleIntegralOfTheRadialProfileMatchesNumericalIntegration() {
        // independent check: midpoint rule over the 2-D density R²/(π (r²+R²)²)
        double r = 7.0;
        double x1 = -5, x2 = 30, y1 = 2, y2 = 40;
        int n = 1200;
        double hx = (x2 - x1) / n, hy = (y2 - y1) / n, s = 0;
        for (int i = 0; i < n; i++) {
            double x = x1 + (i + 0.5) * hx;
            for (int j = 0; j < n; j++) {
                double y = y1 + (j + 0.5) * hy;
                double q = x * x + y * y + r * r;
                s += r * r / (Math.PI * q * q);
            }
        }
        assertEquals(s * hx * hy, Gflash.rectangle(x1, x2, y1, y2, r), 1e-5);
        // and the whole plane holds everything
        assertEquals(1.0, Gflash.rectangle(-1e7, 1e7, -1e7, 1e7, r), 1e-5);
    }
}
