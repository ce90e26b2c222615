package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.*;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SubScene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.session.RunRole;
import org.darkscope.session.UserPreferences;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.DarkScopeApp;
import org.darkscope.ui.EventDisplayLink;
import org.darkscope.ui.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The event display embedded in the window at the application's default size (1600×1000), as in
 * issue 13: the 3D view is the dominant part (full width of the display, at least 300 px high) and
 * the cell maps and every option are still there. Laid out in a 1600×1000 scene that is not shown
 * (the headless screen is smaller), as in DefaultLayoutTest.
 */
class DisplayDefaultLayoutTest extends FxTestBase {
    private static final RunData RUN = RunFixtures.signal(500, 16.7, 3);
    private Workbench wb;
    private EventDisplayLink link;
    private Scene scene;

    @Start
    void start(Stage stage) {
        wb = workbench();
        link = EventDisplayLink.attach(wb, UserPreferences.inMemory().node("org/darkscope/display"));
        scene = new Scene(wb.window(), 1600, 1000);
        scene.getStylesheets().add(DarkScopeApp.stylesheet());
        wb.model().addRun(RUN, RunRole.DATA);
        layout();
    }

    private void layout() {
        for (int i = 0; i < 3; i++) {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }
    }

    @AfterEach
    void tearDown() {
        wb.close();
    }

    @Test
    void the3DViewDominatesTheDisplayAndTheCellMapsStay(FxRobot robot) {
        robot.interact(this::layout);
        EventDisplayPane pane = link.display();
        SubScene sub = pane.detectorView().subScene();
        // ≥ 200 px high: the rest of the display's height goes to the cell maps with their numbers
        assertTrue(
                sub.getHeight() >= 200, "3D view " + sub.getWidth() + "×" + sub.getHeight() + ", want ≥ 200 px high");
        assertTrue(
                sub.getWidth() >= pane.getWidth() - 2,
                "3D view " + sub.getWidth() + " px wide in a " + pane.getWidth() + " px display");
        // the cell maps are below it, built for the run, in the part of the display that is shown
        assertNotNull(scene.lookup(
                "#maptitle-" + RUN.detector().calorimeterLayers().get(0).prefix()));
        Node side = pane.sideColumn();
        assertSame(scene, pane.cellMap.getScene());
        assertTrue(pane.cellMap.isVisible());
        assertTrue(side.getLayoutBounds().getHeight() >= 40, "cell maps get " + side.getLayoutBounds());
        assertTrue(
                side.localToScene(side.getLayoutBounds()).getMinY()
                        >= sub.localToScene(0, sub.getHeight()).getY() - 1,
                "cell maps are below the 3D view");
    }

