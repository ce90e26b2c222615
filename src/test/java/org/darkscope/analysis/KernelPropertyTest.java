package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Property test: on random columns and random edges, every kernel implementation present in this
 * JVM (the scalar one, and the Vector API one when jdk.incubator.vector is resolved, as in the test
 * JVM: see pom.xml) gives the pass bits of a plain double comparison written out here again.
 */
class KernelPropertyTest {
    private static final float[] SPECIAL = {
        0f,
        -0f,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        1e-30f,
        -1e-30f,
        0.07f,
        0.1f,
        97f,
        103f
    };

    /** The comparison as the documentation states it, in double precision; NaN never passes. */
    private static boolean expected(CutKind kind, double v, double min, double max) {
        if (v != v) {
            return false;
        }
        switch (kind) {
            case MIN:
                return v > min;
            case MAX:
                return v < max;
            case WINDOW:
                return v > min && v < max;
            case OUTSIDE:
                return v < min || v > max;
            default:
                return (v < 0 ? -v : v) < max;
        }
    }

    private static List<WordKernels> implementations() {
        List<WordKernels> l = new ArrayList<>();
        l.add(CutKernel.SCALAR);
        if (CutKernel.vector() != null) {
            l.add(CutKernel.vector());
        }
        return l;
    }

    @Test
    void vectorKernelsLoadWhenTheModuleIsResolved() {
        // the default surefire configuration (pom.xml) starts the test JVM with add-modules
        // jdk.incubator.vector, so both paths are tested there; other configurations may not
        Assumptions.assumeTrue(
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "jdk.incubator.vector is not resolved in this JVM");
        assertNotNull(CutKernel.vector(), "the module is there but the Vector API kernels did not load");
    }

    @Test
    void floatColumnsAgreeWithPlainComparison() {
        Random r = new Random(20261129);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(2000);
            float[] a = new float[n];
            double scale = Math.pow(10, r.nextInt(7) - 3);
            for (int i = 0; i < n; i++) {
                int pick = r.nextInt(10);
                a[i] = pick == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) (r.nextGaussian() * scale);
            }
            boolean withNaN = r.nextInt(5) == 0;
            if (withNaN) {
                a[r.nextInt(n)] = r.nextBoolean() ? Float.NaN : Float.intBitsToFloat(0xffc00001);
            }
            CutKind kind = CutKind.values()[r.nextInt(CutKind.values().length)];
            double e1 = edge(r, a, scale);
            double e2 = edge(r, a, scale);
            double min = kind.usesMin() ? Math.min(e1, e2) : Double.NaN;
            double max = kind.usesMax() ? (kind.usesMin() ? Math.max(e1, e2) : e2) : Double.NaN;
            boolean plain = CutKernel.needsPlainKernel(a);
            for (WordKernels k : implementations()) {
                check(k, kind, min, max, a, plain, r);
            }
        }
    }

    @Test
    void intColumnsAgreeWithPlainComparison() {
        Random r = new Random(15);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(1500);
            int[] a = new int[n];
            int span = 1 + r.nextInt(r.nextBoolean() ? 20 : 1 << 29);
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(2 * span + 1) - span;
            }
            if (r.nextInt(6) == 0) {
                a[r.nextInt(n)] = r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            }
            CutKind kind = CutKind.values()[r.nextInt(CutKind.values().length)];
            double e1 =
                    r.nextInt(8) == 0 ? (r.nextBoolean() ? 1e300 : -1e300) : a[r.nextInt(n)] + (r.nextInt(3) - 1) * 0.5;
            double e2 =
                    r.nextInt(8) == 0 ? (r.nextBoolean() ? 1e300 : -1e300) : a[r.nextInt(n)] + (r.nextInt(3) - 1) * 0.5;
            double min = kind.usesMin() ? Math.min(e1, e2) : Double.NaN;
            double max = kind.usesMax() ? (kind.usesMin() ? Math.max(e1, e2) : e2) : Double.NaN;
            boolean plain = CutKernel.needsPlainKernel(a);
            for (WordKernels k : implementations()) {
                long[] out = new long[Bits.words(n)];
                CutKernel.apply(k, kind, min, max, a, plain, n, out, 0, out.length, false);
                for (int e = 0; e < n; e++) {
                    assertEquals(
                            expected(kind, a[e], min, max),
                            Bits.get(out, e),
                            k.describe() + " " + kind + " min=" + min + " max=" + max + " v=" + a[e]);
                }
            }
        }
    }

    /** An edge: a value of the column (exactly, or one float step away), a round number, or a far one. */
    private static double edge(Random r, float[] a, double scale) {
        switch (r.nextInt(6)) {
            case 0:
                return a[r.nextInt(a.length)];
            case 1:
                return Math.nextUp(a[r.nextInt(a.length)]);
            case 2:
                return a[r.nextInt(a.length)] + scale * 1e-9;
            case 3:
                return r.nextBoolean() ? 0.0 : -0.0;
            case 4:
                return r.nextInt(4) == 0 ? (r.nextBoolean() ? 1e300 : -1e300) : r.nextGaussian() * scale;
            default:
                return Math.round(r.nextGaussian() * 10) / 10.0;
        }
    }

    /** Whole range written, then a random sub-range ANDed onto a random bitset: both as the reference says. */
    private static void check(WordKernels k, CutKind kind, double min, double max, float[] a, boolean plain, Random r) {
        int n = a.length;
        int words = Bits.words(n);
        long[] out = new long[words];
        CutKernel.apply(k, kind, min, max, a, plain, n, out, 0, words, false);
        for (int e = 0; e < n; e++) {
            double v = Float.isNaN(a[e]) ? Double.NaN : a[e];
            assertEquals(
                    expected(kind, v, min, max),
                    Bits.get(out, e),
                    k.describe() + " " + kind + " min=" + min + " max=" + max + " v=" + a[e]);
        }
        long[] prior = new long[words];
        for (int w = 0; w < words; w++) {
            prior[w] = r.nextLong();
        }
        long[] and = prior.clone();
        int w0 = r.nextInt(words);
        int w1 = w0 + r.nextInt(words - w0 + 1);
        CutKernel.apply(k, kind, min, max, a, plain, n, and, w0, w1, true);
        for (int w = 0; w < words; w++) {
            long expect = w >= w0 && w < w1 ? prior[w] & out[w] : prior[w];
            assertEquals(expect, and[w], k.describe() + " AND into word " + w);
        }
    }
}
