package org.darkscope.ui.display;

/**
 * Maps a cell energy (GeV) to a position 0..1 on the colour map. Display choice only, no physics:
 * linear or logarithmic, over a range that is fitted to each event, fixed by the user, or shared
 * across the events of a run. Energies below {@link #emptyThreshold()} count as empty and are
 * drawn faint (the map returns {@link #EMPTY}).
 */
public final class EnergyScale {
    /** Returned by {@link #unit(double)} for an empty cell. */
    public static final double EMPTY = -1;
    /** Default empty-cell threshold in GeV: above the per-cell noise of 20-50 MeV (docs/physics.md#shower-model [est]). */
    public static final double DEFAULT_EMPTY_THRESHOLD_GEV = 0.1;
    /** In log mode with an automatic range, the low edge is this fraction of the high edge (3 decades). */
    public static final double LOG_AUTO_DYNAMIC_RANGE = 1e-3;

    public enum Mapping {
        LINEAR,
        LOG
    }

    public enum Range {
        /** 0 (or high/1000 in log) to the hottest cell of the shown event. */
        AUTO_EVENT("auto per event"),
        /** The user's min/max. */
        FIXED("fixed range"),
        /** 0 to the hottest cell of the whole run. */
        SHARED_RUN("shared across events");

        private final String label;

        Range(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private Mapping mapping = Mapping.LINEAR;
    private Range range = Range.AUTO_EVENT;
    private double fixedMin = 0;
    private double fixedMax = 50;
    private double sharedMax = 1;
    private double emptyThreshold = DEFAULT_EMPTY_THRESHOLD_GEV;
    private double lo = 0;
    private double hi = 1;

    public Mapping mapping() {
        return mapping;
    }

    public Range range() {
        return range;
    }

    public double fixedMin() {
        return fixedMin;
    }

    public double fixedMax() {
        return fixedMax;
    }

    public double emptyThreshold() {
        return emptyThreshold;
    }
    /** Low edge of the current range (GeV). */
    public double lo() {
        return lo;
    }
    /** High edge of the current range (GeV). */
    public double hi() {
        return hi;
    }

    public void setMapping(Mapping m) {
        this.mapping = m;
    }

    public void setRange(Range r) {
        this.range = r;
    }

    public void setFixedRange(double min, double max) {
        if (!(max > min) || min < 0) {
            throw new IllegalArgumentException("fixed range needs 0 <= min < max, got " + min + " .. " + max);
        }
        this.fixedMin = min;
        this.fixedMax = max;
    }

    /** Hottest cell energy of the run, used by {@link Range#SHARED_RUN}. */
    public void setSharedMax(double max) {
        this.sharedMax = max > 0 ? max : 1;
    }

    public void setEmptyThreshold(double t) {
        if (t < 0) {
            throw new IllegalArgumentException("empty threshold must be >= 0");
        }
        this.emptyThreshold = t;
    }

    /** Fits the range to the values about to be shown (the event's cells, or accumulated values). */
    public void fit(float[] values) {
        double max = 0;
        for (float v : values) {
            if (v > max) {
                max = v;
            }
        }
        fitMax(max);
    }

    /** Fits the range given the largest value about to be shown. */
    public void fitMax(double eventMax) {
        double top =
                switch (range) {
                    case AUTO_EVENT -> eventMax;
                    case FIXED -> fixedMax;
                    case SHARED_RUN -> sharedMax;
                };
        if (!(top > 0)) {
            top = 1;
        }
        double bottom = range == Range.FIXED ? fixedMin : 0;
        if (mapping == Mapping.LOG) {
            double floor = Math.max(emptyThreshold, top * LOG_AUTO_DYNAMIC_RANGE);
            bottom = Math.max(bottom, floor);
            if (bottom >= top) {
                bottom = top * LOG_AUTO_DYNAMIC_RANGE;
            }
        }
        lo = bottom;
        hi = top;
    }

    /** Position of an energy on the colour map (0..1, clamped), or {@link #EMPTY} for an empty cell. */
    public double unit(double e) {
        if (!(e >= emptyThreshold) || e <= 0) {
            return EMPTY;
        }
        double t;
        if (mapping == Mapping.LOG) {
            t = (Math.log(e) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        } else {
            t = (e - lo) / (hi - lo);
        }
        return Math.max(0, Math.min(1, t));
    }

    /** Energy at a position 0..1 of the map (for legend ticks). */
    public double energyAt(double t) {
        if (mapping == Mapping.LOG) {
            return Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo)));
        }
        return lo + t * (hi - lo);
    }
}
