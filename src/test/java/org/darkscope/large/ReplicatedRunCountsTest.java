package org.darkscope.large;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.cli.BenchCommand;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

/**
 * Counts at 1e7 events: a 1e5-event synthetic run tiled 100 times in memory. Its cut flow and region
 * counts must be exactly 100 times those of the 1e5-event run, which a plain loop written here
 * computes (own comparisons, own region definitions). Full evaluation, a one-cut change, and one
 * against two threads. Runs in its own test JVM (surefire execution "large": about 1.5 GB of columns).
 */
class ReplicatedRunCountsTest {
    private static final int BASE = 100_000;
    private static final int K = 100;

    @Test
    void countsAtTenMillionEventsAreHundredTimesThePlainLoopOnTheTile() {
        RunData base = ClassMixRuns.background(BASE, 77);
        RunData big = BenchCommand.tile(base, K); // the tiling `bench --replicate` uses
        assertEquals(10_000_000, big.size());
        Selection sel = Selection.published().withBlinded(false);
        Selection changed = sel.withCut("shower-shape", sel.cut("shower-shape").withMax(0.05));
        try (AnalysisEngine two = new AnalysisEngine(
                List.of(big), AnalysisEngine.Options.defaults().withThreads(2))) {
            check(two.evaluate(sel).run(big), base, sel);
            AnalysisResult inc = two.evaluate(changed);
            assertEquals(1, inc.stats().cutsComputed(), "a one-cut change recomputes one cut");
            check(inc.run(big), base, changed);
        }
        try (AnalysisEngine one = new AnalysisEngine(
                List.of(big), AnalysisEngine.Options.defaults().withThreads(1))) {
            check(one.evaluate(changed).run(big), base, changed);
        }
    }

    private static void check(RunResult rr, RunData base, Selection sel) {
        List<Cut> cuts = sel.enabledCuts();
        long[] after = new long[cuts.size()];
        long[] regions = new long[Region.values().length];
        float[] ecal = base.floats(Schema.ECAL);
        float[] hcal = base.floats(Schema.HCAL);
        for (int e = 0; e < base.size(); e++) {
            boolean pass = true;
            for (int k = 0; k < cuts.size(); k++) {
                pass &= passes(base, cuts.get(k), e);
                if (pass) {
                    after[k]++;
                }
            }
            if (pass) {
                countRegions(ecal[e], hcal[e], sel.box(), regions);
            }
        }
        assertTrue(after[cuts.size() - 1] > 50, "the tile must keep events: " + after[cuts.size() - 1]);
        assertEquals((long) K * base.size(), rr.cutFlow().total());
        for (int k = 0; k < cuts.size(); k++) {
            assertEquals(
                    K * after[k],
                    rr.cutFlow().rows().get(k).after(),
                    "after " + cuts.get(k).name());
        }
        for (Region r : Region.values()) {
            assertEquals(K * regions[r.ordinal()], rr.regions().count(r), "region " + r);
        }
    }

    /** The cut on every column it names, as plain double comparisons. */
    private static boolean passes(RunData run, Cut c, int e) {
        List<String> cols = new ArrayList<>();
        if (c.column().contains("{i}")) {
            for (int i = 0; run.has(c.column().replace("{i}", "" + i)); i++) {
                cols.add(c.column().replace("{i}", "" + i));
            }
        } else {
            cols.add(c.column());
        }
        for (String col : cols) {
            double v = run.value(col, e);
            boolean ok =
                    switch (c.kind()) {
                        case MIN -> v > c.min();
                        case MAX -> v < c.max();
                        case WINDOW -> v > c.min() && v < c.max();
                        case OUTSIDE -> v < c.min() || v > c.max();
                        case ABS_MAX -> Math.abs(v) < c.max();
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Regions as docs/physics.md defines them: box and sidebands A, C, D, then the labels I, II, III. */
    private static void countRegions(double ec, double hc, SignalBox b, long[] regions) {
        if (ec < b.ecalTriggerEdge() && hc < b.hcalSidebandMax()) {
            boolean lowE = ec < b.ecalMax();
            boolean lowH = hc < b.hcalMax();
            Region r = lowE && lowH ? Region.BOX : lowE ? Region.A : lowH ? Region.C : Region.D;
            regions[r.ordinal()]++;
        }
        double s = ec + hc;
        if (s > b.pileupSumMin()) {
            regions[Region.III.ordinal()]++;
        } else if (hc >= b.dimuonHcalMin() && hc < b.dimuonHcalMax() && s < b.beamEnergy() - b.hadronSumWindow()) {
            regions[Region.I.ordinal()]++;
        } else if (hc >= b.hcalMax() && Math.abs(s - b.beamEnergy()) <= b.hadronSumWindow()) {
            regions[Region.II.ordinal()]++;
        }
    }
}
