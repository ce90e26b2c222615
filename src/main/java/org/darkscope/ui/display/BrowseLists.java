package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The browse lists the display offers for a run, free of any toolkit: all visible events, the named
 * lists (from the engine), the alerts (selected events in or near the box), every region of
 * {@link SignalBox} over all visible events, and for simulation each truth class and pile-up. Every
 * list leaves out a hidden (blinded) box, through the model's blinding.
 */
final class BrowseLists {
    private BrowseLists() {}

    static List<BrowseFilter> standard(DisplayModel m, RunData r, Map<String, int[]> named) {
        List<BrowseFilter> fs = new ArrayList<>();
        int[] visible = m.visibleRows(r);
        fs.add(
                visible == null
                        ? BrowseFilter.all()
                        : new BrowseFilter(
                                DisplayModel.ALL + " outside the blinded box (" + visible.length + ")", () -> visible));
        for (Map.Entry<String, int[]> en : named.entrySet()) {
            int[] rows = m.visibleOnly(r, en.getValue());
            fs.add(new BrowseFilter("list: " + en.getKey() + " (" + rows.length + ")", () -> rows));
        }
        int[] alerts = m.alertRows(r);
        fs.add(new BrowseFilter(DisplayModel.ALERTS + " (" + alerts.length + ")", () -> alerts));
        SignalBox b = m.boxFor(r);
        Column e = r.column(Schema.ECAL);
        Column h = r.column(Schema.HCAL);
        boolean hidden = m.hiddenBox(r) != null;
        for (Region reg : Region.values()) {
            if (reg == Region.BOX && hidden) {
                continue;
            }
            int[] rows = m.visibleOnly(r, rowsWhere(r.size(), i -> b.contains(reg, e.getFloat(i), h.getFloat(i))));
            fs.add(new BrowseFilter("all events, " + reg.label() + " (" + rows.length + ")", () -> rows));
        }
        if (r.info().simulated()) {
            Column cls = r.column(Schema.TRUTH_CLASS);
            Column pu = r.column(Schema.TRUTH_PILEUP);
            for (EventClass c : EventClass.values()) {
                int[] rows = m.visibleOnly(r, rowsWhere(r.size(), i -> cls.getInt(i) == c.code()));
                if (rows.length > 0) {
                    fs.add(new BrowseFilter("class " + c.label() + " (" + rows.length + ")", () -> rows));
                }
            }
            int[] pile = m.visibleOnly(r, rowsWhere(r.size(), i -> pu.getInt(i) != 0));
            if (pile.length > 0) {
                fs.add(new BrowseFilter("pile-up (" + pile.length + ")", () -> pile));
            }
        }
        return fs;
    }

    static int[] rowsWhere(int n, IntPredicate p) {
        int[] tmp = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (p.test(i)) {
                tmp[k++] = i;
            }
        }
        return Arrays.copyOf(tmp, k);
    }
}
