package org.darkscope.ui.table;

import java.util.Arrays;
import org.darkscope.event.Column;
import org.darkscope.event.ColumnType;
import org.darkscope.event.RunData;

/**
 * Sorts event indices by one column without boxing: each (value, index) pair is packed into a long
 * whose natural order is the value order (IEEE-754 bit trick for floats), then {@link Arrays#sort(long[])}.
 * About 0.1 s for 1e6 events.
 */
public final class IndexSorter {
    private IndexSorter() {}

    /** The given indices ordered by the column's value (stable in index for equal values). */
    public static int[] sort(RunData run, String column, int[] indices, boolean ascending) {
        Column col = run.column(column);
        ColumnType type = col.type();
        long[] keys = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int e = indices[i];
            int k;
            k = switch (type) {
                case FLOAT -> sortableFloatBits(col.getFloat(e));
                case INT -> col.getInt(e);
                case LONG -> sortableFloatBits((float) col.getLong(e));
            };
            if (!ascending) {
                k = ~k;
            }
            // signed key in the high half (its order is the long's order), index in the low half
            keys[i] = ((long) k << 32) | (e & 0xffffffffL);
        }
        Arrays.sort(keys);
        int[] out = new int[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }

    /** An int whose unsigned order (after flipping the sign bit) is the float order; NaN last. */
    static int sortableFloatBits(float v) {
        int b = Float.floatToIntBits(v);
        // negative floats: flip all bits; positive: flip the sign bit -> unsigned order = float order
        int u = b < 0 ? ~b : b ^ Integer.MIN_VALUE;
        return u ^ Integer.MIN_VALUE; // back to a signed int with the same order
    }
}
