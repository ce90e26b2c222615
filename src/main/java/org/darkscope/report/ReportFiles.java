package org.darkscope.report;

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
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.ExclusionSettings;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.RunData;

/**
 * Writes the report of one evaluation into a directory: report.html (self-contained), report.pdf and
 * the CSV tables (cutflow, efficiencies, exclusion). Used by {@code darkscope report} and by the
 * window's File → Export → Report, so both write the same thing.
 */
public final class ReportFiles {
    /** DarkScope's version when the jar manifest does not say (keep in step with the command line's). */
    public static final String DEFAULT_VERSION = "0.1.0";

    /** One run file of the report. role: "data", "background MC" or "signal MC". */
    public record RunFile(RunData run, Path path, String role) {}

    private ReportFiles() {}

    /** The version in the jar manifest, else {@link #DEFAULT_VERSION}. */
    public static String version() {
        String v = ReportFiles.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? DEFAULT_VERSION : v;
    }

    /**
     * Writes the report files into dir (created if missing) and returns them.
     *
     * @param r      the evaluated selection (its slow parts are computed here if needed)
     * @param files  the run files of r with their roles
     * @param curve  the exclusion curve as the window draws it (may be empty)
     */
    public static List<Path> write(
            AnalysisResult r, List<RunFile> files, List<ExclusionPoint> curve, String version, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        r.computeAll();
        ResultLimits.Summary limits = ResultLimits.compute(r, ExclusionSettings.defaults());
        List<AnalysisReport.Provenance> prov = new ArrayList<>();
        for (RunFile f : files) {
            RunData d = f.run();
            prov.add(new AnalysisReport.Provenance(
                    f.path() == null
                            ? d.displayName() + " (not from a file)"
                            : f.path().getFileName().toString(),
                    f.path() == null ? "–" : sha256(f.path()),
                    f.role(),
                    d.size(),
                    d.info().eot(),
                    RunLabels.of(d)));
        }
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        AnalysisReport rep = AnalysisReport.build(r, limits, curve, prov, version, date);
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

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
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
