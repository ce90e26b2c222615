package org.darkscope.event;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * The storage classes behind {@link Column}: one small final class per way of holding values.
 * Every class is immutable; absolute buffer reads keep the buffer columns thread-safe.
 *
 * <p>Past 500 lines on purpose: fifteen tiny classes of the same shape (value, typed get, chunk
 * copy, heap size, name), kept together and package-private so that only {@link Column} is API.</p>
 */
final class Columns {
    private Columns() {}

    static final class FloatArray extends Column {
        final float[] a;

        FloatArray(float[] a) {
            super(ColumnType.FLOAT, a.length);
            this.a = a;
        }

        @Override
        public double value(int e) {
            return a[e];
        }

        @Override
        public float getFloat(int e) {
            return a[e];
        }

        @Override
        public void floats(int from, int len, float[] dst) {
            System.arraycopy(a, from, dst, 0, len);
        }

        @Override
        public Object array() {
            return a;
        }

        @Override
        public long heapBytes() {
            return 4L * size;
        }

        @Override
        public String storage() {
            return "float[]";
        }
    }

    static final class IntArray extends Column {
        final int[] a;

        IntArray(int[] a) {
            super(ColumnType.INT, a.length);
            this.a = a;
        }

        @Override
        public double value(int e) {
            return a[e];
        }

        @Override
        public int getInt(int e) {
            return a[e];
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            System.arraycopy(a, from, dst, 0, len);
        }

        @Override
        public Object array() {
            return a;
        }

        @Override
        public long heapBytes() {
            return 4L * size;
        }

        @Override
        public String storage() {
            return "int[]";
        }
    }

    static final class LongArray extends Column {
        final long[] a;

        LongArray(long[] a) {
            super(ColumnType.LONG, a.length);
            this.a = a;
        }

        @Override
        public double value(int e) {
            return a[e];
        }

        @Override
        public long getLong(int e) {
            return a[e];
        }

        @Override
        public void longs(int from, int len, long[] dst) {
            System.arraycopy(a, from, dst, 0, len);
        }

        @Override
        public Object array() {
            return a;
        }

        @Override
        public long heapBytes() {
            return 8L * size;
        }

        @Override
        public String storage() {
            return "long[]";
        }
    }

    static final class ConstInt extends Column {
        final int v;

        ConstInt(int n, int v) {
            super(ColumnType.INT, n);
            this.v = v;
        }

        @Override
        public double value(int e) {
            check(e, size);
            return v;
        }

        @Override
        public int getInt(int e) {
            check(e, size);
            return v;
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            Arrays.fill(dst, 0, len, v);
        }

        @Override
        public long heapBytes() {
            return 0;
        }

        @Override
        public String storage() {
            return "constant";
        }
    }

    static final class ConstLong extends Column {
        final long v;

        ConstLong(int n, long v) {
            super(ColumnType.LONG, n);
            this.v = v;
        }

        @Override
        public double value(int e) {
            check(e, size);
            return v;
        }

        @Override
        public long getLong(int e) {
            check(e, size);
            return v;
        }

        @Override
        public void longs(int from, int len, long[] dst) {
            Arrays.fill(dst, 0, len, v);
        }

        @Override
        public long heapBytes() {
            return 0;
        }

        @Override
        public String storage() {
            return "constant";
        }
    }

    static final class ConstFloat extends Column {
        final float v;

        ConstFloat(int n, float v) {
            super(ColumnType.FLOAT, n);
            this.v = v;
        }

        @Override
        public double value(int e) {
            check(e, size);
            return v;
        }

        @Override
        public float getFloat(int e) {
            check(e, size);
            return v;
        }

        @Override
        public void floats(int from, int len, float[] dst) {
            Arrays.fill(dst, 0, len, v);
        }

        @Override
        public long heapBytes() {
            return 0;
        }

        @Override
        public String storage() {
            return "constant";
        }
    }

    /** value(e) = start + e. */
    static final class Sequence extends Column {
        final int start;

        Sequence(int n, int start) {
            super(ColumnType.INT, n);
            this.start = start;
        }

        @Override
        public double value(int e) {
            return getInt(e);
        }

        @Override
        public int getInt(int e) {
            check(e, size);
            return start + e;
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            for (int k = 0; k < len; k++) {
                dst[k] = start + from + k;
            }
        }

        @Override
        public long heapBytes() {
            return 0;
        }

        @Override
        public String storage() {
            return "sequence";
        }
    }

