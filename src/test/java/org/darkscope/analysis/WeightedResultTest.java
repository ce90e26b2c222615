package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

/**
 * The engine's weighted results for background-MC-role runs: every Σw and √Σw² is checked against a
 * sum written here, event by event, with each cut tested on its own column values (no engine bitset).
 */
class WeightedResultTest {
    /** A simulated background run with random weights between 1e-3 and 2 and weighted-MC metadata. */
    static RunData weightedBackground(int n, long seed) {
        RunData bg = ClassMixRuns.background(n, seed);
        Random r = new Random(seed + 1);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (r.nextBoolean() ? 1e-3 * (1 + r.nextInt(5)) : 0.5 + 1.5 * r.nextDouble());
        }
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("weighted", "true");
        gen.put("boost.upstream", "5");
        gen.put("boost.punchThrough", "1000");
        RunInfo i = bg.info();
        RunInfo info = new RunInfo(
                i.runNumber(),
                i.beamEnergy(),
                2.5e9,
                i.intensity(),
                i.geometryVersion(),
                true,
                "background-mc",
                i.seed(),
                Double.NaN,
                gen,
                i.schemaVersion(),
                "weighted synthetic");
        RunData.Builder b = RunData.builder(info, bg.detector(), n);
        bg.columns().forEach((k, v) -> {
            if (!k.equals(Schema.TRUTH_WEIGHT)) {
                b.column(k, v);
            }
        });
        return b.column(Schema.TRUTH_WEIGHT, w).cells(bg.cells()).build();
    }

    /** Independent: does event e pass the first {@code upTo} enabled cuts (every column of a family)? */
    private static boolean passes(RunData run, List<Cut> cuts, int upTo, int e) {
        for (int k = 0; k < upTo; k++) {
            Cut c = cuts.get(k);
            for (String col : c.columns(run::has)) {
                Object a = run.columns().get(col);
                double v = a instanceof float[] f ? f[e] : a instanceof int[] x ? x[e] : ((long[]) a)[e];
                if (!c.passes(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] sum(RunData run, Predicate<Integer> in) {
        float[] w = run.floats(Schema.TRUTH_WEIGHT);
        double s = 0;
        double s2 = 0;
        for (int e = 0; e < run.size(); e++) {
            if (in.test(e)) {
                s += w[e];
                s2 += (double) w[e] * w[e];
            }
        }
        return new double[] {s, Math.sqrt(s2)};
    }

    @Test
    void cutFlowRegionsClassesAndHistogramsAreWeightedSums() {
        RunData bg = weightedBackground(30_011, 41);
        Selection sel = Selection.published().withBlinded(true); // a background-MC run is never blinded
        List<Cut> cuts = sel.enabledCuts();
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(bg), AnalysisEngine.Options.defaults().withThreads(2))) {
            RunResult rr = engine.evaluate(sel, AnalysisEngine.RECORDED_ONLY, org.darkscope.task.Progress.NONE)
                    .runs()
                    .get(0);
            assertTrue(rr.isBackgroundMc());
            assertFalse(rr.boxHidden());
            WeightedResult w = rr.weighted().orElseThrow();
            assertEquals(
                    "weighted MC, rare classes boosted upstream x5, punchThrough x1000",
                    w.label().orElseThrow());
            double[] all = sum(bg, e -> true);
            assertEquals(all[0], w.total().w(), 1e-6 * all[0]);
            assertEquals(all[1], w.total().error(), 1e-6 * all[1]);
            for (int k = 0; k < cuts.size(); k++) {
                int upTo = k + 1;
                int kk = k;
                double[] after = sum(bg, e -> passes(bg, cuts, upTo, e));
                assertEquals(
                        after[0],
                        w.cutFlow().get(k).after().w(),
                        1e-6 * Math.max(1, after[0]),
                        cuts.get(k).name());
                assertEquals(
                        after[1],
                        w.cutFlow().get(k).after().error(),
                        1e-6 * Math.max(1, after[1]),
                        cuts.get(k).name());
                double[] alone = sum(bg, e -> passes(bg, List.of(cuts.get(kk)), 1, e));
                assertEquals(
                        alone[0],
                        w.alone().get(k).w(),
                        1e-6 * Math.max(1, alone[0]),
                        cuts.get(k).name());
                // the unweighted count is the engine's
                assertEquals(
                        rr.cutFlow().rows().get(k).after(),
                        w.cutFlow().get(k).after().n());
            }
            SignalBox box = sel.box();
            float[] ecal = bg.floats(Schema.ECAL);
            float[] hcal = bg.floats(Schema.HCAL);
            int[] cls = bg.ints(Schema.TRUTH_CLASS);
            for (Region r : Region.values()) {
                double[] in = sum(bg, e -> passes(bg, cuts, cuts.size(), e) && box.contains(r, ecal[e], hcal[e]));
                assertEquals(in[0], w.region(r).w(), 1e-6 * Math.max(1, in[0]), r.name());
                assertEquals(in[1], w.region(r).error(), 1e-6 * Math.max(1, in[1]), r.name());
                assertEquals(Math.max(0, rr.regions().count(r)), w.region(r).n(), r.name());
            }
            assertTrue(w.region(Region.D).n() > 20 && w.region(Region.C).n() > 5, "the test covers populated regions");
            for (EventClass c : EventClass.values()) {
                double[] in = sum(bg, e -> passes(bg, cuts, cuts.size(), e) && EventClass.of(cls[e]) == c);
                assertEquals(in[0], w.selected(c).w(), 1e-6 * Math.max(1, in[0]), c.name());
                double[] inD = sum(
                        bg,
                        e -> passes(bg, cuts, cuts.size(), e)
                                && EventClass.of(cls[e]) == c
                                && box.contains(Region.D, ecal[e], hcal[e]));
                assertEquals(inD[0], w.region(c, Region.D).w(), 1e-6 * Math.max(1, inD[0]), c.name());
            }
            // histogram of E_ECAL, 10 GeV bins from 0 to 100
            Binning b = new Binning(10, 0, 100);
            WeightedResult.Histogram h = w.histogram(Schema.ECAL, b, null);
            for (int i = 0; i < 10; i++) {
                double lo = 10 * i;
                double[] in = sum(bg, e -> passes(bg, cuts, cuts.size(), e) && ecal[e] >= lo && ecal[e] < lo + 10);
                assertEquals(in[0], h.weight(i), 1e-6 * Math.max(1, in[0]), "bin " + i);
                assertEquals(in[1], h.error(i), 1e-6 * Math.max(1, in[1]), "bin " + i);
            }
            // and it agrees with the independent plain-loop evaluation validate uses
            WeightedCounts wc = WeightedCounts.of(bg, sel);
            assertEquals(
                    wc.selected().w(), w.selected().w(), 1e-6 * wc.selected().w());
            assertEquals(
                    wc.region(Region.BOX).w(),
                    w.region(Region.BOX).w(),
                    1e-9 + 1e-6 * wc.region(Region.BOX).w());
        }
    }

    @Test
    void onlyBackgroundMcRunsAreWeighted() {
        RunData bg = weightedBackground(2_000, 42);
        RunData data = ClassMixRuns.data(2_000, 43);
        RunData sig = ClassMixRuns.signal(2_000, 44, 20);
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(bg, data, sig), AnalysisEngine.Options.defaults().withThreads(1))) {
            AnalysisResult r = engine.evaluate(Selection.published());
            assertTrue(r.run(bg).weighted().isPresent());
            assertTrue(r.run(data).weighted().isEmpty(), "recorded data has no weights");
            assertTrue(r.run(sig).weighted().isEmpty(), "signal runs are counted for their efficiency");
            // the same simulated run opened as data is pseudo-data: counted as events, not weights
            AnalysisResult asData =
                    engine.evaluate(Selection.published(), x -> x == bg, org.darkscope.task.Progress.NONE);
            assertFalse(asData.run(bg).isBackgroundMc());
            assertTrue(asData.run(bg).weighted().isEmpty());
        }
    }
}
