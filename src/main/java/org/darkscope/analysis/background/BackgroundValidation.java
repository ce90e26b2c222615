package org.darkscope.analysis.background;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.Column;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;

/**
 * The coverage study behind {@code validate-background} and the window's "Validate background" button
 * (docs/physics.md#checked-background-in-the-signal-box): N pseudo-experiments simulated with
 * different seeds, the selection and every background method applied to each, compared with the
 * true expected background in the box.
 *
 * <p><b>The truth.</b> A method estimates the <em>expected</em> box background of the data set (a
 * Poisson mean), so that is what its interval must cover. At physical rates a pseudo-experiment
 * holds almost never a background event in the box (about 2e-12 per EOT), so the mean of the
 * realised counts cannot serve as the truth. The expected truth of experiment i is the physical box
 * rate of the simulation times its EOT: R_box = Σ_j W_box,j / Σ_j EOT_j over the weighted background
 * simulations of all the <em>other</em> experiments (leave-one-out, so the truth is independent of the
 * MC that experiment's estimate used), with independent MC per experiment; with one shared MC, a
 * separate reference simulation {@link #REFERENCE_FACTOR} times its size. The realised count is
 * recorded too (column "realised").</p>
 */
public final class BackgroundValidation {
    /** Methods compared, the default (MC transfer) first. */
    public static final List<BackgroundChoice> METHODS = List.of(
            BackgroundChoice.MC_TRANSFER,
            BackgroundChoice.ABCD_CORRECTED,
            BackgroundChoice.ABCD,
            BackgroundChoice.SIDEBAND_FITS,
            BackgroundChoice.SIDEBAND_C);
    /** Size of the reference simulation for the truth with a shared MC, in units of the MC size. */
    public static final int REFERENCE_FACTOR = 10;
    /** Seed offset of the background simulations (far from the experiments' seeds). */
    static final long MC_SEED_OFFSET = 1_000_003L;

    static final long REFERENCE_SEED_OFFSET = 7_000_003L;

    private BackgroundValidation() {}

    /**
     * What to run.
     *
     * @param experiments   pseudo-experiments (2..100000)
     * @param events        events per pseudo-experiment
     * @param mcEvents      events of each background simulation
     * @param dataMix       mix of the pseudo-experiments (unweighted: they stand in for data)
     * @param mcMix         mix of the background simulation (weighted mixes are used with their weights)
     * @param seed          seed of the first experiment (experiment i uses seed + i)
     * @param selection     the selection (its blinding is ignored: the truth is the point)
     * @param independentMc a new background simulation per experiment (its statistical fluctuation then
     *                      enters like the data's); false: one shared simulation
     */
    public record Config(
            int experiments,
            int events,
            int mcEvents,
            Mix dataMix,
            Mix mcMix,
            long seed,
            Selection selection,
            boolean independentMc) {
        public Config {
            if (experiments < 2 || experiments > 100_000) {
                throw new IllegalArgumentException(
                        "the number of experiments must be between 2 and 100000, got " + experiments);
            }
            if (events < 100 || mcEvents < 100 || events > 50_000_000 || mcEvents > 50_000_000) {
                throw new IllegalArgumentException(
                        "events and MC events must be between 100 and 5e7, got " + events + " and " + mcEvents);
            }
            if (dataMix.isSignal() || mcMix.isSignal()) {
                throw new IllegalArgumentException("the data and MC mixes must be background mixes, not signal");
            }
            selection = selection.withBlinded(false);
        }

        /** The study as recorded in the README: physics pseudo-data, weighted background MC, one per experiment. */
        public static Config standard(int experiments, long seed) {
            return new Config(
                    experiments, 20_000, 40_000, Mix.PHYSICS, Mix.BACKGROUND_MC, seed, Selection.published(), true);
        }

        public Config withExperiments(int n) {
            return new Config(n, events, mcEvents, dataMix, mcMix, seed, selection, independentMc);
        }
    }

    /**
     * The outcome.
     *
     * @param config        what was run
     * @param expectedTruth mean expected box background per experiment (the truth the coverage refers to)
     * @param truthRelError relative statistical error of that truth (from the reference simulation)
     * @param meanRealised  mean realised box count per experiment
     * @param methods       per method: bias, pulls, coverage
     * @param experiments   per method, per experiment with an estimate: {estimate, σ, expected truth, realised count}
     */
    public record Result(
            Config config,
            double expectedTruth,
            double truthRelError,
            double meanRealised,
            List<CoverageStudy.MethodResult> methods,
            Map<String, List<double[]>> experiments) {
        /** The result of one method (by {@link BackgroundChoice#name()}), or null. */
        public CoverageStudy.MethodResult method(BackgroundChoice c) {
            return methods.stream()
                    .filter(m -> m.method().equals(c.name()))
                    .findFirst()
                    .orElse(null);
        }
    }

    private record Experiment(
            WeightedSample data,
            double eot,
            long realised,
            WeightedSample mc,
            double mcBox,
            double mcBox2,
            double mcEot) {}

