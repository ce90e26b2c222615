package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.event.RunData;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

/** Combined plane and region counts never add background MC to data (that would double the background). */
class CombinedRunsTest {
    @Test
    void dataAloneWhenThereIsData() {
        RunData data = ClassMixRuns.data(3000, 3);
        RunData mc = ClassMixRuns.background(3000, 4);
        AnalysisResult r = new AnalysisEngine(List.of(data, mc))
                .evaluate(Selection.published().withBlinded(false));
        assertEquals(List.of(r.run(data)), r.sidebandRuns());
        assertEquals(r.run(data).regions().count(Region.A), r.combinedRegions().count(Region.A));
        assertEquals(r.run(data).regions().count(Region.D), r.combinedRegions().count(Region.D));
        assertTrue(r.run(mc).regions().count(Region.D) > 0, "the MC has events in D that must not be added");
        assertArrayEquals(r.run(data).plane().counts(), r.combinedPlane().counts());
    }

    @Test
    void backgroundMcWhenThereIsNoData() {
        RunData mc = ClassMixRuns.background(3000, 4);
        AnalysisResult r = new AnalysisEngine(List.of(mc)).evaluate(Selection.published());
        assertEquals(r.run(mc).regions().count(Region.D), r.combinedRegions().count(Region.D));
        assertArrayEquals(r.run(mc).plane().counts(), r.combinedPlane().counts());
    }
}
