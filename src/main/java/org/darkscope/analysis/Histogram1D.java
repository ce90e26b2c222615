package org.darkscope.analysis;

/** An immutable 1-D histogram of event counts. */
public final class Histogram1D {
    private final String variable;
    private final Binning binning;
    private final long[] counts;
    private final long underflow;
    private final long overflow;

    /** @param counts one per bin (copied) */
    public Histogram1D(String variable, Binning binning, long[] counts, long underflow, long overflow) {
        if (counts.length != binning.bins()) {
            throw new IllegalArgumentException(counts.length + " counts for " + binning.bins() + " bins");
        }
        this.variable = variable;
        this.binning = binning;
        this.counts = counts.clone();
        this.underflow = underflow;
        this.overflow = overflow;
    }

    /** Column or variable name. */
    public String variable() {
        return variable;
    }

    public Binning binning() {
        return binning;
    }

    public int bins() {
        return counts.length;
    }

    public long count(int bin) {
        return counts[bin];
    }
    /** A copy of the counts. */
    public long[] counts() {
        return counts.clone();
    }

    public long underflow() {
        return underflow;
    }

    public long overflow() {
        return overflow;
    }

    /** Entries inside the range. */
    public long inRange() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** All entries including under- and overflow. */
    public long entries() {
        return inRange() + underflow + overflow;
    }

    public Histogram1D plus(Histogram1D o) {
        if (!o.binning.equals(binning)) {
            throw new IllegalArgumentException("different binnings");
        }
        long[] c = counts.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += o.counts[i];
        }
        return new Histogram1D(variable, binning, c, underflow + o.underflow, overflow + o.overflow);
    }
}
