package org.darkscope.ui.shell;

import javafx.concurrent.Task;
import org.darkscope.task.Progress;

/**
 * A JavaFX {@link Task} running core work that reports through {@link Progress}: the core's progress
 * reports become the task's progress and message, and the task's cancel reaches the core's loops.
 */
public final class ProgressTask<T> extends Task<T> {
    /** Core work: returns a value, reports progress, checks cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    private final Work<T> work;

    public ProgressTask(String title, Work<T> work) {
        this.work = work;
        updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
        Progress p = new Progress() {
            @Override
            public void update(double fraction, String message) {
                updateProgress(Math.max(0, Math.min(1, fraction)), 1.0);
                if (message != null) {
                    updateMessage(message);
                }
            }

            @Override
            public boolean isCancelled() {
                return ProgressTask.this.isCancelled();
            }
        };
        return work.run(p);
    }
}
