package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test for byte columns (small integers stored as bytes): every kernel implementation in
 * this JVM gives the pass bits of a plain double comparison written out here, for random values
 * over the whole byte range, edges inside and beyond it (±2^30 and more) and run sizes that end
 * mid-word.
 */
class ByteKernelPropertyTest {
    private static boolean expected(CutKind kind, double v, double min, double max) {
        return switch (kind) {
            case MIN -> v > min;
            case MAX -> v < max;
            case WINDOW -> v > min && v < max;
            case OUTSIDE -> v < min || v > max;
            case ABS_MAX -> Math.abs(v) < max;
        };
    }

    private static final double[] EDGES = {
        -1e12,
        -(1 << 30),
        -129,
        -128.5,
        -128,
        -127,
        -1.5,
        -1,
        -0.0,
        0,
        0.5,
        1,
        3.5,
        4,
        126,
        127,
        127.5,
        128,
        1 << 30,
        1e12
    };

    @Test
    void byteColumnsPassExactlyWhatTheComparisonSays() {
        List<WordKernels> impls = new ArrayList<>();
        impls.add(CutKernel.SCALAR);
        if (CutKernel.vector() != null) {
            impls.add(CutKernel.vector());
        }
        Random rnd = new Random(15);
        for (int n : new int[] {1, 63, 64, 65, 200, 1000}) {
            byte[] a = new byte[n];
            for (int e = 0; e < n; e++) {
                a[e] = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? (byte) 127 : (byte) -128) : (byte) rnd.nextInt(256);
            }
            int words = Bits.words(n);
            for (WordKernels k : impls) {
                for (CutKind kind : CutKind.values()) {
                    for (int t = 0; t < 60; t++) {
                        double lo = EDGES[rnd.nextInt(EDGES.length)];
                        double hi = EDGES[rnd.nextInt(EDGES.length)];
                        double min = Math.min(lo, hi);
                        double max = Math.max(lo, hi);
                        long[] out = new long[words];
                        CutKernel.apply(k, kind, min, max, a, false, n, out, 0, words, false);
                        for (int e = 0; e < n; e++) {
                            boolean want = expected(kind, a[e], min, max);
                            assertEquals(
                                    want,
                                    Bits.get(out, e),
                                    k.describe() + " " + kind + " (" + min + ", " + max + ") value " + a[e]);
                        }
                    }
                }
            }
        }
    }
}
