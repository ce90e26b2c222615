package org.darkscope.ui.display;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.DirectoryChooser;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.io.DirectoryWatcher;
import org.darkscope.session.RunReader;
import org.darkscope.task.Progress;

/**
 * Drives the shift-crew panel: live follow of a directory, the alerts of each followed file (with
 * the current selection and box, blinding respected, data runs only) and their alarm, and the
 * accumulation of cell occupancy and mean energy.
 */
final class ShiftController {
    private static final System.Logger LOG = System.getLogger(ShiftController.class.getName());
    /** Accumulation counts a cell as hit above this energy (GeV) [display choice, above noise]. */
    static final double OCCUPANCY_THRESHOLD_GEV = EnergyScale.DEFAULT_EMPTY_THRESHOLD_GEV;
    /** How often the followed directory is polled. */
    static final java.time.Duration POLL_INTERVAL = DirectoryWatcher.DEFAULT_INTERVAL;

    private final EventDisplayPane pane;
    private final ShiftToolsPanel ui;
    private RunReader loader;
    private Function<RunData, RunResult> evaluator;
    private DirectoryWatcher watcher;
    private Path followed;
    private Task<CellAccumulation> accTask;
    private final ShiftAlerts.AlertLog log = new ShiftAlerts.AlertLog();
    /**
     * Runs read from the followed directory, by file: a run is identified by its file and its run
     * number together, so two files with the same run number are two runs (with a warning), never merged.
     */
    private final Map<Path, RunData> followedFiles = new HashMap<>();

    private java.util.prefs.Preferences prefs;
    static final String SOUND_KEY = "alarmSound";

