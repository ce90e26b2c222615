package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A simulated run evaluated as pseudo-data (blinded on request) against an independent plain-loop
 * recomputation: while blinded, nothing shown may contain the box events; unblinded, everything
 * equals the recomputation over all selected events.
 */
class BlindedSimulationTest {
    static RunData pseudo;
    static RunData sig;
    static AnalysisEngine engine;

    @BeforeAll
    static void setUp() {
        pseudo = ClassMixRuns.background(100_003, 31); // > 2^16 events: the parallel path, tail word
        sig = ClassMixRuns.signal(20_000, 32, 20);
        engine = new AnalysisEngine(
                List.of(pseudo, sig), AnalysisEngine.Options.defaults().withThreads(2));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static AnalysisResult evaluate(Selection s) {
        return engine.evaluate(s, r -> r == pseudo, Progress.NONE);
    }

    /** Plain-loop reference of what a run may show: selected events, outside the box if {@code hideBox}. */
    private record Reference(
            long total, long[] after, long[] alone, long[] perClass, List<Integer> events, long inBox) {
        static Reference of(RunData run, Selection sel, boolean hideBox) {
            List<Cut> cuts = sel.enabledCuts();
            float[] ecal = run.floats(Schema.ECAL);
            float[] hcal = run.floats(Schema.HCAL);
            int[] truth = run.ints(Schema.TRUTH_CLASS);
            long total = 0;
            long inBox = 0;
            long[] after = new long[cuts.size()];
            long[] alone = new long[cuts.size()];
            long[] perClass = new long[EventClass.values().length];
            List<Integer> events = new ArrayList<>();
            for (int e = 0; e < run.size(); e++) {
                boolean box = AnalysisEngineTest.refAbcd(ecal[e], hcal[e], sel.box()) == 0;
                boolean pass = true;
                boolean counted = !(hideBox && box);
                for (int k = 0; k < cuts.size(); k++) {
                    boolean p = AnalysisEngineTest.refPassCut(run, cuts.get(k), e);
                    pass &= p;
                    if (counted && p) alone[k]++;
                    if (counted && pass) after[k]++;
                }
                if (pass && box) inBox++;
                if (counted) {
                    total++;
                    if (pass) {
                        perClass[truth[e]]++;
                        events.add(e);
                    }
                }
            }
            return new Reference(total, after, alone, perClass, events, inBox);
        }

        long[] histogram(RunData run, Variable v) {
            Binning b = v.defaultBinning();
            long[] h = new long[b.bins()];
            for (int e : events) {
                double x = run.value(v.column(), e);
                double i = Math.floor((x - b.lo()) / (b.hi() - b.lo()) * b.bins());
                if (x >= b.lo() && i < b.bins()) {
                    h[(int) i]++;
                }
            }
            return h;
        }
    }

    private static void assertShows(RunResult rr, Reference ref, Selection sel) {
        CutFlow f = rr.cutFlow();
        assertEquals(ref.total(), f.total(), "events before cuts");
        List<Cut> cuts = sel.enabledCuts();
        for (int k = 0; k < cuts.size(); k++) {
            assertEquals(
                    ref.after()[k],
                    f.rows().get(k).after(),
                    "after " + cuts.get(k).name());
            assertEquals(
                    ref.alone()[k],
                    f.rows().get(k).alone(),
                    "alone " + cuts.get(k).name());
        }
        assertEquals(ref.events().size(), rr.selectedCount());
        assertArrayEquals(ref.events().stream().mapToInt(Integer::intValue).toArray(), rr.selectedEvents());
        for (EventClass c : EventClass.values()) {
            assertEquals(ref.perClass()[c.ordinal()], rr.selectedCount(c), "class " + c);
        }
        for (Variable v : Variable.values()) {
            assertArrayEquals(ref.histogram(rr.run(), v), rr.histogram(v).counts(), "histogram of " + v);
        }
    }

    @Test
    void blindedPseudoDataShowNothingOfTheBox() {
        Selection sel = Selection.loose().withBlinded(true);
        AnalysisResult res = evaluate(sel);
        RunResult rr = res.run(pseudo);
        Reference hidden = Reference.of(pseudo, sel, true);
        assertTrue(hidden.inBox() > 0, "the test needs selected events in the box");
        assertTrue(rr.boxHidden());
        assertEquals(RegionCounts.HIDDEN, rr.regions().count(Region.BOX));
        for (EventClass c : EventClass.values()) {
            assertEquals(RegionCounts.HIDDEN, rr.regions(c).count(Region.BOX));
        }
        assertEquals(0, rr.eventsInRegion(Region.BOX).length);
        assertShows(rr, hidden, sel);
        // the selected count is exactly the unblinded one minus the box
        assertEquals(
                hidden.inBox(), evaluate(sel.withBlinded(false)).run(pseudo).selectedCount() - rr.selectedCount());
        assertEquals(rr.plane().inRange() + rr.plane().outside(), rr.selectedCount());
        // the truth in the box of a blinded run is not revealed by the background summary
        assertFalse(res.background().simulated());
        assertTrue(res.background().truthInBox().isEmpty());
        // signal MC stays visible
        RunResult s = res.run(sig);
        assertFalse(s.boxHidden());
        assertEquals(Reference.of(sig, sel, false).inBox(), s.regions().count(Region.BOX));
    }

    @Test
    void unblindedPseudoDataEqualTheRecomputation() {
        Selection sel = Selection.loose().withBlinded(false);
        AnalysisResult res = evaluate(sel);
        RunResult rr = res.run(pseudo);
        assertFalse(rr.boxHidden());
        Reference all = Reference.of(pseudo, sel, false);
        assertEquals(all.inBox(), rr.regions().count(Region.BOX));
        assertShows(rr, all, sel);
        assertSame(rr.cutFlow(), rr.cutFlow());
        AnalysisEngineTest.checkAgainstReference(res, pseudo, sel);
        assertTrue(res.background().simulated());
    }

    @Test
    void simulationNotAskedToBeBlindedStaysVisible() {
        Selection sel = Selection.published().withBlinded(true);
        RunResult rr = engine.evaluate(sel).run(pseudo);
        assertFalse(rr.boxHidden());
        Reference all = Reference.of(pseudo, sel, false);
        assertEquals(all.inBox(), rr.regions().count(Region.BOX));
        assertShows(rr, all, sel);
    }
}
