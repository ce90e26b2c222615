package org.darkscope.ui.table;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable, read-only list of event indices backed by one {@code int[]}: a TableView over a
 * million events costs 4 MB and boxes only the rows on screen. Replace the whole content with
 * {@link #setIndices} (a filter or a sort); the change event carries a lazy view of the old content.
 */
public final class IndexList extends ObservableListBase<Integer> {
    private int[] indices = new int[0];

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
        int[] old = indices;
        indices = newIndices;
        beginChange();
        if (old.length > 0) {
            nextRemove(0, view(old));
        }
        if (newIndices.length > 0) {
            nextAdd(0, newIndices.length);
        }
        endChange();
    }

    /** The current content (internal array: read only). */
    public int[] indices() {
        return indices;
    }

    /** Event index at row {@code row} without boxing. */
    public int indexAt(int row) {
        return indices[row];
    }

    @Override
    public Integer get(int row) {
        return indices[row];
    }

    @Override
    public int size() {
        return indices.length;
    }

    private static List<Integer> view(int[] a) {
        return new AbstractList<>() {
            @Override
            public Integer get(int i) {
                return a[i];
            }

            @Override
            public int size() {
                return a.length;
            }
        };
    }
}
