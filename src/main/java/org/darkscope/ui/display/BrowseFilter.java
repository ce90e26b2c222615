package org.darkscope.ui.display;

import java.util.function.Supplier;

/**
 * A named set of events to browse: all ({@code rows} gives null), a list handed in from the analysis
 * engine, a region, a truth class. Rows are computed when the filter is chosen.
 */
public record BrowseFilter(String label, Supplier<int[]> rows) {
    public static final String ALL = "all events";

    public static BrowseFilter all() {
        return new BrowseFilter(ALL, () -> null);
    }

    @Override
    public String toString() {
        return label;
    }
}
