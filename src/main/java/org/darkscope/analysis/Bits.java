package org.darkscope.analysis;

/**
 * Event bitsets: bit {@code e & 63} of word {@code e >>> 6} is event e; bits past the last event
 * are zero. Arrays handed between engine and results are never modified after they are published.
 */
final class Bits {
    private Bits() {}

    static int words(int events) {
        return (events + 63) >>> 6;
    }

    /** All events set. */
    static long[] all(int events) {
        long[] b = new long[words(events)];
        java.util.Arrays.fill(b, -1L);
        clearTail(b, events);
        return b;
    }

    static void clearTail(long[] b, int events) {
        int r = events & 63;
        if (r != 0 && b.length > 0) {
            b[b.length - 1] &= (1L << r) - 1;
        }
    }

    static long count(long[] b) {
        long c = 0;
        for (long w : b) {
            c += Long.bitCount(w);
        }
        return c;
    }

    /** dst = a & b, returns the number of set bits. */
    static long and(long[] a, long[] b, long[] dst) {
        long c = 0;
        for (int i = 0; i < dst.length; i++) {
            long w = a[i] & b[i];
            dst[i] = w;
            c += Long.bitCount(w);
        }
        return c;
    }

    /** Indices of the set bits. */
    static int[] indices(long[] b) {
        int n = (int) count(b);
        int[] out = new int[n];
        int k = 0;
        for (int w = 0; w < b.length; w++) {
            long m = b[w];
            int base = w << 6;
            while (m != 0) {
                out[k++] = base + Long.numberOfTrailingZeros(m);
                m &= m - 1;
            }
        }
        return out;
    }

    static boolean get(long[] b, int e) {
        return (b[e >>> 6] & (1L << e)) != 0;
    }
}
