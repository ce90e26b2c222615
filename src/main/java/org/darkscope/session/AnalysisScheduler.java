package org.darkscope.session;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * Runs a computation on a background {@link TaskExecutor}, latest wins: a newer request cancels the
 * running one (through its {@link Progress}) and replaces any request that has not started, so a
 * burst of changes (a dragged slider) costs at most one stale computation plus the latest one.
 * Results and errors are handed to the listener on the {@code deliver} executor (the UI thread in
 * the application), and only if no newer request was made meanwhile.
 *
 * @param <I> what is computed from (an immutable snapshot of runs and selection)
 * @param <R> the result (an immutable snapshot)
 */
public final class AnalysisScheduler<I, R> {
    private static final System.Logger LOG = System.getLogger(AnalysisScheduler.class.getName());

    /** The work itself: pure function of the input; checks {@code progress} for cancellation. */
    @FunctionalInterface
    public interface Computation<I, R> {
        R compute(I input, Progress progress) throws Exception;
    }

    /** Receives the outcome of the latest request. */
    public interface Listener<R> {
        void onResult(long generation, R result);

        default void onError(long generation, Exception error) {}
    }

    private final Computation<I, R> computation;
    private final TaskExecutor worker;
    private final TaskExecutor deliver;
    private final Listener<R> listener;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Request<I>> pending = new AtomicReference<>();
    private final AtomicReference<Request<I>> running = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();

    public AnalysisScheduler(
            Computation<I, R> computation, TaskExecutor worker, TaskExecutor deliver, Listener<R> listener) {
        this.computation = Objects.requireNonNull(computation);
        this.worker = Objects.requireNonNull(worker);
        this.deliver = Objects.requireNonNull(deliver);
        this.listener = Objects.requireNonNull(listener);
    }

    /** Schedules a computation of {@code input}; returns its generation number (increasing). */
    public long submit(I input) {
        long gen = generation.incrementAndGet();
        Request<I> r = new Request<>(gen, input);
        Request<I> replaced = pending.getAndSet(r);
        if (replaced != null) {
            discarded.incrementAndGet();
        }
        Request<I> run = running.get();
        if (run != null && run.generation < gen) {
            run.cancelled = true;
        }
        if (draining.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
        return gen;
    }

    /** Cancels whatever runs or waits; no result will be delivered for earlier requests. */
    public void cancel() {
        generation.incrementAndGet();
        if (pending.getAndSet(null) != null) {
            discarded.incrementAndGet();
        }
        Request<I> run = running.get();
        if (run != null) {
            run.cancelled = true;
        }
    }

    /** Number of computations that ran to completion (delivered or not). */
    public long computedCount() {
        return computed.get();
    }

    /** Number of requests dropped before or while running because a newer one came. */
    public long discardedCount() {
        return discarded.get();
    }

    private void drain() {
        while (true) {
            Request<I> r = pending.getAndSet(null);
            if (r == null) {
                draining.set(false);
                // a submit may have slipped in between the empty read and the flag reset
                if (pending.get() != null && draining.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            running.set(r);
            try {
                R result = computation.compute(r.input, r);
                computed.incrementAndGet();
                if (isLatest(r)) {
                    deliver.execute(() -> {
                        if (isLatest(r)) {
                            listener.onResult(r.generation, result);
                        }
                    });
                } else {
                    discarded.incrementAndGet();
                }
            } catch (CancelledException e) {
                discarded.incrementAndGet();
            } catch (Exception e) {
                if (isLatest(r)) {
                    LOG.log(System.Logger.Level.WARNING, "analysis failed", e);
                    deliver.execute(() -> {
                        if (isLatest(r)) {
                            listener.onError(r.generation, e);
                        }
                    });
                }
            } finally {
                running.compareAndSet(r, null);
            }
        }
    }

    private boolean isLatest(Request<I> r) {
        return r.generation == generation.get() && !r.cancelled;
    }

    private static final class Request<I> implements Progress {
        final long generation;
        final I input;
        volatile boolean cancelled;

        Request(long generation, I input) {
            this.generation = generation;
            this.input = input;
        }

        @Override
        public void update(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
