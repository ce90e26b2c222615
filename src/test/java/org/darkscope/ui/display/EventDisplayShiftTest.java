package org.darkscope.ui.display;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shift-crew tools: live follow, logbook PNG, alerts, accumulation. */
@ExtendWith(ApplicationExtension.class)
class EventDisplayShiftTest {
    private EventDisplayPane pane;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        pane = DisplayTestSupport.show(stage);
        pane.setRunLoader(RunFiles::read);
        pane.setRun(SyntheticRuns.mixed(1004, 40, 3));
    }

    @AfterEach
    void stop() {
        fx(() -> pane.stopFollowing());
    }

    private static void waitUntil(String what, java.util.concurrent.Callable<Boolean> c) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    @Test
    void aRunWrittenIntoTheFollowedDirectoryShowsUp(FxRobot robot) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("live"));
        RunData existing = SyntheticRuns.mixed(4004, 12, 6);
        RunFiles.write(existing, dir.resolve("run4004.parquet"));
        robot.clickOn("shift crew");
        robot.clickOn("#shift-path").write(dir.toString()).type(KeyCode.ENTER);
        waitUntil("the run already in the directory", () -> fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 4004)));
        RunData written = SyntheticRuns.mixed(5005, 25, 8);
        RunFiles.write(written, dir.resolve("run5005.parquet"));
        // the newest run is shown at its last event
        waitUntil("run 5005 shown", () -> fx(() -> pane.run() != null && pane.run().info().runNumber() == 5005
                && pane.currentEventProperty().get() == 24));
        String ecal = robot.lookup("#summary-ecal").queryAs(Label.class).getText();
        assertEquals(String.format("%.2f", written.floats("ecal")[24]), ecal);
        assertTrue(robot.lookup("#shift-status").queryAs(Label.class).getText().contains("run5005.parquet"));
        int boxEvents = new RegionRules().alerts(written).length;
        assertTrue(boxEvents > 0);
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().endsWith("ALERT: " + boxEvents + " new events in or near the signal box"),
                robot.lookup("#status").queryAs(Label.class).getText());
        assertTrue(fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 1004)), "old run still loaded");

        // the file is replaced by a longer version of the same run (a run in progress growing)
        RunData grown = SyntheticRuns.mixed(5005, 60, 8);
        RunFiles.write(grown, dir.resolve("run5005.parquet"));
        waitUntil("grown run", () -> fx(() -> pane.run().size() == 60));
        assertEquals(1, (long) fx(() -> (int) pane.runs().stream().filter(r -> r.info().runNumber() == 5005).count()));

        // a second chunk file of the same run joins it
        RunData chunk2 = SyntheticRuns.mixed(5005, 10, 77);
        RunFiles.write(chunk2, dir.resolve("run5005_chunk2.parquet"));
        waitUntil("joined chunks", () -> fx(() -> pane.run().size() == 70 && pane.currentEventProperty().get() == 69));
        assertEquals(1, (long) fx(() -> (int) pane.runs().stream().filter(r -> r.info().runNumber() == 5005).count()));
        assertEquals(String.format("%.2f", chunk2.floats("ecal")[9]),
                robot.lookup("#summary-ecal").queryAs(Label.class).getText(), "last event of the second chunk");
        assertTrue(robot.lookup("#shift-status").queryAs(Label.class).getText().contains("2 chunks"));
    }

    @Test
    void f12SavesAPngIntoTheLogbook(FxRobot robot) throws Exception {
        Path logbook = tmp.resolve("logbook");
        fx(() -> pane.setLogbookFolder(logbook));
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.F12);
        waitUntil("status", () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("saved"));
        List<Path> files;
        try (Stream<Path> s = Files.list(logbook)) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        Path png = files.get(0);
        assertTrue(png.getFileName().toString().matches("darkscope-run1004-event0-.*\\.png"), png.toString());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains(png.getFileName().toString()));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1240, img.getWidth());
    }

    @Test
    void alertListHoldsTheBoxEventsAndShowsThem(FxRobot robot) {
        RunData run = pane.run();
        int[] expected = new RegionRules().alerts(run);
        assertTrue(expected.length > 0);
        robot.clickOn("shift crew");
        int n = fx(() -> pane.shift.alerts.getItems().size());
        assertEquals(expected.length, n);
        fx(() -> pane.shift.alerts.getSelectionModel().select(n - 1));
        robot.clickOn("#shift-alerts");
        fx(() -> pane.shift.alerts.getSelectionModel().select(n - 1));
        fx(() -> pane.shift.alerts.getOnMouseClicked().handle(null));
        assertEquals(expected[n - 1], pane.currentEventProperty().get());
    }

    @Test
    void accumulationShowsOccupancyInTheCellMap(FxRobot robot) {
        RunData run = pane.run();
        robot.clickOn("shift crew");
        robot.clickOn("#shift-accumulate");
        waitUntil("accumulation", () -> pane.accumulation() != null);
        fx(() -> pane.options.mode.setValue(DisplayMode.OCCUPANCY));
        DisplayTestSupport.flush(pane);
        // occupancy of the central ECAL main cell, counted here
        var cell = run.detector().ecalMain().cell(2, 2);
        int hits = 0;
        for (int e = 0; e < run.size(); e++) {
            if (run.cells().get(e, cell.index()) >= ShiftController.OCCUPANCY_THRESHOLD_GEV) {
                hits++;
            }
        }
        String expected = String.format("%.1f", 100.0 * hits / run.size());
        assertEquals(expected, robot.lookup("#map-" + cell.name()).queryAs(Label.class).getText());
        assertTrue(fx(() -> pane.legend.titleText()).startsWith("occupancy [%]"));
    }
}
