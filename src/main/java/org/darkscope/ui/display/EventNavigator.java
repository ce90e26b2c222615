package org.darkscope.ui.display;

import java.util.Arrays;

/**
 * Which event is shown and which events can be browsed: all rows of the run, or a sorted list of
 * row indices (a selection, a region, a class). Plain logic, no toolkit.
 */
public final class EventNavigator {
    private int runSize;
    private int[] list;
    private int position;

    /** Sets the run size and browses all of its rows; the position goes to the first event. */
    public void setRunSize(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative run size");
        }
        runSize = n;
        list = null;
        position = 0;
    }

    /**
     * Restricts browsing to the given rows (sorted, de-duplicated, rows outside the run dropped), or
     * to all rows when {@code rows} is null. Keeps the current event if it is in the list,
     * otherwise moves to the first listed event after it (or the last one).
     */
    public void setList(int[] rows) {
        setSortedList(rows == null ? null : normalize(rows, runSize));
    }

    /**
     * Like {@link #setList} for rows already ascending, de-duplicated and inside the run (as
     * {@link #normalize} makes them): taken as they are, in constant time, so that a list of 10⁸ rows
     * built on a worker thread costs the JavaFX thread nothing (issue 15).
     */
    public void setSortedList(int[] rows) {
        int current = current();
        list = rows;
        position = 0;
        if (current >= 0) {
            goTo(current);
        }
    }

    /** The rows inside {@code 0..runSize-1}, ascending, each once (O(n log n); for a worker thread). */
    public static int[] normalize(int[] rows, int runSize) {
        return Arrays.stream(rows)
                .filter(r -> r >= 0 && r < runSize)
                .sorted()
                .distinct()
                .toArray();
    }

    public boolean isFiltered() {
        return list != null;
    }

    /** Number of browsable events. */
    public int count() {
        return list == null ? runSize : list.length;
    }

    /** Position within the browsable events (0-based). */
    public int position() {
        return position;
    }

    /** The row index of the current event, or -1 if there is none. */
    public int current() {
        if (count() == 0) {
            return -1;
        }
        return list == null ? position : list[position];
    }

    public int first() {
        position = 0;
        return current();
    }

    public int last() {
        position = Math.max(0, count() - 1);
        return current();
    }

    public int next() {
        if (position < count() - 1) {
            position++;
        }
        return current();
    }

    public int previous() {
        if (position > 0) {
            position--;
        }
        return current();
    }

    /** Next with wrap-around to the first event (for playing in a loop). */
    public int nextWrapping() {
        position = count() == 0 ? 0 : (position + 1) % count();
        return current();
    }

    public boolean atEnd() {
        return position >= count() - 1;
    }

    /**
     * Moves to the given row if it is browsable, else to the first browsable row after it (or the
     * last one). Returns the new current row.
     */
    public int goTo(int row) {
        if (count() == 0) {
            return -1;
        }
        if (list == null) {
            position = Math.max(0, Math.min(runSize - 1, row));
        } else {
            int i = Arrays.binarySearch(list, row);
            position = i >= 0 ? i : Math.min(-i - 1, list.length - 1);
        }
        return current();
    }

    /** True if the given row is browsable. */
    public boolean contains(int row) {
        if (list == null) {
            return row >= 0 && row < runSize;
        }
        return Arrays.binarySearch(list, row) >= 0;
    }
}
