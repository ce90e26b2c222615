package org.darkscope.ui.table;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable, read-only list of event indices backed by one {@code int[]}: a TableView over a
 * million events costs 4 MB and boxes only the rows on screen. Replace the whole content with
 * {@link #setIndices} (a filter or a sort); the change event carries a lazy view of the old content.
 * All events in order need no array at all ({@link #setRange}): a 10⁸-event run is shown without
 * filling 400 MB on the JavaFX thread (issue 15).
 */
public final class IndexList extends ObservableListBase<Integer> {
    private int[] indices = new int[0];
    /** With {@code indices == null}: the content is 0..rangeSize-1. */
    private int rangeSize;

    /** The events 0..n-1 in order. */
    public static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Replaces the content (the array is kept, not copied: do not modify it afterwards). */
    public void setIndices(int[] newIndices) {
        replace(newIndices, newIndices.length);
    }

    /** Shows the events 0..n-1 in order, in constant time and memory. */
    public void setRange(int n) {
        replace(null, n);
    }

    private void replace(int[] newIndices, int newRange) {
        List<Integer> old = view(indices, rangeSize);
        indices = newIndices;
        rangeSize = newRange;
        beginChange();
        if (!old.isEmpty()) {
            nextRemove(0, old);
        }
        if (size() > 0) {
            nextAdd(0, size());
        }
        endChange();
    }

    /** True if the content is all events in order ({@link #setRange}). */
    public boolean isRange() {
        return indices == null;
    }

    /**
     * The current content (internal array: read only); for a {@linkplain #isRange range} a new array
     * 0..n-1 (O(n): not on the JavaFX thread for a big run).
     */
    public int[] indices() {
        return indices == null ? range(rangeSize) : indices;
    }

    /** Event index at row {@code row} without boxing. */
    public int indexAt(int row) {
        if (indices == null) {
            if (row < 0 || row >= rangeSize) {
                throw new IndexOutOfBoundsException(row);
            }
            return row;
        }
        return indices[row];
    }

    /** Row of an event, or -1 if it is not shown (O(1) for a range, else a scan). */
    public int rowOf(int event) {
        if (indices == null) {
            return event >= 0 && event < rangeSize ? event : -1;
        }
        for (int r = 0; r < indices.length; r++) {
            if (indices[r] == event) {
                return r;
            }
        }
        return -1;
    }

    @Override
    public Integer get(int row) {
        return indexAt(row);
    }

    @Override
    public int size() {
        return indices == null ? rangeSize : indices.length;
    }

    private static List<Integer> view(int[] a, int range) {
        return new AbstractList<>() {
            @Override
            public Integer get(int i) {
                return a == null ? i : a[i];
            }

            @Override
            public int size() {
                return a == null ? range : a.length;
            }
        };
    }
}