    /** An INT column whose values all fit a byte. */
    static final class Bytes extends Column {
        final byte[] a;

        Bytes(byte[] a) {
            super(ColumnType.INT, a.length);
            this.a = a;
        }

        @Override
        public double value(int e) {
            return a[e];
        }

        @Override
        public int getInt(int e) {
            return a[e];
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            for (int k = 0; k < len; k++) {
                dst[k] = a[from + k];
            }
        }

        @Override
        public byte[] byteArray() {
            return a;
        }

        @Override
        public long heapBytes() {
            return size;
        }

        @Override
        public String storage() {
            return "bytes";
        }
    }

    /** An INT column whose values all fit a short. */
    static final class Shorts extends Column {
        final short[] a;

        Shorts(short[] a) {
            super(ColumnType.INT, a.length);
            this.a = a;
        }

        @Override
        public double value(int e) {
            return a[e];
        }

        @Override
        public int getInt(int e) {
            return a[e];
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            for (int k = 0; k < len; k++) {
                dst[k] = a[from + k];
            }
        }

        @Override
        public long heapBytes() {
            return 2L * size;
        }

        @Override
        public String storage() {
            return "shorts";
        }
    }

    /** An INT column of long runs of equal values (spill numbers): the first event and value of each run. */
    static final class RunLength extends Column {
        final int[] starts;
        final int[] values;

        RunLength(int n, int[] starts, int[] values) {
            super(ColumnType.INT, n);
            this.starts = starts;
            this.values = values;
        }

        private int runOf(int e) {
            int i = Arrays.binarySearch(starts, e);
            return i >= 0 ? i : -i - 2;
        }

        @Override
        public double value(int e) {
            return getInt(e);
        }

        @Override
        public int getInt(int e) {
            check(e, size);
            return values[runOf(e)];
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            if (len == 0) {
                return;
            }
            int r = runOf(from);
            int k = 0;
            while (k < len) {
                int end = r + 1 < starts.length ? starts[r + 1] : size;
                int stop = Math.min(len, end - from);
                Arrays.fill(dst, k, stop, values[r]);
                k = stop;
                r++;
            }
        }

        @Override
        public long heapBytes() {
            return 8L * starts.length;
        }

        @Override
        public String storage() {
            return "run-length";
        }
    }

    /**
     * A LONG column (event times) as a base per block of 64 events plus an unsigned 32-bit offset per
     * event; blocks whose values span more than 2^32 keep their 64 longs whole.
     */
    static final class BlockLong extends Column {
        static final int SHIFT = 6;
        final long[] base;
        final int[] offsets;
        /** Per block: -1, or the index of its first value in {@link #wide}. */
        final int[] wideAt;

        final long[] wide;

        BlockLong(int n, long[] base, int[] offsets, int[] wideAt, long[] wide) {
            super(ColumnType.LONG, n);
            this.base = base;
            this.offsets = offsets;
            this.wideAt = wideAt;
            this.wide = wide;
        }

        @Override
        public double value(int e) {
            return getLong(e);
        }

        @Override
        public long getLong(int e) {
            int b = e >>> SHIFT;
            int w = wideAt[b];
            return w < 0 ? base[b] + (offsets[e] & 0xffffffffL) : wide[w + (e & 63)];
        }

        @Override
        public void longs(int from, int len, long[] dst) {
            for (int k = 0; k < len; k++) {
                dst[k] = getLong(from + k);
            }
        }

        @Override
        public long heapBytes() {
            return 4L * size + 12L * base.length + 8L * wide.length;
        }

        @Override
        public String storage() {
            return "block offsets";
        }

        static Column of(long[] v) {
            int n = v.length;
            int blocks = (n + 63) >>> SHIFT;
            long[] base = new long[blocks];
            int[] off = new int[n];
            int[] wideAt = new int[blocks];
            long[] wide = new long[64];
            int nw = 0;
            for (int b = 0; b < blocks; b++) {
                int e0 = b << SHIFT;
                int e1 = Math.min(n, e0 + 64);
                long mn = Long.MAX_VALUE;
                long mx = Long.MIN_VALUE;
                for (int e = e0; e < e1; e++) {
                    mn = Math.min(mn, v[e]);
                    mx = Math.max(mx, v[e]);
                }
                base[b] = mn;
                if (mx - mn >= 0 && mx - mn <= 0xffffffffL) {
                    wideAt[b] = -1;
                    for (int e = e0; e < e1; e++) {
                        off[e] = (int) (v[e] - mn);
                    }
                } else {
                    if (nw + 64 > wide.length) {
                        wide = Arrays.copyOf(wide, wide.length * 2);
                    }
                    wideAt[b] = nw;
                    System.arraycopy(v, e0, wide, nw, e1 - e0);
                    nw += 64;
                }
            }
            return new BlockLong(n, base, off, wideAt, Arrays.copyOf(wide, nw));
        }
    }

