package org.darkscope.session;

/** Runs every piece of work immediately on the calling thread: deterministic tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public void execute(Runnable work) {
        work.run();
    }
}
