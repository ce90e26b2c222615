package org.darkscope.sim.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.darkscope.sim.EventRandom;
import org.junit.jupiter.api.Test;

/**
 * The photons of the thick-target path are the jumps of Tsai's Gamma process (docs/physics.md "Signal
 * in the thick target"). Independent check: for a Gamma process of rate b = 4/3 per X0 the number of
 * jumps larger than g0 over a path t is Poisson with mean b·t·E1(g0), E1 the exponential integral
 * (its Lévy measure is b e^-g/g dg), whatever the total loss. E1 is integrated numerically here.
 */
class ThickTargetPhotonsTest {
    /** E1(x) = ∫_x^∞ e^-u/u du, by the substitution u = x e^s and the midpoint rule. */
    static double e1(double x) {
        int n = 200_000;
        double sMax = Math.log(60 / x); // e^-60 is negligible
        double ds = sMax / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double u = x * Math.exp((i + 0.5) * ds);
            sum += Math.exp(-u) * ds; // e^-u/u du = e^-u ds
        }
        return sum;
    }

    @Test
    void photonCountsFollowTheLevyMeasureOfTheGammaProcess() {
        EventRandom rng = new EventRandom();
        double slab = 0.5;
        int trials = 200_000;
        double[] share = new double[16];
        double[] depth = new double[16];
        double[] g0s = {0.05, 0.2, 0.7};
        long[] above = new long[g0s.length];
        double e = 100;
        for (int t = 0; t < trials; t++) {
            rng.reset(11, t);
            double g = ThickTarget.logLoss(rng, slab);
            int m = ThickTarget.split(rng, e, g, 1.0, 1.0 + slab, share, depth);
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += share[i];
                assertTrue(depth[i] >= 1.0 && depth[i] <= 1.5, "depth inside the slab");
                assertTrue(i == 0 || depth[i] >= depth[i - 1], "depth order");
                for (int k = 0; k < g0s.length; k++) {
                    if (share[i] * g > g0s[k]) {
                        above[k]++;
                    }
                }
            }
            if (g > 0) {
                assertEquals(1, sum, 1e-9, "the shares make the whole loss");
            }
        }
        for (int k = 0; k < g0s.length; k++) {
            double expected = ThickTarget.B * slab * e1(g0s[k]); // per slab
            double got = (double) above[k] / trials;
            double err = Math.sqrt(expected / trials);
            assertEquals(expected, got, 4 * err + 0.01 * expected, "photons with ln(E/E') > " + g0s[k]);
        }
    }

    @Test
    void photonEnergiesAddUpToTheRadiatedEnergy() {
        EventRandom rng = new EventRandom();
        double[] share = new double[16];
        double[] depth = new double[16];
        rng.reset(3, 4);
        double e = 80;
        double g = 0.9;
        int m = ThickTarget.split(rng, e, g, 0, 0.5, share, depth);
        double left = e;
        double radiated = 0;
        for (int i = 0; i < m; i++) {
            double k = left * -Math.expm1(-share[i] * g);
            left -= k;
            radiated += k;
        }
        assertEquals(e * (1 - Math.exp(-g)), radiated, 1e-9);
        assertTrue(m >= 2, "a 0.5 X0 slab losing 60 % of the energy radiates more than one photon above 50 MeV");
    }
}
