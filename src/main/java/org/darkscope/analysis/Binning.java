package org.darkscope.analysis;

/**
 * Equal-width bins: {@code bins} bins over [lo, hi). Values below lo go to the underflow, at or
 * above hi to the overflow.
 */
public record Binning(int bins, double lo, double hi) {
    public Binning {
        if (bins <= 0) {
            throw new IllegalArgumentException("need at least one bin, got " + bins);
        }
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("bad bin range [" + lo + ", " + hi + ")");
        }
    }

    public double width() {
        return (hi - lo) / bins;
    }

    public double low(int i) {
        return lo + i * width();
    }

    public double centre(int i) {
        return lo + (i + 0.5) * width();
    }

    /** Bin index of v: -1 underflow (or NaN), bins = overflow. */
    public int index(double v) {
        if (!(v >= lo)) {
            return -1;
        }
        if (v >= hi) {
            return bins;
        }
        int i = (int) ((v - lo) * bins / (hi - lo));
        return Math.min(i, bins - 1);
    }
}
