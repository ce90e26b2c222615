package org.darkscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.background.BackgroundEstimator;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.background.CoverageStudy;
import org.darkscope.analysis.background.WeightedSample;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code darkscope validate-background}: closure and coverage of every background method over
 * pseudo-experiments simulated with different seeds, against the known number of background events
 * in the box.
 */
@Command(name = "validate-background", mixinStandardHelpOptions = true,
        description = "Coverage study of the background estimates: N pseudo-experiments simulated with different seeds, "
                + "the selection and every method applied to each; per method the mean bias, the pull mean and width "
                + "and the fraction of experiments whose ±1σ interval contains the true box background.")
public final class ValidateBackgroundCommand implements Callable<Integer> {
    /** Methods compared, the default (MC transfer) first. */
    static final List<BackgroundChoice> METHODS = List.of(BackgroundChoice.MC_TRANSFER, BackgroundChoice.ABCD_CORRECTED,
            BackgroundChoice.ABCD, BackgroundChoice.SIDEBAND_FITS, BackgroundChoice.SIDEBAND_C);

    @Option(names = "--experiments", paramLabel = "N", defaultValue = "50", description = "pseudo-experiments (default 50)")
    int experiments;

    @Option(names = "--events", paramLabel = "E", defaultValue = "40000", description = "events per pseudo-experiment (default 40000)")
    int events;

