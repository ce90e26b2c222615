package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.darkscope.analysis.background.BackgroundEstimator;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.background.WeightedSample;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunInfo;

/**
 * An evaluated selection kept as totals per run ({@link RunTotals}) instead of events: what a result
 * file holds (written by the Spark job or {@code analyse --save-result}, docs/result-file-format.md).
 * Everything {@code analyse} reports that does not need single events follows from it: cut flows,
 * region counts (per truth class, weighted for background MC), the plane and N-1 histograms, the
 * EOT, signal efficiencies, the background estimates and the limits, computed here with the same
 * classes as from an {@link AnalysisResult} (the roles of the runs are those of {@code analyse}).
 */
public final class MergedResult {
    /** The role a run had in the evaluation (the window's and {@code analyse}'s roles). */
    public enum Role {
        DATA,
        SIGNAL,
        BACKGROUND
    }

    /**
     * One run.
     *
     * @param name      display name (file name)
     * @param source    where it was read from (path or URI)
     * @param info      the run's metadata (EOT, mass, generated events, ...)
     * @param role      its role
     * @param events    events in the run
     * @param boxHidden true if its box was blinded (its counts leave the box out)
     * @param totals    its totals
     */
    public record Run(
            String name, String source, RunInfo info, Role role, long events, boolean boxHidden, RunTotals totals) {
        public Run {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(totals, "totals");
        }

        public boolean isSignal() {
            return info.isSignal();
        }

        public boolean isSimulated() {
            return info.simulated();
        }
        /** In the data role: recorded (whatever role it was given, as the engine has it), or simulation analysed as data. */
        public boolean isData() {
            return role == Role.DATA || !info.simulated();
        }
    }

    private final Selection selection;
    private final Binning planeX;
    private final Binning planeY;
    private final List<Run> runs;
    private volatile BackgroundSummary background;

