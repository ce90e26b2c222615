package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.darkscope.session.CurrentThreadTaskExecutor;
import org.darkscope.session.RecentRuns;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.testsupport.SidebandRuns;
import org.darkscope.ui.DarkScopeApp;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9 in the window: a weighted background MC run says what it is ("weighted MC, rare classes
 * boosted ...") in the status bar and the results panel, its cut-flow column shows Σw ± √Σw², its
 * region lines the weighted sums, and the signal efficiency shows the unmodelled factor on its own
 * line. The weighted sums on screen are checked against sums made here, event by event.
 */
@ExtendWith(ApplicationExtension.class)
class WeightedBackgroundMcWindowTest {
    @TempDir
    static Path dir;

    private static final int BKG_RUN = 7302;
    private Workbench wb;

    @Start
    void start(Stage stage) {
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        MainViewModel model =
                new MainViewModel(new Session(), DarkScopeApp.defaultReader(), now, RecentRuns.inMemory());
        wb = Workbench.create(model, now, now, now);
        Scene scene = new Scene(wb.window(), 1250, 780);
        scene.getStylesheets().add(DarkScopeApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    /** The same events under other metadata, optionally with a weight column. */
    static RunData with(RunData r, RunInfo info, float[] weights) {
        RunData.Builder b = RunData.builder(info, r.detector(), r.size());
        r.columns().forEach((k, v) -> {
            if (!(weights != null && k.equals(Schema.TRUTH_WEIGHT))) {
                b.column(k, v);
            }
        });
        if (weights != null) {
            b.column(Schema.TRUTH_WEIGHT, weights);
        }
        return b.cells(r.cells()).build();
    }

    static RunData weightedBackground() {
        RunData r = SidebandRuns.simulated(8_000, 16, BKG_RUN);
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("weighted", "true");
        gen.put("boost.upstream", "5");
        gen.put("boost.upstreamLargeLoss", "1000");
        RunInfo i = r.info();
        RunInfo info = new RunInfo(
                BKG_RUN,
                i.beamEnergy(),
                4e9,
                i.intensity(),
                i.geometryVersion(),
                true,
                "background-mc",
                16,
                Double.NaN,
                gen,
                i.schemaVersion(),
                "weighted test sample");
        Random rnd = new Random(17);
        float[] w = new float[r.size()];
        for (int e = 0; e < w.length; e++) {
            w[e] = rnd.nextInt(4) == 0 ? 0.001f : (float) (0.2 + rnd.nextDouble());
        }
        return with(r, info, w);
    }

    static RunData signalWithExternalFactor() {
        RunData s = RunFixtures.signal(3_000, 20, 9);
        Map<String, String> gen = new LinkedHashMap<>(s.info().generator());
        ExternalEfficiency.na64Published().putInto(gen);
        RunInfo i = s.info();
        return with(
                s,
                new RunInfo(
                        i.runNumber(),
                        i.beamEnergy(),
                        i.eot(),
                        i.intensity(),
                        i.geometryVersion(),
                        true,
                        i.mix(),
                        i.seed(),
                        i.signalMassMeV(),
                        gen,
                        i.schemaVersion(),
                        i.description()),
                null);
    }

    /** Σw over the events passing every enabled cut of the selection (and in the region, if given), written here. */
    private static double weightedSum(RunData r, Selection sel, Region region) {
        float[] w = r.floats(Schema.TRUTH_WEIGHT);
        float[] ecal = r.floats(Schema.ECAL);
        float[] hcal = r.floats(Schema.HCAL);
        SignalBox box = sel.box();
        double s = 0;
        events:
        for (int e = 0; e < r.size(); e++) {
            for (Cut c : sel.enabledCuts()) {
                for (String col : c.columns(r::has)) {
                    Object a = r.columns().get(col);
                    double v = a instanceof float[] f ? f[e] : a instanceof int[] x ? x[e] : ((long[]) a)[e];
                    if (!c.passes(v)) {
                        continue events;
                    }
                }
            }
            if (region == null || box.contains(region, ecal[e], hcal[e])) {
                s += w[e];
            }
        }
        return s;
    }

    private static double first(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?")
                .matcher(text);
        assertTrue(m.find(), "a number in '" + text + "'");
        return Double.parseDouble(m.group());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void selectTab(String name) {
        for (Tab t : wb.window().resultTabs().getTabs()) {
            if (t.getText().equals(name)) {
                wb.window().resultTabs().getSelectionModel().select(t);
            }
        }
    }

    @Test
    void weightedRunIsLabelledAndCountedWithItsWeights(FxRobot robot) throws Exception {
        RunData bkgRun = weightedBackground();
        Path data = dir.resolve("data.parquet");
        RunFiles.write(SidebandRuns.simulated(20_000, 15, 7301), data);
        Path bkg = dir.resolve("weighted.parquet");
        RunFiles.write(bkgRun, bkg);
        Path sig = dir.resolve("signal.parquet");
        RunFiles.write(signalWithExternalFactor(), sig);
        robot.interact(() -> {
            wb.model().openRun(data, RunRole.DATA);
            wb.model().openRun(bkg, RunRole.BACKGROUND);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the status bar names the run and what it is, as soon as it is opened
        String status = text(robot, "#statusMessage");
        assertTrue(
                status.contains("weighted.parquet")
                        && status.contains("background MC, weighted MC, rare classes boosted upstream x5"),
                status);
        robot.interact(() -> {
            wb.model().openRun(sig, RunRole.SIGNAL);
            selectTab("Results");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Selection sel = wb.model().session().selection();

        // the results panel: the run with its label, then its weighted counts
        assertTrue(robot.lookup("#resultsPanel")
                .lookup((Label l) -> l.getText().equals("background MC weighted.parquet"))
                .tryQuery()
                .isPresent());
        Label label = robot.lookup("#result-bkgmc-" + BKG_RUN).queryAs(Label.class);
        assertTrue(label.isVisible());
        assertTrue(
                label.getText().startsWith("weighted MC, rare classes boosted upstream x5, upstreamLargeLoss x1000"),
                label.getText());
        double selected = weightedSum(bkgRun, sel, null);
        assertTrue(selected > 10, "selected Σw " + selected);
        assertEquals(selected, first(text(robot, "#result-bkgmc-selected-" + BKG_RUN)), 0.005 * selected);
        double boxW = weightedSum(bkgRun, sel, Region.BOX);
        String boxText = text(robot, "#result-bkgmc-region-BOX-" + BKG_RUN);
        assertTrue(boxW > 0, "weighted events in the box");
        assertEquals(boxW, first(boxText), 0.005 * boxW);
        assertTrue(boxText.contains("±") && boxText.contains("per EOT"), boxText);
        assertEquals(boxW / 4e9, first(boxText.substring(boxText.indexOf('=') + 1)), 0.005 * boxW / 4e9);
        double dW = weightedSum(bkgRun, sel, Region.D);
        assertEquals(dW, first(text(robot, "#result-bkgmc-region-D-" + BKG_RUN)), 0.005 * dW);
        // the MC transfer factor (the default method) says which weighted run it takes
        String mc = text(robot, "#result-limit-background-mc");
        assertTrue(mc.contains("weighted.parquet: weighted MC, rare classes boosted"), mc);
        // the unmodelled inefficiencies: their own line, never folded into the efficiency
        String ext = text(robot, "#result-eff-20-external");
        assertTrue(ext.startsWith("0.648 → ") && ext.contains("not in the efficiency above"), ext);
        double eff = first(text(robot, "#result-eff-20"));
        assertEquals(eff * 0.648, first(ext.substring(ext.indexOf('→') + 1)), 0.0011);

        // the cut flow: the background MC column shows Σw ± √Σw²
        selectTab("Cut flow");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<List<String>> table = wb.cutFlowView();
        List<String> header =
                table.getColumns().stream().map(TableColumn::getText).toList();
        int col = header.indexOf("bkg MC weighted.parquet (weighted MC): Σw ± √Σw²");
        assertTrue(col > 0, header.toString());
        assertTrue(table.getColumns().get(col).isVisible());
        List<String> last = table.getItems().get(table.getItems().size() - 1);
        assertTrue(last.get(col).contains(" ± "), last.get(col));
        assertEquals(selected, first(last.get(col)), 0.005 * selected);
        // and the header cell is on screen
        assertTrue(robot.lookup(".column-header .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Σw ± √Σw²") && l.isVisible()));
    }
}
