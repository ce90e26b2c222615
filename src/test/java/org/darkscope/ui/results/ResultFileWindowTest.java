package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.darkscope.cli.DarkScopeCli;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.io.ResultFiles;
import org.darkscope.session.report.SummaryLine;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.testsupport.WeightedRuns;
import org.darkscope.ui.shell.MainViewModel;
import org.darkscope.ui.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A result file opens in its own window: plane, results and cut flow from the totals, the numbers of the
 * engine, and for weighted background MC the sums of weights {@code darkscope result} prints.
 */
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

    /**
     * A result file of a weighted background-MC run (no data): the window's cut flow is the results
     * panel's (CutFlowTableModel through ResultView), so every background-MC cell is Σw ± √Σw², the
     * string {@code darkscope result FILE} prints for the same cut; the "all events" sum is checked
     * against the weights summed here.
     */
    @Test
    void aWeightedBackgroundMcResultShowsTheSumsOfWeightsThatResultPrints(FxRobot robot) throws Exception {
        RunData bkg = WeightedRuns.backgroundMc(4_000, 11, 7100);
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(bkg))) {
            r = e.evaluate(Selection.published());
        }
        Path f = dir.resolve("weighted-result.json");
        ResultFiles.write(MergedResult.of(r, List.of(Role.BACKGROUND)), f);
        // what darkscope result FILE prints: the run's cut flow table, the weighted column per cut
        StringWriter cli = new StringWriter();
        assertEquals(
                0, DarkScopeCli.run(new PrintWriter(cli), new PrintWriter(new StringWriter()), "result", f.toString()));
        List<String> cuts =
                Selection.published().enabledCuts().stream().map(c -> c.name()).toList();
        List<String> printed = weightedColumn(cli.toString(), bkg.displayName(), cuts.size() + 1);

        List<Throwable> errors = new CopyOnWriteArrayList<>();
        MainWindow mw = mainWindow(robot, errors);
        robot.interact(() -> mw.menu().openResult(f));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(errors.isEmpty(), errors.toString());
        ResultFileWindow w = resultWindow();
        assertNotNull(w, "no result window");
        robot.clickOn("Cut flow");
        TableView<List<String>> flow = w.cutFlow();
        List<String> header = flow.getColumns().stream().map(c -> c.getText()).toList();
        int bkgColumn = header.indexOf("bkg MC " + bkg.displayName() + " (weighted MC): Σw ± √Σw²");
        assertTrue(bkgColumn > 0, header.toString());
        assertEquals(
                "bkg MC (no data), weighted: Σw ± √Σw²", header.get(1), "the background MC stands in for the data");
        assertEquals(cuts.size() + 1, flow.getItems().size());
        for (int i = 0; i <= cuts.size(); i++) {
            int row = i;
            String shown = fx(() -> (String) flow.getColumns().get(bkgColumn).getCellData(row));
            assertEquals(printed.get(i), shown, "row " + i + " (" + (i == 0 ? "all events" : cuts.get(i - 1)) + ")");
            assertEquals(printed.get(i), flow.getItems().get(i).get(1), "the data column, row " + i);
            assertTrue(shown.contains(" ± "), shown);
        }
        // the weights summed here, independently: Σw and √Σw² of every event
        float[] weights = bkg.floats(Schema.TRUTH_WEIGHT);
        double sw = 0;
        double sw2 = 0;
        for (float x : weights) {
            sw += x;
            sw2 += (double) x * x;
        }
        String[] all = flow.getItems().get(0).get(bkgColumn).split(" ± ");
        assertEquals(sw, Double.parseDouble(all[0]), 0.005 * sw, "Σw of all events");
        assertEquals(Math.sqrt(sw2), Double.parseDouble(all[1]), 0.01 * Math.sqrt(sw2), "√Σw² of all events");
        assertNotEquals(Long.toString(bkg.size()), flow.getItems().get(0).get(bkgColumn), "not a plain count");
        // the results tab: the weighted selected line of the results panel, with the last cut's Σw
        assertTrue(
                value(w.lines(), "selected background MC events (no data), weighted Σw ± √Σw²")
                        .startsWith(printed.get(cuts.size()) + " of " + printed.get(0)),
                value(w.lines(), "selected background MC events (no data), weighted Σw ± √Σw²"));
        robot.interact(() -> w.stage().close());
    }

    /**
     * The "weighted Σw ± √Σw²" cells of a run's cut flow as {@code darkscope result} prints it: the
     * table after the run's "== NAME:" heading, "(all events)" and then one line per cut; columns are
     * separated by two or more spaces.
     */
    private static List<String> weightedColumn(String text, String run, int rows) {
        List<String> lines = text.lines().toList();
        int at = 0;
        while (!lines.get(at).startsWith("== " + run + ":")) {
            at++;
        }
        while (!lines.get(at).startsWith("cut ")) {
            at++;
        }
        List<String> head = List.of(lines.get(at).split("\\s{2,}"));
        int col = head.indexOf("weighted Σw ± √Σw²");
        assertTrue(col > 0, lines.get(at));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(lines.get(at + 2 + i).split("\\s{2,}")[col]);
        }
        return out;
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
