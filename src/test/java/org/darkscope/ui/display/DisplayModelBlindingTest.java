package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.DisplayRuns;
import org.junit.jupiter.api.Test;

/**
 * The display model without any toolkit: for a blinded data run no browse list, jump, region label,
 * failed-cut list or alert reaches an event in the box; unblinded the same lists do contain box events.
 */
class DisplayModelBlindingTest {
    private static final RunData RUN = DisplayRuns.mixed(3003, 3_000, 17);
    private static final SignalBox BOX = SignalBox.published();

    /** Box rows: E_ECAL < 50, E_HCAL < 1 GeV (docs/physics.md#regions), every event, computed here. */
    private static Set<Integer> boxRows() {
        Set<Integer> s = new HashSet<>();
        for (int e = 0; e < RUN.size(); e++) {
            if (RUN.floats(Schema.ECAL)[e] < 50 && RUN.floats(Schema.HCAL)[e] < 1) {
                s.add(e);
            }
        }
        return s;
    }

    private static DisplayModel model(boolean blinded) {
        DisplayModel m = new DisplayModel();
        m.setBlinding(r -> blinded ? BOX : null);
        m.setRun(RUN);
        return m;
    }

    /** Every row each browse list can reach, by walking it with next() from its first event. */
    private static Set<Integer> walkAll(DisplayModel m, List<String> labels) {
        Set<Integer> seen = new HashSet<>();
        for (BrowseFilter f : List.copyOf(m.filters())) {
            labels.add(f.label());
            m.chooseFilter(f);
            if (m.navigator().count() == 0) {
                continue;
            }
            m.first();
            seen.add(m.currentEvent());
            for (int k = 0; k < m.navigator().count(); k++) {
                m.next();
                seen.add(m.currentEvent());
            }
        }
        return seen;
    }

    @Test
    void everyBrowseListOfABlindedRunAvoidsTheBox() {
        Set<Integer> box = boxRows();
        assertTrue(box.size() > 20, "the synthetic run has events in the box: " + box.size());
        long t0 = System.nanoTime();
        DisplayModel m = model(true);
        try (AnalysisEngine e = new AnalysisEngine(List.of(RUN))) {
            AnalysisResult r =
                    e.evaluate(Selection.published().withBlinded(true), x -> true, org.darkscope.task.Progress.NONE);
            m.setResults(r.runs());
            m.setBrowseList("passing selection", r.run(RUN).selectedEvents());
        }
        List<String> labels = new ArrayList<>();
        Set<Integer> reached = walkAll(m, labels);
        assertTrue(labels.size() >= 10, labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("signal box")), labels.toString());
        assertTrue(
                labels.get(0).startsWith("all events outside the blinded box (" + (RUN.size() - box.size()) + ")"),
                labels.get(0));
        Set<Integer> leaked = new HashSet<>(reached);
        leaked.retainAll(box);
        assertEquals(Set.of(), leaked, "box events reachable while blinded");
        assertEquals(RUN.size() - box.size(), reached.size(), "every event outside the box stays reachable");
        // no alert, label or failed-cut list for a box row
        for (int b : box) {
            assertEquals("blinded", m.regionLabel(RUN, b));
            assertNull(m.failedCuts(RUN, b));
        }
        for (int a : m.alertRows(RUN)) {
            assertFalse(box.contains(a), "alert row " + a);
        }
        System.getLogger("test")
                .log(System.Logger.Level.INFO, "blinded walk " + (System.nanoTime() - t0) / 1e6 + " ms");
    }

    @Test
    void showingOrJumpingToABoxEventIsRefusedWithAMessage() {
        DisplayModel m = model(true);
        List<String> messages = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        m.addListener(new DisplayModel.Listener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }

            @Override
            public void eventChanged(int row) {
                shown.add(row);
            }
        });
        int boxRow = boxRows().iterator().next();
        int before = m.currentEvent();
        assertFalse(m.showEvent(boxRow));
        assertEquals(before, m.currentEvent());
        int evNo = RUN.ints(Schema.EVENT)[boxRow];
        String msg = m.jump(String.valueOf(evNo));
        assertTrue(msg.contains("blinded signal box"), msg);
        assertEquals(before, m.currentEvent());
        assertTrue(shown.stream().noneMatch(r -> r == boxRow));
        assertEquals(msg, messages.get(messages.size() - 1));
        // a visible event is reached by jump
        int visible = IntStream.range(0, RUN.size())
                .filter(i -> !boxRows().contains(i))
                .skip(5)
                .findFirst()
                .orElseThrow();
        m.jump(String.valueOf(RUN.ints(Schema.EVENT)[visible]));
        assertEquals(visible, m.currentEvent());
    }

    @Test
    void unblindedTheSameWalkReachesTheBox() {
        DisplayModel m = model(false);
        List<String> labels = new ArrayList<>();
        Set<Integer> reached = walkAll(m, labels);
        assertTrue(reached.containsAll(boxRows()), "unblinded every box event is reachable");
        assertTrue(
                labels.stream()
                        .anyMatch(l -> l.startsWith(
                                "all events, signal box (" + boxRows().size() + ")")),
                labels.toString());
        int b = boxRows().iterator().next();
        assertTrue(m.regionLabel(RUN, b).startsWith("signal box"), m.regionLabel(RUN, b));
    }

    @Test
    void switchingBlindingOnLeavesABoxEventThatWasShown() {
        DisplayModel m = model(false);
        int b = boxRows().iterator().next();
        assertTrue(m.showEvent(b));
        m.setBlinding(r -> BOX);
        assertNotEquals(b, m.currentEvent());
        assertFalse(boxRows().contains(m.currentEvent()));
    }
}
