package org.darkscope.analysis.limits;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class UpperLimitsTest {
    /** docs/physics.md#statistics: classical 90 % upper limits for b = 0, n = 0..5. */
    private static final double[] CLASSICAL_B0 = {2.303, 3.890, 5.322, 6.681, 7.994, 9.275};
    /** Feldman & Cousins, Phys. Rev. D 57 (1998) 3873, Table IV (b = 0, 90 % CL), upper edges. */
    private static final double[] FC_B0 = {2.44, 4.36, 5.91, 7.42, 8.60, 9.99};

    @Test
    void classicalLimitsAtZeroBackground() {
        for (int n = 0; n <= 5; n++) {
            double s = UpperLimits.upperLimit(LimitInput.of(n, 0).withMethod(LimitMethod.CLASSICAL));
            assertEquals(CLASSICAL_B0[n], s, 0.0015, "n = " + n);
        }
    }

    @Test
    void clsEqualsClassicalAtZeroBackground() {
        for (int n = 0; n <= 5; n++) {
            assertEquals(CLASSICAL_B0[n], UpperLimits.upperLimit(LimitInput.of(n, 0)), 0.0015, "n = " + n);
        }
    }

    @Test
    void clsWithNothingObservedIs2303ForAnyBackground() {
        for (double b : new double[] {0, 0.1, 0.53, 1, 3, 10, 50}) {
            assertEquals(-Math.log(0.1), UpperLimits.upperLimit(LimitInput.of(0, b)), 1e-5, "b = " + b);
        }
        // with an uncertainty on b only, still independent of b for n = 0
        assertEquals(-Math.log(0.1), UpperLimits.upperLimit(LimitInput.of(0, 2).withErrors(1.0, 0)), 1e-5);
    }

    @Test
    void clsIsMoreConservativeThanClassicalWithBackground() {
        for (int n = 0; n <= 4; n++) {
            double cls = UpperLimits.upperLimit(LimitInput.of(n, 2));
            double cl = UpperLimits.upperLimit(LimitInput.of(n, 2).withMethod(LimitMethod.CLASSICAL));
            assertTrue(cls >= cl - 1e-9, "n=" + n + " CLs " + cls + " classical " + cl);
        }
        // classical: the well-known b = 3, n = 0 case: 2.303 - 3 < 0 -> 0
        assertEquals(0, UpperLimits.upperLimit(LimitInput.of(0, 3).withMethod(LimitMethod.CLASSICAL)), 1e-12);
        // classical with background: s + b = 3.890 for n = 1
        assertEquals(
                3.890 - 1.0, UpperLimits.upperLimit(LimitInput.of(1, 1.0).withMethod(LimitMethod.CLASSICAL)), 0.0015);
    }

    @Test
    void feldmanCousinsTable() {
        for (int n = 0; n <= 5; n++) {
            double s = UpperLimits.upperLimit(LimitInput.of(n, 0).withMethod(LimitMethod.FELDMAN_COUSINS));
            assertEquals(FC_B0[n], s, 0.006, "n = " + n);
        }
        // FC Table IV with background: b = 1.0, n = 0: 1.61; b = 0.5, n = 2: 5.41; b = 3.0, n = 3: 4.42
        // (for n = 0 at b >= 2 the paper's table carries an ad-hoc belt adjustment we do not apply)
        assertEquals(1.61, UpperLimits.upperLimit(LimitInput.of(0, 1).withMethod(LimitMethod.FELDMAN_COUSINS)), 0.006);
        assertEquals(
                5.41, UpperLimits.upperLimit(LimitInput.of(2, 0.5).withMethod(LimitMethod.FELDMAN_COUSINS)), 0.006);
        assertEquals(4.42, UpperLimits.upperLimit(LimitInput.of(3, 3).withMethod(LimitMethod.FELDMAN_COUSINS)), 0.006);
    }

    @Test
    void nuisancesWidenTheLimit() {
        double plain = UpperLimits.upperLimit(LimitInput.of(2, 1));
        double withSignal = UpperLimits.upperLimit(LimitInput.of(2, 1).withErrors(0, 0.3));
        double withBoth = UpperLimits.upperLimit(LimitInput.of(2, 1).withErrors(0.5, 0.3));
        assertTrue(withSignal > plain, withSignal + " vs " + plain);
        assertTrue(Math.abs(withBoth - withSignal) < 0.5);
        // a 10 % signal uncertainty moves the n = 0 limit only a little (Cousins-Highland: ~ +1-2 %)
        double s10 = UpperLimits.upperLimit(LimitInput.of(0, 0).withErrors(0, 0.1));
        assertTrue(s10 > 2.303 && s10 < 2.303 * 1.05, "" + s10);
    }

    @Test
    void expectedLimitAveragesOverPoissonOutcomes() {
        // b = 0: only n = 0 occurs
        assertEquals(2.303, UpperLimits.expectedLimit(LimitInput.of(3, 0)), 0.0015);
        // independent sum for b = 1.5
        double b = 1.5;
        double sum = 0;
        for (int n = 0; n < 40; n++) {
            double p = Math.exp(-b + n * Math.log(b) - org.apache.commons.math3.special.Gamma.logGamma(n + 1));
            sum += p * UpperLimits.upperLimit(LimitInput.of(n, b));
        }
        assertEquals(sum, UpperLimits.expectedLimit(LimitInput.of(0, b)), 1e-3);
        assertTrue(sum > 2.303);
    }

    /** ln P(N ≤ n | μ) written independently: -μ + ln Σ_k μ^k / k!, summed from the largest term with ln k! by direct sums. */
    private static double refLogCdf(int n, double mu) {
        double[] lt = new double[n + 1];
        double lf = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                lf += Math.log(k);
            }
            lt[k] = k * Math.log(mu) - lf;
            max = Math.max(max, lt[k]);
        }
        double s = 0;
        for (double t : lt) {
            s += Math.exp(t - max);
        }
        return -mu + max + Math.log(s);
    }

    /** Bisection root of a decreasing function on [lo, hi]. */
    private static double root(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double m = (lo + hi) / 2;
            if (f.applyAsDouble(m) > 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return (lo + hi) / 2;
    }

    @Test
    void clsStaysExactAtLargeBackground() {
        // issue 12: n = 0, b = 800 returned 0 (underflow); docs/physics.md#statistics: -ln 0.1 for any b
        for (double b : new double[] {745, 800, 5000, 1e5}) {
            assertEquals(-Math.log(0.1), UpperLimits.upperLimit(LimitInput.of(0, b)), 1e-5, "b = " + b);
        }
        // n = 3 and n = 700 at b = 800 against an independent brute-force root of CL_{s+b}/CL_b = 0.1
        for (int n : new int[] {3, 700, 800}) {
            double b = 800;
            double ref = root(s -> refLogCdf(n, s + b) - refLogCdf(n, b) - Math.log(0.1), 0, 500);
            assertEquals(ref, UpperLimits.upperLimit(LimitInput.of(n, b)), 1e-4 * Math.max(1, ref), "n = " + n);
        }
    }

    @Test
    void classicalAtLargeBackgroundMatchesBruteForce() {
        // n well below b: the data exclude even s = 0 (the classical empty interval) -> 0
        assertEquals(0, UpperLimits.upperLimit(LimitInput.of(0, 800).withMethod(LimitMethod.CLASSICAL)), 0);
        for (int n : new int[] {780, 800, 850}) {
            double b = 800;
            double ref = root(s -> refLogCdf(n, s + b) - Math.log(0.1), 0, 500);
            assertEquals(
                    ref,
                    UpperLimits.upperLimit(LimitInput.of(n, b).withMethod(LimitMethod.CLASSICAL)),
                    1e-4 * Math.max(1, ref),
                    "n = " + n);
        }
    }

    /** Feldman & Cousins 1998, Table IV (b = 0): lower ends for n = 1..5. */
    private static final double[] FC_B0_LOWER = {0.00, 0.11, 0.53, 1.10, 1.47, 1.84};

    @Test
    void feldmanCousinsReportsBothEnds() {
        for (int n = 0; n <= 5; n++) {
            FcInterval iv = UpperLimits.feldmanCousins(LimitInput.of(n, 0).withMethod(LimitMethod.FELDMAN_COUSINS));
            assertEquals(FC_B0_LOWER[n], iv.lower(), 0.006, "lower, n = " + n);
            assertEquals(FC_B0[n], iv.upper(), 0.006, "upper, n = " + n);
        }
        // Table IV: b = 0.5, n = 3: [0.60, 6.92]; b = 1, n = 4: [0.74, 7.60]
        FcInterval a = UpperLimits.feldmanCousins(LimitInput.of(3, 0.5).withMethod(LimitMethod.FELDMAN_COUSINS));
        assertEquals(0.60, a.lower(), 0.006);
        assertEquals(6.92, a.upper(), 0.006);
        FcInterval c = UpperLimits.feldmanCousins(LimitInput.of(4, 1).withMethod(LimitMethod.FELDMAN_COUSINS));
        assertEquals(0.74, c.lower(), 0.006);
        assertEquals(7.60, c.upper(), 0.006);
    }

    @Test
    void feldmanCousinsBeltAdjustmentFollowsThePublishedTable() {
        // Table IV, n = 0: b = 2: 1.26, b = 2.5: 1.18, b = 3: 1.08, b = 4: 1.01 (the plain construction
        // gives the saw-tooth 1.08, 1.18, 0.95, 0.85)
        double[][] table = {{2, 1.26}, {2.5, 1.18}, {3, 1.08}, {4, 1.01}};
        for (double[] row : table) {
            FcInterval adj = UpperLimits.feldmanCousins(
                    LimitInput.of(0, row[0]).withMethod(LimitMethod.FELDMAN_COUSINS_ADJUSTED));
            assertTrue(adj.adjusted());
            assertEquals(row[1], adj.upper(), 0.025, "b = " + row[0]);
        }
        double plain3 = UpperLimits.upperLimit(LimitInput.of(0, 3).withMethod(LimitMethod.FELDMAN_COUSINS));
        assertTrue(plain3 < 1.0, "plain construction at b = 3: " + plain3);
        // n >= b: no adjustment
        assertEquals(
                4.42,
                UpperLimits.upperLimit(LimitInput.of(3, 3).withMethod(LimitMethod.FELDMAN_COUSINS_ADJUSTED)),
                0.006);
    }

    @Test
    void feldmanCousinsFinishesAtLargeBackgroundOrSaysWhyNot() {
        // issue 12: n = 0, b = 800 never finished
        FcInterval iv = UpperLimits.feldmanCousins(LimitInput.of(0, 800).withMethod(LimitMethod.FELDMAN_COUSINS));
        assertEquals(0, iv.lower(), 0);
        assertTrue(iv.upper() > 0.1 && iv.upper() < 2.44, "" + iv);
        // n = b = 800: the interval is two-sided around 0 of width ~ ±1.64 √800
        FcInterval mid = UpperLimits.feldmanCousins(LimitInput.of(850, 800).withMethod(LimitMethod.FELDMAN_COUSINS));
        assertTrue(mid.lower() > 0 && mid.upper() > 80 && mid.upper() < 110, "" + mid);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> UpperLimits.upperLimit(
                        LimitInput.of(2_000_000_000, 1e9).withMethod(LimitMethod.FELDMAN_COUSINS)));
        assertTrue(e.getMessage().contains("cannot finish"), e.getMessage());
    }

    @Test
    void expectedLimitIsTheMedianWithBands() {
        // b = 0: every quantile is n = 0
        ExpectedLimits e0 = UpperLimits.expected(LimitInput.of(0, 0));
        assertEquals(2.303, e0.median(), 0.0015);
        assertEquals(2.303, e0.plus2(), 0.0015);
        // b = 3.2: independent quantiles of Pois(3.2) and the CLs limit at each
        double b = 3.2;
        double[] q = {0.02275, 0.15866, 0.5, 0.84134, 0.97725};
        double[] expect = new double[5];
        for (int i = 0; i < 5; i++) {
            double c = 0;
            int n = 0;
            while (true) {
                c += Math.exp(-b + n * Math.log(b) - org.apache.commons.math3.special.Gamma.logGamma(n + 1));
                if (c >= q[i]) {
                    break;
                }
                n++;
            }
            final int nn = n;
            expect[i] = root(s -> refLogCdf(nn, s + b) - refLogCdf(nn, b) - Math.log(0.1), 0, 100);
        }
        ExpectedLimits e = UpperLimits.expected(LimitInput.of(0, b));
        assertEquals(expect[0], e.minus2(), 1e-4);
        assertEquals(expect[1], e.minus1(), 1e-4);
        assertEquals(expect[2], e.median(), 1e-4);
        assertEquals(expect[3], e.plus1(), 1e-4);
        assertEquals(expect[4], e.plus2(), 1e-4);
        assertEquals(UpperLimits.expectedLimit(LimitInput.of(0, b)), e.mean(), 1e-9);
        assertTrue(e.minus2() <= e.minus1()
                && e.minus1() <= e.median()
                && e.median() <= e.plus1()
                && e.plus1() <= e.plus2());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LimitInput.of(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> LimitInput.of(0, -0.5));
        assertThrows(IllegalArgumentException.class, () -> LimitInput.of(0, 0).withCl(1.2));
        assertThrows(IllegalArgumentException.class, () -> LimitMethod.parse("bayes"));
    }
}