    /** Runs the study; progress per experiment, cancellable between events of the simulation. */
    public static Result run(Config c, Progress progress) {
        Selection sel = c.selection();
        int steps = c.experiments() + (c.independentMc() ? 0 : 1 + REFERENCE_FACTOR);
        int done = 0;
        WeightedSample shared = null;
        double refBox = 0;
        double refBox2 = 0;
        double refEot = 0;
        if (!c.independentMc()) {
            progress.update(0, "simulating the shared background MC");
            RunData mcRun = simulate(c.mcMix(), c.mcEvents(), c.seed() + MC_SEED_OFFSET, progress);
            shared = weighted(mcRun, sel);
            progress.update(++done / (double) steps, "simulating the reference MC for the truth");
            for (int k = 0; k < REFERENCE_FACTOR; k++) {
                progress.checkCancelled();
                RunData ref = simulate(c.mcMix(), c.mcEvents(), c.seed() + REFERENCE_SEED_OFFSET + k, progress);
                double[] s = boxSums(weighted(ref, sel), sel);
                refBox += s[0];
                refBox2 += s[1];
                refEot += ref.info().eot();
                progress.update(++done / (double) steps, "simulating the reference MC for the truth");
            }
        }
        List<Experiment> ex = new ArrayList<>();
        for (int i = 0; i < c.experiments(); i++) {
            progress.checkCancelled();
            progress.update(
                    done / (double) steps,
                    String.format(java.util.Locale.ROOT, "experiment %d/%d", i + 1, c.experiments()));
            WeightedSample mc = shared;
            double mcEot = 0;
            double[] mcSums = {0, 0};
            if (c.independentMc()) {
                RunData mcRun = simulate(c.mcMix(), c.mcEvents(), c.seed() + MC_SEED_OFFSET + i, progress);
                mc = weighted(mcRun, sel);
                mcSums = boxSums(mc, sel);
                mcEot = mcRun.info().eot();
            }
            RunData run = simulate(c.dataMix(), c.events(), c.seed() + i, progress);
            WeightedSample d = weighted(run, sel);
            long realised = (long) boxSums(WeightedSample.unweighted(d.ecal(), d.hcal()), sel)[0];
            ex.add(new Experiment(d, run.info().eot(), realised, mc, mcSums[0], mcSums[1], mcEot));
            done++;
        }
        double totBox = 0;
        double totBox2 = 0;
        double totEot = 0;
        for (Experiment e : ex) {
            totBox += e.mcBox();
            totBox2 += e.mcBox2();
            totEot += e.mcEot();
        }
        CoverageStudy study = new CoverageStudy();
        double sumTruth = 0;
        double sumRel2 = 0;
        long sumRealised = 0;
        for (Experiment e : ex) {
            double box;
            double box2;
            double eot;
            if (c.independentMc()) {
                box = totBox - e.mcBox();
                box2 = totBox2 - e.mcBox2();
                eot = totEot - e.mcEot();
            } else {
                box = refBox;
                box2 = refBox2;
                eot = refEot;
            }
            double truth = box > 0 && eot > 0 ? box / eot * e.eot() : 0;
            double rel = box > 0 ? Math.sqrt(box2) / box : Double.NaN;
            sumTruth += truth;
            sumRel2 += rel * rel;
            sumRealised += e.realised();
            study.addTruth(e.realised(), truth);
            BackgroundSummary s = new BackgroundEstimator()
                    .estimate(e.data().ecal(), e.data().hcal(), sel.box(), Map.of(), false, e.mc());
            for (BackgroundChoice m : METHODS) {
                study.add(m.name(), m.pick(s), e.realised(), truth);
            }
        }
        int n = ex.size();
        double truthRel = Math.sqrt(sumRel2 / n);
        study.setTruthRelError(truthRel);
        progress.update(1, "done");
        java.util.Map<String, List<double[]>> per = new java.util.LinkedHashMap<>();
        for (BackgroundChoice m : METHODS) {
            per.put(m.name(), study.entries(m.name()));
        }
        return new Result(c, sumTruth / n, truthRel, sumRealised / (double) n, study.results(), per);
    }

    private static RunData simulate(Mix mix, int events, long seed, Progress progress) {
        return Simulator.simulate(
                SimConfig.defaults(mix).withEvents(events).withSeed(seed).withThreads(1), new Progress() {
                    @Override
                    public void update(double fraction, String message) {}

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                });
    }

    /** {Σw, Σw²} of the box. */
    static double[] boxSums(WeightedSample s, Selection sel) {
        double w = 0;
        double w2 = 0;
        for (int k = 0; k < s.size(); k++) {
            if (sel.box().abcdRegion(s.ecal()[k], s.hcal()[k]) == Region.BOX) {
                w += s.weight()[k];
                w2 += (double) s.weight()[k] * s.weight()[k];
            }
        }
        return new double[] {w, w2};
    }

    /** Selected (E_ECAL, E_HCAL) and weights (truth_weight, or 1) of one simulated run. */
    public static WeightedSample weighted(RunData run, Selection sel) {
        AnalysisEngine.Options o = AnalysisEngine.Options.defaults();
        AnalysisEngine engine = new AnalysisEngine(List.of(run), new AnalysisEngine.Options(o.planeX(), o.planeY(), 1));
        RunResult rr;
        try {
            AnalysisResult r = engine.evaluate(sel.withBlinded(false));
            rr = r.runs().get(0);
        } finally {
            engine.close();
        }
        int[] ev = rr.selectedEvents();
        Column ecal = run.column(Schema.ECAL);
        Column hcal = run.column(Schema.HCAL);
        Column w = run.has(Schema.TRUTH_WEIGHT) ? run.column(Schema.TRUTH_WEIGHT) : null;
        float[] e = new float[ev.length];
        float[] h = new float[ev.length];
        float[] ww = new float[ev.length];
        for (int i = 0; i < ev.length; i++) {
            e[i] = ecal.getFloat(ev[i]);
            h[i] = hcal.getFloat(ev[i]);
            ww[i] = w == null ? 1f : w.getFloat(ev[i]);
        }
        return new WeightedSample(e, h, ww);
    }
}
