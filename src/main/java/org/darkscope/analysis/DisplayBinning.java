package org.darkscope.analysis;

import java.util.Map;
import org.darkscope.event.Schema;

/** Default display ranges for histograms of cut variables (N-1 plots). Display choices only [est]. */
public final class DisplayBinning {
    private static final Map<String, Binning> BY_COLUMN = Map.ofEntries(
            Map.entry(Schema.P, new Binning(100, 80, 120)),
            Map.entry(Schema.ANGLE, new Binning(100, 0, 10)),
            Map.entry(Schema.CHI2, new Binning(100, 0, 10)),
            Map.entry(Schema.STRAW_HITS, new Binning(30, 0, 30)),
            Map.entry("srd{i}_mev", new Binning(100, 0, 200)),
            Map.entry(Schema.SRD_SUM, new Binning(100, 0, 400)),
            Map.entry(Schema.ECAL_PRE, new Binning(100, 0, 10)),
            Map.entry(Schema.ECAL_MAIN, new Binning(120, 0, 120)),
            Map.entry(Schema.ECAL, new Binning(120, 0, 120)),
            Map.entry(Schema.ECAL_SHAPE, new Binning(100, 0, 0.5)),
            Map.entry(Schema.VETO_MAX, new Binning(100, 0, 5)),
            Map.entry("veto{i}_mip", new Binning(100, 0, 5)),
            Map.entry(Schema.HCAL, new Binning(100, 0, 100)),
            Map.entry(Schema.HCAL_R, new Binning(100, 0, 1)),
            Map.entry(Schema.E_TOTAL, new Binning(150, 0, 150)));

    private DisplayBinning() {}

    /** Binning for the column a cut reads; for other columns a range around the cut edges. */
    public static Binning forCut(Cut cut) {
        Binning b = forColumn(cut.column());
        if (b != null) {
            return b;
        }
        if (cut.column().startsWith("hcal")
                || cut.column().startsWith("srd")
                || cut.column().startsWith("veto")) {
            return new Binning(100, 0, Math.max(10, 4 * Math.abs(Double.isNaN(cut.max()) ? cut.min() : cut.max())));
        }
        double lo = Double.isNaN(cut.min()) ? 0 : cut.min();
        double hi = Double.isNaN(cut.max()) ? lo : cut.max();
        double span = Math.max(1e-6, Math.max(Math.abs(hi - lo), Math.max(Math.abs(lo), Math.abs(hi))));
        double a = Math.min(lo, hi) - span;
        double z = Math.max(lo, hi) + span;
        if (Math.min(lo, hi) >= 0 && a < 0) {
            a = 0;
        }
        return new Binning(100, a, z);
    }

    /** Display binning of a column, or null if none is registered. */
    public static Binning forColumn(String column) {
        return BY_COLUMN.get(column);
    }
}
