package org.darkscope.ui.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.darkscope.analysis.Variable;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.session.RunRole;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.DarkScopeApp;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.charts.SeriesChart;
import org.darkscope.ui.table.EventTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the application's default size (1600×1000 on a 1600×1000 screen) as a user sees it:
 * result plots at least 300 px high, the results' labels shown in full (and on hover), and no raw
 * "NaN" in the tables for a run too small for any sideband fit. The headless test screen is
 * 1280×800, so the window is laid out in a 1600×1000 scene that is not shown (a shown stage larger
 * than the screen overflows Monocle's frame buffer); tabs are chosen as a click would choose them.
 */
class DefaultLayoutTest extends FxTestBase {
    /** Too few events in the sidebands for a fit: the fit table has to say so, not print NaN. */
    private static final RunData TINY = RunFixtures.random(60, 5);

    private static final RunData SIGNAL = RunFixtures.signal(2_000, 16.7, 8);
    private Workbench wb;
    private Scene scene;

    @Start
    void start(Stage stage) {
        wb = workbench();
        scene = new Scene(wb.window(), 1600, 1000);
        scene.getStylesheets().add(DarkScopeApp.stylesheet());
        wb.model().addRun(TINY, RunRole.DATA);
        wb.model().addRun(SIGNAL, RunRole.SIGNAL);
        layout();
    }

    private void layout() {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
    }

    /** Brings a result tab to the front and lays the window out, as after a click on it. */
    private void showTab(FxRobot robot, String title) {
        robot.interact(() -> {
            Tab t = wb.window().resultTabs().getTabs().stream()
                    .filter(x -> x.getText().equals(title))
                    .findFirst()
                    .orElseThrow();
            wb.window().resultTabs().getSelectionModel().select(t);
            layout();
            layout();
        });
    }

    @AfterEach
    void tearDown() {
        wb.close();
    }

    private static void atLeast300(SeriesChart c, String what) {
        assertTrue(c.getHeight() >= 300, what + " is " + c.getHeight() + " px high at 1600×1000, want ≥ 300");
    }

    @Test
    void resultPlotsGetAtLeast300PxAndThePlaneStaysUsable(FxRobot robot) {
        showTab(robot, "Distributions");
        for (Variable v : Variable.values()) {
            atLeast300(wb.distributions().chart(v), "distribution of " + v.label());
        }
        showTab(robot, "Sideband fits");
        atLeast300(wb.fits().sidebandCChart(), "sideband C chart");
        atLeast300(wb.fits().sidebandAChart(), "sideband A chart");
        showTab(robot, "Exclusion");
        atLeast300(wb.exclusion().epsilonChart(), "ε chart");
        atLeast300(wb.exclusion().yChart(), "y chart");
        Node plane = scene.getRoot().lookup("#planeSlot");
        assertTrue(plane.getLayoutBounds().getHeight() >= 400, "plane slot " + plane.getLayoutBounds());
    }

    @Test
    void theSplitIsKeptInTheSessionViewState(FxRobot robot) {
        assertEquals(MainWindow.DEFAULT_SPLIT, wb.window().splitPosition(), 0.02);
        robot.interact(() -> wb.window().setSplitPosition(0.3));
        var state = wb.viewState();
        assertEquals(0.3, Double.parseDouble(state.get("window.split")), 1e-3);
        robot.interact(() -> wb.window().setSplitPosition(0.7));
        robot.interact(() -> wb.applyViewState(state));
        assertEquals(0.3, wb.window().splitPosition(), 1e-3);
    }

    @Test
    void resultLabelsAreShownInFullAndOnHover(FxRobot robot) {
        showTab(robot, "Results");
        List<Label> names = scene.getRoot().lookupAll(".label").stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("label-"))
                .map(Label.class::cast)
                .toList();
        assertFalse(names.isEmpty(), "the results panel shows labelled lines");
        for (Label l : names) {
            assertNotNull(l.getTooltip(), "tooltip of " + l.getText());
            assertEquals(l.getText(), l.getTooltip().getText());
            assertTrue(
                    l.getWidth() + 0.5 >= l.prefWidth(-1),
                    "'" + l.getText() + "' cut: " + l.getWidth() + " < " + l.prefWidth(-1));
            Label value = (Label) scene.getRoot().lookup("#result-" + l.getId().substring("label-".length()));
            assertTrue(
                    l.getBoundsInParent().getMaxX() <= value.getBoundsInParent().getMinX(),
                    "'" + l.getText() + "' runs into its value " + l.getBoundsInParent() + " / "
                            + value.getBoundsInParent());
            // what the skin draws is the whole text, not "...": no ellipsis anywhere in the label
            assertFalse(
                    l.lookupAll(".text").stream()
                            .anyMatch(t -> ((javafx.scene.text.Text) t)
                                            .getText()
                                            .endsWith("…")
                                    || ((javafx.scene.text.Text) t).getText().endsWith("...")),
                    "'" + l.getText() + "' is elided");
        }
    }

    @Test
    void noRawNaNInTheFitAndCutFlowTablesWhenNoFitIsPossible(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> !wb.fits().table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        for (String tab : new String[] {"Sideband fits", "Cut flow"}) {
            showTab(robot, tab);
            List<String> shown = scene.getRoot().lookupAll(".table-cell").stream()
                    .filter(n -> n.isVisible() && n.getScene() != null && isShowingTab(n))
                    .map(TableCell.class::cast)
                    .map(Labeled::getText)
                    .filter(t -> t != null && !t.isEmpty())
                    .toList();
            assertFalse(shown.isEmpty(), tab + " shows cells");
            for (String t : shown) {
                assertFalse(t.contains("NaN"), tab + " shows '" + t + "'");
            }
        }
    }

    /** A node inside the selected result tab (lookupAll also finds the cells of hidden tabs). */
    private boolean isShowingTab(Node n) {
        Node content =
                wb.window().resultTabs().getSelectionModel().getSelectedItem().getContent();
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == content) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theEventTableShowsADashForAValueNotComputed(FxRobot robot) {
        double[] p = {Double.NaN, 100};
        RunData run =
                RunFixtures.of(RunInfo.data(1, 100, 1e9), new double[] {50, 60}, new double[] {1, 2}, p, new int[] {
                    EventClass.ELECTRON.code(), EventClass.ELECTRON.code()
                });
        robot.interact(() -> {
            EventTable t = new EventTable();
            t.setRun(run);
            assertEquals("–", t.cellText(Schema.P, 0));
            assertEquals("100.000", t.cellText(Schema.P, 1));
        });
    }
}
