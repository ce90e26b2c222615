package org.darkscope.analysis;

import java.util.EnumMap;
import java.util.Map;

/**
 * Numbers of selected events per {@link Region}. When the box is hidden (blinded data) its count
 * is reported as {@link #HIDDEN}.
 */
public final class RegionCounts {
    /** Count reported for a blinded box. */
    public static final long HIDDEN = -1;

    private final long[] counts;
    private final boolean boxHidden;

    /** @param counts indexed by {@link Region#ordinal()} (copied) */
    public RegionCounts(long[] counts, boolean boxHidden) {
        if (counts.length != Region.values().length) {
            throw new IllegalArgumentException("need one count per region");
        }
        this.counts = counts.clone();
        this.boxHidden = boxHidden;
        if (boxHidden) {
            this.counts[Region.BOX.ordinal()] = HIDDEN;
        }
    }

    /** Count in the region, {@link #HIDDEN} for a blinded box. */
    public long count(Region r) {
        return counts[r.ordinal()];
    }

    public boolean boxHidden() {
        return boxHidden;
    }

    public Map<Region, Long> asMap() {
        Map<Region, Long> m = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            m.put(r, counts[r.ordinal()]);
        }
        return m;
    }

    /** Sum (a hidden box stays hidden). */
    public RegionCounts plus(RegionCounts o) {
        long[] c = new long[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.max(0, counts[i]) + Math.max(0, o.counts[i]);
        }
        return new RegionCounts(c, boxHidden || o.boxHidden);
    }

    public static RegionCounts empty() {
        return new RegionCounts(new long[Region.values().length], false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionCounts r && r.boxHidden == boxHidden && java.util.Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(counts) * 31 + (boxHidden ? 1 : 0);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
