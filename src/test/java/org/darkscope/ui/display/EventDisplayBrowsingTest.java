package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Browsing restricted to a region, a truth class or a list handed in by the analysis engine. */
class EventDisplayBrowsingTest extends FxTestBase {
    private EventDisplayPane pane;
    private RunData run;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        run = DisplayRuns.mixed(1003, 300, 21);
        pane.setRun(run);
    }

    /** Rows with E_ECAL < ecalEdge and E_HCAL < hcalEdge, computed here from the columns. */
    private List<Integer> boxRows(double ecalEdge, double hcalEdge) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (run.floats(Schema.ECAL)[i] < ecalEdge && run.floats(Schema.HCAL)[i] < hcalEdge) {
                rows.add(i);
            }
        }
        return rows;
    }

    private List<Integer> walk(FxRobot robot, int steps) {
        List<Integer> seen = new ArrayList<>();
        seen.add(pane.currentEventProperty().get());
        for (int k = 0; k < steps; k++) {
            robot.clickOn("#nav-next");
            int e = pane.currentEventProperty().get();
            if (e == seen.get(seen.size() - 1)) {
                break;
            }
            seen.add(e);
        }
        return seen;
    }

    @Test
    void regionBoxVisitsExactlyTheBoxEvents(FxRobot robot) {
        List<Integer> expected = boxRows(50, 1);
        assertTrue(expected.size() >= 3, "the synthetic run has signal-like events: " + expected.size());
        @SuppressWarnings("unchecked")
        ComboBox<BrowseFilter> box = robot.lookup("#nav-filter").queryAs(ComboBox.class);
        robot.clickOn(box);
        robot.clickOn("all events, signal box (" + expected.size() + ")");
        assertEquals(expected.get(0), pane.currentEventProperty().get());
        assertEquals(expected, walk(robot, expected.size() + 2));
    }

    @Test
    void boxEdgesFromTheLeadChangeTheRegion(FxRobot robot) {
        fx(() -> pane.setBox(org.darkscope.analysis.SignalBox.published().withEcalMax(70)));
        List<Integer> expected = boxRows(70, 1);
        assertTrue(fx(() -> pane.selectFilter("all events, signal box")));
        assertTrue(fx(() -> pane.nav.filter.getValue().label())
                .equals("all events, signal box (" + expected.size() + ")"));
        fx(() -> pane.showEvent(expected.get(0)));
        assertEquals(expected, walk(robot, expected.size() + 2));
    }

    @Test
    void truthClassFilter(FxRobot robot) {
        List<Integer> dimuons = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (run.truthClass(i) == EventClass.DIMUON) {
                dimuons.add(i);
            }
        }
        assertTrue(fx(() -> pane.selectFilter("class dimuon")));
        assertEquals(dimuons, walk(robot, dimuons.size() + 2));
        assertTrue(robot.lookup("#summary-class")
                .queryAs(javafx.scene.control.Label.class)
                .getText()
                .startsWith("dimuon"));
    }

    @Test
    void externalListRestrictsNavigationAndKeys(FxRobot robot) {
        fx(() -> pane.setBrowseList("passing selection", new int[] {40, 3, 250, 3}));
        assertEquals(3, pane.currentEventProperty().get(), "first listed event shown");
        robot.clickOn("#nav-next");
        assertEquals(40, pane.currentEventProperty().get());
        robot.clickOn(pane.detectorView());
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(250, pane.currentEventProperty().get());
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertEquals(250, pane.currentEventProperty().get());
        robot.type(javafx.scene.input.KeyCode.HOME);
        assertEquals(3, pane.currentEventProperty().get());
        assertTrue(robot.lookup("#nav-position")
                .queryAs(javafx.scene.control.Label.class)
                .getText()
                .endsWith("1 / 3"));
    }
}
