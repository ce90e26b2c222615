package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import javafx.stage.Stage;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.TaskExecutor;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15: the browse lists of a big run are built on the worker, not on the JavaFX thread. The
 * worker here is a gate that holds the work back until the test lets it run (on the test thread), so
 * "the FX thread is not blocked" is checked without any timing: while the scan has not run at all,
 * the window shows the run's first event and answers clicks; when it runs, the lists arrive. The
 * threshold is set to 0 so that a run of a few thousand events takes the big-run path (a 10⁸-event
 * run takes it through {@link DisplayModel#ASYNC_ABOVE}).
 */
class EventDisplayBigRunTest extends FxTestBase {
    /** Holds submitted work until {@link #runAll} (the worker thread of the test). */
    static final class Gate implements TaskExecutor {
        private final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable work) {
            held.add(work);
        }

        synchronized int waiting() {
            return held.size();
        }

        void runAll() {
            Runnable r;
            while ((r = poll()) != null) {
                r.run();
            }
            WaitForAsyncUtils.waitForFxEvents();
        }

        private synchronized Runnable poll() {
            return held.poll();
        }
    }

    private final Gate gate = new Gate();
    private EventDisplayPane pane;
    private RunData run;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        pane.model().setListExecutors(gate, javafx.application.Platform::runLater, 0);
        show(stage, pane, 1240, 760);
        run = DisplayRuns.mixed(1015, 3000, 15);
        pane.setRun(run);
    }

    /** Rows with E_ECAL < ecalEdge and E_HCAL < 1 GeV (the published box's lower HCAL edge), from the columns. */
    private List<Integer> boxRows(double ecalEdge) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (run.column(Schema.ECAL).getFloat(i) < ecalEdge
                    && run.column(Schema.HCAL).getFloat(i) < 1) {
                rows.add(i);
            }
        }
        return rows;
    }

    private List<String> offered() {
        return fx(() ->
                pane.nav.filter.getItems().stream().map(BrowseFilter::label).toList());
    }

    @Test
    void theEventIsShownAndClicksAnsweredWhileTheListsAreHeldBack(FxRobot robot) {
        assertEquals(1, gate.waiting(), "the scan was handed to the worker, not run");
        assertEquals(0, pane.currentEventProperty().get(), "the first event is shown meanwhile");
        assertEquals(List.of("all events (browse lists being indexed)"), offered());
        assertEquals(run.size(), fx(() -> pane.model().navigator().count()), "all events browsed as an index range");
        assertTrue(fx(() -> pane.model().listsPending()));
        robot.clickOn("#nav-next");
        robot.clickOn("#nav-next");
        assertEquals(2, pane.currentEventProperty().get(), "the window answers while the scan waits");

        gate.runAll();
        List<Integer> box = boxRows(50);
        assertTrue(box.size() >= 3, "the synthetic run has signal-like events: " + box.size());
        assertTrue(
                offered().contains("all events, signal box (" + box.size() + ")"),
                "the lists arrived with the counts of an independent scan: " + offered());
        assertFalse(fx(() -> pane.model().listsPending()));
        assertEquals(2, pane.currentEventProperty().get(), "the shown event stays when the lists arrive");
    }

    @Test
    void choosingARegionIndexesItOnTheWorker(FxRobot robot) {
        gate.runAll();
        List<Integer> box = boxRows(50);
        String label = "all events, signal box (" + box.size() + ")";
        assertTrue(fx(() -> pane.selectFilter("all events, signal box")));
        assertEquals(1, gate.waiting(), "the region's rows are materialised on the worker");
        assertEquals(0, pane.currentEventProperty().get(), "nothing moves until they are there");

        gate.runAll();
        assertEquals(label, fx(() -> pane.nav.filter.getValue().label()));
        assertEquals(box.get(0), pane.currentEventProperty().get());
        assertEquals(box.size(), fx(() -> pane.model().navigator().count()));
        robot.clickOn("#nav-next");
        assertEquals(box.get(1), pane.currentEventProperty().get(), "next walks the box rows");
    }

    @Test
    void aListAskedForWhileIndexingShowsItsFirstEventIfNobodyMovedMeanwhile() {
        // what the window does at start-up with a big run: the link asks for a list while the lists
        // are still being built, and the stand-in event 0 is not in it
        List<Integer> box = boxRows(50);
        assertTrue(box.get(0) > 0, "the stand-in event is outside the list: " + box.get(0));
        assertTrue(fx(() -> pane.selectFilter("all events, signal box")));
        assertEquals(0, pane.currentEventProperty().get());

        gate.runAll();
        assertEquals(
                "all events, signal box (" + box.size() + ")",
                fx(() -> pane.nav.filter.getValue().label()));
        assertEquals(box.get(0), pane.currentEventProperty().get(), "the list's first event, not the stand-in");
        assertEquals(0, fx(() -> pane.model().navigator().position()), "shown as 1 of the list");
    }

    @Test
    void supersededWorkIsDroppedAndTheLatestBoxWins() {
        // a new box before the first scan ran: the first scan must not install its lists
        assertTrue(boxRows(70).size() > boxRows(50).size(), "the wider box holds more events");
        fx(() -> pane.setBox(SignalBox.published().withEcalMax(70)));
        assertEquals(2, gate.waiting());
        gate.runAll();
        assertTrue(
                offered().contains("all events, signal box (" + boxRows(70).size() + ")"),
                offered().toString());
        assertFalse(offered().contains("all events, signal box (" + boxRows(50).size() + ")"));
        assertEquals(0, gate.waiting());
    }
}
