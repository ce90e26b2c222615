package org.darkscope.ui.plane;

import java.util.Map;

/**
 * Everything the energy plane draws, computed off the UI thread and handed over whole.
 *
 * @param density   selected data events binned (null if none)
 * @param points    selected data events as points when few enough for a scatter (null otherwise)
 * @param signal    selected signal MC binned (null if no signal run)
 * @param box       box and sideband edges the counts belong to
 * @param counts    selected data events per region; {@link #HIDDEN} for the blinded box
 * @param blinded   true: the box is hatched and nothing inside it is drawn
 */
public record PlaneSnapshot(
        Grid2D density, Points points, Grid2D signal, BoxEdges box, Map<PlaneRegion, Long> counts, boolean blinded) {
    /** Count shown for the blinded box. */
    public static final long HIDDEN = -1;

    public PlaneSnapshot {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    /** Points of a scatter: coordinates and the event index of each (for picking). */
    public record Points(float[] x, float[] y, int[] event) {
        public Points {
            if (x.length != y.length || x.length != event.length) {
                throw new IllegalArgumentException("point arrays differ in length");
            }
        }

        public int size() {
            return x.length;
        }
    }

    public long count(PlaneRegion r) {
        return counts.getOrDefault(r, 0L);
    }

    /** The text a region label shows: its count, or "blinded". */
    public String countText(PlaneRegion r) {
        long c = count(r);
        if (c == HIDDEN) {
            return r.label() + ": blinded";
        }
        return r.label() + ": " + c;
    }
}
