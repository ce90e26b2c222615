package org.darkscope.ui.plane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Histogram2D;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * Turns an engine result into what the plane draws. Every number comes from the engine (histograms,
 * region counts, selected-event lists); this class only sums runs and applies the display's blinding.
 * Pure: runs on the analysis worker, no toolkit.
 */
public final class PlaneSnapshots {
    /** Below this many selected events the plane shows points (clickable) instead of a density. */
    public static final int SCATTER_MAX = 3000;

    private PlaneSnapshots() {}

    /** The edges of the engine's box as the plane draws them. */
    public static BoxEdges edges(SignalBox b) {
        return new BoxEdges(b.ecalMax(), b.hcalMax(), b.ecalTriggerEdge(), b.hcalSidebandMax());
    }

    /**
     * The plane for the given data runs and signal runs of a result.
     *
     * @param data    runs shown as data (their plane histograms and region counts are summed)
     * @param signal  runs overlaid as signal MC
     * @param blinded hide the box: no count, no events inside (also for simulated pseudo-data)
     */
    public static PlaneSnapshot of(AnalysisResult result, List<RunData> data, List<RunData> signal, boolean blinded) {
        BoxEdges box = edges(result.selection().box());
        Histogram2D density = null;
        RegionCounts counts = RegionCounts.empty();
        long selected = 0;
        for (RunData r : data) {
            RunResult rr = result.run(r);
            density = density == null ? rr.plane() : density.plus(rr.plane());
            counts = counts.plus(rr.regions());
            selected +=
                    rr.selectedCount(); // outside the box when it is hidden: the scatter/density switch reveals nothing
            blinded |= rr.boxHidden();
        }
        Histogram2D sig = null;
        for (RunData r : signal) {
            Histogram2D h = result.run(r).plane();
            sig = sig == null ? h : sig.plus(h);
        }
        PlaneSnapshot.Points points = null;
        if (!data.isEmpty() && selected <= SCATTER_MAX) {
            points = points(result, data, box, blinded);
        }
        Map<PlaneRegion, Long> c = new EnumMap<>(PlaneRegion.class);
        c.put(PlaneRegion.BOX, blinded ? PlaneSnapshot.HIDDEN : counts.count(Region.BOX));
        c.put(PlaneRegion.A, counts.count(Region.A));
        c.put(PlaneRegion.C, counts.count(Region.C));
        c.put(PlaneRegion.D, counts.count(Region.D));
        Grid2D dg = density == null ? null : grid(density, blinded ? box : null);
        Grid2D sg = sig == null ? null : grid(sig, null);
        return new PlaneSnapshot(dg, points, sg, box, c, blinded);
    }

    /** The histogram as a grid; with {@code hide} set, bins whose lower corner is inside the box are emptied. */
    static Grid2D grid(Histogram2D h, BoxEdges hide) {
        int nx = h.x().bins();
        int ny = h.y().bins();
        int[] counts = h.counts();
        if (hide != null) {
            for (int iy = 0; iy < ny; iy++) {
                if (h.y().low(iy) >= hide.hcalMax()) {
                    break;
                }
                for (int ix = 0; ix < nx && h.x().low(ix) < hide.ecalMax(); ix++) {
                    counts[iy * nx + ix] = 0;
                }
            }
        }
        return new Grid2D(nx, h.x().lo(), h.x().hi(), ny, h.y().lo(), h.y().hi(), counts);
    }

    private static PlaneSnapshot.Points points(
            AnalysisResult result, List<RunData> data, BoxEdges box, boolean blinded) {
        int n = 0;
        int[][] sel = new int[data.size()][];
        for (int k = 0; k < data.size(); k++) {
            sel[k] = result.run(data.get(k)).selectedEvents();
            n += sel[k].length;
        }
        float[] x = new float[n];
        float[] y = new float[n];
        int[] ev = new int[n];
        int m = 0;
        for (int k = 0; k < data.size(); k++) {
            org.darkscope.event.Column e = data.get(k).column(Schema.ECAL);
            org.darkscope.event.Column h = data.get(k).column(Schema.HCAL);
            for (int i : sel[k]) {
                float ei = e.getFloat(i);
                float hi = h.getFloat(i);
                if (blinded && ei < box.ecalMax() && hi < box.hcalMax()) {
                    continue;
                }
                x[m] = ei;
                y[m] = hi;
                ev[m] = k == 0 ? i : -1 - i; // events of further runs are not pickable by index alone
                m++;
            }
        }
        return new PlaneSnapshot.Points(
                java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m), java.util.Arrays.copyOf(ev, m));
    }
}