    public MergedResult(Selection selection, Binning planeX, Binning planeY, List<Run> runs) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.planeX = planeX;
        this.planeY = planeY;
        this.runs = List.copyOf(runs);
        int cuts = selection.enabledCuts().size();
        for (Run r : this.runs) {
            if (r.totals().cutCount() != cuts || r.totals().planeBins() != planeX.bins() * planeY.bins()) {
                throw new IllegalArgumentException(
                        "run " + r.name() + ": totals do not match the selection or the plane binning");
            }
        }
    }

    /**
     * The totals of an engine result, for a result file written without Spark ({@code analyse
     * --save-result}) and to compare the Spark job with the engine.
     *
     * @param roles role of each run of the result, in its order
     */
    public static MergedResult of(AnalysisResult r, List<Role> roles) {
        if (roles.size() != r.runs().size()) {
            throw new IllegalArgumentException(
                    roles.size() + " roles for " + r.runs().size() + " runs");
        }
        List<Run> out = new ArrayList<>();
        Binning bx = null;
        Binning by = null;
        for (int i = 0; i < roles.size(); i++) {
            RunResult rr = r.runs().get(i);
            bx = rr.plane().x();
            by = rr.plane().y();
            boolean weighted = roles.get(i) == Role.BACKGROUND && rr.isSimulated();
            out.add(new Run(
                    rr.run().displayName(),
                    rr.run().source(),
                    rr.run().info(),
                    roles.get(i),
                    rr.run().size(),
                    rr.boxHidden(),
                    RunTotals.of(rr, weighted, null)));
        }
        if (bx == null) {
            AnalysisEngine.Options o = AnalysisEngine.Options.defaults();
            bx = o.planeX();
            by = o.planeY();
        }
        return new MergedResult(r.selection(), bx, by, out);
    }

    public Selection selection() {
        return selection;
    }

    public Binning planeX() {
        return planeX;
    }

    public Binning planeY() {
        return planeY;
    }

    public List<Run> runs() {
        return runs;
    }

    /** The runs in the data role. */
    public List<Run> dataRuns() {
        return filter(Run::isData);
    }

    /** Data and background runs (not signal), as {@link AnalysisResult#backgroundRuns()}. */
    public List<Run> backgroundRuns() {
        return filter(r -> !r.isSignal());
    }

    /** Signal runs by ascending mass. */
    public List<Run> signalRuns() {
        return runs.stream()
                .filter(Run::isSignal)
                .sorted(Comparator.comparingDouble(r -> r.info().signalMassMeV()))
                .toList();
    }

    private List<Run> filter(Predicate<Run> p) {
        return runs.stream().filter(p).toList();
    }

    /** The cut flow of a run, as the engine gives it. */
    public CutFlow cutFlow(Run run) {
        RunTotals t = run.totals();
        List<CutFlow.Row> rows = new ArrayList<>();
        List<Cut> cuts = selection.enabledCuts();
        long prev = t.total();
        for (int k = 0; k < cuts.size(); k++) {
            long a = t.after(k);
            rows.add(new CutFlow.Row(
                    cuts.get(k).name(), a, CutFlow.ratio(a, t.total()), CutFlow.ratio(a, prev), t.alone(k)));
            prev = a;
        }
        return new CutFlow(t.total(), rows);
    }

    /** Region counts of a run, all classes (box {@link RegionCounts#HIDDEN} when blinded). */
    public RegionCounts regions(Run run) {
        long[] c = new long[Region.values().length];
        for (EventClass cls : EventClass.values()) {
            for (Region r : Region.values()) {
                c[r.ordinal()] += run.totals().region(cls, r);
            }
        }
        return new RegionCounts(c, run.boxHidden());
    }

    /** Region counts of one truth class. */
    public RegionCounts regions(Run run, EventClass cls) {
        long[] c = new long[Region.values().length];
        for (Region r : Region.values()) {
            c[r.ordinal()] = run.totals().region(cls, r);
        }
        return new RegionCounts(c, run.boxHidden());
    }

    /** Selected events of a run, all classes. */
    public long selected(Run run) {
        return cutFlow(run).selected();
    }

    /** Truth classes with selected events. */
    public List<EventClass> classes(Run run) {
        return java.util.Arrays.stream(EventClass.values())
                .filter(c -> run.totals().selected(c) > 0)
                .toList();
    }

    /** The plane histogram of one class. */
    public Histogram2D plane(Run run, EventClass cls) {
        return new Histogram2D(
                planeX, planeY, ints(run.totals().plane(cls)), run.totals().planeOutside(cls));
    }

    /** The plane histogram of a run, all classes. */
    public Histogram2D plane(Run run) {
        Histogram2D h = null;
        for (EventClass c : EventClass.values()) {
            h = h == null ? plane(run, c) : h.plus(plane(run, c));
        }
        return h;
    }

    /** Plane summed over the data runs (the background MC when no run is data; null if none), as {@link AnalysisResult#combinedPlane()}. */
    public Histogram2D combinedPlane() {
        Histogram2D h = null;
        for (Run r : sidebandRuns()) {
            h = h == null ? plane(r) : h.plus(plane(r));
        }
        return h;
    }

    private static int[] ints(long[] a) {
        int[] o = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = (int) Math.min(Integer.MAX_VALUE, a[i]);
        }
        return o;
    }

    /** The N-1 histogram of a cut in its default display binning, or null if the run's columns lack it. */
    public Histogram1D nMinusOne(Run run, String cutName) {
        long[] v = run.totals().nMinusOne().get(cutName);
        if (v == null) {
            return null;
        }
        Cut cut = selection.cut(cutName);
        Binning b = DisplayBinning.forCut(cut);
        int n = v.length - 2;
        return new Histogram1D(cut.column(), b, java.util.Arrays.copyOf(v, n), v[n], v[n + 1]);
    }

    /** Electrons on target of the data runs (the background MC when no run is data), as {@link AnalysisResult#eot()}. */
    public double eot() {
        return sidebandRuns().stream().mapToDouble(r -> r.info().eot()).sum();
    }

    /** Region counts summed over the data runs (the background MC when no run is data), as {@link AnalysisResult#combinedRegions()}. */
    public RegionCounts combinedRegions() {
        RegionCounts c = RegionCounts.empty();
        for (Run r : sidebandRuns()) {
            c = c.plus(regions(r));
        }
        return c;
    }

    /** Signal efficiency per signal run (ascending mass), Clopper-Pearson at 68.27 %, as {@link RunResult#efficiency}. */
    public List<Efficiency> efficiencies() {
        List<Efficiency> l = new ArrayList<>();
        for (Run r : signalRuns()) {
            long k = regions(r).count(Region.BOX);
            if (k < 0) {
                l.add(new Efficiency(
                        r.name(),
                        r.info().signalMassMeV(),
                        r.info().mix(),
                        0,
                        r.totals().total(),
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        IntervalMethod.CLOPPER_PEARSON,
                        Efficiency.ONE_SIGMA));
            } else {
                l.add(Efficiency.of(
                        r.name(),
                        r.info().signalMassMeV(),
                        r.info().mix(),
                        k,
                        r.info().generatedEvents(r.events()),
                        IntervalMethod.CLOPPER_PEARSON,
                        Efficiency.ONE_SIGMA));
            }
        }
        return l;
    }

    /** Events in the box of the data-role runs: -1 while blinded or without data ({@link ResultLimits#observed}). */
    public long observed() {
        List<Run> data = dataRuns().stream().filter(x -> !x.isSignal()).toList();
        if (data.isEmpty() || data.stream().anyMatch(Run::boxHidden)) {
            return -1;
        }
        return data.stream().mapToLong(x -> regions(x).count(Region.BOX)).sum();
    }

    /**
     * The background estimates, from the same inputs as {@code BackgroundInputs} takes from an
     * {@link AnalysisResult}: the selected points of the sideband runs, the weighted points of the
     * background MC outside the data role, and the truth in the box of simulated sideband runs.
     */
    public BackgroundSummary background() {
        BackgroundSummary b = background;
        if (b == null) {
            List<Run> bkg = backgroundRuns();
            List<Run> side = sidebandRuns();
            boolean simulated = !side.isEmpty();
            for (Run r : side) {
                simulated &= r.isSimulated() && !r.boxHidden();
            }
            float[][] d = concat(side);
            List<Run> mcRuns =
                    bkg.stream().filter(r -> !r.isData() && r.isSimulated()).toList();
            WeightedSample mc = null;
            if (!mcRuns.isEmpty() && mcRuns.size() < bkg.size()) {
                float[][] m = concat(mcRuns);
                mc = new WeightedSample(m[0], m[1], m[2]);
            }
            b = new BackgroundEstimator().estimate(d[0], d[1], selection.box(), truthInBox(side), simulated, mc);
            background = b;
        }
        return b;
    }

    /** The runs whose sidebands are extrapolated: the data-role runs, or every non-signal run when none is data. */
    List<Run> sidebandRuns() {
        List<Run> data = backgroundRuns().stream().filter(Run::isData).toList();
        return data.isEmpty() ? backgroundRuns() : data;
    }

    private Map<EventClass, Long> truthInBox(List<Run> side) {
        Map<EventClass, Long> m = new EnumMap<>(EventClass.class);
        for (Run r : side) {
            if (!r.isSimulated()) {
                continue;
            }
            for (EventClass c : EventClass.values()) {
                if (c.isBackground()) {
                    long n = regions(r, c).count(Region.BOX);
                    if (n > 0) {
                        m.merge(c, n, Long::sum);
                    }
                }
            }
        }
        return m;
    }

    private static float[][] concat(List<Run> runs) {
        int n = 0;
        for (Run r : runs) {
            n += r.totals().pointCount();
        }
        float[] x = new float[n];
        float[] y = new float[n];
        float[] w = new float[n];
        int k = 0;
        for (Run r : runs) {
            RunTotals t = r.totals();
            for (int i = 0; i < t.pointCount(); i++, k++) {
                x[k] = t.pointEcal(i);
                y[k] = t.pointHcal(i);
                w[k] = t.pointWeight(i);
            }
        }
        return new float[][] {x, y, w};
    }

    /** The limits of the given settings, by the code {@code analyse} uses ({@link ResultLimits}). */
    public ResultLimits.Summary limits(ExclusionSettings s) {
        double e0 = runs.isEmpty() ? 100 : runs.get(0).info().beamEnergy();
        return ResultLimits.compute(background(), observed(), eot(), this::efficiencies, e0, selection.box(), s);
    }
}
