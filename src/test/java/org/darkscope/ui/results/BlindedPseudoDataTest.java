package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.SidebandRuns;
import org.darkscope.ui.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A simulated run opened in the data role is blinded like recorded data: the results panel and the
 * cut flow show nothing from which the box count could be derived until the user unblinds, while the
 * background MC stays visible.
 */
class BlindedPseudoDataTest extends FxTestBase {
    private static final int RUN = 7101;
    private static final RunData DATA = SidebandRuns.simulated(20_000, 5, RUN);
    private static final RunData BKG = SidebandRuns.simulated(10_000, 6, 7102);
    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = workbench();
        show(stage, wb.window(), 1250, 780);
    }

    /** Opens the runs (in the test, not in the setup: its time limit is short on a busy machine). */
    private void open(FxRobot robot) {
        robot.interact(() -> {
            wb.model().addRun(DATA, RunRole.DATA);
            wb.model().addRun(BKG, RunRole.BACKGROUND);
            for (Tab t : wb.window().resultTabs().getTabs()) {
                if (t.getText().equals("Results")) {
                    wb.window().resultTabs().getSelectionModel().select(t);
                }
            }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    /** An independent engine: the data run blinded (as pseudo-data) if the selection is. */
    private static AnalysisResult expected(Selection s) {
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, BKG))) {
            return e.evaluate(s, r -> r == DATA, Progress.NONE);
        }
    }

    /** Waits until the background lines of the current result are on screen. */
    private void awaitDetails() throws Exception {
        WaitForAsyncUtils.waitFor(300, java.util.concurrent.TimeUnit.SECONDS, () -> {
            Session s = wb.model().session();
            return s.result() != null
                    && s.details() == s.result()
                    && robot().lookup("#result-limit-expected").tryQuery().isPresent();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean shown(FxRobot robot, String text) {
        return robot.lookup("#resultsPanel")
                .lookup((Label l) -> text.equals(l.getText()))
                .tryQuery()
                .isPresent();
    }

    private static String classes(RunResult rr, boolean visible) {
        StringBuilder sb = new StringBuilder();
        for (EventClass c : EventClass.values()) {
            long n = rr.selectedCount(c); // outside the box when it is hidden
            if (n > 0) {
                sb.append(sb.isEmpty() ? "" : ", ")
                        .append(c.label())
                        .append(' ')
                        .append(n);
            }
        }
        return sb.toString();
    }

    @Test
    void resultsOfBlindedPseudoDataRevealNothingOfTheBox(FxRobot robot) throws Exception {
        open(robot);
        awaitDetails();
        Selection sel = wb.model().session().selection();
        assertTrue(sel.blinded());
        AnalysisResult blind = expected(sel);
        AnalysisResult open = expected(sel.withBlinded(false));
        RunResult shownRun = blind.run(DATA);
        long inBox = open.run(DATA).regions().count(Region.BOX);
        assertTrue(inBox > 0, "the pseudo-data have selected events in the box");

        assertEquals("blinded", text(robot, "#result-region-BOX"));
        assertTrue(text(robot, "#result-observed").startsWith("blinded"));
        assertEquals("box: blinded", text(robot, "#count-BOX"));
        // the selected total is the one outside the box, and says so
        assertTrue(shown(robot, "selected data events outside the box"));
        assertEquals(
                String.format(
                        Locale.ROOT,
                        "%d of %d",
                        shownRun.selectedCount(),
                        shownRun.cutFlow().total()),
                text(robot, "#result-selected"));
        assertEquals(open.run(DATA).selectedCount() - inBox, shownRun.selectedCount());
        // the count by truth class excludes the box too
        assertTrue(shown(robot, "selected outside the box by truth class (" + DATA.displayName() + ")"));
        assertEquals(classes(shownRun, true), text(robot, "#result-classes-" + RUN));
        assertNotEquals(classes(open.run(DATA), false), text(robot, "#result-classes-" + RUN));
        // no truth in the box of the blinded run
        assertTrue(robot.lookup("#result-bkg-truth").tryQuery().isEmpty(), "truth in the box hidden while blinded");
        // the cut flow: data outside the box; the background MC column unblinded
        TableView<List<String>> table = wb.cutFlowView();
        assertTrue(
                table.getColumns().get(1).getText().contains("outside the box"),
                table.getColumns().get(1).getText());
        CutFlow dataFlow = shownRun.cutFlow();
        CutFlow bkgFlow = open.run(BKG).cutFlow();
        assertFalse(blind.run(BKG).boxHidden());
        for (List<String> row : table.getItems().subList(1, table.getItems().size())) {
            assertEquals(Long.toString(dataFlow.row(row.get(0)).after()), row.get(1), "data row " + row.get(0));
            // background MC: Σw ± √Σw² (unit weights here: the count ± its square root)
            long n = bkgFlow.row(row.get(0)).after();
            assertEquals(
                    n + " ± "
                            + (Math.sqrt(n) >= 99
                                    ? String.format(Locale.ROOT, "%.0f", Math.sqrt(n))
                                    : String.format(Locale.ROOT, "%.2g", Math.sqrt(n))),
                    row.get(row.size() - 1),
                    "bkg MC row " + row.get(0));
        }

        robot.clickOn("Analysis").clickOn("#unblind");
        robot.clickOn("#unblindConfirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(wb.model().session().isBlinded());
        assertEquals(1, wb.model().session().blindingLog().size(), "the unblinding is logged");
        assertEquals(
                System.getProperty("user.name"),
                wb.model().session().unblinding().orElseThrow().user());
        awaitDetails();
        RunResult all = open.run(DATA);
        assertEquals(Long.toString(inBox), text(robot, "#result-region-BOX"));
        assertEquals("box: " + inBox, text(robot, "#count-BOX"));
        assertTrue(shown(robot, "selected data events"));
        assertEquals(
                String.format(Locale.ROOT, "%d of %d", all.selectedCount(), DATA.size()),
                text(robot, "#result-selected"));
        assertEquals(classes(all, false), text(robot, "#result-classes-" + RUN));
        assertTrue(robot.lookup("#result-bkg-truth").tryQuery().isPresent(), "truth shown once unblinded");
    }
}
