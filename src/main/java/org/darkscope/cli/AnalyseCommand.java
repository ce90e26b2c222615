package org.darkscope.cli;

import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.BoxEdgeScan;
import org.darkscope.analysis.ExclusionSettings;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code darkscope analyse}: cut flow, regions, efficiencies, background estimates and limits. */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = "Applies a selection to data/background runs and signal runs: cut flow, region counts, "
                + "signal efficiencies, background estimates with errors (closure on simulation) and limits.")
public final class AnalyseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN.parquet", arity = "1..*", description = "data or background run file(s)")
    List<Path> runs;

    @Option(names = "--signal", paramLabel = "SIG.parquet", description = "signal run file(s) (repeatable)")
    List<Path> signals = new ArrayList<>();

    @Option(names = "--selection", paramLabel = "SEL.json", description = "selection file (default: the published selection)")
    Path selectionFile;

    @Option(names = "--unblind", description = "show the box of recorded data (the selection's blinding flag otherwise)")
    boolean unblind;

    @Option(names = "--background-method", paramLabel = "M", defaultValue = "fits",
            description = "background for the limit: fits, abcd or truth (default fits)")
    String backgroundMethod;

    @Option(names = "--method", paramLabel = "M", defaultValue = "cls", description = "limit method: cls, classical or fc (default cls)")
    String method;

    @Option(names = "--scan-edges", split = ",", paramLabel = "E1,E2,...",
            description = "E_ECAL box edges (GeV) to scan for the smallest expected limit (needs a signal run)")
    List<Double> scanEdges = new ArrayList<>();

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Selection sel = selectionFile != null ? SelectionIo.read(selectionFile) : Selection.published();
        if (unblind) {
            sel = sel.withBlinded(false);
        }
        BackgroundChoice bc = switch (backgroundMethod.toLowerCase(Locale.ROOT)) {
            case "fits", "fit", "sideband" -> BackgroundChoice.SIDEBAND_FITS;
            case "abcd" -> BackgroundChoice.ABCD;
            case "truth" -> BackgroundChoice.TRUTH;
            default -> throw new IllegalArgumentException("unknown --background-method '" + backgroundMethod + "' (fits, abcd or truth)");
        };
        ExclusionSettings settings = ExclusionSettings.defaults().withBackground(bc).withMethod(LimitMethod.parse(method));
        List<Path> files = new ArrayList<>(runs);
        files.addAll(signals);
        RunFiles.requireDistinct(files); // the same run twice would be counted twice (EOT doubled)
        List<RunData> all = new ArrayList<>();
        TerminalProgress progress = new TerminalProgress(System.err);
        for (Path p : runs) {
            all.add(RunFiles.read(p, progress));
        }
        for (Path p : signals) {
            RunData r = RunFiles.read(p, progress);
            if (!r.info().isSignal()) {
                throw new IllegalArgumentException(p + " is not a signal run (no A' mass in its metadata)");
            }
            all.add(r);
        }
        progress.done();
        org.darkscope.analysis.MissingColumns.require(sel, all); // a cut on a defaulted column is refused
        for (RunData r : all) {
            if (!r.valueCounts().isEmpty()) {
                long nan = 0, inf = 0, neg = 0;
                for (RunData.ValueCounts k : r.valueCounts().values()) {
                    nan += k.nan();
                    inf += k.posInf() + k.negInf();
                    neg += k.negative();
                }
                spec.commandLine().getErr().printf(Locale.ROOT,
                        "darkscope: warning: %s has %d NaN, %d infinite and %d negative energy values in %d columns"
                                + " (darkscope info lists them)%n", r.displayName(), nan, inf, neg, r.valueCounts().size());
                spec.commandLine().getErr().flush();
            }
        }
        AnalysisResult result;
        BoxEdgeScan.Result scan = null;
        try (AnalysisEngine engine = new AnalysisEngine(all)) {
            result = engine.evaluate(sel);
            if (!scanEdges.isEmpty()) {
                if (result.signalRuns().isEmpty()) {
                    throw new IllegalArgumentException("--scan-edges needs a signal run (--signal)");
                }
                double mass = result.signalRuns().get(0).run().info().signalMassMeV();
                scan = BoxEdgeScan.scan(engine, sel, scanEdges.stream().mapToDouble(Double::doubleValue).toArray(), mass,
                        settings, progress);
                progress.done();
            }
        }
        ResultLimits.Summary limits = ResultLimits.compute(result, settings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var o = AnalyseReport.toJson(result, limits);
            if (scan != null) {
                o.set("edgeScan", AnalyseReport.scanJson(scan));
            }
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            AnalyseReport.print(result, limits, out);
            if (scan != null) {
                AnalyseReport.printScan(scan, out);
            }
        }
        out.flush();
        return 0;
    }
}
