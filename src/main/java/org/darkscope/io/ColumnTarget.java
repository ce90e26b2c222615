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

    /** Floats at {@code a[offset + row * stride]}: stride 1 for a scalar column, the cell count for a cell. */
    static ColumnTarget floats(String name, float[] a, int offset, int stride) {
        if (stride == 1 && offset == 0) {
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
        return new ColumnTarget(name, PrimitiveTypeName.FLOAT) {
            @Override
            void setLong(int row, long v) {
                a[offset + row * stride] = v;
            }

            @Override
            void setDouble(int row, double v) {
                a[offset + row * stride] = (float) v;
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                ByteBuffer b = data.order(ByteOrder.LITTLE_ENDIAN);
                int p = b.position();
                int i = offset + row * stride;
                for (int k = 0; k < count; k++, i += stride, p += 4) {
                    a[i] = b.getFloat(p);
                }
            }
        };
    }
}
