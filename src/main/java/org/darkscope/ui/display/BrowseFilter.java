package org.darkscope.ui.display;

import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A named set of events to browse: all ({@code rows} gives null), a list handed in from the analysis
 * engine, a region, a truth class. Rows are computed when the filter is chosen.
 */
public record BrowseFilter(String label, Supplier<int[]> rows) {
    public static final String ALL = "all events";

    public static BrowseFilter all() {
        return new BrowseFilter(ALL, () -> null);
    }

    /**
     * The filters offered for a run: all events, the named lists (from the analysis engine), the
     * alert list, the regions, and for simulation each truth class present and pile-up.
     */
    public static List<BrowseFilter> standard(RunData run, RegionRules regions, Map<String, int[]> lists) {
        List<BrowseFilter> fs = new ArrayList<>();
        fs.add(all());
        for (Map.Entry<String, int[]> en : lists.entrySet()) {
            int[] rows = en.getValue();
            fs.add(new BrowseFilter("list: " + en.getKey() + " (" + rows.length + ")", () -> rows));
        }
        if (run == null) {
            return fs;
        }
        int[] alerts = regions.alerts(run);
        fs.add(new BrowseFilter("alerts: in/near box (" + alerts.length + ")", () -> alerts));
        for (String reg : RegionRules.REGIONS) {
            int[] rows = regions.select(run, reg);
            fs.add(new BrowseFilter("region " + reg + " (" + rows.length + ")", () -> rows));
        }
        if (run.info().simulated()) {
            int[] counts = new int[EventClass.values().length];
            int pile = 0;
            int[] cls = run.ints(Schema.TRUTH_CLASS);
            int[] pu = run.ints(Schema.TRUTH_PILEUP);
            for (int e = 0; e < run.size(); e++) {
                counts[EventClass.of(cls[e]).ordinal()]++;
                pile += pu[e] != 0 ? 1 : 0;
            }
            for (EventClass c : EventClass.values()) {
                if (counts[c.ordinal()] > 0) {
                    fs.add(new BrowseFilter("class " + c.label() + " (" + counts[c.ordinal()] + ")", () -> rowsWhere(cls, c.code())));
                }
            }
            if (pile > 0) {
                fs.add(new BrowseFilter("pile-up (" + pile + ")", () -> rowsWhere(pu, 1)));
            }
        }
        return fs;
    }

    static int[] rowsWhere(int[] col, int value) {
        int[] tmp = new int[col.length];
        int n = 0;
        for (int i = 0; i < col.length; i++) {
            if (col[i] == value) {
                tmp[n++] = i;
            }
        }
        return Arrays.copyOf(tmp, n);
    }

    @Override
    public String toString() {
        return label;
    }
}
