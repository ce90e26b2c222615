package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.DrawMode;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Element;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Picking shows what the run holds for the cell; 3D and 2D highlights are linked. */
class EventDisplayPickingTest extends FxTestBase {
    private EventDisplayPane pane;
    private RunData run;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        run = DisplayRuns.mixed(1002, 30, 11);
        pane.setRun(run);
    }

    private static void fire(Node n, javafx.event.EventType<MouseEvent> type) {
        Event.fireEvent(
                n,
                new MouseEvent(
                        type,
                        0,
                        0,
                        0,
                        0,
                        MouseButton.PRIMARY,
                        1,
                        false,
                        false,
                        false,
                        false,
                        true,
                        false,
                        false,
                        false,
                        false,
                        false,
                        null));
    }

    /** Hottest cell of an event, found independently of the display. */
    private int hottest(int event) {
        float[] e = new float[run.detector().cellCount()];
        run.cells().read(event, e);
        int best = 0;
        for (int i = 1; i < e.length; i++) {
            if (e[i] > e[best]) {
                best = i;
            }
        }
        return best;
    }

    private String pickText(FxRobot robot) {
        return robot.lookup("#pick-label").queryAs(Label.class).getText();
    }

    @Test
    void hoveringA3dCellShowsTheEnergyOfTheRun(FxRobot robot) {
        fx(() -> pane.showEvent(2));
        int cell = hottest(2);
        Cell c = run.detector().cells().get(cell);
        Box node = fx(() -> pane.detectorView().cellNode(cell));
        fx(() -> fire(node, MouseEvent.MOUSE_ENTERED));
        String text = pickText(robot);
        String energy = String.format("%.3f GeV", run.cells().get(2, cell));
        assertTrue(text.startsWith(c.name() + ": E = " + energy), text);
        assertTrue(robot.lookup("#pick-label").queryAs(Label.class).isVisible());
        assertEquals(cell, (int) fx(() -> pane.cellMap.highlighted()), "2D map highlights the hovered 3D cell");
        // the label follows the event: next event, same cell, new energy from the run
        fx(() -> pane.nav.next.fire()); // not a robot click: moving the mouse there would hover other cells
        String energy3 = String.format("%.3f GeV", run.cells().get(3, cell));
        assertTrue(pickText(robot).startsWith(c.name() + ": E = " + energy3), pickText(robot));
    }

    @Test
    void fractionOfTheSubdetectorIsComputedFromTheRun(FxRobot robot) {
        fx(() -> pane.showEvent(0));
        int cell = hottest(0);
        Cell c = run.detector().cells().get(cell);
        float[] e = new float[run.detector().cellCount()];
        run.cells().read(0, e);
        double layer = 0;
        for (Cell other : c.layer().cells()) {
            layer += e[other.index()];
        }
        fx(() -> fire(pane.detectorView().cellNode(cell), MouseEvent.MOUSE_CLICKED));
        String expected = String.format(
                "%.1f %% of %s (%.3f GeV)", 100 * e[cell] / layer, c.layer().prefix(), layer);
        assertTrue(pickText(robot).contains(expected), pickText(robot) + " should contain " + expected);
        String element = String.format("E_ECAL = %.3f GeV", run.value("ecal", 0));
        assertTrue(
                c.layer().elementName().equals("ECAL")
                        ? pickText(robot).contains(element)
                        : pickText(robot).contains("E_HCAL"),
                "a click adds the subdetector summary: " + pickText(robot));
    }

    @Test
    void hoveringThe2dMapHighlightsThe3dCell(FxRobot robot) {
        fx(() -> pane.showEvent(1));
        Cell c = run.detector().hcalModules().get(1).cell(1, 1);
        robot.moveTo("#map-" + c.name());
        String text = pickText(robot);
        assertTrue(
                text.startsWith(c.name() + ": E = "
                        + String.format("%.3f GeV", run.cells().get(1, c.index()))),
                text);
        Label mapLabel = robot.lookup("#map-" + c.name()).queryAs(Label.class);
        assertEquals(String.format("%.2f", run.cells().get(1, c.index())), mapLabel.getText());
    }

    @Test
    void hottestCellGetsTheTopColourAndEmptyCellsAreFaint(FxRobot robot) {
        fx(() -> pane.showEvent(0));
        DisplayTestSupport.flush(pane);
        int cell = hottest(0);
        Box hot = fx(() -> pane.detectorView().cellNode(cell));
        ColorMap map = ColorMap.load(ColorMap.VIRIDIS);
        assertEquals(map.top(), fx(() -> ((PhongMaterial) hot.getMaterial()).getDiffuseColor()));
        assertEquals(DrawMode.FILL, fx(hot::getDrawMode));
        assertTrue(fx(hot::isVisible));
        int empty = -1;
        for (int i = 0; i < run.detector().cellCount(); i++) {
            if (run.cells().get(0, i) == 0) {
                empty = i;
                break;
            }
        }
        int emptyCell = empty;
        assertTrue(emptyCell >= 0);
        assertTrue(fx(() -> pane.detectorView().isDrawnEmpty(emptyCell)));
        assertTrue(!fx(() -> pane.detectorView().isDrawnEmpty(cell)));
        String legendTop = fx(() -> pane.legend.tickTexts()[4]);
        assertEquals(
                ColorLegend.format(run.cells().get(0, cell)),
                legendTop,
                "legend's top tick is the hottest cell in auto mode");
    }

    @Test
    void fixedRangeChangesTheLevels(FxRobot robot) {
        fx(() -> pane.showEvent(0));
        int cell = hottest(0);
        robot.doubleClickOn("#opt-max").write("1000").type(javafx.scene.input.KeyCode.ENTER);
        DisplayTestSupport.flush(pane);
        ColorMap map = ColorMap.load(ColorMap.VIRIDIS);
        Box hot = fx(() -> pane.detectorView().cellNode(cell));
        assertNotEquals(
                map.top(),
                fx(() -> ((PhongMaterial) hot.getMaterial()).getDiffuseColor()),
                "with a 0..1000 GeV range a < 100 GeV cell is not at the top");
        assertEquals("1000", fx(() -> pane.legend.tickTexts()[4]));
    }

    @Test
    void clickingASubdetectorShowsItsSummary(FxRobot robot) {
        fx(() -> pane.showEvent(0));
        Element srd = run.detector().element("SRD");
        Element tracker = run.detector().element("MM1");
        fx(() -> fire(pane.detectorView().elementNode(tracker), MouseEvent.MOUSE_CLICKED));
        assertTrue(
                pickText(robot).startsWith("MM1 (tracker): p = " + String.format("%.2f GeV", run.value("p", 0))),
                pickText(robot));
        fx(() -> pane.detectorView().elementNode(srd));
        Node ecalCell = fx(() -> pane.detectorView().cellNode(0));
        assertTrue(ecalCell.getId().startsWith("cell-ecal_pre"));
    }
}