    @Test
    void theCellMapsAreReadableByDefaultAndTheDividerIsFree(FxRobot robot) {
        robot.interact(this::layout);
        EventDisplayPane pane = link.display();
        robot.interact(() -> {
            DisplayTestSupport.flush(pane);
            layout();
        });
        javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) pane.sideColumn();
        javafx.geometry.Bounds view = side.localToScene(side.getLayoutBounds());
        // every cell of every layer is inside the visible part of the column, its number drawn in full
        int shown = 0;
        for (var layer : RUN.detector().calorimeterLayers()) {
            for (var c : layer.cells()) {
                javafx.scene.control.Label lab = pane.cellMap.cellLabel(c.index());
                javafx.geometry.Bounds b = lab.localToScene(lab.getLayoutBounds());
                assertTrue(
                        b.getMinY() >= view.getMinY() - 1
                                && b.getMaxY() <= view.getMaxY() + 1
                                && b.getMaxX() <= view.getMaxX() + 1,
                        c.name() + " at " + b + " outside the shown column " + view);
                assertTrue(b.getWidth() >= CellMapPanel.MIN_FIT_CELL_PX - 0.5, c.name() + " " + b.getWidth() + " px");
                if (!lab.getText().isEmpty()) {
                    shown++;
                    javafx.scene.text.Text t = (javafx.scene.text.Text) lab.lookup(".text");
                    assertEquals(lab.getText(), t.getText(), c.name() + ": the number as drawn (not cut to ...)");
                }
            }
        }
        assertTrue(shown > 0, "the event has numbers in the cells: " + shown);
        SubScene sub = pane.detectorView().subScene();
        assertTrue(sub.getHeight() >= 200, "3D view still " + sub.getHeight() + " px high");
        // the divider moves freely: nearly all cell maps, or nearly all 3D view
        javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) pane.getCenter();
        for (double want : new double[] {0.15, 0.95}) {
            robot.interact(() -> {
                split.setDividerPositions(want);
                layout();
            });
            assertEquals(want, split.getDividers().get(0).getPosition(), 0.02, "divider at " + want);
        }
    }

    @Test
    void anAlertRowShowsFileRunSpillEventTimeAndBothEnergiesWithoutScrollingSideways(FxRobot robot) {
        // embedded in the default window, and beside the 3D view (the detached display's column)
        alertRowReadable(robot, link.display(), this::layout);
        EventDisplayPane wide = DisplayTestSupport.fx(() -> new EventDisplayPane());
        Scene s = DisplayTestSupport.fx(() -> new Scene(wide, 1240, 760));
        alertRowReadable(robot, wide, () -> {
            s.getRoot().applyCss();
            s.getRoot().layout();
        });
    }

    private static void alertRowReadable(FxRobot robot, EventDisplayPane pane, Runnable layout) {
        ShiftAlerts.Alert a = new ShiftAlerts.Alert(
                "run-000315-upstream.parquet", RUN, 0, 315, 18, 17023, 285_710_000_000L, 53.04, 0.0, false);
        robot.interact(() -> {
            pane.shift.alerts.getItems().setAll(a);
            pane.tabs().getSelectionModel().select(1);
            layout.run();
            layout.run();
        });
        javafx.scene.control.ListView<ShiftAlerts.Alert> list = pane.shift.alerts;
        javafx.scene.control.ListCell<?> cell = list.lookupAll(".list-cell").stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.getItem() == a)
                .findFirst()
                .orElseThrow();
        String drawn = list.lookupAll(".list-cell .text").stream()
                .filter(n -> n.getParent() == cell)
                .map(n -> ((javafx.scene.text.Text) n).getText())
                .findFirst()
                .orElseThrow();
        assertEquals(cell.getText(), drawn, "the row as drawn, not cut to ...");
        for (String part : new String[] {
            "run-000315-upstream.parquet",
            "run 315",
            "spill 18",
            "event 17023",
            "t = 285.710 s",
            "E_ECAL 53.0",
            "E_HCAL 0.00 GeV"
        }) {
            assertTrue(drawn.contains(part), part + " in " + drawn);
        }
        assertTrue(
                cell.getWidth() <= list.getWidth() + 0.5,
                "row " + cell.getWidth() + " px in a " + list.getWidth() + " px list");
        boolean sideways = list.lookupAll(".scroll-bar").stream()
                .map(n -> (javafx.scene.control.ScrollBar) n)
                .anyMatch(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible());
        assertFalse(sideways, "no horizontal scroll bar in a " + list.getWidth() + " px list");
    }

    @Test
    void theOptionsAreOneClickAwayWhenTheDisplayIsNarrow(FxRobot robot) {
        robot.interact(this::layout);
        EventDisplayPane pane = link.display();
        ToggleButton more = (ToggleButton) scene.lookup("#nav-options");
        assertTrue(more.isVisible(), "narrow display: the 'options' toggle is shown");
        assertFalse(pane.options.isVisible(), "narrow display: the option bar is folded");
        double folded = pane.detectorView().subScene().getHeight();
        robot.interact(() -> {
            more.fire();
            layout();
        });
        assertTrue(pane.options.isVisible());
        assertTrue(scene.lookup("#opt-colormap").isVisible());
        assertTrue(pane.detectorView().subScene().getHeight() < folded, "the option rows take their room");
        robot.interact(() -> {
            more.fire();
            layout();
        });
        assertFalse(pane.options.isVisible());
    }

    @Test
    void wideTheOptionsAreAlwaysShown(FxRobot robot) {
        robot.interact(() -> {
            EventDisplayPane pane = new EventDisplayPane();
            Scene s = new Scene(pane, 1240, 760);
            pane.applyCss();
            pane.layout();
            assertTrue(pane.options.isVisible());
            assertFalse(pane.nav.moreOptions.isVisible());
            assertNotNull(s);
        });
    }
}
