package org.darkscope.sim.response;

import org.apache.commons.math3.special.Gamma;

/**
 * The regularised incomplete gamma function P(α, x) tabulated on a grid (steps of 0.05 in α and
 * x, bilinear interpolation, absolute error &lt; 2e-4, i.e. &lt; 0.5 % of the preshower share), so a shower costs two look-ups instead of two
 * series evaluations. Outside the grid, and for x &lt; 0.5, it falls back to Commons Math.
 */
final class GammaTable {
    static final double A_MIN = 1.0;
    static final double A_MAX = 16.0;
    static final double X_MAX = 80.0;
    static final double STEP = 0.05;
    /** Below this x the curvature of x^α is too strong for the grid: computed exactly (rare: a shower's first X0s). */
    static final double X_EXACT = 0.5;

    private static final int NA = (int) Math.round((A_MAX - A_MIN) / STEP) + 1;
    private static final int NX = (int) Math.round(X_MAX / STEP) + 1;
    private static final float[] TABLE = new float[NA * NX];

    static {
        for (int i = 0; i < NA; i++) {
            double a = A_MIN + i * STEP;
            for (int j = 0; j < NX; j++) {
                TABLE[i * NX + j] = (float) Gamma.regularizedGammaP(a, j * STEP, 1e-10, 500);
            }
        }
    }

    private GammaTable() {}

    static double p(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (a < A_MIN || a >= A_MAX || x < X_EXACT || x >= X_MAX) {
            return Gamma.regularizedGammaP(a, x, 1e-9, 200);
        }
        double fa = (a - A_MIN) / STEP;
        double fx = x / STEP;
        int i = (int) fa;
        int j = (int) fx;
        double u = fa - i;
        double v = fx - j;
        int k = i * NX + j;
        double p00 = TABLE[k];
        double p01 = TABLE[k + 1];
        double p10 = TABLE[k + NX];
        double p11 = TABLE[k + NX + 1];
        return (1 - u) * ((1 - v) * p00 + v * p01) + u * ((1 - v) * p10 + v * p11);
    }
}