    @Option(names = "--mc-events", paramLabel = "M", defaultValue = "400000",
            description = "events of the background simulation behind the MC transfer factor and the ABCD correction (default 400000)")
    int mcEvents;

    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "physics", description = "mix of the pseudo-experiments (default physics)")
    String mix;

    @Option(names = "--mc-mix", paramLabel = "MIX", defaultValue = "physics",
            description = "mix of the background simulation; a weighted mix (truth_weight) is used with its weights (default physics)")
    String mcMix;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the first experiment (default 1)")
    long seed;

    @Option(names = "--selection", paramLabel = "FILE", description = "selection JSON (default: the published selection)")
    Path selectionFile;

    @Option(names = "--loose", description = "use the loose selection preset (more events in the box) instead of the published one")
    boolean loose;

    @Option(names = "--independent-mc", description = "simulate a new background MC for every experiment (its statistical "
            + "fluctuation then enters the coverage like the data's; default: one MC shared by all experiments)")
    boolean independentMc;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (experiments < 2 || experiments > 100_000) {
            throw new ParameterException(spec.commandLine(), "--experiments must be between 2 and 100000, got " + experiments);
        }
        if (events < 100 || mcEvents < 100 || events > 50_000_000 || mcEvents > 50_000_000) {
            throw new ParameterException(spec.commandLine(), "--events and --mc-events must be between 100 and 5e7");
        }
        Mix dataMix;
        Mix simMix;
        try {
            dataMix = Mix.parse(mix);
            simMix = Mix.parse(mcMix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (dataMix.isSignal() || simMix.isSignal()) {
            throw new ParameterException(spec.commandLine(), "--mix and --mc-mix must be background mixes, not signal");
        }
        Selection sel = (selectionFile != null ? SelectionIo.read(selectionFile) : loose ? Selection.loose() : Selection.published())
                .withBlinded(false);
        PrintWriter err = spec.commandLine().getErr();
        // the background simulation: seeds far from the experiments' seeds
        RunData mcRun = Simulator.simulate(SimConfig.defaults(simMix).withEvents(mcEvents).withSeed(seed + 1_000_003L).withThreads(1),
                Progress.NONE);
        WeightedSample mc = weighted(mcRun, sel);
        CoverageStudy study = new CoverageStudy();
        for (int i = 0; i < experiments; i++) {
            if (independentMc && i > 0) {
                mc = weighted(Simulator.simulate(SimConfig.defaults(simMix).withEvents(mcEvents).withSeed(seed + 1_000_003L + i)
                        .withThreads(1), Progress.NONE), sel);
            }
            RunData run = Simulator.simulate(SimConfig.defaults(dataMix).withEvents(events).withSeed(seed + i).withThreads(1), Progress.NONE);
            WeightedSample d = weighted(run, sel);
            long truth = 0;
            for (int k = 0; k < d.size(); k++) {
                if (sel.box().abcdRegion(d.ecal()[k], d.hcal()[k]) == Region.BOX) {
                    truth++;
                }
            }
            study.addTruth(truth);
            BackgroundSummary s = new BackgroundEstimator().estimate(d.ecal(), d.hcal(), sel.box(), Map.of(), false, mc);
            for (BackgroundChoice c : METHODS) {
                study.add(c.name(), c.pick(s), truth);
            }
            err.printf("\rvalidate-background: experiment %d/%d", i + 1, experiments);
            err.flush();
        }
        err.println();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode o = CliJson.MAPPER.createObjectNode();
            CliJson.put(o, "experiments", experiments);
            CliJson.put(o, "eventsPerExperiment", events);
            CliJson.put(o, "mcEvents", mcEvents);
            CliJson.put(o, "expectedTruth", study.expectedTruth());
            ArrayNode a = o.putArray("methods");
            for (CoverageStudy.MethodResult r : study.results()) {
                ObjectNode x = a.addObject();
                x.put("method", r.method());
                CliJson.put(x, "used", r.used());
                CliJson.put(x, "unavailable", r.unavailable());
                CliJson.put(x, "meanBias", r.meanBias());
                CliJson.put(x, "meanBiasError", r.meanBiasError());
                CliJson.put(x, "pullMean", r.pullMean());
                CliJson.put(x, "pullWidth", r.pullWidth());
                CliJson.put(x, "coverage", r.coverage());
                CliJson.put(x, "coverageRealised", r.coverageRealised());
                CliJson.put(x, "meanError", r.meanError());
                x.put("meetsTarget", r.meetsTarget());
                x.put("reason", r.reason());
            }
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            out.printf("%d pseudo-experiments of %d %s events (seeds %d..%d), background MC %d %s events; "
                            + "true box background: mean %.3g per experiment%n", experiments, events, dataMix.cliName(), seed,
                    seed + experiments - 1, mcEvents, simMix.cliName(), study.expectedTruth());
            Table t = new Table("method", "used", "missing", "mean bias", "pull mean", "pull width", "coverage ±1σ", "cov. realised",
                    "mean σ", "target");
            for (CoverageStudy.MethodResult r : study.results()) {
                t.row(r.method().toLowerCase(java.util.Locale.ROOT), Integer.toString(r.used()), Integer.toString(r.unavailable()),
                        CliJson.fmt(r.meanBias()) + " ± " + CliJson.fmt(r.meanBiasError()), CliJson.fmt(r.pullMean()),
                        CliJson.fmt(r.pullWidth()), CliJson.fmt(100 * r.coverage()) + " %", CliJson.fmt(100 * r.coverageRealised()) + " %",
                        CliJson.fmt(r.meanError()), r.meetsTarget() ? "met" : "not met");
            }
            t.print(out);
            out.println("coverage: |estimate - mean true box count| <= stat ⊕ syst; realised: against each experiment's own count; "
                    + "target for the default (mc_transfer): |bias| < its error, coverage 60-76 % over >= 50 experiments");
        }
        out.flush();
        return 0;
    }

    /** Selected (E_ECAL, E_HCAL) and weights (truth_weight, or 1) of one simulated run. */
    static WeightedSample weighted(RunData run, Selection sel) {
        AnalysisResult r = new AnalysisEngine(List.of(run)).evaluate(sel);
        RunResult rr = r.runs().get(0);
        int[] ev = rr.selectedEvents();
        float[] ecal = run.floats(Schema.ECAL);
        float[] hcal = run.floats(Schema.HCAL);
        float[] w = run.has(Schema.TRUTH_WEIGHT) ? run.floats(Schema.TRUTH_WEIGHT) : null;
        float[] e = new float[ev.length];
        float[] h = new float[ev.length];
        float[] ww = new float[ev.length];
        for (int i = 0; i < ev.length; i++) {
            e[i] = ecal[ev[i]];
            h[i] = hcal[ev[i]];
            ww[i] = w == null ? 1f : w[ev[i]];
        }
        return new WeightedSample(e, h, ww);
    }
}
