package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;

/**
 * Immutable snapshot of one evaluation: the selection and one {@link RunResult} per run, plus the
 * quantities over runs (combined cut flow and regions of the data/background runs, signal
 * efficiencies, background estimates). Safe to read from any thread; parts computed on first use
 * are memoised. Built from the blinded {@link RunResult}s only, so nothing here reveals a hidden box
 * either (see {@link RunResult}).
 */
public final class AnalysisResult {
    private final Selection selection;
    private final List<RunResult> runs;
    private final Map<RunData, RunResult> byRun = new IdentityHashMap<>();
    private final Stats stats;
    private volatile BackgroundSummary background;

    /**
     * How the evaluation went.
     *
     * @param nanos          wall time of the evaluation
     * @param cutsComputed   cut bitsets computed (the rest came from the cache)
     * @param cutsReused     cut bitsets reused from the previous evaluation
     * @param events         events over all runs
     */
    public record Stats(long nanos, int cutsComputed, int cutsReused, long events) {}

    AnalysisResult(Selection selection, List<RunResult> runs, Stats stats) {
        this.selection = selection;
        this.runs = List.copyOf(runs);
        for (RunResult r : runs) {
            byRun.put(r.run(), r);
        }
        this.stats = stats;
    }

    public Selection selection() {
        return selection;
    }

    public Stats stats() {
        return stats;
    }

    /** Results of every run in the engine's order. */
    public List<RunResult> runs() {
        return runs;
    }

    /** The result of one run (by identity). */
    public RunResult run(RunData run) {
        RunResult r = byRun.get(run);
        if (r == null) {
            throw new IllegalArgumentException("run " + run.displayName() + " is not part of this result");
        }
        return r;
    }

    /** Results of the runs in the data role (recorded, or simulation opened as data). */
    public List<RunResult> dataRuns() {
        return runs.stream().filter(RunResult::isData).toList();
    }

    /** Results of the data and background runs (RunInfo.isSignal() false). */
    public List<RunResult> backgroundRuns() {
        return runs.stream().filter(r -> !r.isSignal()).toList();
    }

    /** Results of the signal runs, by ascending mass. */
    public List<RunResult> signalRuns() {
        return runs.stream()
                .filter(RunResult::isSignal)
                .sorted(Comparator.comparingDouble(r -> r.run().info().signalMassMeV()))
                .toList();
    }

    public CutFlow cutFlow(RunData run) {
        return run(run).cutFlow();
    }

    public Histogram2D plane(RunData run) {
        return run(run).plane();
    }

    public int[] selectedEvents(RunData run) {
        return run(run).selectedEvents();
    }

    public int[] eventsInRegion(RunData run, Region region) {
        return run(run).eventsInRegion(region);
    }

    /**
     * Region counts summed over the {@link #sidebandRuns()}: the data, or the background MC when no
     * run is data (never both: MC counts added to data would double the background).
     */
    public RegionCounts combinedRegions() {
        RegionCounts c = RegionCounts.empty();
        for (RunResult r : sidebandRuns()) {
            c = c.plus(r.regions());
        }
        return c;
    }

    /** Plane histogram summed over the {@link #sidebandRuns()} (null if there are none). */
    public Histogram2D combinedPlane() {
        Histogram2D h = null;
        for (RunResult r : sidebandRuns()) {
            h = h == null ? r.plane() : h.plus(r.plane());
        }
        return h;
    }

    /**
     * Electrons on target of the exposure: the data-role runs (every non-signal run when none is in the
     * data role). The background MC's EOT is not exposure: it only normalises its weighted rates.
     */
    public double eot() {
        return sidebandRuns().stream().mapToDouble(r -> r.run().info().eot()).sum();
    }

    /** Signal efficiency per signal run (ascending mass), Clopper-Pearson at 68.27 %. */
    public List<Efficiency> efficiencies() {
        return efficiencies(IntervalMethod.CLOPPER_PEARSON, Efficiency.ONE_SIGMA);
    }

    /** Signal efficiency per signal run (ascending mass). */
    public List<Efficiency> efficiencies(IntervalMethod method, double cl) {
        List<Efficiency> l = new ArrayList<>();
        for (RunResult r : signalRuns()) {
            l.add(r.efficiency(method, cl));
        }
        return l;
    }

    /**
     * Background estimates for the box from the data/background runs (fits of sidebands C and A,
     * ABCD, truth and closure on simulation). Computed on first call (fits: tens of ms).
     */
    public BackgroundSummary background() {
        BackgroundSummary b = background;
        if (b == null) {
            b = BackgroundInputs.estimate(this);
            background = b;
        }
        return b;
    }

    /** Computes every lazily computed part of every run now, and the background estimates. */
    public void computeAll() {
        for (RunResult r : runs) {
            r.computeAll();
        }
        background();
    }

    /** The runs whose sidebands are extrapolated: the data-role runs, or every non-signal run when none is data. */
    public List<RunResult> sidebandRuns() {
        List<RunResult> data =
                backgroundRuns().stream().filter(RunResult::isData).toList();
        return data.isEmpty() ? backgroundRuns() : data;
    }

    /** Truth counts of background classes in the box, summed over simulated background runs. */
    Map<EventClass, Long> truthInBox() {
        Map<EventClass, Long> m = new java.util.EnumMap<>(EventClass.class);
        for (RunResult r : sidebandRuns()) {
            if (!r.isSimulated()) {
                continue;
            }
            for (EventClass c : EventClass.values()) {
                if (c.isBackground()) {
                    long n = r.regions(c).count(Region.BOX);
                    if (n > 0) {
                        m.merge(c, n, Long::sum);
                    }
                }
            }
        }
        return m;
    }
}