    ShiftController(EventDisplayPane pane, ShiftToolsPanel ui) {
        this.pane = pane;
        this.ui = ui;
        ui.follow.selectedProperty().addListener((o, a, on) -> {
            if (on && watcher == null) {
                String p = ui.followPath.getText().strip();
                if (p.isEmpty()) {
                    ui.followStatus.setText("type or choose a directory first");
                    ui.follow.setSelected(false);
                    return;
                }
                follow(Path.of(p));
            } else if (!on && watcher != null) {
                stopFollowing();
            }
        });
        // Enter in the path field follows that directory, also while another one is followed
        ui.followPath.setOnAction(e -> {
            String p = ui.followPath.getText().strip();
            if (p.isEmpty()) {
                ui.followStatus.setText("type or choose a directory first");
            } else if (watcher == null || !Path.of(p).equals(followed)) {
                follow(Path.of(p));
            }
        });
        ui.choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Directory to follow");
            java.io.File f = dc.showDialog(
                    pane.getScene() == null ? null : pane.getScene().getWindow());
            if (f != null) {
                ui.followPath.setText(f.getPath());
                follow(f.toPath());
            }
        });
        ui.alerts.setOnMouseClicked(e -> showAlert());
        ui.alerts.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                showAlert();
            }
        });
        ui.accumulate.setOnAction(e -> accumulate());
        ui.alarmSound.selectedProperty().addListener((o, a, on) -> {
            pane.alarm.setSoundOn(on);
            if (prefs != null) {
                prefs.putBoolean(SOUND_KEY, on);
            }
        });
        ui.dqReference.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunData r) {
                return r == null ? OWN_CELLS : "run " + r.info().runNumber() + " (" + r.displayName() + ")";
            }

            @Override
            public RunData fromString(String s) {
                return null;
            }
        });
        ui.dqReference.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RunData r, boolean empty) {
                super.updateItem(r, empty);
                setText(ui.dqReference.getConverter().toString(empty ? null : r));
            }
        });
    }

    /** The DQ reference entry meaning "no reference run" ({@code dq} without --reference). */
    static final String OWN_CELLS = "own expectation (shower model, as dq)";

    /** Remembers the alarm-sound choice (default off). */
    void setPreferences(java.util.prefs.Preferences p) {
        prefs = p;
        ui.alarmSound.setSelected(p != null && p.getBoolean(SOUND_KEY, false));
    }

    /** The loaded runs changed: the DQ reference choice lists them (keeping the chosen one if still loaded). */
    void runsChanged() {
        RunData keep = ui.dqReference.getValue();
        java.util.List<RunData> items = new ArrayList<>();
        items.add(null);
        items.addAll(pane.runs());
        ui.dqReference.getItems().setAll(items);
        ui.dqReference.setValue(keep != null && pane.runs().contains(keep) ? keep : null);
    }

    private void showAlert() {
        ShiftAlerts.Alert a = ui.alerts.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        if (!pane.runs().contains(a.run())) {
            return; // its file was deleted
        }
        if (a.run() != pane.run()) {
            pane.setRun(a.run());
        }
        pane.showEvent(a.row());
    }

    void setLoader(RunReader l) {
        this.loader = l;
    }

    void setEvaluator(Function<RunData, RunResult> e) {
        this.evaluator = e;
    }

    /** The alerts of all followed files, newest first. */
    List<ShiftAlerts.Alert> alerts() {
        return log.all();
    }

    /** Loads the run files in {@code dir}, then polls it (io's DirectoryWatcher); runs are added to the model. */
    void follow(Path dir) {
        stopFollowing();
        if (loader == null) {
            ui.followStatus.setText("cannot follow: no run-file reader configured");
            ui.follow.setSelected(false);
            return;
        }
        if (!Files.isDirectory(dir)) {
            ui.followStatus.setText("not a directory: " + dir);
            ui.follow.setSelected(false);
            return;
        }
        RunReader l = loader;
        Function<RunData, RunResult> eval = evaluator;
        DisplayModel model = pane.model;
        followedFiles.clear();
        log.clear();
        ui.alerts.getItems().clear();
        watcher = new DirectoryWatcher(
                dir,
                file -> {
                    try {
                        RunData r = l.read(file, Progress.NONE);
                        // the selection is evaluated here, off the FX thread (data runs only)
                        RunResult rr = eval != null && model.isData(r) ? eval.apply(r) : null;
                        Platform.runLater(() -> arrived(file, r, rr));
                    } catch (Exception ex) {
                        LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + ex);
                        Platform.runLater(() ->
                                ui.followStatus.setText("cannot read " + file.getFileName() + ": " + ex.getMessage()));
                    }
                },
                POLL_INTERVAL,
                true,
                file -> Platform.runLater(() -> removed(file)));
        followed = dir;
        ui.followPath.setText(dir.toString());
        ui.followStatus.setText("following " + dir + " (polling every " + POLL_INTERVAL.toMillis() + " ms)");
        if (!ui.follow.isSelected()) {
            ui.follow.setSelected(true);
        }
        try {
            watcher.start();
        } catch (java.io.IOException ex) {
            ui.followStatus.setText("cannot follow " + dir + ": " + ex.getMessage());
            stopFollowing();
        }
    }

    void stopFollowing() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
            followed = null;
            ui.followStatus.setText("not following");
        }
        if (ui.follow.isSelected()) {
            ui.follow.setSelected(false);
        }
    }

    /** A complete new or rewritten file: its run is added (or replaces the file's earlier run), its alerts logged. */
    private void arrived(Path file, RunData r, RunResult evaluated) {
        DisplayModel model = pane.model;
        RunData old = followedFiles.put(file, r);
        int runNo = r.info().runNumber();
        boolean wasCurrent = old != null && old == pane.run();
        if (old == null || !model.replaceRun(old, r)) {
            model.addRun(r);
        }
        // the same run number in another file: two runs, never merged (simulate defaults to run 1)
        List<String> twins = model.runs().stream()
                .filter(o -> o != r && o.info().runNumber() == runNo)
                .map(RunData::displayName)
                .toList();
        String warning = twins.isEmpty()
                ? ""
                : " - WARNING: run " + runNo + " also in " + String.join(", ", twins)
                        + ": shown as separate runs, not merged";
        // alerts of this file: selected events in or near the box, the box itself hidden while blinded
        int fresh = 0;
        List<ShiftAlerts.Alert> fileAlerts = new ArrayList<>();
        if (model.isData(r)) {
            SignalBox box = evaluated != null ? evaluated.selection().box() : model.box();
            boolean hidden = evaluated != null ? evaluated.boxHidden() : model.hiddenBox(r) != null;
            int[] rows = ShiftAlerts.rows(
                    r, evaluated == null ? null : evaluated.selectedEvents(), box, model.nearMargin(), hidden);
            String name = file.getFileName().toString();
            for (int row : rows) {
                fileAlerts.add(ShiftAlerts.Alert.of(name, r, row, box));
            }
            fresh = log.update(name, fileAlerts);
            ui.alerts.getItems().setAll(log.all());
            updateAlertTitle();
        }
        // without an evaluator (no analysis attached) every event counts, not only the selected ones
        String what = evaluated != null ? " new selected event" : " new event";
        String msg = (old != null ? "updated " : "new ") + file.getFileName() + ": run " + runNo + ", "
                + r.size() + " events" + warning
                + (fresh > 0 ? " - ALERT: " + fresh + what + "s in or near the signal box" : "");
        ui.followStatus.setText(msg);
        if (fresh > 0) {
            ShiftAlerts.Alert newest = log.all().get(0);
            pane.raiseAlarm("ALARM  " + file.getFileName() + ": " + fresh + what + (fresh == 1 ? "" : "s")
                    + " in or near the signal box (run " + newest.runNumber() + ", newest: spill " + newest.spill()
                    + " event " + newest.event() + ")");
        }
        if (wasCurrent) {
            int keep = pane.currentEventProperty().get();
            boolean atEnd = keep == old.size() - 1;
            pane.setRun(r);
            // stay on the event being looked at, or keep following the newest event
            int row = atEnd || keep < 0 || keep >= r.size() ? r.size() - 1 : keep;
            if (row >= 0) {
                pane.showEvent(row);
            }
        } else if (ui.showNewest.isSelected() && r.size() > 0) {
            pane.setRun(r);
            pane.showEvent(r.size() - 1);
        }
        pane.setStatus(msg);
    }

    /** A reported file was deleted (or is being rewritten): its run and its alerts are dropped. */
    private void removed(Path file) {
        RunData old = followedFiles.remove(file);
        if (old == null) {
            return;
        }
        pane.model.removeRun(old);
        log.remove(file.getFileName().toString());
        ui.alerts.getItems().setAll(log.all());
        updateAlertTitle();
        String msg =
                file.getFileName() + " is gone: run " + old.info().runNumber() + " (" + old.displayName() + ") dropped";
        ui.followStatus.setText(msg);
        pane.setStatus(msg);
    }

    /** The shown run changed (or grew): the alert title names the box in force, the trends follow the run. */
    void runChanged() {
        updateAlertTitle();
        RunData r = pane.run();
        if (r != null) {
            DisplayModel m = pane.model;
            SignalBox box = m.box();
            boolean hidden = m.hiddenBox(r) != null;
            if (r.size() <= DisplayModel.ASYNC_ABOVE) {
                ui.trends.setSpills(org.darkscope.dq.SpillTrends.of(r, box, hidden), r.displayName());
            } else {
                // a scan of every event: on the background thread for a big run (issue 15)
                pane.background().execute(() -> {
                    var spills = org.darkscope.dq.SpillTrends.of(r, box, hidden);
                    javafx.application.Platform.runLater(() -> {
                        if (pane.run() == r) {
                            ui.trends.setSpills(spills, r.displayName());
                        }
                    });
                });
            }
        }
    }

    private void updateAlertTitle() {
        SignalBox b = pane.model.box();
        ui.alertTitle.setText(
                "alerts of followed files, newest first: " + log.all().size()
                        + " selected events in or near the signal box (E_ECAL < " + fmt(b.ecalMax()) + ", E_HCAL < "
                        + fmt(b.hcalMax())
                        + " GeV, +" + Math.round(100 * pane.model.nearMargin()) + " %; blinded box hidden)");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Accumulates occupancy and mean energy over the browsed events on the background executor. */
    void accumulate() {
        RunData r = pane.run();
        if (r == null) {
            return;
        }
        if (accTask != null) {
            accTask.cancel();
        }
        int[] browsed = pane.browsedRows();
        // every visible row of a blinded run: found on the worker (a scan of the whole run)
        org.darkscope.analysis.SignalBox hidden = browsed == null ? pane.model.hiddenBox(r) : null;
        RunData ref = ui.dqReference.getValue() == r ? null : ui.dqReference.getValue();
        if (ref != null && ref.detector().cellCount() != r.detector().cellCount()) {
            ui.accResult.setText(
                    "reference " + ref.displayName() + " has " + ref.detector().cellCount() + " cells, the run "
                            + r.detector().cellCount() + ": not the same detector; choose another reference");
            return;
        }
        Task<CellAccumulation> t = new Task<>() {
            @Override
            protected CellAccumulation call() {
                Task<CellAccumulation> self = this;
                Progress p = new Progress() {
                    @Override
                    public void update(double f, String m) {
                        updateProgress(f, 1);
                        updateMessage(m);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                };
                int[] use = browsed != null ? browsed : DisplayModel.visibleRows(r, hidden);
                CellAccumulation acc = CellAccumulation.compute(r, use, OCCUPANCY_THRESHOLD_GEV, p);
                // hot, dead and noisy cells: the one check of dq (whole run, against the reference run, or
                // without one against the shower model with the run's own settings), so both give one verdict
                acc.setQuality(
                        org.darkscope.dq.DataQuality.check(r, ref, org.darkscope.dq.DataQuality.Expectation.AUTO, p));
                return acc;
            }
        };
        accTask = t;
        ui.accProgress.progressProperty().bind(t.progressProperty());
        ui.accResult.textProperty().bind(t.messageProperty());
        t.setOnSucceeded(e -> {
            ui.accResult.textProperty().unbind();
            CellAccumulation acc = t.getValue();
            if (r != pane.run()) {
                return;
            }
            pane.setAccumulation(acc);
            ui.accResult.setText(acc.events() + " events accumulated. " + acc.qualityReport()
                    + " Choose 'occupancy' or 'mean energy' to see the maps.");
        });
        t.setOnFailed(e -> {
            ui.accResult.textProperty().unbind();
            ui.accResult.setText("accumulation failed: " + t.getException());
        });
        t.setOnCancelled(e -> ui.accResult.textProperty().unbind());
        pane.background().execute(t);
    }
}
