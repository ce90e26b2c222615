package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tour's dark-photon step: an animated recoil shower and a dashed A', with Stop and Replay. */
class TourAnimationTest extends FxTestBase {
    private EventDisplayPane pane;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        pane.setRun(DisplayRuns.mixed(1005, 100, 4));
        RunData signal = DisplayRuns.signal(2050, 20, 6, 50);
        pane.addRun(signal);
    }

    private void walkToTheDarkPhoton(FxRobot robot) {
        robot.clickOn("tour");
        for (int i = 0; i < TeachingTour.Step.values().length; i++) {
            robot.clickOn("#tour-next");
        }
        assertEquals(TeachingTour.Step.DARK_PHOTON.ordinal(), (int)
                fx(() -> pane.tourController().index()));
        fx(() -> ((javafx.scene.control.ScrollPane) pane.sideColumn()).setVvalue(1));
    }

    @Test
    void atProjectorScaleTheDarkPhotonTextIsNotCutAtTheRightEdge(FxRobot robot) {
        walkToTheDarkPhoton(robot);
        fx(() -> pane.setPresentationScale(2));
        // a column as narrow as the detached display's on a 1600 px screen (30 % of it, ~460 px)
        fx(() -> ((javafx.scene.control.ScrollPane) pane.sideColumn()).setPrefViewportWidth(450));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane side = (javafx.scene.control.ScrollPane) pane.sideColumn();
        Label body = robot.lookup("#tour-body").queryAs(Label.class);
        double viewportRight =
                fx(() -> side.localToScene(side.getViewportBounds()).getMaxX());
        double bodyRight = fx(() -> body.localToScene(body.getBoundsInLocal()).getMaxX());
        // the drawing narrowed to the column instead of widening it past the visible part
        assertTrue(bodyRight <= viewportRight + 1, "tour text ends at " + bodyRight + ", view at " + viewportRight);
        assertTrue(fx(() -> pane.tourPanel.animation.canvas.getWidth()) <= ShowerAnimation.CANVAS_WIDTH);
        fx(() -> pane.setPresentationScale(1));
    }

    @Test
    void theDarkPhotonStepShowsTheShowerCompleteWithoutPlayingInHeadlessTests(FxRobot robot) {
        assertFalse(ShowerAnimation.autoplay(), "headless tests do not animate unless asked");
        robot.clickOn("tour");
        robot.clickOn("#tour-next");
        assertFalse(robot.lookup("#tour-animation").query().isVisible(), "no animation for the energy plane");
        walkToTheDarkPhoton(robot);
        ShowerAnimation a = pane.tourPanel.animation;
        assertTrue(robot.lookup("#tour-animation").query().isVisible());
        assertFalse(fx(a::playing));
        assertEquals(1.0, fx(a::progress), 1e-12);
        // the text quotes the recoil energy deposited up to the ECAL depth; computed here independently
        // from the GFLASH mean profile (docs/physics.md#shower-model) by integrating it numerically
        EventRef ev = new EventRef(pane.run(), pane.currentEventProperty().get());
        ShowerProfile p = fx(a::profile);
        assertEquals(ev.ecal(), p.recoilGeV(), 1e-6, "the recoil shower is the event's E_ECAL");
        double y = Math.log(Math.max(p.recoilGeV(), 0.2) / 0.0086);
        double alpha = 0.81 + (0.458 + 2.26 / 76) * y - 0.476 / 3.7;
        double t = y - 0.812 - 0.55 / 3.7 - 0.69 * (1 - 0.65);
        double beta = (alpha - 1) / t;
        double depth = p.ecalDepthX0() - p.startX0();
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = (i + 0.5) * depth / n;
            sum += Math.pow(beta * s, alpha - 1) * Math.exp(-beta * s);
        }
        double deposited = p.recoilGeV()
                * beta
                * sum
                * depth
                / n
                / Math.exp(org.apache.commons.math3.special.Gamma.logGamma(alpha));
        String text = robot.lookup("#tour-anim-text").queryAs(Label.class).getText();
        Matcher m = Pattern.compile("([0-9.]+) of ([0-9.]+) GeV deposited").matcher(text);
        assertTrue(m.find(), text);
        assertEquals(String.format(Locale.ROOT, "%.1f", deposited), m.group(1), text);
        assertTrue(
                text.contains(String.format(
                        Locale.ROOT, "A' carries %.1f GeV", pane.run().floats("truth_ea")[ev.index()])),
                text);
        // leaving the tour hides it
        fx(() -> pane.leaveTour());
        assertFalse(robot.lookup("#tour-animation").query().isVisible());
    }

    @Test
    void replayGrowsTheShowerThroughTheEcalDepthAndStopHaltsIt(FxRobot robot) throws Exception {
        walkToTheDarkPhoton(robot);
        ShowerAnimation a = pane.tourPanel.animation;
        robot.clickOn("#tour-anim-replay");
        assertTrue(fx(a::playing), "replay plays (asked for)");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(a::progress) > ShowerAnimation.APPROACH + 0.05);
        robot.clickOn("#tour-anim-stop");
        assertFalse(fx(a::playing));
        double stoppedAt = fx(a::progress);
        assertTrue(stoppedAt < 1, "stopped mid-way");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stoppedAt, fx(a::progress), 0, "stays where it was stopped");
        // mid-way the shower has reached only part of the ECAL depth
        String text = robot.lookup("#tour-anim-text").queryAs(Label.class).getText();
        Matcher m = Pattern.compile("at depth ([0-9.]+) X").matcher(text);
        assertTrue(m.find(), text);
        double depth = Double.parseDouble(m.group(1));
        assertTrue(depth > 0 && depth < fx(a::profile).ecalDepthX0(), text);
    }
}
