package org.darkscope.analysis;

/**
 * Fast pass-bit kernels: one column of float/int/long values against one cut, 64 events per word,
 * over a range of words. The float kernel is branch-free: for float thresholds it uses the sign
 * bit of a float difference, which equals the strict comparison for every non-NaN value once the
 * double edges are rounded outward to floats and zero edges are given the right sign. Columns
 * that contain NaN or edges beyond the float range use the plain reference comparison.
 */
final class CutKernel {
    private CutKernel() {
    }

    /** Largest float ≤ d (d finite). */
    static float floorFloat(double d) {
        float f = (float) d;
        return f > d ? Math.nextDown(f) : f;
    }

    /** Smallest float ≥ d (d finite). */
    static float ceilFloat(double d) {
        float f = (float) d;
        return f < d ? Math.nextUp(f) : f;
    }

    /** Edge for "v > lo": +0 instead of -0 (so that lo - v for v = ±0 is +0). */
    static float lowerEdge(double lo) {
        float f = floorFloat(lo);
        return f == 0f ? 0f : f;
    }

    /** Edge for "v < hi": -0 instead of +0 (so that v - hi for v = ±0 is +0). */
    static float upperEdge(double hi) {
        float f = ceilFloat(hi);
        return f == 0f ? -0f : f;
    }

    static boolean fitsFloat(double d) {
        return Double.isNaN(d) || Math.abs(d) <= Float.MAX_VALUE;
    }

    /**
     * Writes (and == false) or ANDs into (and == true) {@code out[w0..w1)} the pass bits of
     * {@code values} (a float[], int[] or long[] column of n events).
     */
    static void apply(CutKind kind, double min, double max, Object values, boolean hasNaN, int n,
                      long[] out, int w0, int w1, boolean and) {
        if (values instanceof float[] f && !hasNaN && fitsFloat(min) && fitsFloat(max)) {
            floatKernel(kind, min, max, f, n, out, w0, w1, and);
        } else if (values instanceof int[] i) {
            intKernel(kind, min, max, i, n, out, w0, w1, and);
        } else {
            referenceKernel(kind, min, max, values, n, out, w0, w1, and);
        }
    }

    private static void store(long[] out, int w, long bits, boolean and) {
        out[w] = and ? out[w] & bits : bits;
    }

    private static void floatKernel(CutKind kind, double min, double max, float[] a, int n,
                                    long[] out, int w0, int w1, boolean and) {
        int full = Math.min(w1, n >>> 6);
        switch (kind) {
            case MIN -> {
                float lo = lowerEdge(min);
                for (int w = w0; w < full; w++) {
                    int b = w << 6;
                    long bits = 0;
                    for (int j = 0; j < 64; j++) {
                        bits |= ((long) (Float.floatToRawIntBits(lo - a[b + j]) >>> 31)) << j;
                    }
                    store(out, w, bits, and);
                }
            }
            case MAX -> {
                float hi = upperEdge(max);
                for (int w = w0; w < full; w++) {
                    int b = w << 6;
                    long bits = 0;
                    for (int j = 0; j < 64; j++) {
                        bits |= ((long) (Float.floatToRawIntBits(a[b + j] - hi) >>> 31)) << j;
                    }
                    store(out, w, bits, and);
                }
            }
            case WINDOW -> {
                float lo = lowerEdge(min);
                float hi = upperEdge(max);
                for (int w = w0; w < full; w++) {
                    int b = w << 6;
                    long bits = 0;
                    for (int j = 0; j < 64; j++) {
                        float v = a[b + j];
                        int s = Float.floatToRawIntBits(lo - v) & Float.floatToRawIntBits(v - hi);
                        bits |= ((long) (s >>> 31)) << j;
                    }
                    store(out, w, bits, and);
                }
            }
            case OUTSIDE -> {
                float lo = upperEdge(min); // v < min
                float hi = lowerEdge(max); // v > max
                for (int w = w0; w < full; w++) {
                    int b = w << 6;
                    long bits = 0;
                    for (int j = 0; j < 64; j++) {
                        float v = a[b + j];
                        int s = Float.floatToRawIntBits(v - lo) | Float.floatToRawIntBits(hi - v);
                        bits |= ((long) (s >>> 31)) << j;
                    }
                    store(out, w, bits, and);
                }
            }
            case ABS_MAX -> {
                float hi = upperEdge(max);
                for (int w = w0; w < full; w++) {
                    int b = w << 6;
                    long bits = 0;
                    for (int j = 0; j < 64; j++) {
                        bits |= ((long) (Float.floatToRawIntBits(Math.abs(a[b + j]) - hi) >>> 31)) << j;
                    }
                    store(out, w, bits, and);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        if (w1 > full) {
            referenceKernel(kind, min, max, a, n, out, full, w1, and);
        }
    }

    private static void intKernel(CutKind kind, double min, double max, int[] a, int n,
                                  long[] out, int w0, int w1, boolean and) {
        // v > min  <=>  v >= floor(min) + 1 ; v < max <=> v <= ceil(max) - 1 (integers, as longs)
        long clamp = 1L << 40; // beyond any int: keeps the differences below from overflowing
        long lo = kind.usesMin() ? Math.max(-clamp, Math.min(clamp, (long) Math.floor(min))) : 0;
        long hi = kind.usesMax() ? Math.max(-clamp, Math.min(clamp, (long) Math.ceil(max))) : 0;
        int full = Math.min(w1, n >>> 6);
        if (kind == CutKind.MIN || kind == CutKind.MAX || kind == CutKind.WINDOW) {
            boolean useLo = kind.usesMin();
            boolean useHi = kind.usesMax();
            long loE = useLo ? lo : Long.MIN_VALUE / 2; // pass iff lo - v < 0
            long hiE = useHi ? hi : Long.MAX_VALUE / 2; // pass iff v - hi < 0
            for (int w = w0; w < full; w++) {
                int b = w << 6;
                long bits = 0;
                for (int j = 0; j < 64; j++) {
                    long v = a[b + j];
                    long s = (loE - v) & (v - hiE);
                    bits |= (s >>> 63) << j;
                }
                store(out, w, bits, and);
            }
            if (w1 > full) {
                referenceKernel(kind, min, max, a, n, out, full, w1, and);
            }
        } else {
            referenceKernel(kind, min, max, a, n, out, w0, w1, and);
        }
    }

    /** The reference comparison ({@link CutKind#passes}) for any column type. */
    static void referenceKernel(CutKind kind, double min, double max, Object values, int n,
                                long[] out, int w0, int w1, boolean and) {
        float[] f = values instanceof float[] x ? x : null;
        int[] i = values instanceof int[] x ? x : null;
        long[] l = values instanceof long[] x ? x : null;
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int end = Math.min(64, n - b);
            long bits = 0;
            for (int j = 0; j < end; j++) {
                int e = b + j;
                double v = f != null ? f[e] : i != null ? i[e] : (double) l[e];
                if (kind.passes(v, min, max)) {
                    bits |= 1L << j;
                }
            }
            store(out, w, bits, and);
        }
    }

    static boolean containsNaN(Object values) {
        if (values instanceof float[] f) {
            for (float v : f) {
                if (v != v) {
                    return true;
                }
            }
        }
        return false;
    }
}
