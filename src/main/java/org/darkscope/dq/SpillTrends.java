package org.darkscope.dq;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * Per-spill trends of a run: event count and rate, mean E_ECAL, the fraction of events in each
 * region of {@link SignalBox}, and the SRD and VETO rates. With the box hidden (blinded data) the box
 * fraction is NaN and the box's events are counted in no region, so the trend reveals nothing of it.
 */
public final class SpillTrends {
    private SpillTrends() {}

    /**
     * One spill.
     *
     * @param rateHz        events per second between the first and last event of the spill (NaN if
     *                      the run has no times or the spill only one event)
     * @param regionFraction fraction of the spill's events in each region (BOX NaN while hidden)
     * @param srdRate       fraction of events tagged as electrons by the SRD (every cell in the
     *                      published window {@link Selection#SRD_CELL_MIN_MEV}-{@link Selection#SRD_CELL_MAX_MEV} MeV)
     * @param vetoRate      fraction of events with a VETO counter above {@link Selection#VETO_MAX_MIP} MIP
     */
    public record Spill(
            int spill,
            int events,
            double startSeconds,
            double rateHz,
            double meanEcal,
            Map<Region, Double> regionFraction,
            double srdRate,
            double vetoRate) {}

    /** The trends of every spill, in spill order (one spill 0 if the run has no spill column). */
    public static List<Spill> of(RunData run, SignalBox box, boolean boxHidden) {
        int n = run.size();
        int[] spill = run.has(Schema.SPILL) ? run.ints(Schema.SPILL) : new int[n];
        long[] time = run.has(Schema.TIME) ? run.longs(Schema.TIME) : null;
        float[] ecal = run.floats(Schema.ECAL);
        float[] hcal = run.floats(Schema.HCAL);
        int srdCells = run.detector().srdCellCount();
        float[][] srd = new float[srdCells][];
        for (int i = 0; i < srdCells; i++) {
            srd[i] = run.floats(Schema.srd(i));
        }
        float[] veto = run.floats(Schema.VETO_MAX);
        TreeMap<Integer, Acc> bySpill = new TreeMap<>();
        for (int e = 0; e < n; e++) {
            Acc a = bySpill.computeIfAbsent(spill[e], k -> new Acc());
            a.n++;
            a.ecal += ecal[e];
            if (time != null) {
                a.tMin = Math.min(a.tMin, time[e]);
                a.tMax = Math.max(a.tMax, time[e]);
            }
            Region abcd = box.abcdRegion(ecal[e], hcal[e]);
            if (abcd == Region.BOX && boxHidden) {
                a.hidden++;
            } else if (abcd != null) {
                a.region[abcd.ordinal()]++;
            }
            Region label = box.labelRegion(ecal[e], hcal[e]);
            if (label != null) {
                a.region[label.ordinal()]++;
            }
            boolean tagged = srdCells > 0;
            for (int i = 0; i < srdCells; i++) {
                tagged &= srd[i][e] >= Selection.SRD_CELL_MIN_MEV && srd[i][e] <= Selection.SRD_CELL_MAX_MEV;
            }
            a.srd += tagged ? 1 : 0;
            a.veto += veto[e] > Selection.VETO_MAX_MIP ? 1 : 0;
        }
        List<Spill> out = new ArrayList<>();
        for (Map.Entry<Integer, Acc> en : bySpill.entrySet()) {
            Acc a = en.getValue();
            Map<Region, Double> frac = new EnumMap<>(Region.class);
            for (Region r : Region.values()) {
                frac.put(r, r == Region.BOX && boxHidden ? Double.NaN : (double) a.region[r.ordinal()] / a.n);
            }
            double dt = time == null ? 0 : (a.tMax - a.tMin) / 1e9;
            out.add(new Spill(
                    en.getKey(),
                    a.n,
                    time == null ? Double.NaN : a.tMin / 1e9,
                    dt > 0 ? (a.n - 1) / dt : Double.NaN,
                    a.ecal / a.n,
                    frac,
                    (double) a.srd / a.n,
                    (double) a.veto / a.n));
        }
        return out;
    }

    private static final class Acc {
        int n;
        int hidden;
        double ecal;
        long tMin = Long.MAX_VALUE;
        long tMax = Long.MIN_VALUE;
        final long[] region = new long[Region.values().length];
        long srd;
        long veto;
    }
}
