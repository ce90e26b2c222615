package org.darkscope.analysis;

/**
 * Fast pass-bit kernels: one column of float/int/long values against one cut, 64 events per word,
 * over a range of words. The float kernel is branch-free: for float thresholds it uses the sign
 * bit of a float difference, which equals the strict comparison for every non-NaN value once the
 * double edges are rounded outward to floats and zero edges are given the right sign. Columns
 * that contain NaN or edges beyond the float range use the plain reference comparison.
 *
 * <p>The whole words go to a {@link WordKernels}: the scalar one here, or on JDK 21+ with the
 * {@code jdk.incubator.vector} module the Vector API one ({@link #vector()}). System property
 * {@code darkscope.kernel}: {@code auto} (default), {@code scalar}, or {@code vector} (also on
 * JDK 17-20, for tests).</p>
 */
final class CutKernel {
    private CutKernel() {}

    /** The scalar kernels (branch-free sign-bit comparisons), the ones JDK 17 uses. */
    static final WordKernels SCALAR = new Scalar();

    private static final WordKernels VECTOR = loadVector();
    private static final WordKernels ACTIVE = choose();

    /** The kernels {@link #apply} uses. */
    static WordKernels active() {
        return ACTIVE;
    }

    /** "scalar" or "vector N-bit": what {@link #apply} uses (for benchmark reports). */
    static String describe() {
        return ACTIVE.describe();
    }

    /** The Vector API kernels if the jdk.incubator.vector module is resolved (any JDK), else null. */
    static WordKernels vector() {
        return VECTOR;
    }

