package org.darkscope.ui.display;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.DirectoryChooser;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.io.DirectoryWatcher;
import org.darkscope.session.RunReader;
import org.darkscope.task.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    /** Runs read from the followed directory, by file, and the (joined) run shown per run number. */
    private final Map<Path, RunData> followedFiles = new HashMap<>();
    private final Map<Integer, RunData> followedRuns = new HashMap<>();
    /** Where each file's rows sit in its joined run: the joined run and the row offset. */
    private final Map<RunData, Placement> placements = new IdentityHashMap<>();

    private record Placement(RunData joined, int offset) { }

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
            java.io.File f = dc.showDialog(pane.getScene() == null ? null : pane.getScene().getWindow());
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
    }

    private void showAlert() {
        ShiftAlerts.Alert a = ui.alerts.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        Placement p = placements.get(a.run());
        RunData target = p == null ? a.run() : p.joined();
        int row = p == null ? a.row() : p.offset() + a.row();
        if (target != pane.run()) {
            pane.setRun(target);
        }
        pane.showEvent(row);
    }

    void setLoader(RunReader l) { this.loader = l; }

    void setEvaluator(Function<RunData, RunResult> e) { this.evaluator = e; }

    /** The alerts of all followed files, newest first. */
    List<ShiftAlerts.Alert> alerts() { return log.all(); }

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
        followedRuns.clear();
        placements.clear();
        log.clear();
        ui.alerts.getItems().clear();
        watcher = new DirectoryWatcher(dir, file -> {
            try {
                RunData r = l.read(file, Progress.NONE);
                // the selection is evaluated here, off the FX thread (data runs only)
                RunResult rr = eval != null && model.isData(r) ? eval.apply(r) : null;
                Platform.runLater(() -> arrived(file, r, rr));
            } catch (Exception ex) {
                LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + ex);
                Platform.runLater(() -> ui.followStatus.setText("cannot read " + file.getFileName() + ": " + ex.getMessage()));
            }
        }, POLL_INTERVAL, true);
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

    private void arrived(Path file, RunData chunk, RunResult evaluated) {
        DisplayModel model = pane.model;
        followedFiles.put(file, chunk);
        int runNo = chunk.info().runNumber();
        List<Map.Entry<Path, RunData>> parts = followedFiles.entrySet().stream()
                .filter(en -> en.getKey().getParent().equals(file.getParent()) && en.getValue().info().runNumber() == runNo)
                .sorted(Map.Entry.comparingByKey()).toList();
        RunData r;
        try {
            r = parts.size() == 1 ? chunk
                    : RunChunks.concat(parts.stream().map(Map.Entry::getValue).toList(), file.getParent().resolve("run " + runNo).toString());
        } catch (IllegalArgumentException ex) {
            ui.followStatus.setText("cannot join chunks of run " + runNo + ": " + ex.getMessage());
            return;
        }
        int offset = 0;
        for (Map.Entry<Path, RunData> en : parts) {
            placements.put(en.getValue(), new Placement(r, offset));
            offset += en.getValue().size();
        }
        RunData old = followedRuns.get(runNo);
        followedRuns.put(runNo, r);
        boolean wasCurrent = old != null && old == pane.run();
        if (old == null || !model.replaceRun(old, r)) {
            model.addRun(r);
        }
        // alerts of this file: selected events in or near the box, the box itself hidden while blinded
        int fresh = 0;
        List<ShiftAlerts.Alert> fileAlerts = new ArrayList<>();
        if (model.isData(chunk)) {
            SignalBox box = evaluated != null ? evaluated.selection().box() : model.box();
            boolean hidden = evaluated != null ? evaluated.boxHidden() : model.hiddenBox(chunk) != null;
            int[] rows = ShiftAlerts.rows(chunk, evaluated == null ? null : evaluated.selectedEvents(), box, model.nearMargin(), hidden);
            String name = file.getFileName().toString();
            for (int row : rows) {
                fileAlerts.add(ShiftAlerts.Alert.of(name, chunk, row, box));
            }
            fresh = log.update(name, fileAlerts);
            ui.alerts.getItems().setAll(log.all());
            updateAlertTitle();
        }
        // without an evaluator (no analysis attached) every event counts, not only the selected ones
        String what = evaluated != null ? " new selected event" : " new event";
        String msg = (old != null ? "updated " : "new ") + file.getFileName() + ": run " + runNo + ", "
                + r.size() + " events" + (parts.size() > 1 ? " in " + parts.size() + " chunks" : "")
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

    /** The shown run changed (or grew): the alert title names the box in force, the trends follow the run. */
    void runChanged() {
        updateAlertTitle();
        RunData r = pane.run();
        if (r != null) {
            DisplayModel m = pane.model;
            ui.trends.setSpills(org.darkscope.dq.SpillTrends.of(r, m.box(), m.hiddenBox(r) != null), r.displayName());
        }
    }

    private void updateAlertTitle() {
        SignalBox b = pane.model.box();
        ui.alertTitle.setText("alerts of followed files, newest first: " + log.all().size()
                + " selected events in or near the signal box (E_ECAL < " + fmt(b.ecalMax()) + ", E_HCAL < " + fmt(b.hcalMax())
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
        int[] rows = pane.browsedRows();
        if (rows == null) {
            rows = pane.model.visibleRows(r);
        }
        int[] use = rows;
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
                CellAccumulation acc = CellAccumulation.compute(r, use, OCCUPANCY_THRESHOLD_GEV, p);
                // hot, dead and noisy cells against the run's own symmetric cells, as z-scores
                acc.setQuality(org.darkscope.dq.DataQuality.check(r.detector(), r.displayName(),
                        org.darkscope.dq.CellStats.of(r, use, org.darkscope.dq.DataQuality.HIT_THRESHOLD_GEV, p), null, null));
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
