package org.darkscope.analysis;

/**
 * An immutable 2-D histogram of event counts (the (E_ECAL, E_HCAL) plane). Points outside either
 * range are counted in {@link #outside()} only.
 */
public final class Histogram2D {
    private final Binning x;
    private final Binning y;
    private final int[] counts;
    private final long outside;

    /** @param counts {@code counts[iy * x.bins() + ix]} (copied) */
    public Histogram2D(Binning x, Binning y, int[] counts, long outside) {
        if (counts.length != x.bins() * y.bins()) {
            throw new IllegalArgumentException(counts.length + " counts for " + x.bins() + "x" + y.bins() + " bins");
        }
        this.x = x;
        this.y = y;
        this.counts = counts.clone();
        this.outside = outside;
    }

    public Binning x() {
        return x;
    }

    public Binning y() {
        return y;
    }

    public int count(int ix, int iy) {
        return counts[iy * x.bins() + ix];
    }
    /** A copy of the counts, {@code [iy * x.bins() + ix]}. */
    public int[] counts() {
        return counts.clone();
    }
    /** Entries outside the ranges. */
    public long outside() {
        return outside;
    }

    public long inRange() {
        long s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }

    public int max() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    public Histogram2D plus(Histogram2D o) {
        if (!o.x.equals(x) || !o.y.equals(y)) {
            throw new IllegalArgumentException("different binnings");
        }
        int[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += o.counts[i];
        }
        return new Histogram2D(x, y, c, outside + o.outside);
    }
}
