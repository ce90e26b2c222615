package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.MergedResult.Role;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.io.ResultFiles;
import org.darkscope.session.report.SummaryLine;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.shell.MainViewModel;
import org.darkscope.ui.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A result file opens in its own window: plane, results and cut flow from the totals, the numbers of the engine. */
class ResultFileWindowTest extends FxTestBase {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the result window is its own stage; nothing to show in the primary one
    }

    @Test
    void aResultFileShowsThePlaneTheResultsAndTheCutFlow(FxRobot robot) throws Exception {
        RunData data = RunFixtures.random(6_000, 3); // recorded data: blinded
        RunData signal = RunFixtures.signal(2_000, 20, 4);
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(data, signal))) {
            r = e.evaluate(Selection.published());
        }
        Path f = dir.resolve("result.json");
        ResultFiles.write(MergedResult.of(r, List.of(Role.DATA, Role.SIGNAL)), f);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        MainWindow mw = mainWindow(robot, errors);
        // the menu's path: read on the task executor (here the calling thread), then the window
        robot.interact(() -> mw.menu().openResult(f));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(errors.isEmpty(), errors.toString());
        ResultFileWindow[] w = {resultWindow()};
        assertNotNull(w[0], "no result window");
        assertFalse(w[0].lines().getItems().isEmpty());
        RunResult d = r.runs().get(0);
        String selected = value(w[0].lines(), "selected data events outside the box");
        assertEquals(d.selectedCount() + " of " + d.cutFlow().total(), selected);
        assertEquals("blinded", value(w[0].lines(), "signal box"));
        assertEquals(
                Long.toString(d.regions().count(org.darkscope.analysis.Region.C)), value(w[0].lines(), "sideband C"));
        assertTrue(value(w[0].lines(), "efficiency, m_A' = 20 MeV")
                .startsWith(String.format(
                        java.util.Locale.ROOT, "%.4f", r.efficiencies().get(0).value())));
        // the plane: the data's selected events outside the blinded box, the box counted as hidden
        assertEquals(d.plane().inRange(), w[0].plane().snapshot().density().total());
        assertTrue(w[0].plane().snapshot().blinded());
        robot.clickOn("Cut flow");
        TableView<List<String>> flow = w[0].cutFlow();
        assertTrue(flow.isVisible());
        assertEquals("data outside the box: events", flow.getColumns().get(1).getText());
        assertEquals(
                Selection.published().enabledCuts().size() + 1, flow.getItems().size());
        assertEquals(
                Long.toString(d.cutFlow().selected()),
                flow.getItems().get(flow.getItems().size() - 1).get(1));
        robot.interact(() -> w[0].stage().close());
    }

    @Test
    void aFileThatIsNotAResultGivesAnErrorAndNoWindow(FxRobot robot) throws Exception {
        Path f = dir.resolve("not-a-result.json");
        Files.writeString(f, "{\"hello\": 1}");
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        MainWindow mw = mainWindow(robot, errors);
        robot.interact(() -> mw.menu().openResult(f));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).getMessage().contains("not-a-result.json"),
                errors.get(0).getMessage());
        assertNull(resultWindow(), "a window for a file that is not a result");
        assertEquals(
                "Reading result not-a-result.json failed",
                mw.model().statusProperty().get());
    }

    /** The application's window on a new session, background work on the calling thread; errors collected. */
    private MainWindow mainWindow(FxRobot robot, List<Throwable> errors) {
        MainWindow[] mw = new MainWindow[1];
        robot.interact(() -> {
            mw[0] = org.darkscope.ui.Workbench.build(
                    new MainViewModel(new org.darkscope.session.Session(), noFiles(), now, recentRuns));
            mw[0].model().setErrorHandler((title, e) -> errors.add(e));
        });
        return mw[0];
    }

    /** The result window on screen, or null. */
    private static ResultFileWindow resultWindow() {
        return Window.getWindows().stream()
                .map(win -> win.getProperties().get(ResultFileWindow.class))
                .filter(ResultFileWindow.class::isInstance)
                .map(ResultFileWindow.class::cast)
                .findFirst()
                .orElse(null);
    }

    @Test
    void theFileMenuOffersOpenResult(FxRobot robot) {
        org.darkscope.ui.shell.MainWindow[] mw = new org.darkscope.ui.shell.MainWindow[1];
        robot.interact(() -> mw[0] = org.darkscope.ui.Workbench.build(new org.darkscope.ui.shell.MainViewModel(
                new org.darkscope.session.Session(), noFiles(), now, recentRuns)));
        MenuItem item = mw[0].menu().bar().getMenus().get(0).getItems().stream()
                .filter(i -> "openResult".equals(i.getId()))
                .findFirst()
                .orElseThrow();
        assertEquals("Open result…", item.getText());
        assertFalse(item.isDisable());
    }

    private static String value(TableView<SummaryLine> t, String label) {
        return t.getItems().stream()
                .filter(l -> l.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + label + "' in "
                        + t.getItems().stream().map(SummaryLine::label).toList()))
                .value();
    }
}
