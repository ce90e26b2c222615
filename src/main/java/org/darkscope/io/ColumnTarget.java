package org.darkscope.io;

import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Where the values of one file column go: a primitive array of the run (or a strided view of the
 * cell block). Converts foreign types (DOUBLE to FLOAT, INT64 to INT32, ...) on the way in.
 */
abstract class ColumnTarget {
    final String name;
    /** The file type whose PLAIN pages {@link #plain} decodes. */
    final PrimitiveTypeName nativeType;

    ColumnTarget(String name, PrimitiveTypeName nativeType) {
        this.name = name;
        this.nativeType = nativeType;
    }

    /** Stores an integer value read from the file at the given row. */
    abstract void setLong(int row, long v);

    /** Stores a floating-point value read from the file at the given row. */
    abstract void setDouble(int row, double v);

    /**
     * Decodes {@code count} PLAIN little-endian values of the target's own file type (INT32 for int,
     * INT64 for long, FLOAT for float) in bulk, starting at {@code row}.
     */
    abstract void plain(ByteBuffer data, int row, int count);

    static ColumnTarget ints(String name, int[] a) {
        return new ColumnTarget(name, PrimitiveTypeName.INT32) {
            @Override
            void setLong(int row, long v) {
                a[row] = (int) v;
            }

            @Override
            void setDouble(int row, double v) {
                a[row] = (int) Math.rint(v);
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                data.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(a, row, count);
            }
        };
    }

    static ColumnTarget longs(String name, long[] a) {
        return new ColumnTarget(name, PrimitiveTypeName.INT64) {
            @Override
            void setLong(int row, long v) {
                a[row] = v;
            }

            @Override
            void setDouble(int row, double v) {
                a[row] = Math.round(v);
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                data.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(a, row, count);
            }
        };
    }

    /** A scalar float column. */
    static ColumnTarget floats(String name, float[] a) {
        return new ColumnTarget(name, PrimitiveTypeName.FLOAT) {
            @Override
            void setLong(int row, long v) {
                a[row] = v;
            }

            @Override
            void setDouble(int row, double v) {
                a[row] = (float) v;
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                data.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a, row, count);
            }
        };
    }

    /** The cell block being filled: all events in memory, or one row group for streaming. */
    static final class CellBuffer {
        float[] data;
        /** Event index of {@code data}'s first event. */
        int firstRow;

        CellBuffer(float[] data, int firstRow) {
            this.data = data;
            this.firstRow = firstRow;
        }
    }

    /** One cell column into an event-major cell buffer: {@code data[(row - firstRow) * cellCount + cell]}. */
    static ColumnTarget cell(String name, CellBuffer buf, int cell, int cellCount) {
        return new ColumnTarget(name, PrimitiveTypeName.FLOAT) {
            @Override
            void setLong(int row, long v) {
                buf.data[(row - buf.firstRow) * cellCount + cell] = v;
            }

            @Override
            void setDouble(int row, double v) {
                buf.data[(row - buf.firstRow) * cellCount + cell] = (float) v;
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                ByteBuffer b = data.order(ByteOrder.LITTLE_ENDIAN);
                float[] a = buf.data;
                int p = b.position();
                int i = (row - buf.firstRow) * cellCount + cell;
                for (int k = 0; k < count; k++, i += cellCount, p += 4) {
                    a[i] = b.getFloat(p);
                }
            }
        };
    }
}
