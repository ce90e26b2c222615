package org.darkscope.sim;

import org.apache.commons.math3.special.Erf;

/**
 * Standard normal deviates from a tabulated inverse CDF with linear interpolation: a table look-up
 * per deviate instead of a logarithm and a square root. The two outermost bins (probability
 * 2/{@value #BINS}) are inverted exactly.
 */
final class GaussianTable {
    static final int BITS = 14;
    static final int BINS = 1 << BITS;
    private static final double[] Q = new double[BINS + 1];
    private static final double SQRT2 = Math.sqrt(2);

    static {
        for (int i = 1; i < BINS; i++) {
            Q[i] = exact((double) i / BINS);
        }
        Q[0] = Double.NEGATIVE_INFINITY;
        Q[BINS] = Double.POSITIVE_INFINITY;
    }

    private GaussianTable() {}

    static double exact(double u) {
        return SQRT2 * Erf.erfInv(2 * u - 1);
    }

    /** Quantile for the uniform random bits {@code bits}. */
    static double quantile(long bits) {
        int i = (int) (bits >>> (64 - BITS));
        double f = ((bits >>> (64 - BITS - 39)) & ((1L << 39) - 1)) * 0x1.0p-39;
        if (i == 0 || i == BINS - 1) {
            double u = (i + Math.max(f, 0x1.0p-40)) / BINS;
            return exact(Math.min(u, 1 - 0x1.0p-50));
        }
        return Q[i] + f * (Q[i + 1] - Q[i]);
    }
}
