package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free kernels agree with the plain double comparison on awkward values. */
class CutKernelTest {
    private static final float[] SPECIAL = {
        0f,
        -0f,
        1f,
        -1f,
        0.07f,
        0.5f,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        97f,
        103f,
        Math.nextUp(97f),
        Math.nextDown(97f),
        1e-30f,
        -1e-30f
    };
    private static final double[] EDGES = {0.0, -0.0, 0.07, 0.5, 97, 103, 1e-30, -1e-30, 1, -1, 0.1, 1e30};

    @Test
    void floatKernelMatchesReference() {
        Random r = new Random(3);
        int n = 64 * 5 + 17;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(3) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) (r.nextGaussian() * 2);
        }
        for (CutKind kind : CutKind.values()) {
            for (double lo : EDGES) {
                for (double hi : EDGES) {
                    if (kind.usesMin() && kind.usesMax() && lo > hi) {
                        continue;
                    }
                    check(kind, lo, hi, a, false);
                }
            }
        }
    }

    @Test
    void nanNeverPasses() {
        float negNaN = Float.intBitsToFloat(0xffc00000);
        float[] a = new float[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 3 == 0 ? Float.NaN : i % 3 == 1 ? negNaN : i - 100f;
        }
        for (CutKind kind : CutKind.values()) {
            check(kind, -5, 5, a, CutKernel.needsPlainKernel(a));
        }
    }

    @Test
    void intKernelMatchesReference() {
        int[] a = new int[300];
        Random r = new Random(4);
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextInt(21) - 10;
        }
        int[] huge = a.clone();
        huge[0] = Integer.MAX_VALUE;
        huge[1] = Integer.MIN_VALUE;
        assertFalse(CutKernel.needsPlainKernel(a));
        assertTrue(CutKernel.needsPlainKernel(huge));
        for (int[] arr : new int[][] {a, huge}) {
            for (CutKind kind : CutKind.values()) {
                for (double lo : new double[] {-3, -2.5, 0, 1, 4.5, -1e300}) {
                    for (double hi : new double[] {-2.5, 0, 1, 4.5, 5, 1e300}) {
                        if (kind.usesMin() && kind.usesMax() && lo > hi) {
                            continue;
                        }
                        long[] out = new long[Bits.words(a.length)];
                        CutKernel.apply(
                                kind,
                                kind.usesMin() ? lo : Double.NaN,
                                kind.usesMax() ? hi : Double.NaN,
                                arr,
                                CutKernel.needsPlainKernel(arr),
                                arr.length,
                                out,
                                0,
                                out.length,
                                false);
                        for (int e = 0; e < arr.length; e++) {
                            assertEquals(
                                    kind.passes(arr[e], lo, hi),
                                    Bits.get(out, e),
                                    kind + " " + lo + " " + hi + " v=" + arr[e]);
                        }
                    }
                }
            }
        }
    }

    private static void check(CutKind kind, double lo, double hi, float[] a, boolean hasNaN) {
        double min = kind.usesMin() ? lo : Double.NaN;
        double max = kind.usesMax() ? hi : Double.NaN;
        long[] out = new long[Bits.words(a.length)];
        CutKernel.apply(kind, min, max, a, hasNaN, a.length, out, 0, out.length, false);
        for (int e = 0; e < a.length; e++) {
            boolean expect = !Float.isNaN(a[e]) && kind.passes(a[e], min, max);
            assertEquals(expect, Bits.get(out, e), kind + " min=" + min + " max=" + max + " v=" + a[e]);
        }
    }
}
