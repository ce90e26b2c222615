package org.darkscope.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.TaskExecutor;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Export → Report writes the report on the loader (with the status bar's progress), not on the
 * UI thread: the call returns with the work queued, and the files appear when the loader runs it.
 */
class ReportExportTest extends FxTestBase {
    @TempDir
    static Path dir;

    private final List<Runnable> queued = new ArrayList<>();
    private Workbench wb;

    @Start
    void start(Stage stage) {
        TaskExecutor loader = queued::add; // holds the work until the test runs it
        MainViewModel model = new MainViewModel(new Session(), noFiles(), loader, recentRuns);
        wb = Workbench.create(model, now, now, now);
        show(stage, wb.window(), 1200, 760);
    }

    @AfterEach
    void tearDown() {
        wb.close();
    }

    @Test
    void theReportIsWrittenOnTheLoaderNotOnTheUiThread(FxRobot robot) throws Exception {
        robot.interact(() -> wb.model().addRun(RunFixtures.random(3000, 3), RunRole.DATA));
        Path out = dir.resolve("report");
        robot.interact(() -> wb.exportReport(out));
        assertEquals(1, queued.size(), "one task handed to the loader");
        assertFalse(Files.exists(out.resolve("report.html")), "nothing written on the UI thread");
        assertTrue(
                wb.model().statusProperty().get().startsWith("Writing the report"),
                wb.model().statusProperty().get());

        Thread worker = new Thread(queued.get(0), "test-loader");
        worker.start();
        worker.join(120_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(out.resolve("report.html")) > 1000, "report.html written");
        assertTrue(Files.exists(out.resolve("report.pdf")), "report.pdf written");
        assertTrue(
                wb.model().statusProperty().get().startsWith("report written: "),
                wb.model().statusProperty().get());
    }
}
