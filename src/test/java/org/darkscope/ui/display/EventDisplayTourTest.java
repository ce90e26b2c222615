package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

class EventDisplayTourTest extends FxTestBase {
    private EventDisplayPane pane;
    private final List<EventRef> highlighted = new ArrayList<>();
    private RunData signal50;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        pane.setRun(DisplayRuns.mixed(1005, 100, 4));
        pane.addRun(DisplayRuns.signal(2010, 20, 5, 10));
        signal50 = DisplayRuns.signal(2050, 20, 6, 50);
        pane.addRun(signal50);
        pane.setOnTourEvent(highlighted::add);
    }

    @Test
    void tourWalksThroughTheFiveKindsAndReportsEachEvent(FxRobot robot) {
        robot.clickOn("tour");
        robot.clickOn("#tour-next");
        // first the energy plane itself: no event, nothing ringed
        assertEquals(
                "The energy plane",
                robot.lookup("#tour-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#tour-body").queryAs(Label.class).getText().contains("log"));
        // at projector scale the whole text is on screen, not cut to "..."
        fx(() -> pane.setPresentationScale(2));
        WaitForAsyncUtils.waitForFxEvents();
        Label body = robot.lookup("#tour-body").queryAs(Label.class);
        String shown = fx(() -> ((javafx.scene.text.Text) body.lookup(".text")).getText());
        assertEquals(body.getText(), shown, "the tour text as drawn");
        fx(() -> pane.setPresentationScale(1));
        assertEquals(0, highlighted.size());
        robot.clickOn("#tour-next");
        assertEquals(
                TeachingTour.text(TeachingTour.Step.EM_SHOWER).title(),
                robot.lookup("#tour-title").queryAs(Label.class).getText());
        assertEquals(1, highlighted.size());
        EventRef em = highlighted.get(0);
        assertEquals(EventClass.ELECTRON, em.run().truthClass(em.index()));
        assertEquals(em.index(), pane.currentEventProperty().get());

        robot.clickOn("#tour-next");
        EventRef mu = highlighted.get(1);
        assertEquals(EventClass.DIMUON, mu.run().truthClass(mu.index()));
        robot.clickOn("#tour-next");
        assertEquals(
                EventClass.HADRON,
                highlighted.get(2).run().truthClass(highlighted.get(2).index()));
        robot.clickOn("#tour-next");
        EventRef pu = highlighted.get(3);
        assertEquals(1, pu.run().ints("truth_pileup")[pu.index()]);
        // pile-up from region III of the rule book: E_ECAL + E_HCAL above 120 GeV (docs/physics.md#regions)
        assertTrue(pu.ecal() + pu.hcal() > 120, "pile-up example in region III: " + (pu.ecal() + pu.hcal()));
        EventRef mu2 = highlighted.get(1);
        assertTrue(mu2.hcal() >= 5 && mu2.hcal() < 16, "dimuon example in region I: E_HCAL " + mu2.hcal());

        fx(() -> pane.tourPanel.mass.setValue(50.0));
        robot.clickOn("#tour-next");
        EventRef dp = highlighted.get(highlighted.size() - 1);
        assertEquals(
                5,
                highlighted.size(),
                highlighted.toString() + " "
                        + robot.lookup("#tour-status").queryAs(Label.class).getText());
        assertTrue(dp.run().truthClass(dp.index()).isSignal());
        assertEquals(signal50, dp.run(), "the run with the chosen m_A' is used");
        assertEquals(signal50, pane.run());
        assertTrue(robot.lookup("#tour-body").queryAs(Label.class).getText().contains("dark photon"));
        assertTrue(robot.lookup("#truth-label").queryAs(Label.class).getText().contains("pin: z ="));

        robot.clickOn("#tour-back");
        assertEquals(
                "step 5 of 6", robot.lookup("#tour-step").queryAs(Label.class).getText());

        // navigating away ends the tour: its text no longer describes the event shown
        robot.clickOn("#nav-next");
        assertEquals(
                "Teaching tour",
                robot.lookup("#tour-title").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#tour-step").queryAs(Label.class).getText());
    }

    @Test
    void anAnnihilationExampleGetsTheAnnihilationText(FxRobot robot) {
        RunData annihilation = org.darkscope.sim.Simulator.simulate(
                org.darkscope.sim.SimConfig.defaults(org.darkscope.sim.Mix.SIGNAL_ANNIHILATION)
                        .withMassMeV(225)
                        .withEvents(400)
                        .withSeed(3),
                org.darkscope.task.Progress.NONE);
        fx(() -> {
            pane.addRun(annihilation);
            pane.tourPanel.mass.setValue(225.0);
        });
        fx(() -> pane.tourStep(5));
        EventRef dp = highlighted.get(highlighted.size() - 1);
        assertEquals(annihilation, dp.run());
        assertEquals(
                "A dark photon from positron annihilation",
                robot.lookup("#tour-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#tour-body").queryAs(Label.class).getText().contains("49.5 GeV"));
    }

    @Test
    void spacePressesAFocusedTourButtonAndNavigatesWhenTheDisplayHasFocus(FxRobot robot) {
        robot.clickOn("tour");
        fx(() -> pane.tourPanel.next.requestFocus());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertEquals(
                "The energy plane",
                robot.lookup("#tour-title").queryAs(Label.class).getText(),
                "Space pressed the focused 'start' button");
        assertTrue(!fx(() -> pane.nav.play.isSelected()), "and did not start playing");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertEquals(
                TeachingTour.text(TeachingTour.Step.EM_SHOWER).title(),
                robot.lookup("#tour-title").queryAs(Label.class).getText(),
                "Space again: the next step");
        assertTrue(!fx(() -> pane.nav.play.isSelected()));
        // a click on the cell maps gives the display the keys: Right shows the next event, Space plays
        robot.clickOn(pane.cellMap);
        int before = pane.currentEventProperty().get();
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        assertTrue(pane.currentEventProperty().get() != before, "Right navigates from the cell maps");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertTrue(fx(() -> pane.nav.play.isSelected()), "Space plays from the cell maps");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertTrue(!fx(() -> pane.nav.play.isSelected()), "and pauses");
        // the same from the 3D view
        robot.clickOn(pane.detectorView());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertTrue(fx(() -> pane.nav.play.isSelected()), "Space plays from the 3D view");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertTrue(!fx(() -> pane.nav.play.isSelected()));
    }

    @Test
    void atProjectorScaleInTheDetachedWindowEveryStepScrollsToItsEndAndItsButtons(FxRobot robot) {
        fx(() -> {
            pane.setPresentationScale(2);
            pane.toggleDetached();
        });
        try {
            javafx.scene.control.ScrollPane column = (javafx.scene.control.ScrollPane) pane.sideColumn();
            fx(() -> pane.tabs().getSelectionModel().select(2));
            for (int i = 0; i < 6; i++) {
                int step = i;
                fx(() -> pane.tourStep(step));
                WaitForAsyncUtils.waitForFxEvents();
                fx(() -> column.layout());
                WaitForAsyncUtils.waitForFxEvents();
                fx(() -> {
                    column.layout();
                    column.setVvalue(column.getVmax());
                    column.layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                javafx.geometry.Bounds view = fx(() -> column.localToScene(column.getLayoutBounds()));
                for (javafx.scene.Node n :
                        new javafx.scene.Node[] {pane.tourPanel.body, pane.tourPanel.back, pane.tourPanel.next}) {
                    javafx.geometry.Bounds b = fx(() -> n.localToScene(n.getLayoutBounds()));
                    assertTrue(
                            b.getMaxY() <= view.getMaxY() + 1 && b.getHeight() > 0,
                            "step " + (step + 1) + ": " + n.getId() + " ends at " + b.getMaxY()
                                    + ", the column shows up to " + view.getMaxY());
                }
                // the text is given the whole height its wrapped lines need
                javafx.scene.control.Label body = pane.tourPanel.body;
                double need = fx(() -> body.prefHeight(body.getWidth()));
                assertTrue(
                        body.getHeight() >= need - 1,
                        "step " + (step + 1) + ": text " + body.getHeight() + " px high, needs " + need);
            }
            // the next button is pressed where the user scrolled to it
            String before = robot.lookup("#tour-title").queryAs(Label.class).getText();
            fx(() -> pane.tourStep(0));
            fx(() -> column.setVvalue(column.getVmax()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#tour-next");
            assertTrue(!before.isEmpty());
            assertEquals(
                    TeachingTour.text(TeachingTour.Step.EM_SHOWER).title(),
                    robot.lookup("#tour-title").queryAs(Label.class).getText());
        } finally {
            fx(() -> {
                pane.toggleDetached();
                pane.setPresentationScale(1);
            });
        }
    }
}
