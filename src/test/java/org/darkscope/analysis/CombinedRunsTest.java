package org.darkscope.analysis;

import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Combined plane and region counts never add background MC to data (that would double the background). */
class CombinedRunsTest {
    /** A background MC run: simulated, not signal, spread over the plane. */
    private static RunData backgroundMc(int n, long seed) {
        Random r = new Random(seed);
        double[] e = new double[n];
        double[] h = new double[n];
        double[] p = new double[n];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            e[i] = 100 * r.nextDouble();
            h[i] = (100 - e[i]) * r.nextDouble();
            p[i] = 100 + r.nextGaussian();
            cls[i] = EventClass.ELECTRON.code();
        }
        RunInfo info = new RunInfo(7000, 100, 5e8, 0, "na64-2018", true, "physics", seed, Double.NaN, Map.of(),
                Schema.VERSION, "background MC for tests");
        return RunFixtures.of(info, e, h, p, cls);
    }

    @Test
    void dataAloneWhenThereIsData() {
        RunData data = RunFixtures.random(1500, 3);
        RunData mc = backgroundMc(1500, 4);
        AnalysisResult r = new AnalysisEngine(List.of(data, mc)).evaluate(Selection.published().withBlinded(false));
        assertEquals(List.of(r.run(data)), r.sidebandRuns());
        assertEquals(r.run(data).regions().count(Region.A), r.combinedRegions().count(Region.A));
        assertEquals(r.run(data).regions().count(Region.D), r.combinedRegions().count(Region.D));
        assertTrue(r.run(mc).regions().count(Region.D) > 0, "the MC has events in D that must not be added");
        assertArrayEquals(r.run(data).plane().counts(), r.combinedPlane().counts());
    }

    @Test
    void backgroundMcWhenThereIsNoData() {
        RunData mc = backgroundMc(1500, 4);
        AnalysisResult r = new AnalysisEngine(List.of(mc)).evaluate(Selection.published());
        assertEquals(r.run(mc).regions().count(Region.D), r.combinedRegions().count(Region.D));
        assertArrayEquals(r.run(mc).plane().counts(), r.combinedPlane().counts());
    }
}
