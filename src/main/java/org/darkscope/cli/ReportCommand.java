package org.darkscope.cli;

import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.ExclusionSettings;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.RunData;
import org.darkscope.report.AnalysisReport;
import org.darkscope.report.CsvTables;
import org.darkscope.report.FigureFiles;
import org.darkscope.report.ReportWriter;
import org.darkscope.report.RunLabels;
import org.darkscope.session.RunRole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code darkscope report}: the analysis report of a session as report.html (self-contained) and
 * report.pdf, with the numeric CSV tables next to them. The numbers are those of {@code analyse}
 * (the same evaluation and {@link ResultLimits}), the figures those of the window.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the analysis report of a session: report.html (self-contained), report.pdf and CSV tables.")
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--session", paramLabel = "S.json", description = "session file: runs with roles and the selection")
    Path session;

    @Parameters(paramLabel = "RUN.parquet", arity = "0..*", description = "run files (instead of or added to the session's)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--selection", paramLabel = "SEL.json", description = "selection file (default: the session's)")
    Path selectionFile;

    @Option(names = "--unblind", description = "show the box of data-role runs and observed limits")
    boolean unblind;

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
        try (PlotCommand.Inputs in = PlotCommand.Inputs.load(runs, List.of(), session, selectionFile, unblind)) {
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
    static List<Path> write(AnalysisResult r, List<RunData> runs, List<Path> paths, java.util.Set<RunData> dataRole, Path dir)
            throws IOException {
        r.computeAll();
        ResultLimits.Summary limits = ResultLimits.compute(r, ExclusionSettings.defaults());
        List<ExclusionPoint> curve = r.backgroundRuns().isEmpty() ? List.of() : PlotCommand.exclusionPoints(r);
        List<AnalysisReport.Provenance> prov = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunData d = runs.get(i);
            RunRole role = dataRole.contains(d) ? RunRole.DATA : d.info().isSignal() ? RunRole.SIGNAL : RunRole.BACKGROUND;
            prov.add(new AnalysisReport.Provenance(paths.get(i).getFileName().toString(), sha256(paths.get(i)), role.label(), d.size(),
                    d.info().eot(), RunLabels.of(d)));
        }
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        AnalysisReport rep = AnalysisReport.build(r, limits, curve, prov, version(), date);
        List<Path> w = new ArrayList<>();
        Path html = dir.resolve("report.html");
        FigureFiles.writeAtomically(html, ReportWriter.html(rep).getBytes(StandardCharsets.UTF_8));
        w.add(html);
        Path pdf = dir.resolve("report.pdf");
        FigureFiles.writeAtomically(pdf, ReportWriter.pdf(rep));
        w.add(pdf);
        Path cf = dir.resolve("cutflow.csv");
        CsvTables.cutFlow(r).write(cf);
        w.add(cf);
        Path eff = dir.resolve("efficiencies.csv");
        CsvTables.efficiencies(r).write(eff);
        w.add(eff);
        if (!curve.isEmpty()) {
            Path ex = dir.resolve("exclusion.csv");
            CsvTables.exclusion(curve, r.selection().blinded()).write(ex);
            w.add(ex);
        }
        return w;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
