package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Engine results against an independent plain-loop recomputation over the columns. */
class AnalysisEngineTest {
    static RunData bg;
    static RunData sig;
    static AnalysisEngine engine;

    @BeforeAll
    static void setUp() {
        bg = ClassMixRuns.background(100_003, 11); // not a multiple of 64: exercises the tail word
        sig = ClassMixRuns.signal(20_000, 12, 20);
        engine = new AnalysisEngine(
                List.of(bg, sig), AnalysisEngine.Options.defaults().withThreads(2));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    // ---- independent reference: plain loops, own comparison code ----
    static boolean refPass(String kind, double v, double min, double max) {
        if (Double.isNaN(v)) {
            return false;
        }
        if (kind.equals("min")) return v > min;
        if (kind.equals("max")) return v < max;
        if (kind.equals("window")) return min < v && v < max;
        if (kind.equals("outside")) return v < min || v > max;
        if (kind.equals("abs-max")) return -max < v && v < max;
        throw new AssertionError(kind);
    }

    static List<String> refColumns(RunData run, String column) {
        List<String> l = new ArrayList<>();
        if (!column.contains("{i}")) {
            l.add(column);
            return l;
        }
        for (int i = 0; run.has(column.replace("{i}", "" + i)); i++) {
            l.add(column.replace("{i}", "" + i));
        }
        return l;
    }

    static boolean refPassCut(RunData run, Cut c, int e) {
        for (String col : refColumns(run, c.column())) {
            if (!refPass(c.kind().jsonName(), run.value(col, e), c.min(), c.max())) {
                return false;
            }
        }
        return true;
    }

    /** Region of a point by the definitions written out again: 0 box, 1 A, 2 C, 3 D, -1 none. */
    static int refAbcd(double ec, double hc, SignalBox b) {
        if (ec >= b.ecalTriggerEdge() || hc >= b.hcalSidebandMax() || Double.isNaN(ec) || Double.isNaN(hc)) return -1;
        if (ec < b.ecalMax() && hc < b.hcalMax()) return 0;
        if (ec < b.ecalMax()) return 1;
        if (hc < b.hcalMax()) return 2;
        return 3;
    }

    static int refLabel(double ec, double hc, SignalBox b) {
        double s = ec + hc;
        if (s > b.pileupSumMin()) return 6;
        if (hc >= b.dimuonHcalMin() && hc < b.dimuonHcalMax() && s < b.beamEnergy() - b.hadronSumWindow()) return 4;
        if (hc >= b.hcalMax() && Math.abs(s - b.beamEnergy()) <= b.hadronSumWindow()) return 5;
        return -1;
    }

    static void checkAgainstReference(AnalysisResult res, RunData run, Selection sel) {
        RunResult rr = res.run(run);
        List<Cut> cuts = sel.enabledCuts();
        long[] after = new long[cuts.size()];
        long[] alone = new long[cuts.size()];
        long[] regions = new long[7];
        long[][] byClass = new long[EventClass.values().length][7];
        List<Integer> selected = new ArrayList<>();
        List<Integer> inA = new ArrayList<>();
        int[] plane = new int[120 * 100];
        for (int e = 0; e < run.size(); e++) {
            boolean pass = true;
            for (int k = 0; k < cuts.size(); k++) {
                boolean p = refPassCut(run, cuts.get(k), e);
                if (p) alone[k]++;
                pass &= p;
                if (pass) after[k]++;
            }
            if (!pass) continue;
            double ec = run.floats(Schema.ECAL)[e];
            double hc = run.floats(Schema.HCAL)[e];
            int a = refAbcd(ec, hc, sel.box());
            int l = refLabel(ec, hc, sel.box());
            int cls = run.ints(Schema.TRUTH_CLASS)[e];
            if (a >= 0) {
                regions[a]++;
                byClass[cls][a]++;
            }
            if (l >= 0) {
                regions[l]++;
                byClass[cls][l]++;
            }
            selected.add(e);
            if (a == 1) inA.add(e);
            if (ec >= 0 && ec < 120 && hc >= 0 && hc < 100) {
                plane[(int) hc * 120 + (int) ec]++;
            }
        }
        CutFlow flow = rr.cutFlow();
        assertEquals(run.size(), flow.total());
        assertEquals(cuts.size(), flow.rows().size());
        for (int k = 0; k < cuts.size(); k++) {
            assertEquals(cuts.get(k).name(), flow.rows().get(k).cut());
            assertEquals(
                    after[k],
                    flow.rows().get(k).after(),
                    "after cut " + cuts.get(k).name());
            assertEquals(
                    alone[k], flow.rows().get(k).alone(), "alone " + cuts.get(k).name());
        }
        for (Region r : Region.values()) {
            assertEquals(regions[r.ordinal()], rr.regions().count(r), "region " + r);
        }
        for (EventClass c : EventClass.values()) {
            for (Region r : Region.values()) {
                assertEquals(byClass[c.ordinal()][r.ordinal()], rr.regions(c).count(r), "region " + r + " class " + c);
            }
        }
        assertArrayEquals(selected.stream().mapToInt(Integer::intValue).toArray(), rr.selectedEvents());
        assertArrayEquals(inA.stream().mapToInt(Integer::intValue).toArray(), rr.eventsInRegion(Region.A));
        Histogram2D h = rr.plane();
        assertEquals(120, h.x().bins());
        assertEquals(100, h.y().bins());
        for (int iy = 0; iy < 100; iy++) {
            for (int ix = 0; ix < 120; ix++) {
                assertEquals(plane[iy * 120 + ix], h.count(ix, iy), "plane bin " + ix + "," + iy);
            }
        }
    }

    @Test
    void publishedSelectionMatchesPlainLoops() {
        Selection sel = Selection.published().withBlinded(false);
        AnalysisResult res = engine.evaluate(sel);
        checkAgainstReference(res, bg, sel);
        checkAgainstReference(res, sig, sel);
        assertTrue(
                res.run(bg).selectedCount() > 100,
                "the synthetic mix must survive the cuts: " + res.run(bg).selectedCount());
        assertTrue(res.run(bg).regions().count(Region.C) > 0
                && res.run(bg).regions().count(Region.A) > 0);
    }

    @Test
    void looseSelectionAndEveryKindMatchPlainLoops() {
        Selection sel = Selection.loose()
                .withAddedCut(new Cut("outside-test", Schema.ANGLE, CutKind.OUTSIDE, 0.2, 0.4, true, "mrad", ""))
                .withAddedCut(new Cut("abs-test", Schema.ECAL_X, CutKind.ABS_MAX, Double.NaN, 1000, true, "mm", ""))
                .withAddedCut(Cut.min("straw-min", Schema.STRAW_HITS, 0.5, "", ""));
        AnalysisResult res = engine.evaluate(sel);
        checkAgainstReference(res, bg, sel);
    }

    @Test
    void incrementalChangeRecomputesOneCutAndAgrees() {
        Selection sel = Selection.published().withBlinded(false);
        engine.evaluate(sel);
        Selection changed = sel.withCut("shower-shape", sel.cut("shower-shape").withMax(0.05));
        AnalysisResult inc = engine.evaluate(changed);
        assertEquals(2, inc.stats().cutsComputed(), "one cut on each of two runs recomputed");
        checkAgainstReference(inc, bg, changed);
        engine.invalidate();
        AnalysisResult full = engine.evaluate(changed);
        assertEquals(2 * sel.enabledCuts().size(), full.stats().cutsComputed());
        assertEquals(full.run(bg).cutFlow(), inc.run(bg).cutFlow());
        assertEquals(full.run(bg).regions(), inc.run(bg).regions());
        // switching a cut off and on again
        AnalysisResult off = engine.evaluate(changed.withCutEnabled("veto", false));
        checkAgainstReference(off, bg, changed.withCutEnabled("veto", false));
        assertEquals(0, off.stats().cutsComputed());
    }

    @Test
    void singleThreadGivesTheSameAnswer() {
        try (AnalysisEngine one = new AnalysisEngine(
                List.of(bg), AnalysisEngine.Options.defaults().withThreads(1))) {
            Selection sel = Selection.published().withBlinded(false);
            AnalysisResult a = one.evaluate(sel);
            AnalysisResult b = engine.evaluate(sel);
            assertEquals(a.run(bg).cutFlow(), b.run(bg).cutFlow());
            assertArrayEquals(a.run(bg).plane().counts(), b.run(bg).plane().counts());
        }
    }

    @Test
    void nMinusOneIsTheColumnForEventsPassingAllOtherCuts() {
        Selection sel = Selection.published().withBlinded(false);
        AnalysisResult res = engine.evaluate(sel);
        Binning b = new Binning(50, 0, 0.25);
        Histogram1D h = res.run(bg).nMinusOne("shower-shape", b);
        long[] expect = new long[50];
        long over = 0;
        for (int e = 0; e < bg.size(); e++) {
            boolean pass = true;
            for (Cut c : sel.enabledCuts()) {
                if (!c.name().equals("shower-shape")) pass &= refPassCut(bg, c, e);
            }
            if (!pass) continue;
            double v = bg.floats(Schema.ECAL_SHAPE)[e];
            if (v >= 0.25) over++;
            else expect[(int) (v / 0.005)]++;
        }
        assertArrayEquals(expect, h.counts());
        assertEquals(over, h.overflow());
        assertTrue(h.entries() > res.run(bg).selectedCount(), "N-1 must contain events the cut removes");
    }

    @Test
    void histogramsOfSelectedEventsPerClass() {
        Selection sel = Selection.published().withBlinded(false);
        RunResult rr = engine.evaluate(sel).run(bg);
        Histogram1D all = rr.histogram(Variable.ECAL);
        assertEquals(rr.selectedCount(), all.entries());
        long sum = 0;
        for (EventClass c : EventClass.values()) {
            Histogram1D hc = rr.histogram(Variable.ECAL, c);
            assertEquals(rr.selectedCount(c), hc.entries());
            assertEquals(rr.plane(c).inRange() + rr.plane(c).outside(), rr.selectedCount(c));
            sum += hc.entries();
        }
        assertEquals(rr.selectedCount(), sum);
    }

    @Test
    void blindingHidesDataBoxEvents() {
        RunData data = ClassMixRuns.data(30_000, 5);
        try (AnalysisEngine e = new AnalysisEngine(List.of(data))) {
            Selection blind = Selection.loose().withBlinded(true);
            RunResult open = e.evaluate(blind.withBlinded(false)).run(data);
            RunResult closed = e.evaluate(blind).run(data);
            long inBox = open.regions().count(Region.BOX);
            assertTrue(inBox > 0);
            assertEquals(RegionCounts.HIDDEN, closed.regions().count(Region.BOX));
            assertEquals(0, closed.eventsInRegion(Region.BOX).length);
            assertEquals(open.selectedEvents().length - inBox, closed.selectedEvents().length);
            assertEquals(open.plane().inRange() - inBox, closed.plane().inRange());
            assertEquals(open.regions().count(Region.C), closed.regions().count(Region.C));
        }
    }

    @Test
    void signalEfficiencyIsBoxOverTotal() {
        Selection sel = Selection.published();
        AnalysisResult res = engine.evaluate(sel);
        List<Efficiency> eff = res.efficiencies(IntervalMethod.WILSON, 0.6827);
        assertEquals(1, eff.size());
        long k = 0;
        for (int e = 0; e < sig.size(); e++) {
            boolean pass = true;
            for (Cut c : sel.enabledCuts()) pass &= refPassCut(sig, c, e);
            if (pass && refAbcd(sig.floats(Schema.ECAL)[e], sig.floats(Schema.HCAL)[e], sel.box()) == 0) k++;
        }
        assertEquals(k, eff.get(0).passed());
        assertEquals(sig.size(), eff.get(0).total());
        assertTrue(eff.get(0).lower() < eff.get(0).value()
                && eff.get(0).value() < eff.get(0).upper());
        List<Efficiency> vsEdge =
                res.run(sig).efficiencyVsEcalEdge(new double[] {30, 50, 70}, IntervalMethod.CLOPPER_PEARSON, 0.6827);
        assertEquals(k, vsEdge.get(1).passed());
        assertTrue(vsEdge.get(0).passed() <= vsEdge.get(1).passed()
                && vsEdge.get(1).passed() <= vsEdge.get(2).passed());
    }

    @Test
    void emptyAndTinyRunsWork() {
        for (int n : new int[] {0, 1, 63, 64, 65}) {
            RunData tiny = ClassMixRuns.background(n, 100 + n);
            try (AnalysisEngine e = new AnalysisEngine(List.of(tiny))) {
                Selection sel = Selection.loose();
                AnalysisResult r = e.evaluate(sel);
                checkAgainstReference(r, tiny, sel);
                assertEquals(n, r.run(tiny).cutFlow().total());
                assertTrue(r.background().abcd() != null);
            }
        }
    }

    @Test
    void missingColumnIsNamed() {
        Selection sel = Selection.published().withAddedCut(Cut.max("bogus", "no_such_column", 1, "", ""));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> engine.evaluate(sel));
        assertTrue(ex.getMessage().contains("bogus"), ex.getMessage());
    }

    @Test
    void cancelledEvaluationThrows() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        engine.invalidate();
        assertThrows(CancelledException.class, () -> engine.evaluate(Selection.published(), cancelled));
        // the engine stays usable
        checkAgainstReference(
                engine.evaluate(Selection.published().withBlinded(false)),
                bg,
                Selection.published().withBlinded(false));
    }
}
