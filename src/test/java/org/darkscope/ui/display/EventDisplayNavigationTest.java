package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class EventDisplayNavigationTest extends FxTestBase {
    private EventDisplayPane pane;
    private RunData run;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        run = DisplayRuns.mixed(1001, 60, 5);
        pane.setRun(run);
    }

    private String summary(FxRobot robot, String key) {
        return robot.lookup("#summary-" + key).queryAs(Label.class).getText();
    }

    private String expectedEcal(int row) {
        return String.format("%.2f", run.floats(Schema.ECAL)[row]);
    }

    @Test
    void buttonsMoveThroughEventsAndTheSummaryFollows(FxRobot robot) {
        assertEquals(0, pane.currentEventProperty().get());
        robot.clickOn("#nav-next");
        robot.clickOn("#nav-next");
        assertEquals(2, pane.currentEventProperty().get());
        assertTrue(summary(robot, "event").startsWith("1001 / 2 "), summary(robot, "event"));
        assertEquals(expectedEcal(2), summary(robot, "ecal"));
        robot.clickOn("#nav-prev");
        assertEquals(1, pane.currentEventProperty().get());
        assertEquals(expectedEcal(1), summary(robot, "ecal"));
        robot.clickOn("#nav-last");
        assertEquals(59, pane.currentEventProperty().get());
        robot.clickOn("#nav-next");
        assertEquals(59, pane.currentEventProperty().get(), "next at the end stays on the last event");
        robot.clickOn("#nav-first");
        assertEquals(0, pane.currentEventProperty().get());
        assertTrue(robot.lookup("#nav-position").queryAs(Label.class).getText().contains("1 / 60"));
    }

    @Test
    void keyboardNavigates(FxRobot robot) {
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        assertEquals(3, pane.currentEventProperty().get());
        robot.type(KeyCode.LEFT);
        assertEquals(2, pane.currentEventProperty().get());
        robot.type(KeyCode.END);
        assertEquals(59, pane.currentEventProperty().get());
        assertEquals(expectedEcal(59), summary(robot, "ecal"));
        robot.type(KeyCode.HOME);
        assertEquals(0, pane.currentEventProperty().get());
    }

    @Test
    void spaceTogglesPlayAndPlayingAdvances(FxRobot robot) {
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.SPACE);
        assertTrue(fx(() -> pane.nav.play.isSelected()));
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(
                    20,
                    java.util.concurrent.TimeUnit.SECONDS,
                    () -> pane.currentEventProperty().get() >= 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("playing did not advance", e);
        }
        robot.type(KeyCode.SPACE);
        assertFalse(fx(() -> pane.nav.play.isSelected()));
        int stopped = pane.currentEventProperty().get();
        assertTrue(stopped >= 3, "playing moved on, got " + stopped);
        assertEquals(expectedEcal(stopped), summary(robot, "ecal"));
    }

    @Test
    void jumpFieldFindsAnEventNumber(FxRobot robot) {
        robot.clickOn("#nav-jump").write("17").type(KeyCode.ENTER);
        assertEquals(17, pane.currentEventProperty().get());
        assertTrue(summary(robot, "event").startsWith("1001 / 17 "));
        robot.doubleClickOn("#nav-jump").write("1001:23").type(KeyCode.ENTER);
        assertEquals(23, pane.currentEventProperty().get());
        robot.doubleClickOn("#nav-jump").write("9999").type(KeyCode.ENTER);
        assertEquals(23, pane.currentEventProperty().get());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("no event 9999"));
    }

    @Test
    void switchingEventsReusesTheSceneNodes(FxRobot robot) {
        DisplayTestSupport.flush(pane);
        var before = fx(() -> pane.detectorView().sceneNodes());
        robot.clickOn("#nav-next");
        DisplayTestSupport.flush(pane);
        var after = fx(() -> pane.detectorView().sceneNodes());
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "node " + i + " was rebuilt");
        }
    }

    @Test
    void failedCutsComeFromTheEngineAndRegionsFromSignalBox(FxRobot robot) {
        org.darkscope.analysis.Selection sel = org.darkscope.analysis.Selection.published();
        org.darkscope.analysis.AnalysisResult result;
        try (var engine = new org.darkscope.analysis.AnalysisEngine(java.util.List.of(run))) {
            result = engine.evaluate(sel);
        }
        fx(() -> pane.setResults(result.runs()));
        for (int k = 0; k < 4; k++) {
            int e = pane.currentEventProperty().get();
            // independent: each enabled cut tested on the event's own columns
            java.util.List<String> failed = new java.util.ArrayList<>();
            for (var c : sel.enabledCuts()) {
                for (String col : c.columns(run::has)) {
                    if (!c.passes(run.value(col, e))) {
                        failed.add(c.name());
                        break;
                    }
                }
            }
            assertEquals(
                    failed.isEmpty() ? "none" : String.join(", ", failed), summary(robot, "cuts"), "event row " + e);
            double ecal = run.floats("ecal")[e];
            double hcal = run.floats("hcal")[e];
            // the published regions (docs/physics.md#regions): box E_ECAL < 50 and E_HCAL < 1, C: 50..80 below 1, ...
            String abcd = ecal >= 80 || hcal >= 100
                    ? null
                    : ecal < 50 ? (hcal < 1 ? "signal box" : "sideband A") : (hcal < 1 ? "sideband C" : "region D");
            String region = summary(robot, "region");
            if (abcd != null) {
                assertTrue(region.startsWith(abcd), region + " for E_ECAL " + ecal + ", E_HCAL " + hcal);
            } else {
                assertFalse(region.contains("sideband") || region.contains("signal box"), region);
            }
            robot.clickOn("#nav-next");
        }
        // without a result, no failed cuts are claimed
        fx(() -> pane.setResults(java.util.List.of()));
        assertEquals("not evaluated", summary(robot, "cuts"));
    }

    @Test
    void compressedZMovesNodesWithoutRebuildingAndPresetsTurnTheCamera(FxRobot robot) {
        var ecalCell =
                fx(() -> pane.detectorView().cellNode(run.detector().ecalMain().firstIndex()));
        var vessel = run.detector().element("VESSEL");
        double compressedZ = fx(ecalCell::getTranslateZ);
        robot.clickOn("#opt-compressed");
        double trueZ = fx(ecalCell::getTranslateZ);
        assertSame(ecalCell, fx(() -> pane.detectorView()
                .cellNode(run.detector().ecalMain().firstIndex())));
        var main = run.detector().ecalMain();
        assertEquals((main.zMin() + main.zMax()) / 2, trueZ, 1e-6, "true z");
        assertTrue(
                trueZ - compressedZ > vessel.size().z() - ZMapping.DEFAULT_MAX_LENGTH_MM - 1,
                "compression removed at least the shortened vessel length: " + (trueZ - compressedZ));
        fx(() -> pane.cameraPreset(CameraRig.Preset.TOP));
        assertEquals(90.0, fx(() -> pane.detectorView().rig().pitch()), 1e-9);
        fx(() -> pane.cameraPreset(CameraRig.Preset.BEAM_EYE));
        assertEquals(0.0, fx(() -> pane.detectorView().rig().yaw()), 1e-9);
        robot.clickOn("#opt-reset");
        assertEquals(CameraRig.Preset.OVERVIEW, fx(() -> pane.detectorView().lastPreset()));
    }
}
