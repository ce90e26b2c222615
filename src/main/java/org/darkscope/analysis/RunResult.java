package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The evaluation of one run under one selection: an immutable snapshot. Cut flow, region counts
 * and the plane histogram are computed by the engine; 1-D histograms, N-1 distributions and event
 * lists are computed on first use from the immutable bitsets and then kept (call
 * {@link #computeAll()} on a background thread to have them ready). Safe to read from any thread.
 *
 * <p>Blinding: when the box is hidden ({@link #boxHidden()}: the selection is blinded and the run is
 * in the data role, recorded or simulated), this object is built from the events outside the box
 * only. The engine removes the box events before it builds the result, so no accessor can return
 * them or anything that follows from them: the cut flow (its total too) counts events outside the
 * box, the selected counts (per truth class too), {@link #classes()}, the plane and 1-D histograms,
 * the N-1 distributions, the event lists and the efficiencies are the same as for the run with its
 * box events deleted; the box count reads {@link RegionCounts#HIDDEN}. Only {@link #run()}, the raw
 * columns, still holds every event; {@link #hides(int)} tells whether one of them is hidden.</p>
 *
 * <p>About 540 lines: every accessor of the blinded snapshot lives in one class so that the blinding
 * property test can reflect over all of them; the weighted sums are in {@link WeightedResult}.</p>
 */
public final class RunResult {
    private final RunData run;
    private final Selection selection;
    private final List<Cut> enabledCuts;
    private final List<long[]> cutBits;
    private final List<List<String>> cutColumns;
    private final long[] selectedBits;
    private final CutFlow cutFlow;
    private final CoreAccumulator core;
    private final Binning planeX;
    private final Binning planeY;
    private final boolean boxHidden;
    private final boolean dataRole;
    private final Map<Object, Object> memo = new ConcurrentHashMap<>();

    RunResult(
            RunData run,
            Selection selection,
            List<Cut> enabledCuts,
            List<long[]> cutBits,
            List<List<String>> cutColumns,
            long[] selectedBits,
            CutFlow cutFlow,
            CoreAccumulator core,
            Binning planeX,
            Binning planeY,
            boolean boxHidden,
            boolean dataRole) {
        this.run = run;
        this.selection = selection;
        this.enabledCuts = List.copyOf(enabledCuts);
        this.cutBits = List.copyOf(cutBits);
        this.cutColumns = List.copyOf(cutColumns);
        this.selectedBits = selectedBits;
        this.cutFlow = cutFlow;
        this.core = core;
        this.planeX = planeX;
        this.planeY = planeY;
        this.boxHidden = boxHidden;
        this.dataRole = dataRole;
    }

    public RunData run() {
        return run;
    }

    public Selection selection() {
        return selection;
    }

    public boolean isSignal() {
        return run.info().isSignal();
    }

    public boolean isSimulated() {
        return run.info().simulated();
    }
    /** True if the box of this run is blinded (every count and list of this result leaves the box out). */
    public boolean boxHidden() {
        return boxHidden;
    }

    /**
     * True if the run is in the data role: recorded data, or simulation the user opened as data
     * (pseudo-data). Data-role runs are blinded while the selection is; signal and background MC never.
     */
    public boolean isData() {
        return dataRole;
    }

    /**
     * True if the run is in the background-MC role: simulated, no signal, not opened as data. Its counts
     * honour the event weights ({@link #weighted()}).
     */
    public boolean isBackgroundMc() {
        return isSimulated() && !isSignal() && !dataRole;
    }

    /**
     * The weighted counts (Σw ± √Σw²: cut flow, regions, classes, histograms) of a background-MC-role run,
     * from this result's bitsets and the {@code truth_weight} column; empty for data and signal runs.
     * Computed on first use (one pass over the bitsets), then kept.
     */
    public java.util.Optional<WeightedResult> weighted() {
        if (!isBackgroundMc()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(weightedSums());
    }

    /**
     * The weighted counts whatever the role ({@link RunTotals} of a run a job was told is background MC):
     * the same sums {@link #weighted()} gives, so a result file holds exactly what {@code analyse} prints.
     */
    WeightedResult weightedSums() {
        return (WeightedResult)
                memo("weighted", k -> WeightedResult.of(run, enabledCuts, cutBits, selectedBits, selection.box()));
    }

    /**
     * True if this event is hidden by the blinding: the box is hidden and the event lies in it
     * ({@link SignalBox#abcdRegion} BOX). Nothing about such an event may be shown (selection,
     * failed cuts, region).
     */
    public boolean hides(int event) {
        return boxHidden
                && selection
                                .box()
                                .abcdRegion(
                                        run.column(Schema.ECAL).getFloat(event),
                                        run.column(Schema.HCAL).getFloat(event))
                        == Region.BOX;
    }

    /** The cut flow; for a hidden box, of the events outside the box only (its total too). */
    public CutFlow cutFlow() {
        return cutFlow;
    }

    /** Events passing every enabled cut (outside the box when it is hidden). */
    public long selectedCount() {
        return cutFlow.selected();
    }

    /** Selected events of one truth class (outside the box when it is hidden). */
    public long selectedCount(EventClass c) {
        return core.selected[c.ordinal()];
    }

    /** Truth classes with at least one selected event. */
    public Set<EventClass> classes() {
        Set<EventClass> s = EnumSet.noneOf(EventClass.class);
        for (EventClass c : EventClass.values()) {
            if (core.selected[c.ordinal()] > 0) {
                s.add(c);
            }
        }
        return Collections.unmodifiableSet(s);
    }

    /** Region counts of the selected events, all classes. */
    public RegionCounts regions() {
        long[] c = new long[CoreAccumulator.REGIONS];
        for (int k = 0; k < CoreAccumulator.CLASSES; k++) {
            for (int r = 0; r < c.length; r++) {
                c[r] += core.region(k, r);
            }
        }
        return new RegionCounts(c, boxHidden);
    }

    /** Region counts of the selected events of one truth class. */
    public RegionCounts regions(EventClass cls) {
        long[] c = new long[CoreAccumulator.REGIONS];
        for (int r = 0; r < c.length; r++) {
            c[r] = core.region(cls.ordinal(), r);
        }
        return new RegionCounts(c, boxHidden);
    }

    /** The (E_ECAL, E_HCAL) histogram of the selected (visible) events, all classes. */
    public Histogram2D plane() {
        return (Histogram2D) memo("plane", k -> {
            int size = planeX.bins() * planeY.bins();
            int[] sum = new int[size];
            long out = 0;
            for (int c = 0; c < CoreAccumulator.CLASSES; c++) {
                for (int i = 0; i < size; i++) {
                    sum[i] += core.plane[c * size + i];
                }
                out += core.outside[c];
            }
            return new Histogram2D(planeX, planeY, sum, out);
        });
    }

    /** The plane histogram of one truth class. */
    public Histogram2D plane(EventClass cls) {
        int size = planeX.bins() * planeY.bins();
        int c = cls.ordinal();
        return new Histogram2D(
                planeX, planeY, Arrays.copyOfRange(core.plane, c * size, (c + 1) * size), core.outside[c]);
    }

    /** Row indices of the selected (visible) events, ascending. */
    public int[] selectedEvents() {
        return ((int[]) memo("selected", k -> Bits.indices(selectedBits))).clone();
    }

    /** True if the event passes every enabled cut (and is not a hidden box event). */
    public boolean isSelected(int event) {
        return Bits.get(selectedBits, event);
    }

    /**
     * Names of the enabled cuts this event fails, in selection order, read from the engine's per-cut
     * bitsets (no second evaluation). Empty if the event passes every cut.
     *
     * <p>Blinding: for a hidden box an event in the box (by E_ECAL, E_HCAL, whether selected or not)
     * reveals nothing: this throws {@link IllegalStateException} rather than answering, so that an
     * empty list can never be mistaken for "a selected box event".</p>
     *
     * @throws IndexOutOfBoundsException if {@code event} is not a row of the run
     * @throws IllegalStateException     if the box is hidden and the event lies in it
     */
    public List<String> failedCuts(int event) {
        if (event < 0 || event >= run.size()) {
            throw new IndexOutOfBoundsException("event row " + event + " outside 0.." + (run.size() - 1));
        }
        if (boxHidden
                && selection
                                .box()
                                .abcdRegion(
                                        run.column(Schema.ECAL).getFloat(event),
                                        run.column(Schema.HCAL).getFloat(event))
                        == Region.BOX) {
            throw new IllegalStateException(
                    "event row " + event + " of " + run.displayName() + " is in the blinded signal box");
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < enabledCuts.size(); i++) {
            if (!Bits.get(cutBits.get(i), event)) {
                failed.add(enabledCuts.get(i).name());
            }
        }
        return Collections.unmodifiableList(failed);
    }

    /** Row indices of the selected events in a region (empty for a hidden box), ascending. */
    public int[] eventsInRegion(Region region) {
        if (region == Region.BOX && boxHidden) {
            return new int[0];
        }
        return ((int[]) memo(region, k -> {
                    Column ecal = run.column(Schema.ECAL);
                    Column hcal = run.column(Schema.HCAL);
                    SignalBox box = selection.box();
                    int[] sel = selectedEvents();
                    int[] out = new int[sel.length];
                    int n = 0;
                    for (int e : sel) {
                        if (box.contains(region, ecal.getFloat(e), hcal.getFloat(e))) {
                            out[n++] = e;
                        }
                    }
                    return Arrays.copyOf(out, n);
                }))
                .clone();
    }

    /** 1-D histogram of a variable for the selected (visible) events, default binning. */
    public Histogram1D histogram(Variable v) {
        return histogram(v.column(), v.defaultBinning(), null);
    }

    /** 1-D histogram of a variable for the selected events of one truth class. */
    public Histogram1D histogram(Variable v, EventClass cls) {
        return histogram(v.column(), v.defaultBinning(), cls);
    }

    /**
     * 1-D histogram of any scalar column for the selected (visible) events.
     *
     * @param cls truth class, or null for all
     */
    public Histogram1D histogram(String column, Binning binning, EventClass cls) {
        List<Object> key = Arrays.asList("h1", column, binning, cls);
        return (Histogram1D) memo(key, k -> fill(column, binning, selectedBits, cls));
    }

    private Histogram1D fill(String column, Binning b, long[] bits, EventClass cls) {
        Column col = run.column(column);
        Column truth = run.column(Schema.TRUTH_CLASS);
        int want = cls == null ? -1 : cls.ordinal();
        long[] counts = new long[b.bins()];
        long under = 0;
        long over = 0;
        for (int w = 0; w < bits.length; w++) {
            long m = bits[w];
            while (m != 0) {
                int e = (w << 6) + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                if (want >= 0 && CoreAccumulator.classIndex(truth.getInt(e)) != want) {
                    continue;
                }
                int i = b.index(col.value(e));
                if (i < 0) {
                    under++;
                } else if (i >= counts.length) {
                    over++;
                } else {
                    counts[i]++;
                }
            }
        }
        return new Histogram1D(column, b, counts, under, over);
    }

    /**
     * N-1 distribution of a cut: its column (every column of a family) for the events passing all
     * other enabled cuts, in the default display binning of the column. Box events of blinded data
     * are excluded.
     */
    public Histogram1D nMinusOne(String cutName) {
        Cut cut = selection.cut(cutName);
        return nMinusOne(cutName, DisplayBinning.forCut(cut));
    }

    /** N-1 distribution with the given binning. */
    public Histogram1D nMinusOne(String cutName, Binning binning) {
        Cut cut = selection.cut(cutName);
        List<Object> key = Arrays.asList("n-1", cutName, binning);
        return (Histogram1D) memo(key, k -> {
            int idx = -1;
            for (int i = 0; i < enabledCuts.size(); i++) {
                if (enabledCuts.get(i).name().equals(cutName)) {
                    idx = i;
                }
            }
            long[] others = Bits.all(run.size());
            for (int i = 0; i < cutBits.size(); i++) {
                if (i != idx) {
                    Bits.and(others, cutBits.get(i), others);
                }
            }
            if (boxHidden) {
                others = removeBox(others);
            }
            List<String> cols = idx >= 0 ? cutColumns.get(idx) : cut.columns(run::has);
            Histogram1D h = null;
            for (String c : cols) {
                Histogram1D one = fill(c, binning, others, null);
                h = h == null ? one : h.plus(one);
            }
            if (h == null) {
                throw new IllegalArgumentException(
                        "cut '" + cutName + "': no column '" + cut.column() + "' in " + run.displayName());
            }
            return new Histogram1D(cut.column(), binning, h.counts(), h.underflow(), h.overflow());
        });
    }

    private long[] removeBox(long[] bits) {
        long[] box = (long[]) memo("boxMask", k -> RunState.boxMask(run, selection.box()));
        long[] v = bits.clone();
        for (int w = 0; w < v.length; w++) {
            v[w] &= ~box[w];
        }
        return v;
    }

    /**
     * Signal efficiency: selected events in the box over the events generated before the trigger
     * ({@link org.darkscope.event.RunInfo#generatedEvents}; the events in the file when the metadata
     * has no count), meaningful for signal runs. NaN value for a hidden box.
     */
    public Efficiency efficiency(IntervalMethod method, double cl) {
        long k = regions().count(Region.BOX);
        String mix = run.info().mix();
        if (k < 0) {
            return hiddenEfficiency(method, cl);
        }
        return Efficiency.of(
                run.displayName(),
                run.info().signalMassMeV(),
                mix,
                k,
                run.info().generatedEvents(run.size()),
                method,
                cl);
    }

    /**
     * Efficiency as a function of the upper E_ECAL edge of the box (E_HCAL edge as in the
     * selection), one entry per edge.
     */
    public List<Efficiency> efficiencyVsEcalEdge(double[] edges, IntervalMethod method, double cl) {
        if (boxHidden) {
            // the count below an edge inside the box is a box count
            List<Efficiency> l = new ArrayList<>();
            for (int i = 0; i < edges.length; i++) {
                l.add(hiddenEfficiency(method, cl));
            }
            return l;
        }
        float[] sorted = (float[]) memo("ecalLowHcal", k -> {
            Column ecal = run.column(Schema.ECAL);
            Column hcal = run.column(Schema.HCAL);
            double hMax = selection.box().hcalMax();
            int[] sel = Bits.indices(selectedBits);
            float[] out = new float[sel.length];
            int n = 0;
            for (int e : sel) {
                if (hcal.getFloat(e) < hMax) {
                    out[n++] = ecal.getFloat(e);
                }
            }
            float[] r = Arrays.copyOf(out, n);
            Arrays.sort(r);
            return r;
        });
        List<Efficiency> l = new ArrayList<>();
        for (double edge : edges) {
            int k = countBelow(sorted, edge);
            l.add(Efficiency.of(
                    run.displayName(),
                    run.info().signalMassMeV(),
                    run.info().mix(),
                    k,
                    run.info().generatedEvents(run.size()),
                    method,
                    cl));
        }
        return l;
    }

    /** The efficiency of a hidden box: no value, and the total is the visible one (events outside the box). */
    private Efficiency hiddenEfficiency(IntervalMethod method, double cl) {
        return new Efficiency(
                run.displayName(),
                run.info().signalMassMeV(),
                run.info().mix(),
                0,
                cutFlow.total(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                method,
                cl);
    }

    /** Number of values strictly below x in a sorted array. */
    static int countBelow(float[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Selected events (visible) as their (E_ECAL, E_HCAL) values: for background fits. */
    float[][] selectedPlanePoints() {
        return (float[][]) memo("points", k -> {
            Column ecal = run.column(Schema.ECAL);
            Column hcal = run.column(Schema.HCAL);
            int[] sel = Bits.indices(selectedBits);
            float[] x = new float[sel.length];
            float[] y = new float[sel.length];
            for (int i = 0; i < sel.length; i++) {
                x[i] = ecal.getFloat(sel[i]);
                y[i] = hcal.getFloat(sel[i]);
            }
            return new float[][] {x, y};
        });
    }

    /** Weights of the selected (visible) events, in the order of {@link #selectedPlanePoints()}: 1 without a weight column. */
    float[] selectedWeights() {
        return (float[]) memo("weights", k -> {
            int[] sel = Bits.indices(selectedBits);
            float[] out = new float[sel.length];
            Column w = run.has(Schema.TRUTH_WEIGHT) ? run.column(Schema.TRUTH_WEIGHT) : null;
            for (int i = 0; i < sel.length; i++) {
                out[i] = w == null ? 1f : w.getFloat(sel[i]);
            }
            return out;
        });
    }

    /** Memoised value: computed outside any lock (may be computed twice under a race), first one kept. */
    private Object memo(Object key, java.util.function.Function<Object, Object> f) {
        Object v = memo.get(key);
        if (v == null) {
            v = f.apply(key);
            Object prev = memo.putIfAbsent(key, v);
            if (prev != null) {
                v = prev;
            }
        }
        return v;
    }

    /** Computes every lazily computed part now (1-D histograms, N-1, event lists). */
    public void computeAll() {
        for (Variable v : Variable.values()) {
            histogram(v);
        }
        for (Cut c : selection.cuts()) {
            if (!c.columns(run::has).isEmpty()) {
                nMinusOne(c.name());
            }
        }
        selectedEvents();
        weighted();
    }
}
