package org.darkscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.background.BackgroundValidation;
import org.darkscope.analysis.background.CoverageStudy;
import org.darkscope.sim.Mix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope validate-background}: closure and coverage of every background method over
 * pseudo-experiments simulated with different seeds, against the true expected background in the box
 * ({@link BackgroundValidation}; the window's "Validate background" runs the same code).
 */
@Command(
        name = "validate-background",
        mixinStandardHelpOptions = true,
        description =
                "Coverage study of the background estimates: N pseudo-experiments simulated with different seeds, "
                        + "the selection and every method applied to each; per method the mean bias, the pull mean and width "
                        + "and the fraction of experiments whose ±1σ interval contains the true expected box background "
                        + "(the physical box rate of the weighted background simulation times the experiment's EOT).")
public final class ValidateBackgroundCommand implements Callable<Integer> {
    /** Methods compared, the default (MC transfer) first. */
    static final List<BackgroundChoice> METHODS = BackgroundValidation.METHODS;

    @Option(
            names = "--experiments",
            paramLabel = "N",
            defaultValue = "50",
            description = "pseudo-experiments (default 50)")
    int experiments;

    @Option(
            names = "--events",
            paramLabel = "E",
            defaultValue = "20000",
            description = "events per pseudo-experiment (default 20000)")
    int events;

    @Option(
            names = "--mc-events",
            paramLabel = "M",
            defaultValue = "40000",
            description =
                    "events of each background simulation behind the MC transfer factor and the ABCD correction (default 40000)")
    int mcEvents;

    @Option(
            names = "--mix",
            paramLabel = "MIX",
            defaultValue = "physics",
            description = "mix of the pseudo-experiments (default physics)")
    String mix;

    @Option(
            names = "--mc-mix",
            paramLabel = "MIX",
            defaultValue = "background-mc",
            description =
                    "mix of the background simulation; a weighted mix (truth_weight) is used with its weights (default background-mc)")
    String mcMix;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "seed of the first experiment (default 1)")
    long seed;

    @Option(
            names = "--selection",
            paramLabel = "FILE",
            description = "selection JSON (default: the published selection)")
    Path selectionFile;

    @Option(
            names = "--loose",
            description = "use the loose selection preset (more events in the box) instead of the published one")
    boolean loose;

    @Option(
            names = "--shared-mc",
            description =
                    "one background simulation shared by all experiments (its statistical error is then "
                            + "common to all of them and coverage over experiments is not the method's coverage; default: a new MC per experiment)")
    boolean sharedMc;

    @Option(names = "--independent-mc", hidden = true, description = "a new background MC per experiment (the default)")
    boolean independentMc;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Mix dataMix;
        Mix simMix;
        try {
            dataMix = Mix.parse(mix);
            simMix = Mix.parse(mcMix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (sharedMc && independentMc) {
            throw new ParameterException(spec.commandLine(), "--shared-mc and --independent-mc exclude each other");
        }
        Selection sel = selectionFile != null
                ? SelectionIo.read(selectionFile)
                : loose ? Selection.loose() : Selection.published();
        BackgroundValidation.Config cfg;
        try {
            cfg = new BackgroundValidation.Config(experiments, events, mcEvents, dataMix, simMix, seed, sel, !sharedMc);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        BackgroundValidation.Result res = BackgroundValidation.run(cfg, new org.darkscope.task.Progress() {
            @Override
            public void update(double fraction, String message) {
                err.printf("\rvalidate-background: %3d %% %s   ", Math.round(100 * fraction), message);
                err.flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        err.println();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode o = CliJson.MAPPER.createObjectNode();
            CliJson.put(o, "experiments", experiments);
            CliJson.put(o, "eventsPerExperiment", events);
            CliJson.put(o, "mcEvents", mcEvents);
            o.put("mix", dataMix.cliName());
            o.put("mcMix", simMix.cliName());
            CliJson.put(o, "seed", seed);
            o.put("independentMc", !sharedMc);
            CliJson.put(o, "expectedTruth", res.expectedTruth());
            CliJson.put(o, "expectedTruthRelError", res.truthRelError());
            CliJson.put(o, "meanRealisedBoxCount", res.meanRealised());
            ArrayNode a = o.putArray("methods");
            for (CoverageStudy.MethodResult r : res.methods()) {
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
                ArrayNode per = x.putArray("experiments");
                for (double[] e : res.experiments().getOrDefault(r.method(), List.of())) {
                    ArrayNode row = per.addArray();
                    for (double v : e) {
                        row.add(v);
                    }
                }
            }
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            out.printf(
                    "%d pseudo-experiments of %d %s events (seeds %d..%d), %s background MC of %d %s events; "
                            + "true expected box background %s per experiment (± %s %%, from the weighted MC), realised %s%n",
                    experiments,
                    events,
                    dataMix.cliName(),
                    seed,
                    seed + experiments - 1,
                    sharedMc ? "one shared" : "per experiment a",
                    mcEvents,
                    simMix.cliName(),
                    CliJson.fmt(res.expectedTruth()),
                    CliJson.fmt(100 * res.truthRelError()),
                    CliJson.fmt(res.meanRealised()));
            Table t = new Table(
                    "method",
                    "used",
                    "missing",
                    "mean bias",
                    "pull mean",
                    "pull width",
                    "coverage ±1σ",
                    "cov. realised",
                    "mean σ",
                    "target");
            for (CoverageStudy.MethodResult r : res.methods()) {
                t.row(
                        r.method().toLowerCase(java.util.Locale.ROOT),
                        Integer.toString(r.used()),
                        Integer.toString(r.unavailable()),
                        CliJson.fmt(r.meanBias()) + " ± " + CliJson.fmt(r.meanBiasError()),
                        CliJson.fmt(r.pullMean()),
                        CliJson.fmt(r.pullWidth()),
                        CliJson.fmt(100 * r.coverage()) + " %",
                        CliJson.fmt(100 * r.coverageRealised()) + " %",
                        CliJson.fmt(r.meanError()),
                        r.meetsTarget() ? "met" : "not met");
            }
            t.print(out);
            out.println(
                    "coverage: |estimate - expected box background| <= stat ⊕ syst; realised: against each experiment's own count; "
                            + "target for the default (mc_transfer): |bias| < its error, coverage 60-76 % over >= 50 experiments");
        }
        out.flush();
        return 0;
    }
}
