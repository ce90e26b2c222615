package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Shift-crew tools: live follow, logbook PNG, alerts, accumulation. */
class EventDisplayShiftTest extends FxTestBase {
    private EventDisplayPane pane;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        pane.setRunLoader(RunFiles::read);
        pane.setRun(DisplayRuns.mixed(1004, 40, 3));
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
        RunData existing = DisplayRuns.mixed(4004, 12, 6);
        RunFiles.write(existing, dir.resolve("run4004.parquet"));
        robot.clickOn("shift crew");
        robot.clickOn("#shift-path").write(dir.toString()).type(KeyCode.ENTER);
        waitUntil(
                "the run already in the directory",
                () -> fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 4004)));
        RunData written = DisplayRuns.mixed(5005, 25, 8);
        RunFiles.write(written, dir.resolve("run5005.parquet"));
        // the newest run is shown at its last event
        waitUntil(
                "run 5005 shown",
                () -> fx(() -> pane.run() != null
                        && pane.run().info().runNumber() == 5005
                        && pane.currentEventProperty().get() == 24));
        String ecal = robot.lookup("#summary-ecal").queryAs(Label.class).getText();
        assertEquals(String.format("%.2f", written.floats("ecal")[24]), ecal);
        assertTrue(robot.lookup("#shift-status").queryAs(Label.class).getText().contains("run5005.parquet"));
        int boxEvents = inOrNearPublishedBox(written).size();
        assertTrue(boxEvents > 0);
        assertTrue(
                robot.lookup("#status")
                        .queryAs(Label.class)
                        .getText()
                        .endsWith("ALERT: " + boxEvents + " new events in or near the signal box"),
                robot.lookup("#status").queryAs(Label.class).getText());
        assertTrue(fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 1004)), "old run still loaded");

        // the file is replaced by a longer version of the same run (a run in progress growing)
        RunData grown = DisplayRuns.mixed(5005, 60, 8);
        RunFiles.write(grown, dir.resolve("run5005.parquet"));
        waitUntil("grown run", () -> fx(() -> pane.run().size() == 60));
        assertEquals(1, (long) fx(() -> (int)
                pane.runs().stream().filter(r -> r.info().runNumber() == 5005).count()));

        // a second file with the same run number is a second run, with a warning, never merged
        RunData other = DisplayRuns.mixed(5005, 10, 77);
        RunFiles.write(other, dir.resolve("run5005_other.parquet"));
        waitUntil(
                "the second file shown",
                () -> fx(() ->
                        pane.run().size() == 10 && pane.currentEventProperty().get() == 9));
        assertEquals(2, (long) fx(() -> (int)
                pane.runs().stream().filter(r -> r.info().runNumber() == 5005).count()));
        assertEquals(
                String.format("%.2f", other.floats("ecal")[9]),
                robot.lookup("#summary-ecal").queryAs(Label.class).getText(),
                "last event of the second file");
        String warned = robot.lookup("#shift-status").queryAs(Label.class).getText();
        assertTrue(
                warned.contains("WARNING: run 5005 also in run5005.parquet") && warned.contains("not merged"), warned);
        // the run choice names both by run number and file
        var names = fx(() -> pane.nav.runBox.getItems().stream()
                .map(r -> pane.nav.runBox.getConverter().toString(r))
                .toList());
        assertTrue(
                names.contains("run 5005 (run5005.parquet)") && names.contains("run 5005 (run5005_other.parquet)"),
                names.toString());

        // a deleted file's run is dropped (and the other file's run stays)
        Files.delete(dir.resolve("run5005_other.parquet"));
        waitUntil(
                "the deleted file's run dropped",
                () -> fx(() ->
                        pane.runs().stream().noneMatch(r -> r.displayName().equals("run5005_other.parquet"))));
        assertEquals(1, (long) fx(() -> (int)
                pane.runs().stream().filter(r -> r.info().runNumber() == 5005).count()));
        assertTrue(
                robot.lookup("#shift-status").queryAs(Label.class).getText().contains("run5005_other.parquet is gone"));
        assertTrue(
                fx(() -> pane.shiftController().alerts().stream()
                        .noneMatch(a -> a.file().equals("run5005_other.parquet"))),
                "its alerts are gone too");
    }

    @Test
    void f12SavesAPngIntoTheLogbook(FxRobot robot) throws Exception {
        Path logbook = tmp.resolve("logbook");
        fx(() -> pane.setLogbookFolder(logbook));
        robot.clickOn(pane.detectorView());
        robot.type(KeyCode.F12);
        waitUntil(
                "status",
                () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("saved"));
        List<Path> files;
        try (Stream<Path> s = Files.list(logbook)) {
            files = s.toList();
        }
        assertEquals(1, files.size());
        Path png = files.get(0);
        assertTrue(png.getFileName().toString().matches("darkscope-run1004-event0-.*\\.png"), png.toString());
        assertTrue(robot.lookup("#status")
                .queryAs(Label.class)
                .getText()
                .contains(png.getFileName().toString()));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        // a rendered image at 2x: the 3D view and the cell maps side by side, the caption below
        double viewW = fx(() -> pane.centre().getLayoutBounds().getWidth());
        double viewH = fx(() -> pane.centre().getLayoutBounds().getHeight());
        double mapsW = fx(() -> pane.cellMap.getLayoutBounds().getWidth());
        assertEquals(Math.ceil(2 * viewW) + 16 + Math.ceil(2 * mapsW), img.getWidth(), 3.0);
        assertTrue(img.getHeight() > 2 * viewH, "caption under the views: " + img.getHeight() + " vs " + 2 * viewH);
        String caption = fx(() -> pane.logbookCaption());
        assertTrue(
                caption.contains("run 1004")
                        && caption.contains("spill 1")
                        && caption.contains("event 0")
                        && caption.contains("t = 0.000000 s")
                        && caption.contains("selection")
                        && caption.contains("box not blinded"),
                caption);
    }

    /** Rows in or near the published box (E_ECAL < 50 * 1.2, E_HCAL < 1 * 1.2 GeV), computed here. */
    static List<Integer> inOrNearPublishedBox(RunData r) {
        List<Integer> rows = new java.util.ArrayList<>();
        for (int e = 0; e < r.size(); e++) {
            if (r.floats("ecal")[e] < 60 && r.floats("hcal")[e] < 1.2) {
                rows.add(e);
            }
        }
        return rows;
    }

    @Test
    void alertsOfFollowedFilesAreListedNewestFirstAndRaiseAnAlarmUntilAcknowledged(FxRobot robot) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("alerts"));
        RunData a = DisplayRuns.mixed(6006, 300, 9);
        RunFiles.write(a, dir.resolve("a.parquet"));
        int na = inOrNearPublishedBox(a).size();
        assertTrue(na > 0, "run a has events in or near the box");
        robot.clickOn("shift crew");
        fx(() -> pane.followDirectory(dir));
        waitUntil("alerts of a", () -> fx(() -> pane.shift.alerts.getItems().size() == na));
        assertTrue(fx(() -> pane.alarmRaised()), "a new file with alerts raises the alarm");
        String alarm = robot.lookup("#alarm-text").queryAs(Label.class).getText();
        assertTrue(alarm.contains("a.parquet"), alarm);
        // the alarm names the newest alert of the file: its last event in or near the box
        int lastA = inOrNearPublishedBox(a).get(na - 1);
        assertTrue(
                alarm.contains(
                        "spill " + (1 + lastA / DisplayRuns.SPILL_EVENTS) + " event " + a.ints("event")[lastA] + ")"),
                alarm);
        robot.clickOn("#alarm-ack");
        assertTrue(!fx(() -> pane.alarmRaised()), "acknowledged");

        RunData b = DisplayRuns.mixed(6007, 120, 10);
        List<Integer> bRows = inOrNearPublishedBox(b);
        RunFiles.write(b, dir.resolve("b.parquet"));
        waitUntil("alerts of b", () -> fx(() -> pane.shift.alerts.getItems().size() == na + bRows.size()));
        assertTrue(fx(() -> pane.alarmRaised()), "the second file raises it again");
        List<ShiftAlerts.Alert> items = fx(() -> List.copyOf(pane.shift.alerts.getItems()));
        // newest file first, and in it the latest event first
        for (int k = 0; k < bRows.size(); k++) {
            ShiftAlerts.Alert al = items.get(k);
            assertEquals("b.parquet", al.file());
            int row = bRows.get(bRows.size() - 1 - k);
            assertEquals(row, al.row());
            assertEquals(6007, al.runNumber());
            assertEquals(1 + row / DisplayRuns.SPILL_EVENTS, al.spill());
            String text = al.describe();
            assertTrue(
                    text.contains("b.parquet")
                            && text.contains("run 6007")
                            && text.contains("spill " + al.spill())
                            && text.contains("event " + b.ints("event")[row])
                            && text.contains("t = "),
                    text);
        }
        assertTrue(items.subList(bRows.size(), items.size()).stream()
                .allMatch(x -> x.file().equals("a.parquet")));
        // clicking an alert shows its event
        ShiftAlerts.Alert pick = items.get(bRows.size() + 1);
        fx(() -> pane.shift.alerts.getSelectionModel().select(pick));
        fx(() -> pane.shift.alerts.getOnMouseClicked().handle(null));
        assertEquals(6006, fx(() -> pane.run().info().runNumber()));
        assertEquals(pick.row(), pane.currentEventProperty().get());
    }

    @Test
    void blindedFollowedDataRaiseNoAlertInTheBoxAndItsEventsCannotBeReached(FxRobot robot) throws Exception {
        var box = org.darkscope.analysis.SignalBox.published();
        fx(() -> pane.setBlinding(r -> box));
        Path dir = Files.createDirectory(tmp.resolve("blind"));
        RunData a = DisplayRuns.mixed(7007, 300, 11);
        RunFiles.write(a, dir.resolve("a.parquet"));
        List<Integer> near = inOrNearPublishedBox(a);
        List<Integer> inBox = near.stream()
                .filter(e -> a.floats("ecal")[e] < 50 && a.floats("hcal")[e] < 1)
                .toList();
        assertTrue(!inBox.isEmpty(), "the run has box events");
        int visibleAlerts = near.size() - inBox.size();
        fx(() -> pane.followDirectory(dir));
        waitUntil(
                "run 7007",
                () -> fx(() -> pane.run() != null && pane.run().info().runNumber() == 7007));
        waitUntil("alerts", () -> fx(() -> pane.shift.alerts.getItems().size() == visibleAlerts));
        assertTrue(fx(() -> pane.shift.alerts.getItems().stream().noneMatch(ShiftAlerts.Alert::inBox)));
        // no browse list of the followed run reaches a box event
        for (BrowseFilter f : fx(() -> List.copyOf(pane.model.filters()))) {
            int[] rows = f.rows().get();
            int[] all =
                    rows == null ? java.util.stream.IntStream.range(0, a.size()).toArray() : rows;
            for (int e : all) {
                assertTrue(!inBox.contains(e), f.label() + " reaches box event row " + e);
            }
        }
        // jumping to a box event is refused with a message
        int boxEvent = a.ints("event")[inBox.get(0)];
        int before = pane.currentEventProperty().get();
        robot.clickOn("#nav-jump").write(String.valueOf(boxEvent)).type(KeyCode.ENTER);
        assertEquals(before, pane.currentEventProperty().get());
        assertTrue(
                robot.lookup("#status").queryAs(Label.class).getText().contains("blinded"),
                robot.lookup("#status").queryAs(Label.class).getText());
    }

    @Test
    void perSpillTrendChartsTheShownRun(FxRobot robot) {
        // 160 events in spills of 50: 50, 50, 50, 10
        fx(() -> pane.setRun(DisplayRuns.mixed(8008, 160, 13)));
        robot.clickOn("shift crew");
        var series = fx(() -> pane.shift.trends.chart.getData().get(0).getData().stream()
                .map(d -> List.of(d.getXValue().doubleValue(), d.getYValue().doubleValue()))
                .toList());
        assertEquals(List.of(List.of(1.0, 50.0), List.of(2.0, 50.0), List.of(3.0, 50.0), List.of(4.0, 10.0)), series);
        fx(() -> pane.shift.trends.quantity.setValue(SpillTrendView.Quantity.MEAN_ECAL));
        RunData r = pane.run();
        double sum = 0;
        for (int e = 0; e < 50; e++) {
            sum += r.floats("ecal")[e];
        }
        double first = fx(() -> pane.shift
                .trends
                .chart
                .getData()
                .get(0)
                .getData()
                .get(0)
                .getYValue()
                .doubleValue());
        assertEquals(sum / 50, first, 1e-6);
    }

    @Test
    void cellNumbersAreDarkOnTheBrightestColour(FxRobot robot) {
        DisplayTestSupport.flush(pane);
        RunData run = pane.run();
        int e = pane.currentEventProperty().get();
        float[] cells = new float[run.detector().cellCount()];
        run.cells().read(e, cells);
        int hottest = 0;
        for (int i = 1; i < cells.length; i++) {
            if (cells[i] > cells[hottest]) {
                hottest = i;
            }
        }
        String name = run.detector().cells().get(hottest).name();
        // auto range per event: the hottest cell has the top colour of viridis (yellow); the number on
        // it is black as the user sees it, i.e. after the dark theme's stylesheet is applied
        javafx.scene.paint.Paint fill =
                fx(() -> robot.lookup("#map-" + name).queryAs(Label.class).getTextFill());
        assertEquals(javafx.scene.paint.Color.BLACK, fill, name + " " + cells[hottest] + " GeV");
        // also after the grids are rebuilt for a projector
        fx(() -> pane.setPresentationScale(2));
        DisplayTestSupport.flush(pane);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                javafx.scene.paint.Color.BLACK,
                fx(() -> robot.lookup("#map-" + name).queryAs(Label.class).getTextFill()),
                "at projector scale");
        fx(() -> pane.setPresentationScale(1));
    }

    @Test
    void accumulationShowsOccupancyInTheCellMap(FxRobot robot) {
        RunData run = pane.run();
        robot.clickOn("shift crew");
        fx(() -> ((javafx.scene.control.ScrollPane) pane.sideColumn()).setVvalue(1));
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
        assertEquals(
                expected,
                robot.lookup("#map-" + cell.name()).queryAs(Label.class).getText());
        assertTrue(fx(() -> pane.legend.titleText()).startsWith("occupancy [%]"));
        assertTrue(fx(() -> pane.legend.titleText()).contains("auto over the run"), pane.legend.titleText());
        // the logbook caption of an accumulated map names the accumulation, not the event under it
        String caption = fx(() -> pane.logbookCaption());
        assertTrue(caption.contains("occupancy accumulated over " + run.size() + " events"), caption);
        assertFalse(caption.contains("event 0"), caption);

        // a fixed range applies to the accumulated map too, in its unit (%): the legend ends at 5, not at
        // the hottest cell's occupancy
        String[] auto = fx(() -> pane.legend.tickTexts());
        double top = Double.parseDouble(auto[auto.length - 1]);
        assertTrue(top > 20, "auto: the central cell's occupancy, " + top);
        fx(() -> {
            pane.options.min.setText("0");
            pane.options.max.setText("5");
            pane.options.max.fireEvent(new javafx.event.ActionEvent());
        });
        DisplayTestSupport.flush(pane);
        String[] ticks = fx(() -> pane.legend.tickTexts());
        assertEquals(5.0, Double.parseDouble(ticks[ticks.length - 1]), 1e-9, String.join(" ", ticks));
        assertTrue(fx(() -> pane.legend.titleText()).contains("fixed range"), pane.legend.titleText());
    }
}