    /**
     * A FLOAT column equal, for every event, to a + b (sign +1) or a - b (sign -1) of two other
     * float columns in float arithmetic; only built after checking every value bit for bit.
     */
    static final class FloatCombination extends Column {
        final Column a;
        final Column b;
        final boolean plus;

        FloatCombination(Column a, Column b, boolean plus) {
            super(ColumnType.FLOAT, a.size);
            this.a = a;
            this.b = b;
            this.plus = plus;
        }

        static float combine(float x, float y, boolean plus) {
            return plus ? x + y : x - y;
        }

        @Override
        public double value(int e) {
            return getFloat(e);
        }

        @Override
        public float getFloat(int e) {
            return combine(a.getFloat(e), b.getFloat(e), plus);
        }

        @Override
        public void floats(int from, int len, float[] dst) {
            a.floats(from, len, dst);
            float[] y = b.array() instanceof float[] f ? f : null;
            if (y != null) {
                for (int k = 0; k < len; k++) {
                    dst[k] = combine(dst[k], y[from + k], plus);
                }
                return;
            }
            float[] tmp = new float[Math.min(len, 4096)];
            for (int k0 = 0; k0 < len; k0 += tmp.length) {
                int m = Math.min(tmp.length, len - k0);
                b.floats(from + k0, m, tmp);
                for (int k = 0; k < m; k++) {
                    dst[k0 + k] = combine(dst[k0 + k], tmp[k], plus);
                }
            }
        }

        @Override
        public long heapBytes() {
            return 0;
        }

        @Override
        public String storage() {
            return "computed";
        }
    }

    /** A column read from a buffer (mapped from a file: outside the heap); the buffer types differ only in their reads. */
    abstract static class BufferColumn extends Column {
        private final java.nio.Buffer buffer;
        private final int bytesPerValue;

        BufferColumn(ColumnType type, java.nio.Buffer buffer, int bytesPerValue) {
            super(type, buffer.limit());
            this.buffer = buffer;
            this.bytesPerValue = bytesPerValue;
        }

        @Override
        public boolean offHeap() {
            return buffer.isDirect();
        }

        @Override
        public long heapBytes() {
            return buffer.isDirect() ? 0 : (long) bytesPerValue * size;
        }

        @Override
        public String storage() {
            return buffer.isDirect() ? "mapped" : "heap buffer";
        }
    }

    static final class FloatBuf extends BufferColumn {
        final FloatBuffer b;

        FloatBuf(FloatBuffer b) {
            super(ColumnType.FLOAT, b, 4);
            this.b = b;
        }

        @Override
        public double value(int e) {
            return b.get(e);
        }

        @Override
        public float getFloat(int e) {
            return b.get(e);
        }

        @Override
        public void floats(int from, int len, float[] dst) {
            b.get(from, dst, 0, len);
        }
    }

    static final class IntBuf extends BufferColumn {
        final IntBuffer b;

        IntBuf(IntBuffer b) {
            super(ColumnType.INT, b, 4);
            this.b = b;
        }

        @Override
        public double value(int e) {
            return b.get(e);
        }

        @Override
        public int getInt(int e) {
            return b.get(e);
        }

        @Override
        public void ints(int from, int len, int[] dst) {
            b.get(from, dst, 0, len);
        }
    }

    static final class LongBuf extends BufferColumn {
        final LongBuffer b;

        LongBuf(LongBuffer b) {
            super(ColumnType.LONG, b, 8);
            this.b = b;
        }

        @Override
        public double value(int e) {
            return b.get(e);
        }

        @Override
        public long getLong(int e) {
            return b.get(e);
        }

        @Override
        public void longs(int from, int len, long[] dst) {
            b.get(from, dst, 0, len);
        }
    }

    static void check(int e, int size) {
        if (e < 0 || e >= size) {
            throw new IndexOutOfBoundsException("event " + e + " outside 0.." + (size - 1));
        }
    }
}
