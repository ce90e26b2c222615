package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.cli.DarkScopeCli;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionFile;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.testsupport.SidebandRuns;
import org.darkscope.ui.DarkScopeApp;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window and {@code analyse --session} give the same numbers: the window is driven to a state as a
 * user would (runs opened, a cut typed, the background method and CL picked in the results panel),
 * the session is saved, {@code analyse --session} runs in-process, and every number on screen in the
 * results summary and the cut flow is compared with the command line's, number by number.
 */
class WindowCliParityTest extends FxTestBase {
    @TempDir
    static Path dir;

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private Workbench wb;

    @Start
    void start(Stage stage) {
        MainViewModel model = new MainViewModel(new Session(), DarkScopeApp.defaultReader(), now, recentRuns);
        wb = Workbench.create(
                model, now, now, now); // both stages on the calling thread: on screen when a gesture returns
        Scene scene = show(stage, wb.window(), 1250, 780);
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    private static Path write(RunData r, String name) throws Exception {
        Path f = dir.resolve(name);
        RunFiles.write(r, f);
        return f;
    }

    private static List<String> numbers(String s) {
        List<String> l = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            l.add(m.group());
        }
        return l;
    }

    private void selectTab(String name) {
        for (Tab t : wb.window().resultTabs().getTabs()) {
            if (t.getText().equals(name)) {
                wb.window().resultTabs().getSelectionModel().select(t);
            }
        }
    }

    /** Every summary value on screen, by key (label id "result-KEY"). */
    private Map<String, String> screen(FxRobot robot) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Label l : robot.lookup("#resultsPanel")
                .lookup((Label x) -> x.getId() != null && x.getId().startsWith("result-"))
                .queryAllAs(Label.class)) {
            m.put(l.getId().substring("result-".length()), l.getText());
        }
        return m;
    }

    private static JsonNode analyse(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, DarkScopeCli.run(args));
        } finally {
            System.setOut(old);
        }
        String s = out.toString(StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(s.substring(s.indexOf('{')));
    }

    @Test
    void everyNumberOnScreenEqualsAnalyseSession(FxRobot robot) throws Exception {
        Path data = write(SidebandRuns.simulated(20_000, 5, 7201), "data.parquet");
        Path bkg = write(SidebandRuns.simulated(8_000, 6, 7202), "bkg.parquet");
        Path sig = write(RunFixtures.signal(2_000, 16.7, 7), "signal.parquet");
        Session s = wb.model().session();
        robot.interact(() -> {
            wb.model().openRun(data, RunRole.DATA);
            wb.model().openRun(bkg, RunRole.BACKGROUND);
            wb.model().openRun(sig, RunRole.SIGNAL);
            selectTab("Results");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, s.runs().size());
        assertTrue(s.isBlinded(), "the data run opens blinded");

        // a cut typed in its field
        double before = s.selection().cut("momentum").min();
        robot.clickOn("#field-momentum-min")
                .press(KeyCode.CONTROL)
                .press(KeyCode.A)
                .release(KeyCode.A)
                .release(KeyCode.CONTROL)
                .write("95.5")
                .type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(95.5, s.selection().cut("momentum").min(), 1e-9, "typed cut (was " + before + ")");

        // the analysis definition picked beside the result
        robot.clickOn("#backgroundMethod").clickOn(AnalysisDefinition.name(BackgroundChoice.ABCD));
        robot.clickOn("#confidenceLevel").clickOn("95 %");
        robot.clickOn("#limitMethod").clickOn(LimitMethod.CLASSICAL.cliName());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new AnalysisDefinition(BackgroundChoice.ABCD, LimitMethod.CLASSICAL, 0.95), s.definition());

        Map<String, String> shown = screen(robot);
        assertTrue(
                shown.containsKey("limit-expected") && shown.containsKey("region-A") && shown.containsKey("selected"),
                shown.toString());
        // the limit lines follow the combo boxes
        assertTrue(
                shown.get("limit-expected").contains("classical")
                        && shown.get("limit-expected").contains("from ABCD"),
                shown.toString());
        assertTrue(robot.lookup("#resultsPanel")
                .lookup((Label l) -> l.getText().startsWith("expected 95% CL limit"))
                .tryQuery()
                .isPresent());
        TableView<List<String>> table = wb.cutFlowView();
        List<String> header =
                table.getColumns().stream().map(TableColumn::getText).toList();
        List<List<String>> rows = List.copyOf(table.getItems());
        assertTrue(rows.size() > 3, "cut flow rows on screen");

        Path file = dir.resolve("parity.session.json");
        robot.interact(() -> wb.saveSession(file));
        assertEquals(s.definition(), SessionFile.read(file).definition());

        JsonNode window =
                analyse("analyse", "--session", file.toString(), "--json").get("window");
        Map<String, String> cli = new LinkedHashMap<>();
        for (JsonNode l : window.get("summary")) {
            cli.put(l.get("key").asText(), l.get("value").asText());
        }
        assertEquals(shown.keySet(), cli.keySet(), "the same lines");
        int compared = 0;
        for (Map.Entry<String, String> e : shown.entrySet()) {
            List<String> a = numbers(e.getValue());
            List<String> b = numbers(cli.get(e.getKey()));
            assertEquals(
                    a,
                    b,
                    "numbers of '" + e.getKey() + "': window '" + e.getValue() + "', analyse '" + cli.get(e.getKey())
                            + "'");
            assertEquals(e.getValue(), cli.get(e.getKey()), e.getKey());
            compared += a.size();
        }
        List<String> cliHeader = new ArrayList<>();
        window.get("cutFlow").get("header").forEach(h -> cliHeader.add(h.asText()));
        assertEquals(header, cliHeader);
        List<List<String>> cliRows = new ArrayList<>();
        for (JsonNode r : window.get("cutFlow").get("rows")) {
            List<String> row = new ArrayList<>();
            r.forEach(c -> row.add(c.asText()));
            cliRows.add(row);
        }
        assertEquals(rows.size(), cliRows.size());
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < rows.get(i).size(); c++) {
                assertEquals(
                        numbers(rows.get(i).get(c)),
                        numbers(cliRows.get(i).get(c)),
                        "cut flow row " + rows.get(i).get(0) + ", " + header.get(c));
                compared += numbers(rows.get(i).get(c)).size();
            }
        }
        assertTrue(compared > 50, "numbers compared: " + compared);

        // blinded in both: the box count is hidden on screen and on the command line
        assertEquals("blinded", shown.get("region-BOX"));
        assertEquals("blinded", cli.get("region-BOX"));
    }
}
