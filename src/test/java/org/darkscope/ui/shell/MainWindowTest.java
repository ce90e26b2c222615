package org.darkscope.ui.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.RunReader;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

class MainWindowTest extends FxTestBase {
    private static final RunData RUN = RunFixtures.random(5000, 11);
    private MainWindow window;

    /** Reads "bad*.parquet" as a broken file, anything else as RUN. */
    private static final RunReader FAKE_READER = (path, progress) -> {
        progress.update(0.5, "reading");
        if (path.getFileName().toString().startsWith("slow")) {
            while (!progress.isCancelled()) {
                progress.update(0.25, "reading slowly");
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            throw new org.darkscope.task.CancelledException();
        }
        if (path.getFileName().toString().startsWith("bad")) {
            throw new IOException(path + ": not a Parquet file (no PAR1 magic)");
        }
        return RUN;
    };

    @Start
    void start(Stage stage) {
        MainViewModel model =
                new MainViewModel(new Session(), FAKE_READER, new BackgroundTaskExecutor("test-loader", 1), recentRuns);
        window = Workbench.build(model);
        Scene scene = show(stage, window, 1200, 760);
    }

    @AfterEach
    void cleanPrefs() throws Exception {}

    @Test
    void tableShowsTheRowsOfTheRun(FxRobot robot) {
        robot.interact(() -> window.model().addRun(RUN, RunRole.DATA));
        robot.clickOn("Events");
        TableView<?> table = robot.lookup("#eventTable").queryAs(TableView.class);
        assertEquals(RUN.size(), table.getItems().size());
        // what a visible cell shows is the run's value
        float e0 = RUN.floats(Schema.ECAL)[0];
        String expected = String.format(Locale.ROOT, "%.3f", e0);
        assertTrue(
                robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .anyMatch(c -> expected.equals(c.getText())),
                "a cell shows E_ECAL of event 0 = " + expected);
        // sort by E_ECAL by clicking its header: the first row is then the smallest E_ECAL
        robot.clickOn(robot.lookup(".column-header")
                .lookup((Label l) -> l.getText().startsWith("ecal ["))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        float min = Float.MAX_VALUE;
        for (float v : RUN.floats(Schema.ECAL)) {
            min = Math.min(min, v);
        }
        assertEquals(min, RUN.floats(Schema.ECAL)[window.eventTable().eventAt(0)]);
        assertTrue(robot.lookup("#statusMessage").queryLabeled().getText().contains("5,000 events"));
    }

    @Test
    void openingABrokenFileShowsADialogAndTheAppKeepsRunning(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(Path.of("/tmp/bad-run.parquet"), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDialog")
                .tryQuery()
                .isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("not a Parquet file"), dialog.getContentText());
        assertTrue(dialog.getHeaderText().contains("bad-run.parquet"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#errorDialog").tryQuery().isEmpty());
        assertTrue(robot.lookup("#statusMessage").queryLabeled().getText().contains("Could not open"));
        // still usable: a good file opens afterwards
        robot.interact(() -> window.open(Path.of("/tmp/good-run.parquet"), null));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> window.eventTable().rowCount() == RUN.size());
        assertEquals(
                Path.of("/tmp/good-run.parquet"), window.model().recentFiles().get(0));
        assertTrue(window.model().recentFiles().stream()
                .noneMatch(p -> p.toString().contains("bad-run")));
    }

    @Test
    void aLoadingRunShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(Path.of("/tmp/slow-run.parquet"), null));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#loadProgress")
                                .queryAs(javafx.scene.control.ProgressBar.class)
                                .getProgress()
                        > 0.2);
        assertTrue(robot.lookup("#cancelTask").queryButton().isVisible());
        robot.clickOn("#cancelTask");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#statusMessage").queryLabeled().getText().contains("cancelled"));
        assertFalse(robot.lookup("#cancelTask").queryButton().isVisible());
        assertTrue(window.model().session().runs().isEmpty());
        assertTrue(robot.lookup("#errorDialog").tryQuery().isEmpty(), "a cancel is not an error");
    }

    @Test
    void slotsTakeTheViewsOfOtherPackages(FxRobot robot) {
        robot.interact(() -> window.setEventDisplay(new Label("3D here")));
        assertTrue(robot.lookup("#displaySlot").lookup("3D here").tryQuery().isPresent());
    }
}
