package org.darkscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ClassMixRuns;
import org.darkscope.testsupport.WeightedRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 in the report: a background-MC-role run shows its weighted sums Σw ± √Σw² and its
 * "weighted MC, rare classes boosted" label; a signal run's external inefficiency factor stands
 * beside its efficiency, never multiplied into it. Expected numbers are summed and multiplied here.
 */
class WeightedExternalReportTest {
    private static final double FACTOR = WeightedRuns.FACTOR;

    /** As the window shows Σw ± √Σw²: three significant digits, whole numbers from 100 on. */
    private static String shown(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 99.5
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    private static List<String> cells(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void weightedSumsAndExternalFactorInHtmlPdfAndCsv(@TempDir Path dir) throws Exception {
        RunData mc = WeightedRuns.backgroundMc(6_000, 41, 7501);
        float[] w = mc.floats(Schema.TRUTH_WEIGHT);
        RunData data = ClassMixRuns.data(20_000, 43);
        RunData sig = WeightedRuns.withExternal(ClassMixRuns.signal(4_000, 44, 225));
        AnalysisResult res;
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(data, mc, sig), AnalysisEngine.Options.defaults().withThreads(1))) {
            res = engine.evaluate(Selection.published(), x -> x == data, org.darkscope.task.Progress.NONE);
            ReportFiles.write(
                    res,
                    List.of(
                            new ReportFiles.RunFile(data, null, "data"),
                            new ReportFiles.RunFile(mc, null, "background MC"),
                            new ReportFiles.RunFile(sig, null, "signal MC")),
                    List.of(),
                    "test",
                    dir);
        }
        // independent sums of truth_weight: all events, and the events the engine selects
        double all = 0, all2 = 0, sel = 0, sel2 = 0;
        for (int e = 0; e < mc.size(); e++) {
            all += w[e];
            all2 += (double) w[e] * w[e];
            if (res.run(mc).isSelected(e)) {
                sel += w[e];
                sel2 += (double) w[e] * w[e];
            }
        }
        assertTrue(sel > 0 && sel < all, "some but not all background MC selected");

        // ---- cutflow.csv: Σw and √Σw² as numbers, first row all events, last row the selection
        List<List<String>> cf = CsvTablesTest.read(dir.resolve("cutflow.csv"));
        List<String> h = cf.get(0);
        String mcLabel = RunLabels.of(mc);
        int wc = h.indexOf(mcLabel + ": weighted");
        assertTrue(wc > 0, h.toString());
        assertEquals(mcLabel + ": weighted_err", h.get(wc + 1));
        assertEquals(-1, h.indexOf(RunLabels.of(sig) + ": weighted"), "signal runs are not weighted");
        assertEquals(all, Double.parseDouble(cf.get(1).get(wc)), 1e-9 * all);
        assertEquals(Math.sqrt(all2), Double.parseDouble(cf.get(1).get(wc + 1)), 1e-9 * Math.sqrt(all2));
        List<String> last = cf.get(cf.size() - 1);
        assertEquals(sel, Double.parseDouble(last.get(wc)), 1e-9 * sel);
        assertEquals(Math.sqrt(sel2), Double.parseDouble(last.get(wc + 1)), 1e-9 * Math.sqrt(sel2));

        // ---- efficiencies.csv: the efficiency is passed / generated, the factor and the product beside it
        List<List<String>> ef = CsvTablesTest.read(dir.resolve("efficiencies.csv"));
        List<String> eh = ef.get(0);
        List<String> row = ef.get(1);
        double eff = Double.parseDouble(row.get(eh.indexOf("efficiency")));
        assertEquals(
                Double.parseDouble(row.get(eh.indexOf("passed"))) / Double.parseDouble(row.get(eh.indexOf("total"))),
                eff,
                1e-12,
                "factor not folded in");
        assertEquals(FACTOR, Double.parseDouble(row.get(eh.indexOf("external_factor"))), 1e-12);
        assertEquals(eff * FACTOR, Double.parseDouble(row.get(eh.indexOf("efficiency_times_external"))), 1e-12);

        // ---- report.html: the label, Σw ± √Σw² of all and of the selected events, the factor apart
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains(WeightedRuns.LABEL), "label");
        List<String> td = cells(html);
        assertTrue(td.contains(shown(all, 3) + " ± " + shown(Math.sqrt(all2), 2)), "Σw of all events " + all);
        assertTrue(td.contains(shown(sel, 3) + " ± " + shown(Math.sqrt(sel2), 2)), "Σw of the selection " + sel);
        int f = td.indexOf(String.format(Locale.ROOT, "na64-2016-2018 %.3f", FACTOR));
        assertTrue(f > 0, "factor cell");
        assertEquals(eff * FACTOR, Double.parseDouble(td.get(f + 1)), 1e-4);
        assertEquals(eff, Double.parseDouble(td.get(f - 3)), 1e-4, "the efficiency cell is the simulated one");
        assertTrue(html.contains("never in the efficiency"));
        assertFalse(html.contains("NaN"));
        try (PDDocument d = Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("rare classes boosted"), "PDF label");
            assertTrue(text.contains("na64-2016-2018"), "PDF factor");
        }
    }
}