    private static WordKernels loadVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (WordKernels) Class.forName("org.darkscope.analysis.VectorCutKernel")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            System.getLogger(CutKernel.class.getName())
                    .log(System.Logger.Level.DEBUG, "Vector API kernels not available", e);
            return null;
        }
    }

    private static WordKernels choose() {
        String mode = System.getProperty("darkscope.kernel", "auto");
        return switch (mode) {
            case "scalar" -> SCALAR;
            case "vector" -> VECTOR != null ? VECTOR : SCALAR;
                // JDK 17-20: the incubating API is slower there (mask-to-long is not an intrinsic everywhere)
            default -> VECTOR != null && Runtime.version().feature() >= 21 ? VECTOR : SCALAR;
        };
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
    static void apply(
            CutKind kind,
            double min,
            double max,
            Object values,
            boolean plain,
            int n,
            long[] out,
            int w0,
            int w1,
            boolean and) {
        apply(ACTIVE, kind, min, max, values, plain, n, out, w0, w1, and);
    }

    /** {@link #apply} with the given whole-word kernels (tests compare the implementations). */
    static void apply(
            WordKernels k,
            CutKind kind,
            double min,
            double max,
            Object values,
            boolean plain,
            int n,
            long[] out,
            int w0,
            int w1,
            boolean and) {
        if (values instanceof float[] f && !plain && fitsFloat(min) && fitsFloat(max)) {
            floatKernel(k, kind, min, max, f, n, out, w0, w1, and);
        } else if (values instanceof int[] i && !plain) {
            intKernel(k, kind, min, max, i, n, out, w0, w1, and);
        } else if (values instanceof byte[] b
                && (kind == CutKind.MIN || kind == CutKind.MAX || kind == CutKind.WINDOW)) {
            int lo = kind.usesMin() ? (int) Math.max(-INT_SAFE, Math.min(INT_SAFE, Math.floor(min))) : -INT_SAFE;
            int hi = kind.usesMax() ? (int) Math.max(-INT_SAFE, Math.min(INT_SAFE, Math.ceil(max))) : INT_SAFE;
            int full = Math.min(w1, n >>> 6);
            if (full > w0) {
                k.byteWindow(lo, hi, b, out, w0, full, and);
            }
            if (w1 > full) {
                referenceKernel(kind, min, max, b, n, out, Math.max(w0, full), w1, and);
            }
        } else {
            referenceKernel(kind, min, max, values, n, out, w0, w1, and);
        }
    }

    private static void store(long[] out, int w, long bits, boolean and) {
        out[w] = and ? out[w] & bits : bits;
    }

    /*
     * Float kernels: the sign bit of a float difference is the strict comparison (see the class
     * comment). Each 64-event word is built from four independent 16-bit accumulators filled by
     * constant shifts, which keeps four dependency chains in flight (about 25 % faster than one
     * accumulator with variable shifts on the JDK 17 C2 compiler).
     */
    private static long word(int a0, int a1, int a2, int a3) {
        return (a0 & 0xffffL) | ((a1 & 0xffffL) << 16) | ((a2 & 0xffffL) << 32) | ((long) a3 << 48);
    }

    private static void floatKernel(
            WordKernels k,
            CutKind kind,
            double min,
            double max,
            float[] a,
            int n,
            long[] out,
            int w0,
            int w1,
            boolean and) {
        int full = Math.min(w1, n >>> 6);
        if (full > w0) {
            switch (kind) {
                case MIN -> k.floats(kind, lowerEdge(min), 0f, a, out, w0, full, and);
                case MAX -> k.floats(kind, 0f, upperEdge(max), a, out, w0, full, and);
                case WINDOW -> k.floats(kind, lowerEdge(min), upperEdge(max), a, out, w0, full, and);
                case OUTSIDE -> k.floats(kind, upperEdge(min), lowerEdge(max), a, out, w0, full, and);
                case ABS_MAX -> k.floats(kind, 0f, upperEdge(max), a, out, w0, full, and);
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        if (w1 > full) {
            referenceKernel(kind, min, max, a, n, out, Math.max(w0, full), w1, and);
        }
    }

    /** v &gt; lo: sign of lo - v. */
    private static void minKernel(float lo, float[] a, long[] out, int w0, int w1, boolean and) {
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = 15; j >= 0; j--) {
                a0 = (a0 << 1) | (Float.floatToRawIntBits(lo - a[b + j]) >>> 31);
                a1 = (a1 << 1) | (Float.floatToRawIntBits(lo - a[b + 16 + j]) >>> 31);
                a2 = (a2 << 1) | (Float.floatToRawIntBits(lo - a[b + 32 + j]) >>> 31);
                a3 = (a3 << 1) | (Float.floatToRawIntBits(lo - a[b + 48 + j]) >>> 31);
            }
            store(out, w, word(a0, a1, a2, a3), and);
        }
    }

    /** v &lt; hi: sign of v - hi. */
    private static void maxKernel(float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = 15; j >= 0; j--) {
                a0 = (a0 << 1) | (Float.floatToRawIntBits(a[b + j] - hi) >>> 31);
                a1 = (a1 << 1) | (Float.floatToRawIntBits(a[b + 16 + j] - hi) >>> 31);
                a2 = (a2 << 1) | (Float.floatToRawIntBits(a[b + 32 + j] - hi) >>> 31);
                a3 = (a3 << 1) | (Float.floatToRawIntBits(a[b + 48 + j] - hi) >>> 31);
            }
            store(out, w, word(a0, a1, a2, a3), and);
        }
    }

    private static int window(float lo, float hi, float v) {
        return (Float.floatToRawIntBits(lo - v) & Float.floatToRawIntBits(v - hi)) >>> 31;
    }

    private static void windowKernel(float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = 15; j >= 0; j--) {
                a0 = (a0 << 1) | window(lo, hi, a[b + j]);
                a1 = (a1 << 1) | window(lo, hi, a[b + 16 + j]);
                a2 = (a2 << 1) | window(lo, hi, a[b + 32 + j]);
                a3 = (a3 << 1) | window(lo, hi, a[b + 48 + j]);
            }
            store(out, w, word(a0, a1, a2, a3), and);
        }
    }

    /** v &lt; lo or v &gt; hi. */
    private static int outside(float lo, float hi, float v) {
        return (Float.floatToRawIntBits(v - lo) | Float.floatToRawIntBits(hi - v)) >>> 31;
    }

    private static void outsideKernel(float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = 15; j >= 0; j--) {
                a0 = (a0 << 1) | outside(lo, hi, a[b + j]);
                a1 = (a1 << 1) | outside(lo, hi, a[b + 16 + j]);
                a2 = (a2 << 1) | outside(lo, hi, a[b + 32 + j]);
                a3 = (a3 << 1) | outside(lo, hi, a[b + 48 + j]);
            }
            store(out, w, word(a0, a1, a2, a3), and);
        }
    }

    /** |v| &lt; hi: sign of |v| - hi. */
    private static void absKernel(float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int j = 15; j >= 0; j--) {
                a0 = (a0 << 1) | (Float.floatToRawIntBits(Math.abs(a[b + j]) - hi) >>> 31);
                a1 = (a1 << 1) | (Float.floatToRawIntBits(Math.abs(a[b + 16 + j]) - hi) >>> 31);
                a2 = (a2 << 1) | (Float.floatToRawIntBits(Math.abs(a[b + 32 + j]) - hi) >>> 31);
                a3 = (a3 << 1) | (Float.floatToRawIntBits(Math.abs(a[b + 48 + j]) - hi) >>> 31);
            }
            store(out, w, word(a0, a1, a2, a3), and);
        }
    }

    /** The scalar whole-word kernels: four 16-bit accumulators of sign bits per word. */
    private static final class Scalar implements WordKernels {
        @Override
        public void floats(CutKind kind, float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and) {
            switch (kind) {
                case MIN -> minKernel(lo, a, out, w0, w1, and);
                case MAX -> maxKernel(hi, a, out, w0, w1, and);
                case WINDOW -> windowKernel(lo, hi, a, out, w0, w1, and);
                case OUTSIDE -> outsideKernel(lo, hi, a, out, w0, w1, and);
                case ABS_MAX -> absKernel(hi, a, out, w0, w1, and);
                default -> throw new IllegalStateException(kind.toString());
            }
        }

        @Override
        public void intWindow(int lo, int hi, int[] a, long[] out, int w0, int w1, boolean and) {
            for (int w = w0; w < w1; w++) {
                int b = w << 6;
                int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                for (int j = 15; j >= 0; j--) {
                    int v0 = a[b + j], v1 = a[b + 16 + j], v2 = a[b + 32 + j], v3 = a[b + 48 + j];
                    a0 = (a0 << 1) | (((lo - v0) & (v0 - hi)) >>> 31);
                    a1 = (a1 << 1) | (((lo - v1) & (v1 - hi)) >>> 31);
                    a2 = (a2 << 1) | (((lo - v2) & (v2 - hi)) >>> 31);
                    a3 = (a3 << 1) | (((lo - v3) & (v3 - hi)) >>> 31);
                }
                store(out, w, word(a0, a1, a2, a3), and);
            }
        }

        @Override
        public void byteWindow(int lo, int hi, byte[] a, long[] out, int w0, int w1, boolean and) {
            for (int w = w0; w < w1; w++) {
                int b = w << 6;
                int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                for (int j = 15; j >= 0; j--) {
                    int v0 = a[b + j], v1 = a[b + 16 + j], v2 = a[b + 32 + j], v3 = a[b + 48 + j];
                    a0 = (a0 << 1) | (((lo - v0) & (v0 - hi)) >>> 31);
                    a1 = (a1 << 1) | (((lo - v1) & (v1 - hi)) >>> 31);
                    a2 = (a2 << 1) | (((lo - v2) & (v2 - hi)) >>> 31);
                    a3 = (a3 << 1) | (((lo - v3) & (v3 - hi)) >>> 31);
                }
                store(out, w, word(a0, a1, a2, a3), and);
            }
        }

        @Override
        public String describe() {
            return "scalar";
        }
    }

    /** Largest magnitude of an int column (and of a clamped edge) for the int fast path: differences cannot overflow. */
    static final int INT_SAFE = 1 << 30;

    private static void intKernel(
            WordKernels k,
            CutKind kind,
            double min,
            double max,
            int[] a,
            int n,
            long[] out,
            int w0,
            int w1,
            boolean and) {
        if (kind != CutKind.MIN && kind != CutKind.MAX && kind != CutKind.WINDOW) {
            referenceKernel(kind, min, max, a, n, out, w0, w1, and);
            return;
        }
        // v > min <=> v > floor(min); v < max <=> v < ceil(max) (integers). Values are within
        // ±2^30 (checked once per column by needsPlainKernel), edges are clamped to ±2^30, so
        // lo - v and v - hi never overflow and their sign bit is the comparison.
        int lo = kind.usesMin() ? (int) Math.max(-INT_SAFE, Math.min(INT_SAFE, Math.floor(min))) : -INT_SAFE;
        int hi = kind.usesMax() ? (int) Math.max(-INT_SAFE, Math.min(INT_SAFE, Math.ceil(max))) : INT_SAFE;
        int full = Math.min(w1, n >>> 6);
        if (full > w0) {
            k.intWindow(lo, hi, a, out, w0, full, and);
        }
        if (w1 > full) {
            referenceKernel(kind, min, max, a, n, out, Math.max(w0, full), w1, and);
        }
    }

    /** The reference comparison ({@link CutKind#passes}) for any column type. */
    static void referenceKernel(
            CutKind kind, double min, double max, Object values, int n, long[] out, int w0, int w1, boolean and) {
        float[] f = values instanceof float[] x ? x : null;
        int[] i = values instanceof int[] x ? x : null;
        byte[] y = values instanceof byte[] x ? x : null;
        long[] l = values instanceof long[] x ? x : null;
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            int end = Math.min(64, n - b);
            long bits = 0;
            for (int j = 0; j < end; j++) {
                int e = b + j;
                double v = f != null ? f[e] : i != null ? i[e] : y != null ? y[e] : (double) l[e];
                if (kind.passes(v, min, max)) {
                    bits |= 1L << j;
                }
            }
            store(out, w, bits, and);
        }
    }

    /**
     * True if a column needs the plain comparison: a float column with a NaN, an int column with a
     * value beyond ±2^30, any long column. Checked once per column and cached by the engine. Columns
     * without a backing array are scanned chunk by chunk.
     */
    static boolean needsPlainKernel(org.darkscope.event.Column c) {
        Object a = c.array();
        if (a != null) {
            return needsPlainKernel(a);
        }
        if (c.byteArray() != null) {
            return false;
        }
        int chunk = 1 << 16;
        switch (c.type()) {
            case FLOAT -> {
                float[] f = new float[Math.min(chunk, c.size())];
                for (int e0 = 0; e0 < c.size(); e0 += chunk) {
                    int len = Math.min(chunk, c.size() - e0);
                    c.floats(e0, len, f);
                    for (int k = 0; k < len; k++) {
                        if (f[k] != f[k]) {
                            return true;
                        }
                    }
                }
                return false;
            }
            case INT -> {
                int[] v = new int[Math.min(chunk, c.size())];
                for (int e0 = 0; e0 < c.size(); e0 += chunk) {
                    int len = Math.min(chunk, c.size() - e0);
                    c.ints(e0, len, v);
                    for (int k = 0; k < len; k++) {
                        if (v[k] >= INT_SAFE || v[k] <= -INT_SAFE) {
                            return true;
                        }
                    }
                }
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    static boolean needsPlainKernel(Object values) {
        if (values instanceof float[] f) {
            for (float v : f) {
                if (v != v) {
                    return true;
                }
            }
            return false;
        }
        if (values instanceof int[] a) {
            for (int v : a) {
                if (v >= INT_SAFE || v <= -INT_SAFE) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
