package org.darkscope.session;

/**
 * Where background work runs. The application uses {@link BackgroundTaskExecutor}; tests use
 * {@link CurrentThreadTaskExecutor} so that everything happens, in order, before the call returns
 * (the pattern of JabRef's TaskExecutor / CurrentThreadTaskExecutor).
 */
public interface TaskExecutor {
    /** Runs the work, now or later, on this executor's thread(s). */
    void execute(Runnable work);

    /** Stops accepting work; running work may finish. */
    default void shutdown() {}
}
