package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

/**
 * {@link SignalBox} is the one rule book of the plane's regions. Checked against an independent
 * calculation written here from docs/physics.md#regions (box E_ECAL &lt; 50, E_HCAL &lt; 1 GeV; sideband C
 * up to the trigger edge at 80 GeV; regions I, II, III with the estimated windows named in SignalBox),
 * point by point and through the engine's region counts.
 */
class RegionRuleBookTest {
    /** The published numbers, written out (not read from SignalBox). */
    private static final double BOX_E = 50, BOX_H = 1, TRIGGER = 80, SIDE_H = 100, BEAM = 100;

    private static final double I_H_MIN = 5, I_H_MAX = 16, II_HALF = 15, III_SUM = 120;

    /** Independent: every region the point is in, as a set of names. */
    static java.util.Set<Region> expected(double e, double h) {
        java.util.Set<Region> s = java.util.EnumSet.noneOf(Region.class);
        boolean inAbcd = e < TRIGGER && h < SIDE_H; // nothing at or above the trigger edge (no trigger, no C/D)
        if (inAbcd && e < BOX_E && h < BOX_H) s.add(Region.BOX);
        if (inAbcd && e < BOX_E && h >= BOX_H) s.add(Region.A);
        if (inAbcd && e >= BOX_E && h < BOX_H) s.add(Region.C);
        if (inAbcd && e >= BOX_E && h >= BOX_H) s.add(Region.D);
        double sum = e + h;
        if (sum > III_SUM) {
            s.add(Region.III);
        } else if (h >= I_H_MIN && h < I_H_MAX && sum < BEAM - II_HALF) {
            s.add(Region.I);
        } else if (h >= BOX_H && Math.abs(sum - BEAM) <= II_HALF) {
            s.add(Region.II);
        }
        return s;
    }

    private static java.util.Set<Region> ofBox(SignalBox b, double e, double h) {
        java.util.Set<Region> s = java.util.EnumSet.noneOf(Region.class);
        for (Region r : Region.values()) {
            if (b.contains(r, e, h)) s.add(r);
        }
        return s;
    }

    @Test
    void pointsOnAndAroundEveryEdgeFallInTheRegionsOfPhysicsMd() {
        SignalBox b = SignalBox.published();
        double[] es = {0, 10, 49.999, 50, 50.001, 60, 79.999, 80, 80.001, 84, 90, 99, 105, 110, 119.5, 121};
        double[] hs = {0, 0.5, 0.999, 1, 1.001, 4.999, 5, 10, 15.999, 16, 16.001, 20, 40, 70, 99.999, 100, 101};
        for (double e : es) {
            for (double h : hs) {
                assertEquals(expected(e, h), ofBox(b, e, h), "E_ECAL " + e + ", E_HCAL " + h);
            }
        }
        // the examples: region I ends at 16 (not 20), region III starts above 120 (not 115), C ends at the
        // trigger
        assertFalse(b.contains(Region.I, 30, 18));
        assertFalse(b.contains(Region.III, 100, 17));
        assertTrue(b.contains(Region.III, 110, 11));
        assertFalse(b.contains(Region.C, 82, 0.5));
        assertTrue(b.contains(Region.C, 79, 0.5));
    }

    @Test
    void randomPointsAgree() {
        SignalBox b = SignalBox.published();
        Random r = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            double e = r.nextDouble() * 130 - 5;
            double h = r.nextDouble() < 0.3 ? r.nextDouble() * 3 : r.nextDouble() * 110;
            assertEquals(expected(e, h), ofBox(b, e, h), "E_ECAL " + e + ", E_HCAL " + h);
        }
    }

    @Test
    void theEngineCountsEveryRegionAsTheIndependentRules() {
        RunData run = ClassMixRuns.background(30_000, 41);
        Selection sel = Selection.loose().withBlinded(false);
        AnalysisResult res;
        try (AnalysisEngine e = new AnalysisEngine(
                List.of(run), AnalysisEngine.Options.defaults().withThreads(1))) {
            res = e.evaluate(sel, r -> false, Progress.NONE);
        }
        RunResult rr = res.run(run);
        float[] ecal = run.floats(Schema.ECAL);
        float[] hcal = run.floats(Schema.HCAL);
        long[] n = new long[Region.values().length];
        for (int ev : rr.selectedEvents()) {
            for (Region reg : expected(ecal[ev], hcal[ev])) {
                n[reg.ordinal()]++;
            }
        }
        for (Region reg : Region.values()) {
            assertEquals(n[reg.ordinal()], rr.regions().count(reg), reg.label());
            assertEquals(n[reg.ordinal()], rr.eventsInRegion(reg).length, reg.label() + " list");
        }
        assertTrue(
                n[Region.BOX.ordinal()] > 0 && n[Region.C.ordinal()] > 0 && n[Region.II.ordinal()] > 0,
                java.util.Arrays.toString(n));
    }
}
