package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

/**
 * {@link RunResult#failedCuts(int)} against a plain loop over the columns with {@link Cut#passes}:
 * the same names for every event, and nothing at all for an event in a hidden box.
 */
class RunResultFailedCutsTest {
    private static final RunData DATA = ClassMixRuns.data(4_000, 31);

    /** Independent recomputation: a cut fails if any of its columns fails its test. */
    private static List<String> plainFailed(Selection sel, RunData run, int e) {
        List<String> out = new ArrayList<>();
        for (Cut c : sel.enabledCuts()) {
            for (String col : c.columns(run::has)) {
                if (!c.passes(run.value(col, e))) {
                    out.add(c.name());
                    break;
                }
            }
        }
        return out;
    }

    private static boolean inBox(Selection sel, RunData run, int e) {
        return run.floats(Schema.ECAL)[e] < sel.box().ecalMax()
                && run.floats(Schema.HCAL)[e] < sel.box().hcalMax();
    }

    @Test
    void unblindedEveryEventNamesExactlyTheCutsItFails() {
        Selection sel = Selection.published().withBlinded(false);
        try (AnalysisEngine engine = new AnalysisEngine(List.of(DATA))) {
            RunResult rr = engine.evaluate(sel).run(DATA);
            int passing = 0;
            int failingSome = 0;
            for (int e = 0; e < DATA.size(); e++) {
                List<String> expected = plainFailed(sel, DATA, e);
                assertEquals(expected, rr.failedCuts(e), "event row " + e);
                if (expected.isEmpty()) {
                    passing++;
                    assertTrue(rr.isSelected(e), "no failed cut means selected, row " + e);
                } else {
                    failingSome++;
                }
            }
            assertTrue(passing > 0 && failingSome > 0, "the run has both kinds: " + passing + " / " + failingSome);
        }
    }

    @Test
    void blindedDataRevealsNothingForBoxEventsAndAnswersForTheRest() {
        Selection sel = Selection.published().withBlinded(true);
        try (AnalysisEngine engine = new AnalysisEngine(List.of(DATA))) {
            RunResult rr = engine.evaluate(sel).run(DATA);
            assertTrue(rr.boxHidden(), "recorded data are blinded");
            int box = 0;
            for (int e = 0; e < DATA.size(); e++) {
                if (inBox(sel, DATA, e)) {
                    box++;
                    int row = e;
                    assertThrows(IllegalStateException.class, () -> rr.failedCuts(row), "box event row " + e);
                } else {
                    assertEquals(plainFailed(sel, DATA, e), rr.failedCuts(e), "event row " + e);
                }
            }
            assertTrue(box > 0, "the synthetic run has events in the box");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> {
            try (AnalysisEngine engine = new AnalysisEngine(List.of(DATA))) {
                engine.evaluate(sel).run(DATA).failedCuts(DATA.size());
            }
        });
    }
}
