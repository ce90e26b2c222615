package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.event.RunData;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

/**
 * A run big enough to be cut into word ranges on two threads ({@code runAll}): the same counts as on
 * one thread, and a cancellation seen inside a range arrives as {@link CancelledException}.
 */
class EngineRangesTest {
    private static final RunData RUN = RunFixtures.random(70_000, 5); // above the engine's 2^16 parallel minimum

    @Test
    void twoThreadsCountAsOne() {
        Selection sel = Selection.published().withBlinded(false);
        AnalysisResult one;
        AnalysisResult two;
        try (AnalysisEngine e = new AnalysisEngine(
                List.of(RUN), AnalysisEngine.Options.defaults().withThreads(1))) {
            one = e.evaluate(sel);
        }
        try (AnalysisEngine e = new AnalysisEngine(
                List.of(RUN), AnalysisEngine.Options.defaults().withThreads(2))) {
            two = e.evaluate(sel);
        }
        assertEquals(one.runs().get(0).cutFlow(), two.runs().get(0).cutFlow());
        for (Region r : Region.values()) {
            assertEquals(
                    one.runs().get(0).regions().count(r),
                    two.runs().get(0).regions().count(r),
                    r.name());
        }
    }

    @Test
    void aCancellationInsideTheRangesIsACancellation() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (AnalysisEngine e = new AnalysisEngine(
                List.of(RUN), AnalysisEngine.Options.defaults().withThreads(2))) {
            assertThrows(CancelledException.class, () -> e.evaluate(Selection.published(), cancelled));
        }
    }
}
