package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.UserPreferences;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issues 12 and 13 in the shift crew's tab: a half-written file is not loaded until its footer is
 * complete; bad values of a run are shown; the alarm chime is a remembered toggle (off by default)
 * that never fails without a sound device; the DQ reference run is chosen in the window.
 */
class EventDisplayShiftCrewTest extends FxTestBase {
    private EventDisplayPane pane;
    private Preferences prefs;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        prefs = UserPreferences.inMemory();
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        pane.setPreferences(prefs);
        pane.setRunLoader(RunFiles::read);
        pane.setRun(DisplayRuns.mixed(1004, 40, 3));
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> pane.stopFollowing());
    }

    private static void waitUntil(String what, java.util.concurrent.Callable<Boolean> c) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** A copy of the run's cells (other stored columns default), changed by {@code edit} (event-major block). */
    static RunData withCells(RunData r, String source, Consumer<float[]> edit) {
        int nc = r.detector().cellCount();
        float[] block = new float[r.size() * nc];
        float[] buf = new float[nc];
        for (int e = 0; e < r.size(); e++) {
            r.cells().read(e, buf);
            System.arraycopy(buf, 0, block, e * nc, nc);
        }
        edit.accept(block);
        RunData.Builder b = RunData.builder(r.info(), r.detector(), r.size());
        for (var c : org.darkscope.event.Schema.of(r.detector()).stored()) {
            if (r.has(c.name())) {
                b.column(c.name(), r.columns().get(c.name()));
            }
        }
        return b.cells(new ArrayCellStore(block, nc)).source(source).build();
    }

    @Test
    void aHalfWrittenFileIsLoadedOnlyOnceItsFooterIsComplete(FxRobot robot) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("live"));
        Path full = tmp.resolve("whole.parquet");
        RunData run = DisplayRuns.mixed(7007, 30, 5);
        RunFiles.write(run, full);
        byte[] bytes = Files.readAllBytes(full);
        // preallocated / half-written: the first part of the file only, no footer
        Files.write(dir.resolve("late.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
        robot.clickOn("shift crew");
        robot.clickOn("#shift-path").write(dir.toString()).type(javafx.scene.input.KeyCode.ENTER);
        // a complete file written after it: once it is loaded, the watcher has seen the half file twice
        RunFiles.write(DisplayRuns.mixed(8008, 12, 6), dir.resolve("marker.parquet"));
        waitUntil(
                "the complete file",
                () -> fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 8008)));
        assertFalse(
                fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 7007)),
                "incomplete file not loaded");
        // the writer finishes the file: now it is read, whole
        Files.write(dir.resolve("late.parquet"), bytes);
        waitUntil(
                "the completed file",
                () -> fx(() -> pane.runs().stream().anyMatch(r -> r.info().runNumber() == 7007)));
        assertEquals(30, (int) fx(() -> pane.runs().stream()
                .filter(r -> r.info().runNumber() == 7007)
                .findFirst()
                .orElseThrow()
                .size()));
    }

    @Test
    void nanInfinityAndNegativeEnergiesOfARunAreCountedPerColumn(FxRobot robot) throws Exception {
        RunData base = DisplayRuns.mixed(9009, 20, 4);
        var cell = base.detector().ecalMain().cell(0, 0);
        int nc = base.detector().cellCount();
        RunData bad = withCells(base, "bad", b -> {
            b[cell.index()] = Float.NaN; // event 0
            b[nc + cell.index()] = Float.NaN; // event 1
            b[2 * nc + cell.index()] = Float.POSITIVE_INFINITY;
            b[3 * nc + cell.index()] = -0.5f;
        });
        Path f = tmp.resolve("bad.parquet");
        RunFiles.write(bad, f);
        RunData read = RunFiles.read(f);
        fx(() -> pane.setRun(read));
        String name = read.detector().cells().get(cell.index()).name();
        String shown = robot.lookup("#summary-badvalues").queryAs(Label.class).getText();
        assertTrue(shown.contains(name + ": 2 NaN, 1 +Inf, 1 negative"), shown);
        fx(() -> pane.setRun(base));
        assertTrue(robot.lookup("#summary-badvalues")
                .queryAs(Label.class)
                .getText()
                .startsWith("none"));
    }

    @Test
    void theAlarmChimeIsARememberedToggleOffByDefaultThatNeverFailsHeadless(FxRobot robot) throws Exception {
        robot.clickOn("shift crew");
        CheckBox sound = robot.lookup("#shift-alarm-sound").queryAs(CheckBox.class);
        assertFalse(sound.isSelected(), "off by default");
        robot.clickOn(sound);
        assertTrue(pane.alarm.soundOn());
        assertTrue(prefs.getBoolean(ShiftController.SOUND_KEY, false), "remembered");
        fx(() -> pane.raiseAlarm("ALARM test: 1 new event in or near the signal box"));
        assertTrue(pane.alarmRaised());
        pane.alarm.sound().awaitEnd(); // played, or failed quietly for want of a device
        assertTrue(robot.lookup("#alarm-banner").query().isVisible(), "the banner stays until acknowledged");
        robot.clickOn("#alarm-ack");
        assertFalse(pane.alarmRaised());
        // a new display with the same preferences starts with the chime on
        assertTrue(fx(() -> {
            EventDisplayPane p2 = new EventDisplayPane();
            p2.setPreferences(prefs);
            return p2.alarm.soundOn();
        }));
    }

    @Test
    void theDqReferenceChosenInTheWindowIsTheOneTheCellsAreComparedWith(FxRobot robot) {
        RunData good = DisplayRuns.mixed(11, 400, 21);
        var main = good.detector().ecalMain();
        var hotCell = main.cells().get(main.centralLocalIndex() + 1);
        int nc = good.detector().cellCount();
        Consumer<float[]> tenTimes = b -> {
            for (int i = hotCell.index(); i < b.length; i += nc) {
                b[i] *= 10;
            }
        };
        RunData hot = withCells(DisplayRuns.mixed(12, 400, 22), "hot-run", tenTimes);
        RunData hotToo = withCells(DisplayRuns.mixed(13, 400, 23), "hot-reference", tenTimes);
        fx(() -> {
            pane.addRun(good);
            pane.addRun(hotToo);
            pane.setRun(hot);
        });
        robot.clickOn("shift crew");
        fx(() -> ((javafx.scene.control.ScrollPane) pane.sideColumn()).setVvalue(1));
        // against a good reference run: the x10 cell is hot
        fx(() -> pane.shift.dqReference.setValue(good));
        robot.clickOn("#shift-accumulate");
        waitUntil(
                "DQ against the good run",
                () -> fx(() -> pane.shift.accResult.getText().contains("vs synthetic-run-11")));
        String vsGood = fx(() -> pane.shift.accResult.getText());
        assertTrue(vsGood.contains("hot: " + hotCell.name()), vsGood);
        // against a reference with the same x10 cell: nothing is hot
        robot.clickOn("#shift-dq-reference");
        robot.clickOn("run 13 (hot-reference)");
        robot.clickOn("#shift-accumulate");
        waitUntil(
                "DQ against the hot reference",
                () -> fx(() -> pane.shift.accResult.getText().contains("vs hot-reference")));
        String vsHot = fx(() -> pane.shift.accResult.getText());
        assertTrue(vsHot.contains("hot: none"), vsHot);
        // no reference: the run's own symmetric cells (dq without --reference)
        robot.clickOn("#shift-dq-reference");
        robot.clickOn(ShiftController.OWN_CELLS);
        robot.clickOn("#shift-accumulate");
        waitUntil(
                "DQ against own cells",
                () -> fx(() -> pane.shift.accResult.getText().contains("own symmetric cells")));
    }

    @Test
    void withoutAReferenceRunTheWindowChecksAgainstTheShowerModelWithTheVerdictOfDq(FxRobot robot) {
        var cfg = org.darkscope.sim.SimConfig.defaults(org.darkscope.sim.Mix.PHYSICS)
                .withEvents(6000)
                .withSeed(31)
                .withRunNumber(303);
        RunData clean = org.darkscope.sim.Simulator.simulate(cfg, org.darkscope.task.Progress.NONE);
        var d = clean.detector();
        RunData faulty = org.darkscope.dq.CellFaults.apply(
                clean,
                java.util.List.of(
                        org.darkscope.dq.CellFaults.parse(org.darkscope.dq.CellFaults.Kind.HOT, "ecal_main_r3c4", d),
                        org.darkscope.dq.CellFaults.parse(org.darkscope.dq.CellFaults.Kind.DEAD, "ecal_main_r1c3", d),
                        org.darkscope.dq.CellFaults.parse(org.darkscope.dq.CellFaults.Kind.DEAD, "hcal0_r1c0", d),
                        org.darkscope.dq.CellFaults.parse(
                                org.darkscope.dq.CellFaults.Kind.NOISY, "ecal_pre_r4c4=0.3", d)),
                cfg.zeroSuppression(),
                org.darkscope.sim.Digitization.CELL_STEP,
                7);
        // what dq RUN prints (the same method the command calls)
        var cli = org.darkscope.dq.DataQuality.check(faulty, null, org.darkscope.task.Progress.NONE);
        assertEquals(java.util.List.of("ecal_main_r3c4"), cli.names(org.darkscope.dq.CellFlag.HOT));
        assertEquals(java.util.List.of("ecal_main_r1c3", "hcal0_r1c0"), cli.names(org.darkscope.dq.CellFlag.DEAD));
        assertEquals(java.util.List.of("ecal_pre_r4c4"), cli.names(org.darkscope.dq.CellFlag.NOISY));
        fx(() -> pane.setRun(faulty));
        robot.clickOn("shift crew");
        fx(() -> ((javafx.scene.control.ScrollPane) pane.sideColumn()).setVvalue(1));
        assertEquals(
                ShiftController.OWN_CELLS,
                fx(() -> pane.shift.dqReference.getButtonCell().getText()));
        robot.clickOn("#shift-accumulate");
        waitUntil(
                "DQ against the model",
                () -> fx(() -> pane.shift.accResult.getText().contains("shower model")));
        String shown = fx(() -> pane.shift.accResult.getText());
        assertTrue(
                shown.contains("hot: ecal_main_r3c4; dead: ecal_main_r1c3, hcal0_r1c0; noisy: ecal_pre_r4c4"), shown);
        assertTrue(shown.contains(cli.summary()), "the window shows dq's verdict: " + shown);
    }
}
