package org.darkscope.event;

import java.nio.Buffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * The values of one summary column of a run, whatever holds them: a Java array (zero-copy for the
 * engine's array kernels), a constant, the event index, narrow integers, a run-length list, block
 * offsets of a long column, a column computed exactly from two others, or a buffer outside the heap
 * (direct or memory-mapped). Immutable and safe to read from any thread.
 *
 * <p>Hot paths read a column either through {@link #array()} (the backing {@code float[]},
 * {@code int[]} or {@code long[]}, null if there is none) or chunk by chunk with
 * {@link #floats}, {@link #ints}, {@link #longs} into scratch arrays; single values with
 * {@link #value}, {@link #getFloat}, {@link #getInt}, {@link #getLong}. Nothing here copies a whole
 * column except {@link #toArray()}, which callers must use only for small runs
 * (docs/decisions/0001-columnar-run-model.md). The storage classes are in {@link Columns}.</p>
 */
public abstract class Column {
    final ColumnType type;
    final int size;

    Column(ColumnType type, int size) {
        this.type = type;
        this.size = size;
    }

    public final ColumnType type() {
        return type;
    }

    /** Number of events. */
    public final int size() {
        return size;
    }

    /** The value of one event as a double (exact for floats and ints). */
    public abstract double value(int event);

    /** Value of a FLOAT column. */
    public float getFloat(int event) {
        throw wrongType(ColumnType.FLOAT);
    }

    /** Value of an INT column. */
    public int getInt(int event) {
        throw wrongType(ColumnType.INT);
    }

    /** Value of a LONG column. */
    public long getLong(int event) {
        throw wrongType(ColumnType.LONG);
    }

    /** Copies the values of events [from, from+len) of a FLOAT column into dst[0..len). */
    public void floats(int from, int len, float[] dst) {
        throw wrongType(ColumnType.FLOAT);
    }

    /** Copies the values of events [from, from+len) of an INT column into dst[0..len). */
    public void ints(int from, int len, int[] dst) {
        throw wrongType(ColumnType.INT);
    }

    /** Copies the values of events [from, from+len) of a LONG column into dst[0..len). */
    public void longs(int from, int len, long[] dst) {
        throw wrongType(ColumnType.LONG);
    }

    /** Copies events [from, from+len) of any column into dst[0..len) as doubles. */
    public void doubles(int from, int len, double[] dst) {
        for (int k = 0; k < len; k++) {
            dst[k] = value(from + k);
        }
    }

    /** The backing {@code float[]}/{@code int[]}/{@code long[]} (not a copy: do not modify), or null. */
    public Object array() {
        return null;
    }

    /** The backing {@code byte[]} of an INT column whose values all fit a byte, or null. */
    public byte[] byteArray() {
        return null;
    }

    /** True if the values live outside the Java heap (a direct or memory-mapped buffer). */
    public boolean offHeap() {
        return false;
    }

    /** Approximate bytes of Java heap the values take (0 for off-heap and computed values). */
    public abstract long heapBytes();

    /** How the values are held, for reports: "float[]", "constant", "bytes", "mapped", ... */
    public abstract String storage();

    /**
     * A new array of all values ({@code float[]}, {@code int[]} or {@code long[]}; the backing array
     * itself for array columns). Only for small runs and rarely used tools: a whole column of a
     * 1e8-event run is 400 MB.
     */
    public Object toArray() {
        Object a = array();
        if (a != null) {
            return a;
        }
        return switch (type) {
            case FLOAT -> {
                float[] f = new float[size];
                floats(0, size, f);
                yield f;
            }
            case INT -> {
                int[] i = new int[size];
                ints(0, size, i);
                yield i;
            }
            case LONG -> {
                long[] l = new long[size];
                longs(0, size, l);
                yield l;
            }
        };
    }

    private IllegalStateException wrongType(ColumnType wanted) {
        return new IllegalStateException("column is " + type + ", not " + wanted);
    }

    /** A column over a {@code float[]}, {@code int[]} or {@code long[]} (zero-copy), or the column itself. */
    public static Column of(Object values) {
        if (values instanceof Column c) {
            return c;
        } else if (values instanceof float[] f) {
            return new Columns.FloatArray(f);
        } else if (values instanceof int[] i) {
            return new Columns.IntArray(i);
        } else if (values instanceof long[] l) {
            return new Columns.LongArray(l);
        }
        throw new IllegalArgumentException(
                "not a column: " + (values == null ? "null" : values.getClass().getSimpleName()));
    }

    /**
     * A column over a little-endian {@link FloatBuffer}, {@link IntBuffer} or {@link LongBuffer}
     * (direct, or a view of a {@code FileChannel.map} buffer), read from position 0 to its limit.
     * The values are not copied: they stay where the buffer has them.
     */
    public static Column of(Buffer values) {
        if (values.position() != 0) {
            throw new IllegalArgumentException("buffer position must be 0, is " + values.position());
        }
        if (values instanceof FloatBuffer f) {
            requireLittleEndian(f.order());
            return new Columns.FloatBuf(f);
        } else if (values instanceof IntBuffer i) {
            requireLittleEndian(i.order());
            return new Columns.IntBuf(i);
        } else if (values instanceof LongBuffer l) {
            requireLittleEndian(l.order());
            return new Columns.LongBuf(l);
        }
        throw new IllegalArgumentException(
                "not a float, int or long buffer: " + values.getClass().getSimpleName());
    }

    private static void requireLittleEndian(ByteOrder order) {
        if (order != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("column buffers must be little-endian, got " + order);
        }
    }

    /** n events of one int value. */
    public static Column constantInt(int n, int value) {
        return new Columns.ConstInt(n, value);
    }

    /** n events of one float value. */
    public static Column constantFloat(int n, float value) {
        return new Columns.ConstFloat(n, value);
    }

    /** The event index: value(e) == e. */
    public static Column sequence(int n) {
        return new Columns.Sequence(n, 0);
    }
}
