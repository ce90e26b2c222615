package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.TaskExecutor;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * What the event display shows, free of any toolkit: the loaded runs, the run and event shown, the
 * browse lists and the chosen one, the cell mode and the accumulation. The pane, the shift-crew and
 * tour controllers talk to this model; views listen to it.
 *
 * <p><b>Blinding.</b> For a run whose box is hidden (the engine's {@link RunResult#boxHidden()} when
 * a result is known, else the {@linkplain #setBlinding blinding policy}), no event in the box, by
 * {@link SignalBox#abcdRegion} of the box in force, is ever offered: every browse list is filtered,
 * "all events" becomes "all events outside the blinded box", {@link #showEvent} and {@link #jump}
 * refuse such an event with a message, and neither its region nor its failed cuts are computed.
 * Regions come from {@link SignalBox} only (one rule book with the engine).</p>
 *
 * <p>About 700 lines: runs, the shown event, browse lists, mode and accumulation share one blinding
 * rule and one change notification; the list building is already in {@link BrowseLists} and the go-to
 * parsing in {@link EventJump}. The lists of a big run are built on a worker ({@link
 * #setListExecutors}, issue 15), whose hand-over needs the same state.</p>
 */
public final class DisplayModel {
    /** Label prefix of the browse list of every (visible) event. */
    public static final String ALL = BrowseFilter.ALL;
    /** Label prefix of the alert browse list. */
    public static final String ALERTS = "alerts: selected, in/near box";

    /** What changed; views redraw what they show of it. */
    public interface Listener {
        /** The run shown changed (also called when it was replaced). */
        default void runChanged(RunData run) {}

        /** The list of loaded runs changed. */
        default void runsChanged() {}

        /** The shown event changed (row of {@link #run()}, -1 for none). */
        default void eventChanged(int row) {}

        /** The browse lists or the chosen one changed. */
        default void filtersChanged() {}

        /** A message for the status line. */
        default void message(String text) {}

        /** The cell mode or the accumulation changed. */
        default void modeChanged() {}
    }

    private final List<RunData> runs = new ArrayList<>();
    private final EventNavigator navigator = new EventNavigator();
    private final Map<String, int[]> externalLists = new LinkedHashMap<>();
    private final Map<RunData, RunResult> results = new IdentityHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private List<BrowseFilter> filters = List.of(BrowseFilter.all());
    private BrowseFilter filter = filters.get(0);
    private RunData run;
    private int current = -1;
    private SignalBox box = SignalBox.published();
    private Function<RunData, SignalBox> blinding = r -> null;
    private Predicate<RunData> dataRole = r -> !r.info().isSignal();
    private double nearMargin = ShiftAlerts.DEFAULT_NEAR_MARGIN;
    private DisplayMode mode = DisplayMode.EVENT;
    private CellAccumulation accumulation;
    /** Where the browse lists of a big run are built (null: at once, on the caller's thread). */
    private TaskExecutor listWorker;
    /** Where built lists are handed back (the JavaFX thread in the window). */
    private TaskExecutor listDeliver;
    /** Runs with more events than this build their lists on {@link #listWorker}. */
    private int asyncAbove = ASYNC_ABOVE;
    /** Raised by every rebuild and every choice of a list; older background work is dropped. */
    private volatile long listGeneration;
    /** Raised by every choice of a list (and every rebuild); an older choice is dropped. */
    private long chooseGeneration;

    /**
     * Runs above this size build their browse lists on the worker; below, a scan takes well under a
     * millisecond and the lists are there at once (as tests and scripts of small runs expect).
     */
    public static final int ASYNC_ABOVE = 200_000;

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    // ------------------------------------------------------------------ runs

    /** The loaded runs (read-only view). */
    public List<RunData> runs() {
        return java.util.Collections.unmodifiableList(runs);
    }

    /** Adds a run without showing it. */
    public void addRun(RunData r) {
        if (!runs.contains(Objects.requireNonNull(r, "run"))) {
            runs.add(r);
            listeners.forEach(Listener::runsChanged);
        }
    }

    /** Replaces a loaded run by another (a followed file that grew); false if {@code old} was not loaded. */
    public boolean replaceRun(RunData old, RunData r) {
        int i = runs.indexOf(old);
        if (i < 0) {
            return false;
        }
        runs.set(i, r);
        forget(old);
        listeners.forEach(Listener::runsChanged);
        return true;
    }

    /**
     * Drops a loaded run (its followed file was deleted). If it was shown, the last other run is shown
     * instead, or nothing if none is left; false if it was not loaded.
     */
    public boolean removeRun(RunData r) {
        if (!runs.remove(r)) {
            return false;
        }
        forget(r);
        listeners.forEach(Listener::runsChanged);
        if (r == run) {
            if (!runs.isEmpty()) {
                setRun(runs.get(runs.size() - 1));
            } else {
                run = null;
                current = -1;
                accumulation = null;
                externalLists.clear();
                filters = List.of(BrowseFilter.all());
                filter = filters.get(0);
                navigator.setRunSize(0);
                listeners.forEach(Listener::filtersChanged);
                listeners.forEach(l -> l.eventChanged(-1));
            }
            message(r.displayName() + " is no longer loaded");
        }
        return true;
    }

    private void forget(RunData r) {
        results.remove(r);
    }

    /**
     * Builds the browse lists of runs above {@code above} events on {@code worker} (with progress in
     * the status line, superseded work dropped) and hands them back through {@code deliver}; until
     * then "all events" is browsed as an index range and the shown event stays (issue 15: nothing
     * scans a whole run on the JavaFX thread). A null worker builds every list at once.
     */
    public void setListExecutors(TaskExecutor worker, TaskExecutor deliver, int above) {
        this.listWorker = worker;
        this.listDeliver = deliver;
        this.asyncAbove = Math.max(0, above);
    }

    /** True while browse lists are being built in the background. */
    public boolean listsPending() {
        return pendingLists;
    }

    private boolean pendingLists;

    /** The event shown while the lists of a big run were built, until the user moves on; else -1. */
    private int placeholderRow = -1;

    private boolean async(RunData r) {
        return listWorker != null && listDeliver != null && r.size() > asyncAbove;
    }

    /** The run shown, or null. */
    public RunData run() {
        return run;
    }

    /** Shows a run (adding it if new) at its first browsable event; the external lists are dropped. */
    public void setRun(RunData r) {
        Objects.requireNonNull(r, "run is null");
        addRun(r);
        run = r;
        accumulation = null;
        mode = DisplayMode.EVENT;
        externalLists.clear();
        current = -1;
        navigator.setRunSize(r.size());
        rebuildFilters(null);
        listeners.forEach(l -> l.runChanged(r));
        listeners.forEach(Listener::modeChanged);
        int first = navigator.first();
        if (pendingLists && first >= 0) {
            // the lists are still being built: the first event outside a hidden box (a few rows at most)
            while (first < r.size() - 1 && isHidden(r, first)) {
                first++;
            }
        }
        if (first >= 0) {
            showEvent(first);
            // a stand-in until the lists arrive: replaced by the chosen list's first event then
            placeholderRow = pendingLists ? current : -1;
        } else {
            listeners.forEach(l -> l.eventChanged(-1));
            message(
                    r.size() == 0
                            ? r.displayName() + " holds no events"
                            : "no event of " + r.displayName() + " can be shown while blinded");
        }
    }

    // ------------------------------------------------------------------ blinding, regions, engine

    /**
     * Sets the box hidden for runs without an engine result: {@code policy.apply(run)} is the box to
     * hide, or null for none (the link: the selection's box for data-role runs while blinded).
     */
    public void setBlinding(Function<RunData, SignalBox> policy) {
        this.blinding = policy == null ? r -> null : policy;
        refresh();
    }

    /** Which runs are data (alerts are for data only; default: every run that names no A' mass). */
    public void setDataRole(Predicate<RunData> isData) {
        this.dataRole = isData == null ? r -> !r.info().isSignal() : isData;
    }

    public boolean isData(RunData r) {
        return dataRole.test(r);
    }

    /** The box and regions in force (from the selection; default the published one). */
    public SignalBox box() {
        return box;
    }

    public void setBox(SignalBox b) {
        this.box = Objects.requireNonNull(b, "box");
        refresh();
    }

    public double nearMargin() {
        return nearMargin;
    }

    /**
     * Everything one analysis result brings, applied with one rebuild of the lists: the box, the
     * engine's results per run and the named lists of the shown run (null: keep them).
     */
    public void applyAnalysis(SignalBox b, List<RunResult> rs, Map<String, int[]> lists) {
        if (b != null) {
            box = b;
        }
        results.clear();
        for (RunResult r : rs) {
            results.put(r.run(), r);
        }
        if (lists != null) {
            externalLists.clear();
            lists.forEach((k, v) -> externalLists.put(k, v.clone()));
        }
        refresh();
    }

    /** The engine's results per run (replacing the previous ones); lists, failed cuts and blinding follow them. */
    public void setResults(List<RunResult> rs) {
        applyAnalysis(null, rs, null);
    }

    /** The engine's result for a run, or null. */
    public RunResult result(RunData r) {
        return results.get(r);
    }

    /** The hidden box of a run, or null if nothing of it is hidden. */
    public SignalBox hiddenBox(RunData r) {
        RunResult rr = results.get(r);
        if (rr != null) {
            return rr.boxHidden() ? rr.selection().box() : null;
        }
        return blinding.apply(r);
    }

    /** True if this row of the run lies in its hidden box (and so must not be shown). */
    public boolean isHidden(RunData r, int row) {
        SignalBox hidden = hiddenBox(r);
        return hidden != null && inBox(hidden, r, row);
    }

    private static boolean inBox(SignalBox b, RunData r, int row) {
        return b.abcdRegion(
                        r.column(Schema.ECAL).getFloat(row),
                        r.column(Schema.HCAL).getFloat(row))
                == Region.BOX;
    }

    /**
     * Rows of the run that may be shown (null: every row, nothing is hidden), ascending. Scans the
     * run: call it off the JavaFX thread for a big run ({@link #visibleRows(RunData, SignalBox)} with
     * {@link #hiddenBox} taken on the model's thread).
     */
    public int[] visibleRows(RunData r) {
        return visibleRows(r, hiddenBox(r));
    }

    /** Rows of the run outside {@code hidden} (null: every row), ascending; safe on any thread. */
    public static int[] visibleRows(RunData r, SignalBox hidden) {
        if (hidden == null) {
            return null;
        }
        return BrowseLists.rowsWhere(r.size(), i -> !inBox(hidden, r, i));
    }

    /** Region label of a shown event from {@link SignalBox}: e.g. "sideband C, region II (hadrons)". */
    public String regionLabel(RunData r, int row) {
        if (isHidden(r, row)) {
            return "blinded";
        }
        double e = r.column(Schema.ECAL).getFloat(row);
        double h = r.column(Schema.HCAL).getFloat(row);
        SignalBox b = boxFor(r);
        List<String> in = new ArrayList<>();
        Region abcd = b.abcdRegion(e, h);
        if (abcd != null) {
            in.add(abcd.label());
        }
        Region label = b.labelRegion(e, h);
        if (label != null) {
            in.add(label.label());
        }
        return String.join(", ", in);
    }

    /** Names of the cuts the event fails (engine bitsets), or null if no result is known or it is hidden. */
    public List<String> failedCuts(RunData r, int row) {
        RunResult rr = results.get(r);
        if (rr == null || isHidden(r, row)) {
            return null;
        }
        return rr.failedCuts(row);
    }

    /** The box of a run: its engine result's, else the one in force. */
    SignalBox boxFor(RunData r) {
        RunResult rr = results.get(r);
        return rr != null ? rr.selection().box() : box;
    }

    // ------------------------------------------------------------------ events

    /** Row of the shown event, -1 for none. */
    public int currentEvent() {
        return current;
    }

    /**
     * Shows the event at this row of the current run. A row in the hidden box is refused: nothing
     * changes, a message says why, and false is returned.
     */
    public boolean showEvent(int row) {
        if (run == null) {
            throw new IllegalStateException("no run set");
        }
        if (row < 0 || row >= run.size()) {
            throw new IndexOutOfBoundsException("event row " + row + " outside 0.." + (run.size() - 1));
        }
        if (isHidden(run, row)) {
            message("event " + run.column(Schema.EVENT).getInt(row) + " of run "
                    + run.info().runNumber() + " is in the blinded signal box: not shown while blinded");
            return false;
        }
        if (navigator.contains(row)) {
            navigator.goTo(row);
        }
        current = row;
        listeners.forEach(l -> l.eventChanged(row));
        return true;
    }

    /** Shows an event of any loaded or new run. */
    public boolean showEvent(EventRef ref) {
        if (ref.run() != run) {
            setRun(ref.run());
        }
        return showEvent(ref.index());
    }

    public EventNavigator navigator() {
        return navigator;
    }

    public boolean first() {
        return go(navigator.first());
    }

    public boolean previous() {
        return go(navigator.previous());
    }

    public boolean next() {
        return go(navigator.next());
    }

    public boolean last() {
        return go(navigator.last());
    }

    public boolean nextWrapping() {
        return navigator.count() > 0 && go(navigator.nextWrapping());
    }

    private boolean go(int row) {
        return row >= 0 && run != null && showEvent(row);
    }

    /**
     * Jumps to "EVENT" (event number of the shown run) or "RUN:EVENT" (a loaded run); returns the
     * message for the status line (also sent to the listeners).
     */
    public String jump(String text) {
        if (run == null) {
            return message("no run shown");
        }
        EventJump.Target t = EventJump.resolve(text, run, runs);
        if (t.row() < 0) {
            return message(t.message());
        }
        if (isHidden(t.run(), t.row())) {
            return message(t.message() + " of run " + t.run().info().runNumber()
                    + " is in the blinded signal box: not shown while blinded");
        }
        if (t.run() != run) {
            setRun(t.run());
        }
        showEvent(t.row());
        return message(t.message());
    }

    private String message(String m) {
        listeners.forEach(l -> l.message(m));
        return m;
    }

    // ------------------------------------------------------------------ browse lists

    /** The browse lists offered for the shown run (first: all visible events). */
    public List<BrowseFilter> filters() {
        return filters;
    }

    /** The chosen browse list. */
    public BrowseFilter filter() {
        return filter;
    }

    /** Rows of the chosen list (null: every row of the run). */
    public int[] browsedRows() {
        return filter == null ? null : filter.rows().get();
    }

    /** Adds (or with null removes) a named list, e.g. from the analysis engine, and chooses it. */
    public void setBrowseList(String name, int[] rows) {
        if (rows == null) {
            externalLists.remove(name);
        } else {
            externalLists.put(name, rows.clone());
        }
        if (rows != null && run != null && async(run)) {
            rebuildFilters("list: " + name); // chosen when the lists arrive
            return;
        }
        rebuildFilters(null);
        if (rows != null) {
            selectFilter("list: " + name);
        }
    }

    /** Replaces every named list at once, keeping the chosen list (by name) if it is still offered. */
    public void setBrowseLists(Map<String, int[]> lists) {
        externalLists.clear();
        lists.forEach((k, v) -> externalLists.put(k, v.clone()));
        rebuildFilters(filter == null || filters.indexOf(filter) == 0 ? null : baseLabel(filter.label()));
    }

    /** Chooses the list whose label is (or starts with) {@code label + " ("}; false if none. */
    public boolean selectFilter(String label) {
        for (BrowseFilter f : filters) {
            if (f.label().equals(label) || f.label().startsWith(label + " (")) {
                chooseFilter(f);
                return true;
            }
        }
        if (pendingLists) {
            // the lists are being built: chosen when they arrive (if offered then)
            wantedLabel = label;
            return true;
        }
        return false;
    }

    /** A list asked for while the lists were being built. */
    private volatile String wantedLabel;

    /** Chooses one of {@link #filters()}: browses its rows, keeping the shown event if it is in them. */
    public void chooseFilter(BrowseFilter f) {
        if (f == null || run == null) {
            return;
        }
        if (async(run)) {
            // the rows of a region or class are materialised on first use: on the worker
            long gen = ++chooseGeneration;
            RunData r = run;
            message("indexing '" + f.label() + "' ...");
            listWorker.execute(() -> {
                try {
                    f.rows().get();
                } catch (RuntimeException | Error e) {
                    listDeliver.execute(() -> message("browse list '" + f.label() + "' failed: " + e));
                    return;
                }
                listDeliver.execute(() -> {
                    if (gen == chooseGeneration && run == r && filters.contains(f)) {
                        applyFilter(f);
                    }
                });
            });
            return;
        }
        applyFilter(f);
    }

    private void applyFilter(BrowseFilter f) {
        filter = f;
        navigator.setSortedList(f.rows().get());
        listeners.forEach(Listener::filtersChanged);
        if (navigator.count() == 0) {
            message("no events in '" + f.label() + "'");
            return;
        }
        message("browsing " + f.label());
        go(navigator.contains(current) ? current : navigator.current());
    }

    static String baseLabel(String label) {
        return label.replaceFirst(" \\(\\d[\\d,]*\\)$", "");
    }

    /** Recomputes the lists (box, blinding or results changed), keeping the chosen one and the event if allowed. */
    public void refresh() {
        if (run == null) {
            return;
        }
        rebuildFilters(filter == null || filters.indexOf(filter) <= 0 ? null : baseLabel(filter.label()));
        if (current >= 0 && isHidden(run, current)) {
            // the box grew over the shown event, or blinding was switched on: leave it
            int row = navigator.goTo(current);
            current = -1;
            if (row < 0 || !showEvent(row)) {
                listeners.forEach(l -> l.eventChanged(-1));
            }
        } else if (current >= 0) {
            listeners.forEach(l -> l.eventChanged(current));
        }
    }

    private void rebuildFilters(String keepLabel) {
        long gen = ++listGeneration;
        chooseGeneration++;
        if (run == null) {
            pendingLists = false;
            install(List.of(BrowseFilter.all()), null);
            return;
        }
        BrowseLists.Inputs in = inputs(run);
        if (!async(run)) {
            pendingLists = false;
            install(BrowseLists.standard(in, Progress.NONE), keepLabel);
            return;
        }
        // meanwhile: every row as an index range (a hidden row is refused by showEvent), the event stays
        pendingLists = true;
        filters = List.of(new BrowseFilter(ALL + " (browse lists being indexed)", () -> null));
        filter = filters.get(0);
        navigator.setSortedList(null);
        listeners.forEach(Listener::filtersChanged);
        RunData r = run;
        Progress p = new Progress() {
            private int lastTenth = -1;

            @Override
            public void update(double fraction, String text) {
                int tenth = (int) (fraction * 10);
                if (tenth != lastTenth && fraction < 1) {
                    lastTenth = tenth;
                    String m = text + ": " + tenth * 10 + "%";
                    listDeliver.execute(() -> {
                        if (gen == listGeneration) {
                            message(m);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return gen != listGeneration;
            }
        };
        listWorker.execute(() -> {
            List<BrowseFilter> fs;
            try {
                fs = BrowseLists.standard(in, p);
                BrowseFilter first = find(fs, keepLabel);
                (first != null ? first : fs.get(0)).rows().get();
                String want = wantedLabel;
                BrowseFilter wanted = want == null ? null : find(fs, baseLabel(want));
                if (wanted != null) {
                    wanted.rows().get();
                }
                p.checkCancelled();
            } catch (CancelledException e) {
                return;
            } catch (RuntimeException | Error e) {
                listDeliver.execute(() -> {
                    if (gen == listGeneration) {
                        pendingLists = false;
                        message("browse lists of " + r.displayName() + " failed: " + e);
                    }
                });
                return;
            }
            listDeliver.execute(() -> {
                if (gen == listGeneration && run == r) {
                    pendingLists = false;
                    String want = wantedLabel != null ? wantedLabel : keepLabel;
                    wantedLabel = null;
                    install(fs, want);
                    int stand = placeholderRow;
                    placeholderRow = -1;
                    if (stand >= 0 && current == stand && !navigator.contains(stand) && navigator.count() > 0) {
                        // nobody moved from the stand-in and it is not in the chosen list: show the
                        // list's first event, as a small run does at once
                        first();
                    }
                    message("browse lists of " + r.displayName() + " ready");
                }
            });
        });
    }

    private BrowseLists.Inputs inputs(RunData r) {
        RunResult rr = results.get(r);
        return new BrowseLists.Inputs(
                r,
                boxFor(r),
                hiddenBox(r),
                new LinkedHashMap<>(externalLists),
                rr != null ? rr.selectedEvents() : null,
                nearMargin);
    }

    private static BrowseFilter find(List<BrowseFilter> fs, String keepLabel) {
        BrowseFilter keep = null;
        if (keepLabel != null) {
            for (BrowseFilter f : fs) {
                if (baseLabel(f.label()).equals(keepLabel)) {
                    keep = f;
                }
            }
        }
        return keep;
    }

    private void install(List<BrowseFilter> fs, String keepLabel) {
        filters = fs;
        BrowseFilter keep = find(fs, keepLabel);
        filter = keep != null ? keep : filters.get(0);
        navigator.setSortedList(filter.rows().get());
        listeners.forEach(Listener::filtersChanged);
    }

    /** Alert rows of a run: selected (engine) events in or near the box, never a hidden one. */
    public int[] alertRows(RunData r) {
        RunResult rr = results.get(r);
        int[] candidates = rr != null ? rr.selectedEvents() : null;
        return ShiftAlerts.rows(r, candidates, boxFor(r), nearMargin, hiddenBox(r) != null);
    }

    // ------------------------------------------------------------------ mode, accumulation

    public DisplayMode mode() {
        return mode;
    }

    public void setMode(DisplayMode m) {
        if (m != null && m != mode) {
            mode = m;
            listeners.forEach(Listener::modeChanged);
        }
    }

    public CellAccumulation accumulation() {
        return accumulation;
    }

    public void setAccumulation(CellAccumulation acc) {
        accumulation = acc;
        listeners.forEach(Listener::modeChanged);
    }
}
