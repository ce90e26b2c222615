package org.darkscope.ui.display;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.stage.DirectoryChooser;
import org.darkscope.event.RunData;
import org.darkscope.io.DirectoryWatcher;
import org.darkscope.task.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Drives the shift-crew panel: live follow of a directory, the alert list, accumulation. */
final class ShiftController {
    private static final System.Logger LOG = System.getLogger(ShiftController.class.getName());
    /** Accumulation counts a cell as hit above this energy (GeV) [display choice, above noise]. */
    static final double OCCUPANCY_THRESHOLD_GEV = EnergyScale.DEFAULT_EMPTY_THRESHOLD_GEV;
    /** The alert list shows at most this many events (the browse filter "alerts" has them all). */
    static final int MAX_ALERTS_LISTED = 5000;
    /** How often the followed directory is polled. */
    static final java.time.Duration POLL_INTERVAL = DirectoryWatcher.DEFAULT_INTERVAL;

    private final EventDisplayPane pane;
    private final ShiftToolsPanel ui;
    private RunLoader loader;
    private DirectoryWatcher watcher;
    private Task<CellAccumulation> accTask;
    /** Runs read from the followed directory, by file, and the (joined) run shown per run number. */
    private final java.util.Map<Path, RunData> followedFiles = new java.util.HashMap<>();
    private final java.util.Map<Integer, RunData> followedRuns = new java.util.HashMap<>();

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
        ui.followPath.setOnAction(e -> ui.follow.setSelected(true));
        ui.choose.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Directory to follow");
            java.io.File f = dc.showDialog(pane.getScene() == null ? null : pane.getScene().getWindow());
            if (f != null) {
                ui.followPath.setText(f.getPath());
                if (watcher != null) {
                    stopFollowing();
                }
                ui.follow.setSelected(true);
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
        EventRef r = ui.alerts.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        if (r.run() != pane.run()) {
            pane.setRun(r.run());
        }
        pane.showEvent(r.index());
    }

    void setLoader(RunLoader l) { this.loader = l; }

    /** Loads the run files in {@code dir}, then polls it (io's DirectoryWatcher); runs are added to the pane (and shown if "newest" is on). */
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
        RunLoader l = loader;
        followedFiles.clear();
        followedRuns.clear();
        watcher = new DirectoryWatcher(dir, file -> {
            try {
                RunData r = l.load(file);
                Platform.runLater(() -> arrived(file, r));
            } catch (Exception ex) {
                LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + ex);
                Platform.runLater(() -> ui.followStatus.setText("cannot read " + file.getFileName() + ": " + ex.getMessage()));
            }
        }, POLL_INTERVAL, true);
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
            ui.followStatus.setText("not following");
        }
        if (ui.follow.isSelected()) {
            ui.follow.setSelected(false);
        }
    }

    private void arrived(Path file, RunData chunk) {
        followedFiles.put(file, chunk);
        int runNo = chunk.info().runNumber();
        List<RunData> parts = followedFiles.entrySet().stream()
                .filter(en -> en.getKey().getParent().equals(file.getParent()) && en.getValue().info().runNumber() == runNo)
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(java.util.Map.Entry::getValue).toList();
        RunData r;
        try {
            r = parts.size() == 1 ? chunk : RunChunks.concat(parts, file.getParent().resolve("run " + runNo).toString());
        } catch (IllegalArgumentException ex) {
            ui.followStatus.setText("cannot join chunks of run " + runNo + ": " + ex.getMessage());
            return;
        }
        RunData old = followedRuns.get(runNo);
        followedRuns.put(runNo, r);
        boolean wasCurrent = old != null && old == pane.run();
        if (old != null && pane.runs().contains(old)) {
            pane.runs().set(pane.runs().indexOf(old), r);
        } else {
            pane.addRun(r);
        }
        int alertsBefore = old == null ? 0 : pane.regions().alerts(old).length;
        int newAlerts = pane.regions().alerts(r).length - alertsBefore;
        String msg = (old != null ? "updated " : "new ") + file.getFileName() + ": run " + runNo + ", "
                + r.size() + " events" + (parts.size() > 1 ? " in " + parts.size() + " chunks" : "")
                + (newAlerts > 0 ? " - ALERT: " + newAlerts + " new events in or near the signal box" : "");
        ui.followStatus.setText(msg);
        if (wasCurrent) {
            int keep = pane.currentEventProperty().get();
            boolean atEnd = keep == old.size() - 1;
            pane.setRun(r);
            // stay on the event being looked at, or keep following the newest event
            pane.showEvent(atEnd || keep < 0 || keep >= r.size() ? r.size() - 1 : keep);
        } else if (ui.showNewest.isSelected() && r.size() > 0) {
            pane.setRun(r);
            pane.showEvent(r.size() - 1);
        } else {
            runChanged();
        }
        pane.setStatus(msg);
    }

    /** Recomputes the alert list over every loaded run. */
    void runChanged() {
        List<EventRef> list = new ArrayList<>();
        int total = 0;
        for (RunData r : pane.runs()) {
            for (int e : pane.regions().alerts(r)) {
                total++;
                if (list.size() < MAX_ALERTS_LISTED) {
                    list.add(new EventRef(r, e));
                }
            }
        }
        ui.alerts.getItems().setAll(list);
        ui.alertTitle.setText("alerts: " + total + " events" + (total > list.size() ? " (first " + list.size() + " listed)" : "")
                + " in or near the signal box (E_ECAL < "
                + fmt(pane.regions().ecalEdge()) + ", E_HCAL < " + fmt(pane.regions().hcalEdge()) + " GeV, +"
                + Math.round(100 * RegionRules.DEFAULT_NEAR_MARGIN) + " %)");
    }

    private static String names(List<String> cells) {
        if (cells.isEmpty()) {
            return "none";
        }
        return String.join(", ", cells.subList(0, Math.min(8, cells.size()))) + (cells.size() > 8 ? ", ..." : "");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Accumulates occupancy and mean energy over the browsed events in the background. */
    void accumulate() {
        RunData r = pane.run();
        if (r == null) {
            return;
        }
        if (accTask != null) {
            accTask.cancel();
        }
        int[] rows = pane.browsedRows();
        Task<CellAccumulation> t = new Task<>() {
            @Override
            protected CellAccumulation call() {
                Task<CellAccumulation> self = this;
                return CellAccumulation.compute(r, rows, OCCUPANCY_THRESHOLD_GEV, new Progress() {
                    @Override
                    public void update(double f, String m) {
                        updateProgress(f, 1);
                        updateMessage(m);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
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
            List<String> hot = acc.hotCells();
            List<String> dead = acc.deadCells();
            ui.accResult.setText(acc.events() + " events accumulated. Hot cells (5x their neighbours): " + names(hot)
                    + ". Dead cells (5x below their neighbours): " + names(dead) + ". Never hit: "
                    + acc.silentCells().size() + ". Choose 'occupancy' or 'mean energy' to see them.");
        });
        t.setOnFailed(e -> {
            ui.accResult.textProperty().unbind();
            ui.accResult.setText("accumulation failed: " + t.getException());
        });
        t.setOnCancelled(e -> ui.accResult.textProperty().unbind());
        Thread th = new Thread(t, "darkscope-accumulate");
        th.setDaemon(true);
        th.start();
    }
}
