package org.darkscope.ui.workbench;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.DarkScopeApp;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** PNG at 4K, CSV of the tables, and a session saved and reopened exactly. */
class ExportAndSessionTest extends FxTestBase {
    @TempDir
    static Path dir;

    private Workbench wb;

    @Start
    void start(Stage stage) {
        MainViewModel model = new MainViewModel(new Session(), DarkScopeApp.defaultReader(), now, recentRuns);
        // stage 1 (counts, cut flow, efficiency) on this thread: on screen when the gesture returns;
        // stage 2 (fits, limits) in the background as in the application
        wb = Workbench.create(
                model,
                now,
                new org.darkscope.session.BackgroundTaskExecutor("test-details", 1),
                new org.darkscope.ui.FxTaskExecutor());
        Scene scene = show(stage, wb.window(), 1200, 760);
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    private Path write(RunData r, String name) throws Exception {
        Path f = dir.resolve(name);
        RunFiles.write(r, f);
        return f;
    }

    @Test
    void planeExportsAtFourKAndTablesAsCsv(FxRobot robot) throws Exception {
        robot.interact(() -> wb.model().addRun(RunFixtures.random(5000, 3), RunRole.DATA));
        Path png = dir.resolve("plane.png");
        robot.interact(() -> wb.exportFigure("energy plane", 3840, 2160, png));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(3840, img.getWidth());
        assertEquals(2160, img.getHeight());
        // not blank: the density map puts many distinct colours in the picture
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 16) {
            for (int x = 0; x < img.getWidth(); x += 16) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "distinct colours: " + colours.size());
        // drawn over the whole picture, not at screen size in a corner: ink in the right and bottom tenth
        boolean right = false;
        boolean bottom = false;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                boolean ink = (img.getRGB(x, y) & 0xffffff) != 0xffffff;
                right |= ink && x > img.getWidth() * 0.9;
                bottom |= ink && y > img.getHeight() * 0.9;
            }
        }
        assertTrue(right && bottom, "right " + right + ", bottom " + bottom);
        // the view in the window is untouched
        assertTrue(wb.planeView().getWidth() < 3000);

        Path csv = dir.resolve("cutflow.csv");
        robot.interact(() -> wb.exportCsv(csv));
        List<String> lines = Files.readAllLines(csv);
        var flow = wb.model().session().result().runs().get(0).cutFlow();
        assertEquals(flow.rows().size() + 2, lines.size());
        // one number per cell after the cut name: no "94.67 %" or formatted intervals
        for (String l : lines.subList(1, lines.size())) {
            String[] cells = l.split(",");
            for (int i = 1; i < cells.length; i++) {
                Double.parseDouble(cells[i]);
            }
        }
        assertEquals(Long.toString(flow.rows().get(0).after()), lines.get(2).split(",")[1]);
        List<String> events = Files.readAllLines(dir.resolve("cutflow-events.csv"));
        assertEquals(wb.window().eventTable().rowCount() + 1, events.size());
        List<String> res = Files.readAllLines(dir.resolve("cutflow-results.csv"));
        assertTrue(res.stream().anyMatch(l -> l.startsWith("region-A,")));
    }

    @Test
    void exclusionFigureIsTheSameWhetherItsTabIsShownOrNot(FxRobot robot) throws Exception {
        robot.interact(() -> wb.model().addRun(RunFixtures.random(5000, 3), RunRole.DATA));
        org.testfx.util.WaitForAsyncUtils.waitFor(
                20,
                java.util.concurrent.TimeUnit.SECONDS,
                () -> wb.model().session().details() != null);
        Path hidden = dir.resolve("hidden.svg");
        robot.interact(() -> wb.exportFigure("exclusion ε vs m_A'", 1600, 1000, hidden));
        robot.interact(() -> wb.window().resultTabs().getSelectionModel().select(4));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Path shown = dir.resolve("shown.svg");
        robot.interact(() -> wb.exportFigure("exclusion ε vs m_A'", 1600, 1000, shown));
        assertEquals(Files.readString(hidden), Files.readString(shown));
        assertTrue(Files.readString(shown).contains("m_A' [MeV]"));
    }

    @Test
    void sessionReopensWithTheSameRunsSelectionAndViews(FxRobot robot) throws Exception {
        Path data = write(RunFixtures.random(3000, 4), "data.parquet");
        Path sig = write(RunFixtures.signal(1000, 16.7, 5), "signal.parquet");
        Session s = wb.model().session();
        robot.interact(() -> {
            wb.model().openRun(data, RunRole.DATA);
            wb.model().openRun(sig, RunRole.SIGNAL);
            Selection sel = s.selection();
            s.setSelection(sel.withBox(sel.box().withEcalMax(42.5))
                    .withCutEnabled("veto", false)
                    .withBlinded(false));
            wb.planeView().setLogHcal(true);
            wb.window().resultTabs().getSelectionModel().select(3);
        });
        assertEquals(2, s.runs().size());
        Selection saved = s.selection();
        Path file = dir.resolve("my.session.json");
        robot.interact(() -> wb.saveSession(file));
        // change everything, then reopen
        robot.interact(() -> {
            s.clearRuns();
            s.setSelection(Selection.published());
            wb.planeView().setLogHcal(false);
            wb.window().resultTabs().getSelectionModel().select(0);
        });
        robot.interact(() -> wb.openSession(file));
        assertEquals(saved, s.selection());
        assertEquals(
                List.of(data.toAbsolutePath(), sig.toAbsolutePath()),
                s.runs().stream().map(OpenRun::path).toList());
        assertEquals(
                List.of(RunRole.DATA, RunRole.SIGNAL),
                s.runs().stream().map(OpenRun::role).toList());
        assertTrue(wb.planeView().isLogHcal());
        assertEquals(3, wb.window().resultTabs().getSelectionModel().getSelectedIndex());
        assertFalse(s.isBlinded());
        assertNotNull(s.result());
    }
}
