package org.darkscope.task;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for background work the one way: what the work threw arrives as it was thrown. An
 * {@link Error} (an {@link OutOfMemoryError} above all: the user must see that memory ran out, not an
 * "illegal state") and a {@link RuntimeException} are rethrown as they are, unwrapped from the
 * {@link ExecutionException}; a checked exception, which a {@code Callable} may throw, is wrapped in an
 * {@link IllegalStateException}; an interrupted wait (the interrupt flag is set again) and cancelled
 * work end in a {@link CancelledException}.
 */
public final class Futures {
    private Futures() {}

    /** The result of {@code f}, waiting for it; failures as described in the class comment. */
    public static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (CancellationException e) {
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Waits for every one of {@code fs}, also after one failed (no work is left running on data the
     * caller goes on to use), then throws the failure of the first failed one in list order, an
     * {@link Error} before any exception. An interrupted wait ends at once in a {@link CancelledException}.
     */
    public static void awaitAll(List<? extends Future<?>> fs) {
        RuntimeException first = null;
        for (Future<?> f : fs) {
            try {
                await(f);
            } catch (CancelledException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                first = first == null ? e : first;
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            } catch (Error e) {
                // the others are waited for (they may still write the caller's arrays), then this goes up
                awaitQuietly(fs);
                throw e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void awaitQuietly(List<? extends Future<?>> fs) {
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | CancellationException e) {
                // reported by the caller's first failure
            }
        }
    }

    /** An Error or RuntimeException as it is; a checked exception wrapped in an IllegalStateException. */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException re ? re : new IllegalStateException(t);
    }
}
