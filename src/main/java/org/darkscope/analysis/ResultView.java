package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.darkscope.analysis.WeightedCounts.Sum;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunInfo;

/**
 * What {@code analyse} prints of an evaluation, read-only: the runs with their cut flow, regions and
 * (background MC) weighted sums, the signal efficiencies, the background estimates. An
 * {@link AnalysisResult} (events) and a {@link MergedResult} (totals, a result file) are both seen
 * through it, so that {@code analyse} and {@code darkscope result} print the same text from one code
 * path ({@code cli.AnalyseReport}) instead of two copies that drift apart.
 */
public interface ResultView {
    Selection selection();

    /** The runs, in the order given. */
    List<RunView> runs();

    /** Signal efficiency per signal run, ascending mass (Clopper-Pearson, 68.27 %). */
    List<Efficiency> efficiencies();

    /** The metadata of the signal runs, in the order of {@link #efficiencies()} (external inefficiencies). */
    List<RunInfo> signalInfos();

    /** True if a run is not signal (then {@link #background()} is meaningful). */
    boolean hasBackground();

    /** The background estimates (fits: not for the UI thread). */
    BackgroundSummary background();

    /** The limits of the given settings, by {@link ResultLimits} (fits: not for the UI thread). */
    ResultLimits.Summary limits(ExclusionSettings settings);

    /**
     * One run.
     *
     * @param name      display name
     * @param events    events in the run
     * @param info      its metadata
     * @param boxHidden true if its box is blinded (the counts leave it out)
     * @param cutFlow   its cut flow
     * @param regions   its region counts
     * @param weighted  the weighted sums of a background-MC-role run; empty otherwise
     * @param classes   selected events per truth class (outside the box when it is hidden; zeros left out)
     */
    record RunView(
            String name,
            long events,
            RunInfo info,
            boolean boxHidden,
            CutFlow cutFlow,
            RegionCounts regions,
            Optional<Weighted> weighted,
            Map<EventClass, Long> classes) {
        public RunView {
            classes = Collections.unmodifiableMap(new EnumMap<>(classes));
        }

        /** Selected events of a truth class (zero when none). */
        public long selected(EventClass c) {
            return classes.getOrDefault(c, 0L);
        }

        public boolean isSignal() {
            return info.isSignal();
        }

        public boolean isSimulated() {
            return info.simulated();
        }
    }

    /**
     * Σw, Σw² of a background-MC run.
     *
     * @param label   "weighted MC, rare classes boosted ...", "weighted MC" or "unweighted simulation"
     * @param total   all events
     * @param after   after each enabled cut
     * @param alone   passing each enabled cut alone (an element is null when not known: older result files)
     * @param regions selected events per region
     * @param box     selected events in the box per truth class (zeros left out)
     * @param classes selected events per truth class (zeros left out); null when not known (a result file
     *                keeps the per-class sums per region only)
     */
    record Weighted(
            String label,
            Sum total,
            List<Sum> after,
            List<Sum> alone,
            Map<Region, Sum> regions,
            Map<EventClass, Sum> box,
            Map<EventClass, Sum> classes) {
        public Weighted {
            after = List.copyOf(after);
            alone = Collections.unmodifiableList(new ArrayList<>(alone));
            regions = Collections.unmodifiableMap(new EnumMap<>(regions));
            box = Collections.unmodifiableMap(new EnumMap<>(box));
            classes = classes == null ? null : Collections.unmodifiableMap(new EnumMap<>(classes));
        }

        /** Σw, Σw² of everything selected (after the last cut). */
        public Sum selected() {
            return after.isEmpty() ? total : after.get(after.size() - 1);
        }

        /** The label of a background-MC run: its enrichment, else whether it has a {@code truth_weight} column. */
        public static String label(RunInfo info, boolean hasWeights) {
            return WeightedCounts.weightedLabel(info).orElse(hasWeights ? "weighted MC" : "unweighted simulation");
        }

        /** Selected events in a region (zero when none). */
        public Sum region(Region r) {
            return regions.getOrDefault(r, Sum.ZERO);
        }

        /** Weighted fraction of all events (NaN for an empty run). */
        public double fraction(Sum s) {
            return total.w() > 0 ? s.w() / total.w() : Double.NaN;
        }
    }

