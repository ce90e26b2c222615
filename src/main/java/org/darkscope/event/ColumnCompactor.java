package org.darkscope.event;

import java.util.Map;

/**
 * Stores the array columns of a run in less heap where that loses nothing: a constant, the event
 * index, run lengths (spill numbers), bytes or shorts for small integers, block offsets for event
 * times, and columns that equal the float sum or difference of two other columns for every event
 * (checked bit for bit). Float values are never rounded or quantised. Columns held in buffers are
 * left alone. System property {@code darkscope.compactColumns=false} turns it off (for benchmarks).
 */
final class ColumnCompactor {
    private ColumnCompactor() {}

    static boolean enabled() {
        return !"false".equals(System.getProperty("darkscope.compactColumns"));
    }

    /** Replaces array columns in place by compact ones. */
    static void compact(Map<String, Column> columns) {
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Object a = e.getValue().array();
            if (a instanceof int[] i) {
                e.setValue(ints(i));
            } else if (a instanceof long[] l) {
                e.setValue(longs(l));
            } else if (a instanceof float[] f) {
                e.setValue(floats(f));
            }
        }
        // E_ECAL = pre + main and E_total = E_ECAL + E_HCAL: sums the derivation makes in double and
        // rounds once; where float arithmetic reproduces every value, the column need not be stored
        combination(columns, Schema.ECAL_MAIN, Schema.ECAL, Schema.ECAL_PRE, false);
        combination(columns, Schema.E_TOTAL, Schema.ECAL, Schema.HCAL, true);
    }

    static Column ints(int[] a) {
        int n = a.length;
        if (n == 0) {
            return Column.of(a);
        }
        boolean constant = true;
        boolean sequence = true;
        boolean fitsByte = true;
        boolean fitsShort = true;
        int runs = 1;
        int first = a[0];
        for (int e = 0; e < n; e++) {
            int v = a[e];
            constant &= v == first;
            sequence &= v == first + e;
            fitsByte &= v == (byte) v;
            fitsShort &= v == (short) v;
            if (e > 0 && v != a[e - 1]) {
                runs++;
            }
        }
        if (constant) {
            return new Columns.ConstInt(n, first);
        }
        if (sequence) {
            return new Columns.Sequence(n, first);
        }
        if (8L * runs <= n / 4) {
            int[] starts = new int[runs];
            int[] values = new int[runs];
            int r = 0;
            for (int e = 0; e < n; e++) {
                if (e == 0 || a[e] != a[e - 1]) {
                    starts[r] = e;
                    values[r++] = a[e];
                }
            }
            return new Columns.RunLength(n, starts, values);
        }
        if (fitsByte) {
            byte[] b = new byte[n];
            for (int e = 0; e < n; e++) {
                b[e] = (byte) a[e];
            }
            return new Columns.Bytes(b);
        }
        if (fitsShort) {
            short[] s = new short[n];
            for (int e = 0; e < n; e++) {
                s[e] = (short) a[e];
            }
            return new Columns.Shorts(s);
        }
        return Column.of(a);
    }

    static Column longs(long[] a) {
        int n = a.length;
        if (n == 0) {
            return Column.of(a);
        }
        boolean constant = true;
        for (long v : a) {
            if (v != a[0]) {
                constant = false;
                break;
            }
        }
        if (constant) {
            return new Columns.ConstLong(n, a[0]);
        }
        Column b = Columns.BlockLong.of(a);
        return b.heapBytes() < 6L * n ? b : Column.of(a);
    }

    static Column floats(float[] a) {
        int n = a.length;
        if (n == 0) {
            return Column.of(a);
        }
        int first = Float.floatToRawIntBits(a[0]);
        for (float v : a) {
            if (Float.floatToRawIntBits(v) != first) {
                return Column.of(a);
            }
        }
        return new Columns.ConstFloat(n, a[0]);
    }

    private static void combination(Map<String, Column> columns, String target, String x, String y, boolean plus) {
        Column t = columns.get(target);
        Column a = columns.get(x);
        Column b = columns.get(y);
        if (t == null || a == null || b == null || !(t.array() instanceof float[] want)) {
            return;
        }
        Column c = new Columns.FloatCombination(a, b, plus);
        int n = want.length;
        int chunk = 1 << 14;
        float[] got = new float[Math.min(chunk, n)];
        for (int e0 = 0; e0 < n; e0 += chunk) {
            int len = Math.min(chunk, n - e0);
            c.floats(e0, len, got);
            for (int k = 0; k < len; k++) {
                if (Float.floatToRawIntBits(got[k]) != Float.floatToRawIntBits(want[e0 + k])) {
                    return;
                }
            }
        }
        columns.put(target, c);
    }
}
