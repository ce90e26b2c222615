package org.darkscope.testsupport;

import java.util.Arrays;

/** Order statistics of samples, for tests that check a distribution's median or quantiles. */
public final class SampleStats {
    private SampleStats() {}

    /** The median of the values (the upper one of the two middle values for an even count). */
    public static double median(float[] v) {
        float[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** The {@code q} quantile of sorted values, interpolated linearly between neighbours. */
    public static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) pos;
        double f = pos - i;
        return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
    }
}
