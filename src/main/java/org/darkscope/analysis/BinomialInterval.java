package org.darkscope.analysis;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** Two-sided binomial confidence intervals for k successes out of n (docs/physics.md#statistics). */
public final class BinomialInterval {
    private BinomialInterval() {}

    /** [lower, upper] for k of n at confidence level cl (e.g. 0.6827), by the given method. */
    public static double[] of(IntervalMethod method, long k, long n, double cl) {
        return method == IntervalMethod.WILSON ? wilson(k, n, cl) : clopperPearson(k, n, cl);
    }

    /** Exact Clopper-Pearson interval from Beta quantiles. */
    public static double[] clopperPearson(long k, long n, double cl) {
        check(k, n, cl);
        if (n == 0) {
            return new double[] {0, 1};
        }
        double a = (1 - cl) / 2;
        double lo = k == 0 ? 0 : new BetaDistribution(k, n - k + 1.0).inverseCumulativeProbability(a);
        double hi = k == n ? 1 : new BetaDistribution(k + 1.0, n - k).inverseCumulativeProbability(1 - a);
        return new double[] {lo, hi};
    }

    /** Wilson score interval. */
    public static double[] wilson(long k, long n, double cl) {
        check(k, n, cl);
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - cl) / 2);
        double p = (double) k / n;
        double z2 = z * z;
        double den = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / den;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / den;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static void check(long k, long n, double cl) {
        if (k < 0 || n < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got k=" + k + " n=" + n);
        }
        if (!(cl > 0 && cl < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0,1), got " + cl);
        }
    }
}
