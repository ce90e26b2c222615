package org.darkscope.dq;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.Column;
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
        Column spill = run.has(Schema.SPILL) ? run.column(Schema.SPILL) : Column.constantInt(n, 0);
        Column time = run.has(Schema.TIME) ? run.column(Schema.TIME) : null;
        Column ecal = run.column(Schema.ECAL);
        Column hcal = run.column(Schema.HCAL);
        int srdCells = run.detector().srdCellCount();
        Column[] srd = new Column[srdCells];
        for (int i = 0; i < srdCells; i++) {
            srd[i] = run.column(Schema.srd(i));
        }
        Column veto = run.column(Schema.VETO_MAX);
        TreeMap<Integer, Acc> bySpill = new TreeMap<>();
        for (int e = 0; e < n; e++) {
            Acc a = bySpill.computeIfAbsent(spill.getInt(e), k -> new Acc());
            a.n++;
            a.ecal += ecal.getFloat(e);
            if (time != null) {
                a.tMin = Math.min(a.tMin, time.getLong(e));
                a.tMax = Math.max(a.tMax, time.getLong(e));
            }
            Region abcd = box.abcdRegion(ecal.getFloat(e), hcal.getFloat(e));
            if (abcd == Region.BOX && boxHidden) {
                a.hidden++;
            } else if (abcd != null) {
                a.region[abcd.ordinal()]++;
            }
            Region label = box.labelRegion(ecal.getFloat(e), hcal.getFloat(e));
            if (label != null) {
                a.region[label.ordinal()]++;
            }
            boolean tagged = srdCells > 0;
            for (int i = 0; i < srdCells; i++) {
                float v = srd[i].getFloat(e);
                tagged &= v >= Selection.SRD_CELL_MIN_MEV && v <= Selection.SRD_CELL_MAX_MEV;
            }
            a.srd += tagged ? 1 : 0;
            a.veto += veto.getFloat(e) > Selection.VETO_MAX_MIP ? 1 : 0;
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
