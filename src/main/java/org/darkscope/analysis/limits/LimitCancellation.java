package org.darkscope.analysis.limits;

import java.util.function.Supplier;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * Lets a long limit computation be cancelled without a {@link Progress} parameter on every method:
 * {@link #run} binds a progress to the current thread, and the loops of {@link UpperLimits} (root
 * finding, the Feldman-Cousins μ scan, the tables of expected outcomes) call {@link #check()}, which
 * throws {@link CancelledException} once that progress is cancelled. Used by the window's stage 2 and
 * the exclusion view, so that changing the cuts again stops a limit that would take seconds.
 */
public final class LimitCancellation {
    private static final ThreadLocal<Progress> CURRENT = new ThreadLocal<>();

    private LimitCancellation() {}

    /** Runs the work with the progress bound to this thread (nested calls restore the outer one). */
    public static <T> T run(Progress progress, Supplier<T> work) {
        Progress outer = CURRENT.get();
        CURRENT.set(progress);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Runs the work with the progress bound to this thread. */
    public static void run(Progress progress, Runnable work) {
        run(progress, () -> {
            work.run();
            return null;
        });
    }

    /** Throws {@link CancelledException} if the progress bound to this thread is cancelled. */
    public static void check() {
        Progress p = CURRENT.get();
        if (p != null && p.isCancelled()) {
            throw new CancelledException();
        }
    }
}
