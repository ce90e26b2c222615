package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

/** Weighted counts: with unit weights they equal the engine's counts; weights scale sums and errors. */
class WeightedCountsTest {
    @Test
    void unitWeightsReproduceTheEngine() {
        RunData bg = ClassMixRuns.background(20_011, 21);
        Selection sel = Selection.published().withBlinded(false);
        WeightedCounts w = WeightedCounts.of(bg, sel);
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(bg), AnalysisEngine.Options.defaults().withThreads(1))) {
            RunResult rr = engine.evaluate(sel).runs().get(0);
            CutFlow flow = rr.cutFlow();
            assertEquals(flow.rows().size(), w.cutFlow().size());
            for (int k = 0; k < flow.rows().size(); k++) {
                assertEquals(
                        flow.rows().get(k).after(),
                        w.cutFlow().get(k).after().w(),
                        1e-9,
                        flow.rows().get(k).cut());
            }
            for (Region r : Region.values()) {
                assertEquals(rr.regions().count(r), w.region(r).w(), 1e-9, r.name());
                assertEquals(Math.sqrt(rr.regions().count(r)), w.region(r).error(), 1e-9);
            }
            for (EventClass c : EventClass.values()) {
                assertEquals(
                        rr.regions(c).count(Region.A), w.region(c, Region.A).w(), 1e-9, c.name());
            }
        }
    }

    @Test
    void weightsScaleSumsAndErrors() {
        RunData bg = ClassMixRuns.background(5_000, 22);
        float[] w = new float[bg.size()];
        java.util.Arrays.fill(w, 0.25f);
        RunData.Builder b = RunData.builder(bg.info(), bg.detector(), bg.size());
        bg.columns().forEach((k, v) -> {
            if (!k.equals(Schema.TRUTH_WEIGHT)) {
                b.column(k, v);
            }
        });
        RunData weighted = b.column(Schema.TRUTH_WEIGHT, w).cells(bg.cells()).build();
        Selection sel = Selection.published();
        WeightedCounts plain = WeightedCounts.of(bg, sel);
        WeightedCounts quarter = WeightedCounts.of(weighted, sel);
        WeightedCounts.Sum p = plain.region(Region.D);
        WeightedCounts.Sum q = quarter.region(Region.D);
        assertTrue(p.n() > 10);
        assertEquals(p.n(), q.n());
        assertEquals(0.25 * p.w(), q.w(), 1e-9);
        assertEquals(0.25 * p.error(), q.error(), 1e-9); // √(Σ w²) = w √n
        assertEquals(0.25 * bg.size(), quarter.total().w(), 1e-6);
    }

    @Test
    void recordedDataIsRefused() {
        RunData data = ClassMixRuns.data(100, 3);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WeightedCounts.of(data, Selection.published()));
        assertTrue(e.getMessage().contains("recorded data"), e.getMessage());
    }
}
