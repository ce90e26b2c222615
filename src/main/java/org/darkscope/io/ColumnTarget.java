package org.darkscope.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

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

    /** A value that the target's type cannot hold exactly (instead of wrapping or truncating it). */
    static final class OutOfRange extends RuntimeException {
        final String column;

        OutOfRange(String column, String problem) {
            super("column '" + column + "' " + problem);
            this.column = column;
        }
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
                if (v != (int) v) {
                    throw new OutOfRange(
                            name, "has the value " + v + " (event " + row + "), beyond the 32-bit integers it holds");
                }
                a[row] = (int) v;
            }

            @Override
            void setDouble(int row, double v) {
                double r = Math.rint(v);
                if (!(r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE)) {
                    throw new OutOfRange(name, "has the value " + v + " (event " + row + "), not a 32-bit integer");
                }
                a[row] = (int) r;
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
                if (!(v >= -0x1p63 && v < 0x1p63)) {
                    throw new OutOfRange(name, "has the value " + v + " (event " + row + "), not a 64-bit integer");
                }
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

    /**
     * A column of the mapped column cache: a little-endian {@code FloatBuffer}, {@code IntBuffer} or
     * {@code LongBuffer} view of the file, indexed by event ({@link ColumnCache}).
     */
    static ColumnTarget buffer(String name, java.nio.Buffer b) {
        if (b instanceof java.nio.FloatBuffer f) {
            return new ColumnTarget(name, PrimitiveTypeName.FLOAT) {
                @Override
                void setLong(int row, long v) {
                    f.put(row, v);
                }

                @Override
                void setDouble(int row, double v) {
                    f.put(row, (float) v);
                }

                @Override
                void plain(ByteBuffer data, int row, int count) {
                    f.put(row, data.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer(), 0, count);
                }
            };
        }
        if (b instanceof java.nio.IntBuffer ib) {
            int[] one = new int[1];
            ColumnTarget checked = ints(name, one);
            return new ColumnTarget(name, PrimitiveTypeName.INT32) {
                @Override
                void setLong(int row, long v) {
                    checked.setLong(0, v); // range check of the int target
                    ib.put(row, one[0]);
                }

                @Override
                void setDouble(int row, double v) {
                    checked.setDouble(0, v);
                    ib.put(row, one[0]);
                }

                @Override
                void plain(ByteBuffer data, int row, int count) {
                    ib.put(row, data.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer(), 0, count);
                }
            };
        }
        java.nio.LongBuffer lb = (java.nio.LongBuffer) b;
        long[] one = new long[1];
        ColumnTarget checked = longs(name, one);
        return new ColumnTarget(name, PrimitiveTypeName.INT64) {
            @Override
            void setLong(int row, long v) {
                lb.put(row, v);
            }

            @Override
            void setDouble(int row, double v) {
                checked.setDouble(0, v);
                lb.put(row, one[0]);
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                lb.put(row, data.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer(), 0, count);
            }
        };
    }

    /** Counts NaN, +Inf, -Inf and (for energies) negative values without keeping them. */
    static final class Counting extends ColumnTarget {
        final boolean energy;
        long nan;
        long posInf;
        long negInf;
        long negative;

        Counting(String name, boolean energy) {
            super(name, PrimitiveTypeName.FLOAT);
            this.energy = energy;
        }

        @Override
        void setLong(int row, long v) {
            if (energy && v < 0) {
                negative++;
            }
        }

        @Override
        void setDouble(int row, double v) {
            count(v);
        }

        private void count(double v) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (v == Double.POSITIVE_INFINITY) {
                posInf++;
            } else if (v == Double.NEGATIVE_INFINITY) {
                negInf++;
            } else if (energy && v < 0) {
                negative++;
            }
        }

        @Override
        void plain(ByteBuffer data, int row, int count) {
            ByteBuffer b = data.order(ByteOrder.LITTLE_ENDIAN);
            int p = b.position();
            for (int k = 0; k < count; k++, p += 4) {
                count(b.getFloat(p));
            }
        }

        org.darkscope.event.RunData.ValueCounts counts() {
            return new org.darkscope.event.RunData.ValueCounts(nan, posInf, negInf, negative);
        }
    }

    /** The cell block being filled: all events in memory, or one row group for streaming. */
    static final class CellBuffer {
        float[] data;
        /** Event index of {@code data}'s first event. */
        int firstRow;
        /** Events in {@code data} (the distance between two cells in a column-major buffer). */
        int rows;

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

    /** One cell column into a column-major row-group buffer: {@code data[cell * rows + (row - firstRow)]}. */
    static ColumnTarget cellColumn(String name, CellBuffer buf, int cell) {
        return new ColumnTarget(name, PrimitiveTypeName.FLOAT) {
            @Override
            void setLong(int row, long v) {
                buf.data[cell * buf.rows + row - buf.firstRow] = v;
            }

            @Override
            void setDouble(int row, double v) {
                buf.data[cell * buf.rows + row - buf.firstRow] = (float) v;
            }

            @Override
            void plain(ByteBuffer data, int row, int count) {
                data.order(ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer()
                        .get(buf.data, cell * buf.rows + row - buf.firstRow, count);
            }
        };
    }
}