    /** The view of an evaluation. */
    static ResultView of(AnalysisResult r) {
        return new ResultView() {
            @Override
            public Selection selection() {
                return r.selection();
            }

            @Override
            public List<RunView> runs() {
                List<RunView> l = new ArrayList<>();
                for (RunResult rr : r.runs()) {
                    Optional<Weighted> w = rr.weighted().map(x -> {
                        List<Sum> after = x.cutFlow().stream()
                                .map(WeightedCounts.Step::after)
                                .toList();
                        Map<EventClass, Sum> classes = new EnumMap<>(EventClass.class);
                        for (EventClass c : x.classes()) {
                            classes.put(c, x.selected(c));
                        }
                        return new Weighted(
                                Weighted.label(rr.run().info(), x.hasWeights()),
                                x.total(),
                                after,
                                x.alone(),
                                regions(x::region),
                                perClass(c -> x.region(c, Region.BOX)),
                                classes);
                    });
                    l.add(new RunView(
                            rr.run().displayName(),
                            rr.run().size(),
                            rr.run().info(),
                            rr.boxHidden(),
                            rr.cutFlow(),
                            rr.regions(),
                            w,
                            counts(rr::selectedCount)));
                }
                return l;
            }

            @Override
            public List<Efficiency> efficiencies() {
                return r.efficiencies();
            }

            @Override
            public List<RunInfo> signalInfos() {
                return r.signalRuns().stream().map(x -> x.run().info()).toList();
            }

            @Override
            public boolean hasBackground() {
                return !r.backgroundRuns().isEmpty();
            }

            @Override
            public BackgroundSummary background() {
                return r.background();
            }

            @Override
            public ResultLimits.Summary limits(ExclusionSettings settings) {
                return ResultLimits.compute(r, settings);
            }
        };
    }

    /** The view of the totals of a result file. */
    static ResultView of(MergedResult r) {
        return new ResultView() {
            @Override
            public Selection selection() {
                return r.selection();
            }

            @Override
            public List<RunView> runs() {
                List<RunView> l = new ArrayList<>();
                for (MergedResult.Run run : r.runs()) {
                    RunTotals t = run.totals();
                    Optional<Weighted> w = Optional.empty();
                    // the background-MC role of analyse (RunResult.isBackgroundMc), with its sums in the file
                    if (t.isWeighted()
                            && run.role() == MergedResult.Role.BACKGROUND
                            && run.isSimulated()
                            && !run.isSignal()) {
                        List<Sum> after = new ArrayList<>();
                        List<Sum> alone = new ArrayList<>();
                        for (int k = 0; k < t.cutCount(); k++) {
                            after.add(t.weightedAfter(k));
                            alone.add(t.weightedAlone(k));
                        }
                        w = Optional.of(new Weighted(
                                Weighted.label(run.info(), t.hasWeightColumn()),
                                t.weightedTotal(),
                                after,
                                alone,
                                regions(reg -> {
                                    // summed over the classes in enum order, as WeightedResult sums them
                                    Sum s = Sum.ZERO;
                                    for (EventClass c : EventClass.values()) {
                                        Sum x = t.weighted(c, reg);
                                        s = new Sum(s.w() + x.w(), s.w2() + x.w2(), s.n() + x.n());
                                    }
                                    return s;
                                }),
                                perClass(c -> t.weighted(c, Region.BOX)),
                                null));
                    }
                    l.add(new RunView(
                            run.name(),
                            run.events(),
                            run.info(),
                            run.boxHidden(),
                            r.cutFlow(run),
                            r.regions(run),
                            w,
                            counts(c -> t.selected(c))));
                }
                return l;
            }

            @Override
            public List<Efficiency> efficiencies() {
                return r.efficiencies();
            }

            @Override
            public List<RunInfo> signalInfos() {
                return r.signalRuns().stream().map(MergedResult.Run::info).toList();
            }

            @Override
            public boolean hasBackground() {
                return !r.backgroundRuns().isEmpty();
            }

            @Override
            public BackgroundSummary background() {
                return r.background();
            }

            @Override
            public ResultLimits.Summary limits(ExclusionSettings settings) {
                return r.limits(settings);
            }
        };
    }

    /** The non-zero sums of a function of the truth class. */
    private static Map<EventClass, Sum> perClass(java.util.function.Function<EventClass, Sum> f) {
        Map<EventClass, Sum> m = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            Sum s = f.apply(c);
            if (s != null && s.n() > 0) {
                m.put(c, s);
            }
        }
        return m;
    }

    /** The non-zero counts of a function of the truth class. */
    private static Map<EventClass, Long> counts(java.util.function.ToLongFunction<EventClass> f) {
        Map<EventClass, Long> m = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            long n = f.applyAsLong(c);
            if (n > 0) {
                m.put(c, n);
            }
        }
        return m;
    }

    private static Map<Region, Sum> regions(java.util.function.Function<Region, Sum> f) {
        Map<Region, Sum> m = new EnumMap<>(Region.class);
        for (Region reg : Region.values()) {
            m.put(reg, f.apply(reg));
        }
        return m;
    }
}
