package org.darkscope.session.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.testsupport.SidebandRuns;
import org.junit.jupiter.api.Test;

/**
 * The report lines the window and {@code analyse --session} share, for weighted background MC: with no
 * run in the data role the background MC stands in for the data and every count is Σw ± √Σw²; a
 * weighted file opened as data is flagged. Sums are made here, event by event.
 */
class SessionReportWeightedTest {
    static RunData weighted(int runNumber, long seed) {
        RunData base = SidebandRuns.simulated(5_000, seed, runNumber);
        RunInfo i = base.info();
        RunInfo info = new RunInfo(
                runNumber,
                100,
                1e9,
                0,
                i.geometryVersion(),
                true,
                "background-mc",
                seed,
                Double.NaN,
                Map.of("weighted", "true", "boost.punchThrough", "1000"),
                i.schemaVersion(),
                "weighted");
        Random r = new Random(seed);
        float[] w = new float[base.size()];
        for (int e = 0; e < w.length; e++) {
            w[e] = 0.1f + r.nextInt(10) / 10f;
        }
        RunData.Builder b = RunData.builder(info, base.detector(), base.size());
        base.columns().forEach((k, v) -> {
            if (!k.equals(Schema.TRUTH_WEIGHT)) {
                b.column(k, v);
            }
        });
        return b.column(Schema.TRUTH_WEIGHT, w).cells(base.cells()).build();
    }

    private static SummaryLine line(List<SummaryLine> l, String key) {
        return l.stream()
                .filter(x -> x.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + ": " + l));
    }

    @Test
    void backgroundMcStandingInForDataIsCountedWithWeights() {
        RunData mc = weighted(7501, 31);
        Selection sel = Selection.published();
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(mc), AnalysisEngine.Options.defaults().withThreads(1))) {
            AnalysisResult r = engine.evaluate(sel);
            List<OpenRun> runs = List.of(new OpenRun(mc, RunRole.BACKGROUND, null));
            SessionReport rep = SessionReport.of(r, runs, AnalysisDefinition.defaults());
            double sel0 = 0;
            double box = 0;
            double box2 = 0;
            float[] w = mc.floats(Schema.TRUTH_WEIGHT);
            for (int e = 0; e < mc.size(); e++) {
                if (r.run(mc).isSelected(e)) {
                    sel0 += w[e];
                    if (sel.box().contains(Region.BOX, mc.floats(Schema.ECAL)[e], mc.floats(Schema.HCAL)[e])) {
                        box += w[e];
                        box2 += w[e] * w[e];
                    }
                }
            }
            assertTrue(box > 0);
            SummaryLine s = line(rep.lines(), "selected");
            assertTrue(s.label().contains("weighted"), s.label());
            assertEquals(
                    CutFlowTableModel.sum(new org.darkscope.analysis.WeightedCounts.Sum(sel0, 0, 0))
                            .split(" ± ")[0],
                    s.value().split(" ± ")[0]);
            assertEquals(
                    String.format(java.util.Locale.ROOT, "%.3g ± %.2g", box, Math.sqrt(box2)),
                    line(rep.lines(), "region-BOX").value());
            assertTrue(line(rep.lines(), "bkgmc-7501")
                    .value()
                    .startsWith("weighted MC, rare classes boosted punchThrough x1000"));
            // nothing is observed without data
            assertTrue(line(rep.lines(), "observed").hasWarning());
            // the truth in the box is the weighted sum, not a count of enriched events
            assertTrue(
                    line(rep.lines(), "bkg-truth")
                            .value()
                            .startsWith(String.format(java.util.Locale.ROOT, "%.3g ± ", box)),
                    line(rep.lines(), "bkg-truth").value());
            // the cut flow's data columns are weighted too
            assertTrue(
                    rep.cutFlow().header().get(1).contains("Σw ± √Σw²"),
                    rep.cutFlow().header().toString());
            List<String> last = rep.cutFlow().rows().get(rep.cutFlow().rows().size() - 1);
            assertEquals(s.value().split(" {2}")[0].split(" of ")[0], last.get(1));
        }
    }

    @Test
    void weightedFileOpenedAsDataIsFlagged() {
        RunData mc = weighted(7502, 32);
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(mc), AnalysisEngine.Options.defaults().withThreads(1))) {
            AnalysisResult r = engine.evaluate(Selection.published(), x -> true, org.darkscope.task.Progress.NONE);
            List<SummaryLine> l = SessionReport.coreLines(r, List.of(new OpenRun(mc, RunRole.DATA, null)));
            SummaryLine flag = line(l, "weighted-as-data-7502");
            assertTrue(
                    flag.hasWarning() && flag.value().startsWith("weighted MC, rare classes boosted"), flag.toString());
        }
    }
}
