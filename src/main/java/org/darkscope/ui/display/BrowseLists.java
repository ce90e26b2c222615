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
import org.darkscope.task.Progress;

/**
 * The browse lists the display offers for a run, free of any toolkit: all visible events, the named
 * lists (from the engine), the alerts (selected events in or near the box), every region of
 * {@link SignalBox} over all visible events, and for simulation each truth class and pile-up. Every
 * list leaves out a hidden (blinded) box.
 *
 * <p>Built from a snapshot of the model ({@link Inputs}), so that it may run on a worker thread
 * (issue 15: a 10⁸-event run must not be scanned on the JavaFX thread). One pass over the run counts
 * every region, class and pile-up (the labels carry the counts); the rows of such a list are
 * materialised only when it is browsed ({@link BrowseFilter#rows()} computes them once, exactly
 * {@code count} ints, no scratch array). Every list is ascending and de-duplicated, so the
 * navigator takes it as it is.</p>
 */
final class BrowseLists {
    private BrowseLists() {}

    /** Rows between cancellation checks and progress reports. */
    private static final int CHUNK = 1 << 20;

    /** What the lists of one run depend on, taken from the model on its thread. */
    record Inputs(
            RunData run,
            SignalBox box,
            SignalBox hidden,
            Map<String, int[]> named,
            int[] alertCandidates,
            double nearMargin) {}

    static List<BrowseFilter> standard(Inputs in, Progress p) {
        RunData r = in.run();
        int n = r.size();
        SignalBox b = in.box();
        SignalBox hidden = in.hidden();
        Column e = r.column(Schema.ECAL);
        Column h = r.column(Schema.HCAL);
        boolean sim = r.info().simulated();
        Column cls = sim ? r.column(Schema.TRUTH_CLASS) : null;
        Column pu = sim ? r.column(Schema.TRUTH_PILEUP) : null;
        Region[] regions = Region.values();
        EventClass[] classes = EventClass.values();
        long[] regionCount = new long[regions.length];
        long[] classCount = new long[classes.length];
        long pileCount = 0;
        long visibleCount = 0;
        for (int start = 0; start < n; start += CHUNK) {
            p.checkCancelled();
            p.update((double) start / Math.max(1, n), "indexing browse lists of " + r.displayName());
            int end = Math.min(n, start + CHUNK);
            for (int i = start; i < end; i++) {
                float ei = e.getFloat(i);
                float hi = h.getFloat(i);
                if (hidden != null && hidden.abcdRegion(ei, hi) == Region.BOX) {
                    continue;
                }
                visibleCount++;
                for (int k = 0; k < regions.length; k++) {
                    if (b.contains(regions[k], ei, hi)) {
                        regionCount[k]++;
                    }
                }
                if (sim) {
                    int c = cls.getInt(i);
                    for (int k = 0; k < classes.length; k++) {
                        if (classes[k].code() == c) {
                            classCount[k]++;
                        }
                    }
                    if (pu.getInt(i) != 0) {
                        pileCount++;
                    }
                }
            }
        }
        p.checkCancelled();
        IntPredicate visible =
                hidden == null ? i -> true : i -> hidden.abcdRegion(e.getFloat(i), h.getFloat(i)) != Region.BOX;
        List<BrowseFilter> fs = new ArrayList<>();
        if (hidden == null) {
            fs.add(BrowseFilter.all());
        } else {
            int vc = (int) visibleCount;
            fs.add(new BrowseFilter(
                    DisplayModel.ALL + " outside the blinded box (" + vc + ")", once(() -> rowsWhere(n, vc, visible))));
        }
        for (Map.Entry<String, int[]> en : in.named().entrySet()) {
            int[] rows = visibleOnly(EventNavigator.normalize(en.getValue(), n), visible);
            fs.add(new BrowseFilter("list: " + en.getKey() + " (" + rows.length + ")", () -> rows));
        }
        int[] alerts = EventNavigator.normalize(
                ShiftAlerts.rows(r, in.alertCandidates(), b, in.nearMargin(), hidden != null), n);
        fs.add(new BrowseFilter(DisplayModel.ALERTS + " (" + alerts.length + ")", () -> alerts));
        for (int k = 0; k < regions.length; k++) {
            Region reg = regions[k];
            if (reg == Region.BOX && hidden != null) {
                continue;
            }
            int c = (int) regionCount[k];
            fs.add(new BrowseFilter(
                    "all events, " + reg.label() + " (" + c + ")",
                    once(() ->
                            rowsWhere(n, c, i -> visible.test(i) && b.contains(reg, e.getFloat(i), h.getFloat(i))))));
        }
        if (sim) {
            for (int k = 0; k < classes.length; k++) {
                EventClass ec = classes[k];
                int c = (int) classCount[k];
                if (c > 0) {
                    fs.add(new BrowseFilter(
                            "class " + ec.label() + " (" + c + ")",
                            once(() -> rowsWhere(n, c, i -> cls.getInt(i) == ec.code() && visible.test(i)))));
                }
            }
            int c = (int) pileCount;
            if (c > 0) {
                fs.add(new BrowseFilter(
                        "pile-up (" + c + ")", once(() -> rowsWhere(n, c, i -> pu.getInt(i) != 0 && visible.test(i)))));
            }
        }
        p.update(1, "browse lists of " + r.displayName() + " indexed");
        return fs;
    }

    private static int[] visibleOnly(int[] rows, IntPredicate visible) {
        return Arrays.stream(rows).filter(visible).toArray();
    }

    /** A supplier that computes its rows once (on whichever thread asks first) and keeps them. */
    static Supplier<int[]> once(Supplier<int[]> s) {
        return new Supplier<>() {
            private int[] rows;

            @Override
            public synchronized int[] get() {
                if (rows == null) {
                    rows = s.get();
                }
                return rows;
            }
        };
    }

    /** The rows of {@code 0..n-1} passing {@code p}, of which there are exactly {@code count}. */
    static int[] rowsWhere(int n, int count, IntPredicate p) {
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < n && k < count; i++) {
            if (p.test(i)) {
                out[k++] = i;
            }
        }
        return k == count ? out : Arrays.copyOf(out, k);
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
