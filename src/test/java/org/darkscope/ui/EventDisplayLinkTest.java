package org.darkscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.UserPreferences;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.display.EventDisplayPane;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one loop of the window: a point clicked in the energy plane shows that event in 3D, the
 * event stepped to in the display is ringed in the plane, and the display browses exactly the
 * events the engine selects (the box's events stay hidden while blinded).
 */
class EventDisplayLinkTest extends FxTestBase {
    private static final RunData DATA = RunFixtures.random(20_000, 11);
    private static final RunData SIGNAL = RunFixtures.signal(3_000, 16.7, 12);
    private Workbench wb;
    private EventDisplayLink link;

    @Start
    void start(Stage stage) {
        MainViewModel model = new MainViewModel(
                new Session(),
                (p, pr) -> {
                    throw new java.io.IOException("no files in this test");
                },
                now,
                recentRuns);
        wb = Workbench.create(model, now, now, new FxTaskExecutor());
        link = EventDisplayLink.attach(wb, UserPreferences.inMemory().node("org/darkscope/display"));
        Scene scene = show(stage, wb.window(), 1250, 780);
        model.addRun(DATA, RunRole.DATA);
        model.addRun(SIGNAL, RunRole.SIGNAL);
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    private AnalysisResult expected() {
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, SIGNAL))) {
            return e.evaluate(wb.model().session().selection());
        }
    }

    /** Selected events outside the box, as a plain loop over the columns. */
    private int[] selectedOutsideBox(AnalysisResult exp) {
        var box = exp.selection().box();
        float[] e = DATA.floats(Schema.ECAL);
        float[] h = DATA.floats(Schema.HCAL);
        return IntStream.range(0, DATA.size())
                .filter(i -> exp.run(DATA).isSelected(i) && !(e[i] < box.ecalMax() && h[i] < box.hcalMax()))
                .toArray();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Object> filter(FxRobot robot) {
        return robot.lookup("#nav-filter").queryAs(ComboBox.class);
    }

    /** The display applies an event once per pulse: let one pass. */
    private static void nextPulse() {
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theEmbeddedDisplaysDividerAndOptionsToggleAreSavedWithTheSessionView(FxRobot robot) {
        EventDisplayPane display = link.display();
        // the display is narrow in the default window: 3D view above the cell maps in its own split
        javafx.scene.control.SplitPane inner =
                (javafx.scene.control.SplitPane) display.lookupAll(".split-pane").stream()
                        .filter(n -> n instanceof javafx.scene.control.SplitPane sp
                                && sp.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                        .findFirst()
                        .orElseThrow();
        // the user opens the options and drags the divider up to see the cell maps
        robot.clickOn("#nav-options");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> inner.setDividerPositions(0.45));
        WaitForAsyncUtils.waitForFxEvents();
        // as far as the split lets it go (the parts' minimum heights limit it)
        double dragged = inner.getDividerPositions()[0];
        assertTrue(dragged < 0.79, "the divider moved up from 0.8: " + dragged);
        var saved = wb.viewState();
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.4f", dragged), saved.get("display.split"), saved.toString());
        assertEquals("true", saved.get("display.options"));
        // back to the defaults, then the saved view restores both
        robot.clickOn("#nav-options");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> inner.setDividerPositions(0.8));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("false", wb.viewState().get("display.options"));
        WaitForAsyncUtils.asyncFx(() -> wb.applyViewState(saved));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dragged, inner.getDividerPositions()[0], 1e-3);
        assertTrue(robot.lookup("#opt-range").query().isVisible(), "options open again");
    }

    @Test
    void aFollowedFileTheSessionDoesNotHoldTakesItsRoleFromItsMetadata() {
        // followed files are added to the display only, not to the session
        RunData followedSignal = RunFixtures.signal(500, 16.7, 31);
        RunData followedData = RunFixtures.random(500, 32);
        assertFalse(link.display().model().isData(followedSignal), "a signal MC file raises no alerts");
        assertTrue(link.display().model().isData(followedData), "a data file does");
        assertTrue(link.display().model().isData(DATA));
        assertFalse(link.display().model().isData(SIGNAL));
    }

    @Test
    void theDisplayShowsTheDataRunAndBrowsesTheSelectedEventsOutsideTheBlindedBox(FxRobot robot) {
        EventDisplayPane display = link.display();
        assertSame(DATA, display.run());
        int[] expected = selectedOutsideBox(expected());
        String chosen = filter(robot).getValue().toString();
        assertTrue(
                chosen.contains("list: " + EventDisplayLink.PASSING + " (" + expected.length + ")"),
                "browsing the selected events by default: " + chosen);
        // stepping through the list only ever shows selected events
        java.util.Set<Integer> allowed =
                java.util.Arrays.stream(expected).boxed().collect(java.util.stream.Collectors.toSet());
        for (int k = 0; k < 5; k++) {
            robot.clickOn("#nav-next");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(
                    allowed.contains(display.currentEventProperty().get()),
                    "event " + display.currentEventProperty().get());
        }
    }

    /** Rows of the data run in the box of the current selection (every event, selected or not), computed here. */
    private java.util.Set<Integer> boxRows() {
        var box = wb.model().session().selection().box();
        float[] e = DATA.floats(Schema.ECAL);
        float[] h = DATA.floats(Schema.HCAL);
        return IntStream.range(0, DATA.size())
                .filter(i -> e[i] < box.ecalMax() && h[i] < box.hcalMax())
                .boxed()
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void noBrowseListJumpLabelOrFailedCutOfTheBlindedDataRunRevealsABoxEvent(FxRobot robot) {
        EventDisplayPane display = link.display();
        assertTrue(wb.model().session().isBlinded(), "the session starts blinded");
        java.util.Set<Integer> box = boxRows();
        AnalysisResult unblinded;
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA))) {
            unblinded = e.evaluate(wb.model().session().selection().withBlinded(false));
        }
        AnalysisResult all = unblinded;
        long selectedInBox =
                box.stream().filter(i -> all.run(DATA).isSelected(i)).count();
        assertFalse(box.isEmpty(), "the data run has events in the box");
        assertTrue(selectedInBox > 0, "and some of them pass the selection");
        ComboBox<Object> f = filter(robot);
        List<Object> lists = List.copyOf(f.getItems());
        assertTrue(lists.size() >= 8, "all, passing, regions, alerts: " + lists);
        for (Object item : lists) {
            WaitForAsyncUtils.asyncFx(() -> f.setValue(item));
            WaitForAsyncUtils.waitForFxEvents();
            int[] rows = display.model().browsedRows();
            assertNotNull(rows, item + ": a blinded run is never browsed as 'every row'");
            for (int r : rows) {
                assertFalse(box.contains(r), item + " reaches box event row " + r);
            }
            for (int k = 0; k < Math.min(3, rows.length); k++) {
                robot.clickOn("#nav-next");
                int shown = display.currentEventProperty().get();
                assertFalse(box.contains(shown), item + " showed box event row " + shown);
                String region = robot.lookup("#summary-region")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText();
                assertFalse(region.contains("signal box"), region);
            }
        }
        List<String> labels = lists.stream().map(Object::toString).toList();
        assertTrue(labels.stream().noneMatch(l -> l.contains("signal box")), "no box list while blinded: " + labels);

        // a jump to a box event by number is refused with a message; nothing of it is shown
        WaitForAsyncUtils.asyncFx(() -> {
            f.setValue(lists.get(0));
            display.model().first();
        });
        WaitForAsyncUtils.waitForFxEvents();
        int row = box.iterator().next();
        int before = display.currentEventProperty().get();
        robot.clickOn("#nav-jump")
                .write(String.valueOf(DATA.ints(Schema.EVENT)[row]))
                .type(javafx.scene.input.KeyCode.ENTER);
        assertEquals(before, display.currentEventProperty().get());
        String status = robot.lookup("#status")
                .queryAs(javafx.scene.control.Label.class)
                .getText();
        assertTrue(status.contains("blinded signal box"), status);
        assertEquals(before, display.currentEventProperty().get());
        // focus is back on the display: the arrow keys navigate again
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertNotEquals(before, display.currentEventProperty().get(), "Right after a jump steps to the next event");

        // the same test sees the box once unblinded (so it can fail)
        WaitForAsyncUtils.asyncFx(() -> wb.model().session().setBlinded(false));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> openLabels =
                filter(robot).getItems().stream().map(Object::toString).toList();
        assertTrue(
                openLabels.stream().anyMatch(l -> l.contains("signal box")), "box lists once unblinded: " + openLabels);
    }

    @Test
    void clickingAPointInThePlaneShowsThatEventIn3dAndRingsIt(FxRobot robot) {
        AnalysisResult exp = expected();
        float[] e = DATA.floats(Schema.ECAL);
        float[] h = DATA.floats(Schema.HCAL);
        int target = IntStream.range(0, DATA.size())
                .filter(i -> exp.run(DATA).isSelected(i) && e[i] > 60 && e[i] < 70 && h[i] > 20 && h[i] < 30)
                .findFirst()
                .orElseThrow();
        var chart = wb.planeView().chart();
        Point2D screen = chart.getCanvas()
                .localToScreen(
                        chart.getXAxis().getDisplayPosition(e[target]),
                        chart.getYAxis().getDisplayPosition(h[target]));
        robot.clickOn(screen, MouseButton.PRIMARY);
        nextPulse();
        var picked = wb.model().pickedEventProperty().get();
        assertNotNull(picked, "the click picked an event");
        assertEquals(picked.index(), link.display().currentEventProperty().get(), "the picked event is the one in 3D");
        Circle ring = wb.planeView().overlay().marker();
        assertTrue(ring.isVisible(), "the shown event is ringed in the plane");
        assertEquals(chart.getXAxis().getDisplayPosition(picked.ecal()), ring.getCenterX(), 0.5);
        assertEquals(chart.getYAxis().getDisplayPosition(picked.hcal()), ring.getCenterY(), 0.5);

        // and back: stepping in the display moves the ring to the new event's point
        robot.clickOn("#nav-next");
        nextPulse();
        int shown = link.display().currentEventProperty().get();
        assertNotEquals(picked.index(), shown);
        // (an event beyond the axis is ringed at the edge, the whole ring inside the plot)
        double inset = ring.getRadius() + ring.getStrokeWidth();
        double right = chart.getXAxis().getDisplayPosition(chart.getXAxis().getMax()) - inset;
        assertEquals(
                Math.min(
                        chart.getXAxis()
                                .getDisplayPosition(
                                        Math.min(e[shown], chart.getXAxis().getMax())),
                        right),
                ring.getCenterX(),
                0.5);
    }

    @Test
    void switchingACutOffUpdatesTheBrowseListAndKeepsTheUsersChoice(FxRobot robot) {
        int before = selectedOutsideBox(expected()).length;
        robot.clickOn("#enable-momentum");
        WaitForAsyncUtils.waitForFxEvents();
        int after = selectedOutsideBox(expected()).length;
        assertTrue(after > before, "switching the momentum cut off selects more events: " + before + " -> " + after);
        String chosen = filter(robot).getValue().toString();
        assertTrue(chosen.contains("list: " + EventDisplayLink.PASSING + " (" + after + ")"), chosen);
    }
}
