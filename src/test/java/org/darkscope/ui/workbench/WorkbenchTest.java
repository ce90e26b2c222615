package org.darkscope.ui.workbench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.event.RunData;
import org.darkscope.session.RunRole;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.plane.PlaneRegion;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench driven as a user would: drag the box edge, move a cut slider, unblind. The numbers
 * shown must be the ones a separate engine computes for the session's selection at that moment.
 * Stage 1 of the analysis runs on the FX thread here (same-thread executor) so every gesture's counts,
 * cut flow and efficiency are on screen when the gesture returns; stage 2 runs in the background.
 */
class WorkbenchTest extends FxTestBase {
    private static final RunData DATA = RunFixtures.random(20_000, 7);
    private static final RunData SIGNAL = RunFixtures.signal(5_000, 16.7, 8);
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = workbench();
        MainViewModel model = wb.model();
        Scene scene = show(stage, wb.window(), 1250, 780);
        model.addRun(DATA, RunRole.DATA);
        model.addRun(SIGNAL, RunRole.SIGNAL);
        wb.planeView().setLogHcal(true);
        wb.window().resultTabs().getSelectionModel().select(2);
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    /** What an independent engine computes for the session's current selection. */
    private AnalysisResult expected() {
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, SIGNAL))) {
            return e.evaluate(wb.model().session().selection());
        }
    }

    private String shown(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void assertShownMatches(FxRobot robot, AnalysisResult exp) {
        var regions = exp.run(DATA).regions();
        for (PlaneRegion r : new PlaneRegion[] {PlaneRegion.A, PlaneRegion.C, PlaneRegion.D}) {
            long n = regions.count(Region.valueOf(r.name()));
            assertEquals(r.label() + ": " + n, shown(robot, "#count-" + r.name()), "plane label of " + r);
            assertEquals(Long.toString(n), shown(robot, "#result-region-" + r.name()), "results line of " + r);
        }
        Efficiency eff = exp.efficiencies().get(0);
        String effText = shown(robot, "#result-eff-16_7");
        assertTrue(effText.startsWith(String.format(Locale.ROOT, "%.4f", eff.value())), effText + " vs " + eff.value());
        assertTrue(effText.contains("(" + eff.passed() + "/" + eff.total() + ")"), effText);
        // cut flow table: the data column of every row equals the engine's cut flow
        TableView<List<String>> table = wb.cutFlowView();
        var flow = exp.run(DATA).cutFlow(); // outside the box while blinded
        for (List<String> row : table.getItems().subList(1, table.getItems().size())) {
            assertEquals(Long.toString(flow.row(row.get(0)).after()), row.get(1), "cut flow row " + row.get(0));
        }
    }

    @Test
    void draggingTheBoxEdgeUpdatesCountsAndEfficiencyToTheEngineValues(FxRobot robot) {
        AnalysisResult before = expected();
        assertShownMatches(robot, before);
        Line edge = robot.lookup("#boxEcalEdge").queryAs(Line.class);
        Bounds b = edge.localToScreen(edge.getBoundsInLocal());
        Point2D from = new Point2D((b.getMinX() + b.getMaxX()) / 2, b.getMinY() + b.getHeight() * 0.4);
        robot.drag(from, MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double edgeNow = wb.model().session().selection().box().ecalMax();
        assertTrue(edgeNow < 45, "the box edge moved left: " + edgeNow);
        assertEquals(
                edgeNow,
                Double.parseDouble(
                        robot.lookup("#boxEcalField").queryTextInputControl().getText()),
                1e-9);
        AnalysisResult after = expected();
        assertNotEquals(
                before.run(DATA).regions().count(Region.A),
                after.run(DATA).regions().count(Region.A));
        assertShownMatches(robot, after);
    }

    @Test
    void typingABoxEdgeIsTheSameAsDragging(FxRobot robot) {
        robot.doubleClickOn("#boxHcalField").eraseText(6).write("2.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2.5, wb.model().session().selection().box().hcalMax(), 1e-12);
        assertShownMatches(robot, expected());
    }

    @Test
    void movingACutSliderUpdatesCutFlowAndEfficiency(FxRobot robot) {
        AnalysisResult before = expected();
        Slider s = robot.lookup("#slider-momentum-min").queryAs(Slider.class);
        Node thumb = s.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(25, 0).moveBy(25, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double min = wb.model().session().selection().cut("momentum").min();
        assertTrue(min > 97.5, "momentum lower edge moved up: " + min);
        AnalysisResult after = expected();
        assertNotEquals(
                before.run(DATA).cutFlow().row("momentum").after(),
                after.run(DATA).cutFlow().row("momentum").after());
        assertShownMatches(robot, after);
        // keyboard: the slider has focus after the drag; the arrow key moves it one step further
        double v = s.getValue();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(s.getValue() > v);
        assertShownMatches(robot, expected());
    }

    @Test
    void switchingACutOffRemovesItFromTheCutFlow(FxRobot robot) {
        robot.clickOn("#enable-momentum");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.model().session().selection().cut("momentum").enabled());
        assertTrue(wb.cutFlowView().getItems().stream().noneMatch(r -> r.get(0).equals("momentum")));
        assertShownMatches(robot, expected());
    }

    @Test
    void blindedBoxShowsNothingUntilUnblinded(FxRobot robot) {
        robot.clickOn("#showSignal"); // signal MC is never blinded: hide its overlay to look at the data alone
        assertTrue(wb.model().session().isBlinded());
        assertEquals("box: blinded", shown(robot, "#count-BOX"));
        assertEquals("blinded", shown(robot, "#result-region-BOX"));
        assertFalse(hasDataColourInBox(robot), "no data drawn inside the blinded box");
        // the snapshot drawn has no event inside the box
        var snap = wb.planeView().snapshot();
        for (int iy = 0; iy < snap.density().ny(); iy++) {
            for (int ix = 0; ix < snap.density().nx(); ix++) {
                if (snap.density().xLow(ix) < 50 && snap.density().yLow(iy) < 1) {
                    assertEquals(0, snap.density().count(ix, iy));
                }
            }
        }
        robot.clickOn("Analysis").clickOn("#unblind");
        robot.clickOn("#unblindConfirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.model().session().isBlinded());
        long inBox = expected().run(DATA).regions().count(Region.BOX);
        assertTrue(inBox > 0);
        assertEquals("box: " + inBox, shown(robot, "#count-BOX"));
        assertEquals(Long.toString(inBox), shown(robot, "#result-region-BOX"));
        assertEquals(Long.toString(inBox), shown(robot, "#result-observed"));
        assertTrue(hasDataColourInBox(robot), "data drawn inside the box once unblinded");
    }

    @Test
    void eventListShowsTheSelectedEventsAndClickingAPointPicksIt(FxRobot robot) {
        robot.interact(() -> wb.window().resultTabs().getSelectionModel().select(0));
        robot.interact(() ->
                wb.window().eventFilter().getSelectionModel().select(org.darkscope.ui.shell.EventFilter.SELECTED));
        AnalysisResult exp = expected();
        var box = exp.selection().box();
        float[] e = DATA.floats(org.darkscope.event.Schema.ECAL);
        float[] h = DATA.floats(org.darkscope.event.Schema.HCAL);
        long visible = java.util.stream.IntStream.range(0, DATA.size())
                .filter(i -> exp.run(DATA).isSelected(i) && !(e[i] < box.ecalMax() && h[i] < box.hcalMax()))
                .count();
        assertEquals(visible, wb.window().eventTable().rowCount(), "selected events outside the blinded box");
        // click on a selected event in sideband D: the nearest selected event is picked and shown in the table
        int target = java.util.stream.IntStream.range(0, DATA.size())
                .filter(i -> exp.run(DATA).isSelected(i) && e[i] > 60 && e[i] < 70 && h[i] > 20 && h[i] < 30)
                .findFirst()
                .orElseThrow();
        var chart = wb.planeView().chart();
        double px = chart.getXAxis().getDisplayPosition(e[target]);
        double py = chart.getYAxis().getDisplayPosition(h[target]);
        Point2D screen = chart.getCanvas().localToScreen(px, py);
        robot.clickOn(screen, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        var picked = wb.model().pickedEventProperty().get();
        assertNotNull(picked, "a click on a point picks an event");
        assertTrue(exp.run(DATA).isSelected(picked.index()));
        assertEquals(e[target], picked.ecal(), 1.5, "picked near the click in E_ECAL");
        assertEquals(
                picked.index(),
                wb.window().eventTable().view().getSelectionModel().getSelectedItem());
    }

    @Test
    void draggingARectangleZoomsAndResetZoomGoesBack(FxRobot robot) {
        var chart = wb.planeView().chart();
        var xa = chart.getXAxis();
        var ya = chart.getYAxis();
        // a rectangle from (E_ECAL 60, E_HCAL 30) to (80, 5): away from the box edges
        Point2D a = chart.getCanvas().localToScreen(xa.getDisplayPosition(60), ya.getDisplayPosition(30));
        Point2D b = chart.getCanvas().localToScreen(xa.getDisplayPosition(80), ya.getDisplayPosition(5));
        robot.drag(a, MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(60, xa.getMin(), 2.0);
        assertEquals(80, xa.getMax(), 2.0);
        assertEquals(50, wb.model().session().selection().box().ecalMax(), 1e-12, "zooming does not move the box");
        robot.clickOn("#resetZoom");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, xa.getMin(), 1e-9);
        assertEquals(120, xa.getMax(), 1e-9);
    }

    /** True if the plane's canvas has coloured (density map) pixels inside the box; background and grid are grey. */
    private boolean hasDataColourInBox(FxRobot robot) {
        var chart = wb.planeView().chart();
        var xa = chart.getXAxis();
        var ya = chart.getYAxis();
        WritableImage[] img = new WritableImage[1];
        Point2D[] origin = new Point2D[1];
        robot.interact(() -> {
            img[0] = chart.getCanvas().snapshot(null, null);
        });
        PixelReader pr = img[0].getPixelReader();
        double x0 = xa.getDisplayPosition(5);
        double x1 = xa.getDisplayPosition(15);
        double y0 = ya.getDisplayPosition(0.5);
        double y1 = ya.getDisplayPosition(0.15);
        int found = 0;
        for (int x = (int) Math.min(x0, x1); x < (int) Math.max(x0, x1); x += 2) {
            for (int y = (int) Math.min(y0, y1); y < (int) Math.max(y0, y1); y += 2) {
                javafx.scene.paint.Color c = pr.getColor(x, y);
                boolean grey =
                        Math.abs(c.getRed() - c.getGreen()) < 0.04 && Math.abs(c.getGreen() - c.getBlue()) < 0.04;
                if (!grey) {
                    found++;
                }
            }
        }
        return found > 10;
    }
}
