package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.darkscope.session.UserPreferences;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Projector scaling (remembered), F1 shortcut list, part labels, and F12 from outside the display. */
class EventDisplayPresentationTest extends FxTestBase {
    private EventDisplayPane pane;
    private TextField elsewhere;
    private Preferences prefs;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        prefs = UserPreferences.inMemory().node("org/darkscope/test-display"); // never the user's store
        pane = new EventDisplayPane();
        pane.setPreferences(prefs);
        elsewhere = new TextField();
        elsewhere.setId("elsewhere");
        BorderPane root = new BorderPane(pane);
        root.setTop(elsewhere);
        show(stage, root, 1240, 800);
        pane.setRun(DisplayRuns.mixed(1009, 30, 2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    @Test
    void ctrlPlusScalesTextAndCellsAndIsRemembered(FxRobot robot) {
        var cell = pane.run().detector().ecalMain().cell(3, 3);
        double before = fx(() -> pane.cellMap.cellLabel(cell.index()).getPrefWidth());
        robot.clickOn(pane.detectorView());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertEquals(EventDisplayPane.SCALE_STEP, pane.presentationScale(), 1e-9);
        double after = fx(() -> pane.cellMap.cellLabel(cell.index()).getPrefWidth());
        assertEquals(before * EventDisplayPane.SCALE_STEP, after, 1e-6, "cells grow with the text");
        assertTrue(fx(() -> pane.getStyle()).contains("-fx-font-size: 15.0px"), "12 px x 1.25");
        assertEquals(EventDisplayPane.SCALE_STEP, prefs.getDouble(EventDisplayPane.SCALE_KEY, 1), 1e-9, "remembered");
        // a new display with the same preferences starts at that scale
        double restored = fx(() -> {
            EventDisplayPane p2 = new EventDisplayPane();
            p2.setPreferences(prefs);
            return p2.presentationScale();
        });
        assertEquals(EventDisplayPane.SCALE_STEP, restored, 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(1.0, pane.presentationScale(), 1e-9);
    }

    @Test
    void atProjectorScaleTheColourLegendAndTheCounterLegendDoNotOverlap(FxRobot robot) {
        robot.clickOn(pane.detectorView());
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        assertTrue(pane.presentationScale() > 2, "projector scale " + pane.presentationScale());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds legend = fx(() -> pane.legend.localToScene(pane.legend.getBoundsInLocal()));
        Label counters = robot.lookup("#counter-legend").queryAs(Label.class);
        javafx.geometry.Bounds key = fx(() -> counters.localToScene(counters.getBoundsInLocal()));
        javafx.geometry.Bounds view =
                fx(() -> pane.centre().localToScene(pane.centre().getBoundsInLocal()));
        assertFalse(legend.intersects(key), "colour legend " + legend + " overlaps the SRD/VETO legend " + key);
        assertTrue(view.contains(legend) && view.contains(key), "both inside the 3D view " + view);
        // the play interval's number is not cut: its field grew with the text
        var interval = robot.lookup("#nav-interval").queryAs(javafx.scene.control.Spinner.class);
        javafx.scene.text.Text probe = new javafx.scene.text.Text("5000");
        probe.setFont(interval.getEditor().getFont());
        double needed = probe.getLayoutBounds().getWidth();
        assertTrue(
                fx(() -> interval.getEditor().getWidth()) > needed,
                "interval field " + interval.getEditor().getWidth() + " px for '5000' of " + needed + " px");
        fx(() -> pane.setPresentationScale(1));
    }

    @Test
    void f1ListsTheShortcutsAndLabelsNameTheParts(FxRobot robot) {
        robot.clickOn(pane.detectorView());
        assertFalse(pane.help.isVisible());
        robot.type(KeyCode.F1);
        assertTrue(pane.help.isVisible());
        assertTrue(pane.help.getText().contains("F12") && pane.help.getText().contains("Ctrl+="));
        robot.clickOn("#opt-labels");
        assertTrue(robot.lookup("#part-labels").query().isVisible());
        for (var el : pane.run().detector().elements()) {
            assertEquals(
                    el.name(),
                    robot.lookup("#part-label-" + el.name())
                            .queryAs(Label.class)
                            .getText());
        }
        // where the names sit over the 3D parts needs a 3D pipeline: PartLabelsGpuTest (-Pxvfb)
        robot.clickOn("#opt-labels");
        assertFalse(robot.lookup("#part-labels").query().isVisible(), "toggled off");
        assertTrue(
                robot.lookup("#counter-legend").queryAs(Label.class).getText().contains("VETO"));
    }

    @Test
    void f12FromAFieldOutsideTheDisplaySavesALogbookImage(FxRobot robot) throws Exception {
        Path book = tmp.resolve("book");
        fx(() -> pane.setLogbookFolder(book));
        robot.clickOn("#elsewhere").write("typing");
        robot.type(KeyCode.F12);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isDirectory(book) && countPng(book) == 1);
        assertEquals("typing", elsewhere.getText(), "the key did not edit the field");
    }

    private static long countPng(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).count();
        }
    }
}
