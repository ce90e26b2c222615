package org.darkscope.ui.display;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A named set of events to browse: all ({@code rows} gives null), a list handed in from the analysis
 * engine, a region, a truth class. {@link DisplayModel} builds the lists of a run (blinding applied).
 */
public record BrowseFilter(String label, Supplier<int[]> rows) {
    public static final String ALL = "all events";

    public static BrowseFilter all() {
        return new BrowseFilter(ALL, () -> null);
    }

    static int[] rowsWhere(int[] col, int value) {
        int[] tmp = new int[col.length];
        int n = 0;
        for (int i = 0; i < col.length; i++) {
            if (col[i] == value) {
                tmp[n++] = i;
            }
        }
        return Arrays.copyOf(tmp, n);
    }

    @Override
    public String toString() {
        return label;
    }
}
