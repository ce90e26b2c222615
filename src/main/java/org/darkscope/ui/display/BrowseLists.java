package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
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
 *
 * <p>Runs above {@link #LAZY_EVENTS} events (mapped runs of 1e8 events) get the region, class and
 * pile-up lists and the blinded "all events" list without counts: each is scanned the first time it
 * is chosen, not all of them when the run is shown (which took minutes on the JavaFX thread).</p>
 */
final class BrowseLists {
    private BrowseLists() {}

    /** Above this many events the scanned lists are built when chosen, not when the run is shown. */
    static final int LAZY_EVENTS = 1 << 21;

    /** A list computed on first use and kept. */
    private static Supplier<int[]> once(Supplier<int[]> f) {
        return new Supplier<>() {
            private int[] rows;

            @Override
            public synchronized int[] get() {
                if (rows == null) {
                    rows = f.get();
                }
                return rows;
            }
        };
    }

    /** An eager list labelled with its count, or for a large run a lazy one labelled "label (when chosen)". */
    private static BrowseFilter scanned(boolean lazy, String label, Supplier<int[]> rows) {
        if (lazy) {
            return new BrowseFilter(label + " (counted when chosen)", once(rows));
        }
        int[] r = rows.get();
        return new BrowseFilter(label + " (" + r.length + ")", () -> r);
    }

    static List<BrowseFilter> standard(DisplayModel m, RunData r, Map<String, int[]> named) {
        List<BrowseFilter> fs = new ArrayList<>();
        boolean lazy = r.size() > LAZY_EVENTS;
        fs.add(
                m.hiddenBox(r) == null
                        ? BrowseFilter.all()
                        : scanned(lazy, DisplayModel.ALL + " outside the blinded box", () -> m.visibleRows(r)));
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
            fs.add(scanned(
                    lazy,
                    "all events, " + reg.label(),
                    () -> m.visibleOnly(r, rowsWhere(r.size(), i -> b.contains(reg, e.getFloat(i), h.getFloat(i))))));
        }
        if (r.info().simulated()) {
            Column cls = r.column(Schema.TRUTH_CLASS);
            Column pu = r.column(Schema.TRUTH_PILEUP);
            for (EventClass c : EventClass.values()) {
                BrowseFilter f = scanned(
                        lazy,
                        "class " + c.label(),
                        () -> m.visibleOnly(r, rowsWhere(r.size(), i -> cls.getInt(i) == c.code())));
                if (lazy || !f.label().endsWith("(0)")) {
                    fs.add(f);
                }
            }
            BrowseFilter pile =
                    scanned(lazy, "pile-up", () -> m.visibleOnly(r, rowsWhere(r.size(), i -> pu.getInt(i) != 0)));
            if (lazy || !pile.label().endsWith("(0)")) {
                fs.add(pile);
            }
        }
        return fs;
    }

    static int[] rowsWhere(int n, IntPredicate p) {
        int[] tmp = new int[Math.min(n, 1024)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (p.test(i)) {
                if (k == tmp.length) {
                    tmp = Arrays.copyOf(tmp, (int) Math.min(n, 2L * tmp.length));
                }
                tmp[k++] = i;
            }
        }
        return Arrays.copyOf(tmp, k);
    }
}
