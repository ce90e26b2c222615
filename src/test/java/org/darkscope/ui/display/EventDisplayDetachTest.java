package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.darkscope.session.UserPreferences;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation: the display in its own full-screen window (F11) and back; logbook image resolution. */
class EventDisplayDetachTest extends FxTestBase {
    private EventDisplayPane pane;
    private Scene mainScene;
    private Preferences prefs;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        prefs = UserPreferences.inMemory();
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        pane.setPreferences(prefs);
        mainScene = stage.getScene();
        pane.setRun(DisplayRuns.mixed(1009, 30, 2));
    }

    @AfterEach
    void cleanUp() throws Exception {
        fx(() -> {
            if (pane.isDetached()) {
                pane.toggleDetached();
            }
        });
    }

    @Test
    void f11DetachesTheDisplayIntoAFullScreenWindowAndF11BringsItBack(FxRobot robot) {
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.F11);
        assertTrue(pane.isDetached());
        Stage own = fx(() -> pane.detachedWindow());
        assertTrue(own.isShowing());
        assertTrue(own.isFullScreen(), "full screen");
        assertNotSame(mainScene, fx(() -> pane.detectorView().getScene()), "the 3D view moved to its own window");
        assertSame(own.getScene(), fx(() -> pane.detectorView().getScene()));
        assertTrue(robot.lookup("#detached-placeholder")
                .queryAs(Label.class)
                .getText()
                .contains("own window"));
        assertEquals("attach", pane.options.detach.getText());
        // navigating in the detached window still works: Right shows the next event
        int before = pane.currentEventProperty().get();
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.RIGHT);
        assertTrue(pane.currentEventProperty().get() > before, "Right navigates in the detached window");
        // the navigation bar went along: its buttons work in the full-screen window
        assertSame(own.getScene(), fx(() -> pane.nav.getScene()));
        int now = pane.currentEventProperty().get();
        robot.clickOn("#nav-next");
        assertTrue(pane.currentEventProperty().get() > now, "next button in the detached window");
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.F11);
        assertFalse(pane.isDetached());
        assertFalse(own.isShowing());
        assertSame(mainScene, fx(() -> pane.detectorView().getScene()), "back in the main window");
        assertSame(mainScene, fx(() -> pane.nav.getScene()), "with its controls");
        assertTrue(robot.lookup("#detached-placeholder").tryQuery().isEmpty(), "placeholder gone");
        assertEquals("detach", pane.options.detach.getText());
    }

    @Test
    void theLogbookResolutionIsChosenAndRemembered(FxRobot robot) throws Exception {
        assertEquals(LogbookSaver.DEFAULT_SCALE, pane.logbookScale());
        Path book = tmp.resolve("book");
        fx(() -> pane.setLogbookFolder(book));
        robot.clickOn("#opt-logbook-scale");
        robot.clickOn("1\u00D7");
        assertEquals(1, pane.logbookScale());
        fx(() -> pane.saveToLogbook());
        List<Path> one = waitForPngs(book, 1);
        robot.clickOn("#opt-logbook-scale");
        robot.clickOn("4\u00D7");
        assertEquals(4, pane.logbookScale());
        assertEquals(4, prefs.getInt(LogbookSaver.SCALE_KEY, 0), "remembered");
        fx(() -> pane.saveToLogbook());
        List<Path> both = waitForPngs(book, 2);
        Path four = both.stream().filter(p -> !p.equals(one.get(0))).findFirst().orElseThrow();
        BufferedImage a = ImageIO.read(one.get(0).toFile());
        BufferedImage b = ImageIO.read(four.toFile());
        assertEquals(4.0, (double) b.getWidth() / a.getWidth(), 0.02, a.getWidth() + " px -> " + b.getWidth() + " px");
        assertEquals(4.0, (double) b.getHeight() / a.getHeight(), 0.02);
        // a new display with the same preferences offers 4x
        assertEquals(4, (int) fx(() -> {
            EventDisplayPane p2 = new EventDisplayPane();
            p2.setPreferences(prefs);
            return p2.logbookScale();
        }));
    }

    private static List<Path> waitForPngs(Path dir, int n) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> Files.isDirectory(dir) && list(dir).size() == n);
        return list(dir);
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
