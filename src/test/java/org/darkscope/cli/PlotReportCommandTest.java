package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.darkscope.session.RunRole;
import org.darkscope.session.SessionFile;
import org.darkscope.testsupport.ClassMixRuns;
import org.darkscope.testsupport.ConsoleCapture;
import org.darkscope.testsupport.WeightedRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** plot and report through DarkScopeCli.run, as a script calls them. */
class PlotReportCommandTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path sig;
    static Path session;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void files() throws Exception {
        data = dir.resolve("data.parquet");
        RunFiles.write(ClassMixRuns.data(20_000, 31), data);
        sig = dir.resolve("sig.parquet");
        RunFiles.write(ClassMixRuns.signal(5_000, 32, 30), sig);
        session = dir.resolve("s.json");
        new SessionFile(
                        List.of(
                                new SessionFile.RunEntry(data, RunRole.DATA),
                                new SessionFile.RunEntry(sig, RunRole.SIGNAL)),
                        Selection.published(),
                        Map.of())
                .write(session);
    }

    @Test
    void everyFigureInEveryFormat() throws Exception {
        for (String kind : List.of("plane", "cutflow", "nminus1", "distribution", "fits", "exclusion")) {
            for (String ext : List.of("png", "svg", "pdf")) {
                Path f = dir.resolve(kind + "." + ext);
                int rc = DarkScopeCli.run(
                        "plot", kind, data.toString(), sig.toString(), "--out", f.toString(), "--size", "1000x600");
                assertEquals(0, rc, kind + "." + ext + ": " + console.err());
                assertTrue(Files.size(f) > 500, f.toString());
            }
            BufferedImage img = ImageIO.read(dir.resolve(kind + ".png").toFile());
            assertEquals(1000, img.getWidth());
            assertEquals(600, img.getHeight());
            try (PDDocument d = Loader.loadPDF(dir.resolve(kind + ".pdf").toFile())) {
                assertEquals(1, d.getNumberOfPages());
            }
        }
    }

    @Test
    void dataRoleBoxStaysHiddenUnlessUnblind() throws Exception {
        Path f = dir.resolve("blind.svg");
        assertEquals(
                0,
                DarkScopeCli.run("plot", "plane", "--session", session.toString(), "--out", f.toString()),
                console.err());
        String svg = Files.readString(f);
        assertTrue(svg.contains("box: blinded"));
        Path g = dir.resolve("open.svg");
        assertEquals(
                0,
                DarkScopeCli.run("plot", "plane", "--session", session.toString(), "--unblind", "--out", g.toString()));
        String open = Files.readString(g);
        assertFalse(open.contains("box: blinded"));
        assertTrue(open.matches("(?s).*>box: \\d+<.*"));
    }

    @Test
    void badArgumentsExitTwoWithAMessage() {
        assertEquals(
                2,
                DarkScopeCli.run(
                        "plot",
                        "pie",
                        data.toString(),
                        "--out",
                        dir.resolve("x.png").toString()));
        assertTrue(console.err().contains("unknown figure 'pie'"), console.err());
        assertEquals(
                2,
                DarkScopeCli.run(
                        "plot",
                        "plane",
                        data.toString(),
                        "--out",
                        dir.resolve("x.gif").toString()));
        assertTrue(console.err().contains(".png, .svg or .pdf"), console.err());
        assertEquals(
                2,
                DarkScopeCli.run(
                        "plot",
                        "plane",
                        data.toString(),
                        "--out",
                        dir.resolve("x.png").toString(),
                        "--size",
                        "big"));
        assertTrue(console.err().contains("WIDTHxHEIGHT"), console.err());
        assertEquals(
                2,
                DarkScopeCli.run(
                        "plot",
                        "nminus1",
                        data.toString(),
                        "--cut",
                        "nope",
                        "--out",
                        dir.resolve("x.png").toString()));
        assertTrue(console.err().contains("no cut 'nope'"), console.err());
        assertFalse(console.err().contains("\tat org."), "stack trace: " + console.err());
    }

    @Test
    void reportHasTheNumbersOfAnalyseAndTheProvenance() throws Exception {
        Path rep = dir.resolve("report");
        assertEquals(
                0, DarkScopeCli.run("report", "--session", session.toString(), "--out", rep.toString()), console.err());
        String html = Files.readString(rep.resolve("report.html"));
        // self-contained: inline SVG, nothing loaded from elsewhere
        assertTrue(html.contains("<svg"));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<img src=\"/"));
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(data)));
        assertTrue(html.contains(sha), "SHA-256 of the data file");
        assertFalse(html.contains("NaN"));
        // the efficiency of analyse (same selection, unblinded signal) equals the report's CSV
        console.resetOut();
        assertEquals(0, DarkScopeCli.run("analyse", data.toString(), "--signal", sig.toString(), "--json"));
        JsonNode a =
                new ObjectMapper().readTree(console.out()).get("efficiencies").get(0);
        List<String> lines = Files.readAllLines(rep.resolve("efficiencies.csv"));
        String[] cells = lines.get(1).split(",");
        assertEquals(a.get("passed").asLong(), Long.parseLong(cells[2]));
        assertEquals(a.get("value").asDouble(), Double.parseDouble(cells[4]), 1e-12);
        assertEquals(a.get("lower").asDouble(), Double.parseDouble(cells[5]), 1e-12);
        try (PDDocument d = Loader.loadPDF(rep.resolve("report.pdf").toFile())) {
            assertTrue(d.getNumberOfPages() >= 3, "tables and figure pages");
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Provenance"));
            assertTrue(text.contains("data.parquet"));
        }
    }

    @Test
    void reportShowsWeightedBackgroundMcAndTheExternalFactorApart() throws Exception {
        Path mc = dir.resolve("bkgmc.parquet");
        RunData mcRun = WeightedRuns.backgroundMc(5_000, 51, 7601);
        RunFiles.write(mcRun, mc);
        Path ext = dir.resolve("sig-ext.parquet");
        RunFiles.write(WeightedRuns.withExternal(ClassMixRuns.signal(5_000, 52, 30)), ext);
        Path s = dir.resolve("weighted.json");
        new SessionFile(
                        List.of(
                                new SessionFile.RunEntry(data, RunRole.DATA),
                                new SessionFile.RunEntry(mc, RunRole.BACKGROUND),
                                new SessionFile.RunEntry(ext, RunRole.SIGNAL)),
                        Selection.published(),
                        Map.of())
                .write(s);
        Path rep = dir.resolve("report-weighted");
        assertEquals(0, DarkScopeCli.run("report", "--session", s.toString(), "--out", rep.toString()), console.err());
        double all = 0;
        double all2 = 0;
        for (float w : mcRun.floats(Schema.TRUTH_WEIGHT)) {
            all += w;
            all2 += (double) w * w;
        }
        List<String[]> cf = Files.readAllLines(rep.resolve("cutflow.csv")).stream()
                .map(l -> l.split(","))
                .toList();
        List<String> h = List.of(cf.get(0));
        int wc = h.indexOf(
                h.stream().filter(x -> x.endsWith(": weighted")).findFirst().orElseThrow());
        assertEquals(h.get(wc) + "_err", h.get(wc + 1));
        assertEquals(all, Double.parseDouble(cf.get(1)[wc]), 1e-9 * all);
        assertEquals(Math.sqrt(all2), Double.parseDouble(cf.get(1)[wc + 1]), 1e-9 * Math.sqrt(all2));
        List<String> eh = List.of(
                Files.readAllLines(rep.resolve("efficiencies.csv")).get(0).split(","));
        String[] e = Files.readAllLines(rep.resolve("efficiencies.csv")).get(1).split(",");
        double eff = Double.parseDouble(e[eh.indexOf("efficiency")]);
        assertEquals(
                Double.parseDouble(e[eh.indexOf("passed")]) / Double.parseDouble(e[eh.indexOf("total")]), eff, 1e-12);
        assertEquals(WeightedRuns.FACTOR, Double.parseDouble(e[eh.indexOf("external_factor")]), 1e-12);
        assertEquals(eff * WeightedRuns.FACTOR, Double.parseDouble(e[eh.indexOf("efficiency_times_external")]), 1e-12);
        String html = Files.readString(rep.resolve("report.html"));
        assertTrue(html.contains(WeightedRuns.LABEL), "weighted-MC label in the report");
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "na64-2016-2018 %.3f", WeightedRuns.FACTOR)));
    }
}
