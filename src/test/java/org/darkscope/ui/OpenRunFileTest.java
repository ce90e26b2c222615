package org.darkscope.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.Session;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.shell.MainViewModel;
import org.darkscope.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real reader behind the window: a Parquet run opens into the table, a broken file gives a dialog. */
class OpenRunFileTest extends FxTestBase {
    @TempDir
    Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        MainViewModel model = new MainViewModel(
                new Session(), DarkScopeApp.defaultReader(), new BackgroundTaskExecutor("test-loader", 1), recentRuns);
        window = Workbench.build(model);
        stage.setScene(new Scene(window, 1200, 760));
        stage.show();
    }

    @AfterEach
    void cleanPrefs() throws Exception {}

    @Test
    void parquetRunOpensIntoTheTable(FxRobot robot) throws Exception {
        RunData run = RunFixtures.random(1234, 5);
        Path f = dir.resolve("run4242.parquet");
        RunFiles.write(run, f);
        robot.interact(() -> window.open(f, null));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.eventTable().rowCount() == 1234);
        assertEquals(4242, window.model().dataRunProperty().get().info().runNumber());
        assertTrue(robot.lookup("#statusMessage").queryLabeled().getText().contains("run4242.parquet"));
    }

    @Test
    void truncatedFileGivesADialogNamingTheFile(FxRobot robot) throws Exception {
        RunData run = RunFixtures.random(200, 5);
        Path good = dir.resolve("good.parquet");
        RunFiles.write(run, good);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("truncated.parquet");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        robot.interact(() -> window.open(cut, null));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#errorDialog")
                .tryQuery()
                .isPresent());
        DialogPane d = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue((d.getHeaderText() + d.getContentText()).contains("truncated.parquet"), d.getContentText());
        assertEquals(0, window.eventTable().rowCount());
    }
}
