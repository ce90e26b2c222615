package org.darkscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.RunData;
import org.darkscope.report.ReportFiles;
import org.darkscope.session.RunRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope report}: the analysis report of a session as report.html (self-contained) and
 * report.pdf, with the numeric CSV tables next to them. The numbers are those of {@code analyse}
 * (the same evaluation and ResultLimits), the figures those of the window ({@link ReportFiles}).
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description =
                "Writes the analysis report of a session: report.html (self-contained), report.pdf and CSV tables.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--session", paramLabel = "S.json", description = "session file: runs with roles and the selection")
    Path session;

    @Parameters(
            paramLabel = "RUN.parquet",
            arity = "0..*",
            description = "run files (instead of or added to the session's)")
    List<Path> runs = new ArrayList<>();

    @Mixin
    SelectionOptions selection;

    // a directory of files (created if missing), not one output file as in export/simulate: no --force here
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created if missing)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (session == null && runs.isEmpty()) {
            throw new IllegalArgumentException("give --session S.json (or run files)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " exists and is not a directory");
        }
        Files.createDirectories(out);
        try (PlotCommand.Inputs in = PlotCommand.Inputs.load(
                runs, List.of(), session, selection, spec.commandLine().getErr())) {
            List<Path> written = write(in.result, in.runs, in.paths, in.dataRole, out);
            for (Path p : written) {
                spec.commandLine().getOut().println("wrote " + p);
            }
        }
        return 0;
    }

    /** DarkScope's version as the command line reports it. */
    static String version() {
        return DarkScopeCli.class.getAnnotation(Command.class).version()[0].replaceFirst("^DarkScope ", "");
    }

    /** Writes report.html, report.pdf and the CSV tables into dir; returns the files written. */
    static List<Path> write(
            AnalysisResult r, List<RunData> runs, List<Path> paths, java.util.Set<RunData> dataRole, Path dir)
            throws IOException {
        List<ReportFiles.RunFile> files = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunData d = runs.get(i);
            RunRole role =
                    dataRole.contains(d) ? RunRole.DATA : d.info().isSignal() ? RunRole.SIGNAL : RunRole.BACKGROUND;
            files.add(new ReportFiles.RunFile(d, paths.get(i), role.label()));
        }
        List<ExclusionPoint> curve = r.backgroundRuns().isEmpty() ? List.of() : PlotCommand.exclusionPoints(r);
        return ReportFiles.write(r, files, curve, version(), dir);
    }
}
