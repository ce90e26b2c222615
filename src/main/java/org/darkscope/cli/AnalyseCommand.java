package org.darkscope.cli;

import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
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
        AnalysisResult result;
        try (AnalysisEngine engine = new AnalysisEngine(all)) {
            result = engine.evaluate(sel);
        }
        ResultLimits.Summary limits = ResultLimits.compute(result, settings);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CliJson.MAPPER.writeValueAsString(AnalyseReport.toJson(result, limits)));
        } else {
            AnalyseReport.print(result, limits, out);
        }
        out.flush();
        return 0;
    }
}
