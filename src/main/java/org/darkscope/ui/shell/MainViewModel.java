package org.darkscope.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import org.darkscope.event.EventView;
import org.darkscope.event.RunData;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RecentRuns;
import org.darkscope.session.RunReader;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.session.TaskExecutor;

/**
 * The application shell's state as JavaFX properties: the data run, the run-loading task, the status
 * text, the recent files and the event picked by the user (table row or plane point; the 3D display
 * listens to it). It opens runs through the {@link RunReader} into the {@link Session}; the shell
 * views talk only to it (each result view has its own view model on the same session).
 */
public final class MainViewModel {
    private final Session session;
    private final RunReader reader;
    private final TaskExecutor loader;
    private final RecentRuns recent;
    private final ReadOnlyObjectWrapper<RunData> dataRun = new ReadOnlyObjectWrapper<>(this, "dataRun");
    private final ReadOnlyObjectWrapper<Worker<?>> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<EventView> pickedEvent = new SimpleObjectProperty<>(this, "pickedEvent");
    private BiConsumer<String, Throwable> errorHandler = (m, e) -> {};

    public MainViewModel(Session session, RunReader reader, TaskExecutor loader, RecentRuns recent) {
        this.session = session;
        this.reader = reader;
        this.loader = loader;
        this.recent = recent;
        recentFiles.setAll(recent.list());
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                dataRun.set(s.dataRun().map(OpenRun::data).orElse(null));
            }
        });
    }

    public Session session() {
        return session;
    }

    /** Where errors go (the window shows a dialog): a one-line title and the exception. */
    public void setErrorHandler(BiConsumer<String, Throwable> handler) {
        this.errorHandler = handler;
    }

    public ReadOnlyObjectProperty<RunData> dataRunProperty() {
        return dataRun.getReadOnlyProperty();
    }

    /** The run loading now (null when idle). */
    public ReadOnlyObjectProperty<Worker<?>> taskProperty() {
        return task.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void setStatus(String s) {
        status.set(s);
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** The event the user picked (table row, plane point); the event display shows it. */
    public ObjectProperty<EventView> pickedEventProperty() {
        return pickedEvent;
    }

    /**
     * Reads a run file off the UI thread, then adds it to the session: a signal run is added as
     * signal MC, any other run replaces the data run. Errors go to the error handler; the task can be
     * cancelled from the status bar.
     */
    public ProgressTask<RunData> openRun(Path path) {
        return openRun(path, null);
    }

    /** As {@link #openRun(Path)} with an explicit role (null: from the run's metadata). */
    public ProgressTask<RunData> openRun(Path path, RunRole role) {
        return openRun(path, role, true);
    }

    /** As {@link #openRun(Path, RunRole)}; with {@code replaceData} false a data run is added next to the others. */
    public ProgressTask<RunData> openRun(Path path, RunRole role, boolean replaceData) {
        return openRun(path, role, replaceData, () -> {});
    }

    private ProgressTask<RunData> openRun(Path path, RunRole role, boolean replaceData, Runnable after) {
        Worker<?> running = task.get();
        if (running != null && running.isRunning()) {
            running.cancel();
        }
        String name = path.getFileName() == null
                ? path.toString()
                : path.getFileName().toString();
        return start(
                new ProgressTask<>("Opening " + name, p -> reader.read(path, p)),
                "Opening " + name + " …",
                r -> {
                    RunRole rr = role != null ? role : RunRole.of(r);
                    OpenRun open = new OpenRun(r, rr, path);
                    if (rr == RunRole.DATA && replaceData) {
                        session.replaceRuns(RunRole.DATA, open);
                    } else {
                        session.addRun(open);
                    }
                    recent.add(path);
                    recentFiles.setAll(recent.list());
                    status.set(String.format(
                            Locale.ROOT, "Opened %s: %,d events (%s)", name, r.size(), rr.label() + weighted(r)));
                    after.run();
                },
                "Could not open " + name,
                "Cannot open " + path,
                "Opening " + name + " cancelled");
    }

    /**
     * Replaces the session's runs by the given files, read one after the other off the UI thread;
     * {@code done} runs on the UI thread once all are open (not if one fails or is cancelled).
     */
    public void openRuns(java.util.List<org.darkscope.session.SessionFile.RunEntry> entries, Runnable done) {
        session.clearRuns();
        openNext(entries, 0, done);
    }

    private void openNext(java.util.List<org.darkscope.session.SessionFile.RunEntry> entries, int i, Runnable done) {
        if (i >= entries.size()) {
            done.run();
            return;
        }
        var e = entries.get(i);
        openRun(e.path(), e.role(), false, () -> openNext(entries, i + 1, done));
    }

    /**
     * Runs long work (e.g. simulating the default runs) on the loader with the status bar's progress
     * bar and Cancel; {@code onDone} gets the value on the UI thread.
     */
    public <T> ProgressTask<T> runTask(String title, ProgressTask.Work<T> work, java.util.function.Consumer<T> onDone) {
        return start(
                new ProgressTask<>(title, work),
                title + " …",
                onDone,
                title + " failed",
                title + " failed",
                title + " cancelled");
    }

    /** Runs a task on the loader with its texts for the status bar; {@code onDone} gets the value on the UI thread. */
    private <T> ProgressTask<T> start(
            ProgressTask<T> t,
            String startStatus,
            java.util.function.Consumer<T> onDone,
            String failedStatus,
            String errorTitle,
            String cancelledStatus) {
        t.setOnSucceeded(e -> {
            finished(t);
            onDone.accept(t.getValue());
        });
        t.setOnFailed(e -> {
            finished(t);
            status.set(failedStatus);
            errorHandler.accept(errorTitle, t.getException());
        });
        t.setOnCancelled(e -> {
            finished(t);
            status.set(cancelledStatus);
        });
        task.set(t);
        status.set(startStatus);
        loader.execute(t);
        return t;
    }

    /** Adds a run already in memory (simulated, tests). */
    public void addRun(RunData run, RunRole role) {
        OpenRun open = new OpenRun(run, role, null);
        if (role == RunRole.DATA) {
            session.replaceRuns(RunRole.DATA, open);
        } else {
            session.addRun(open);
        }
        status.set(String.format(
                Locale.ROOT, "%s: %,d events (%s)", open.name(), run.size(), role.label() + weighted(run)));
    }

    /** ", weighted MC, rare classes boosted ..." for an enriched run (issue 9: said wherever it is used), else "". */
    private static String weighted(RunData run) {
        return org.darkscope.analysis.WeightedCounts.weightedLabel(run.info())
                .map(l -> ", " + l)
                .orElse("");
    }

    public void clearRecent() {
        recent.clear();
        recentFiles.clear();
    }

    private void finished(Worker<?> t) {
        if (task.get() == t) {
            task.set(null);
        }
    }
}
