package org.darkscope.session;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;

/**
 * Keeps {@link Session#result()} up to date: every change of the runs or the selection schedules one
 * evaluation by the {@link AnalysisEngine} on the worker, latest wins. In two stages, so the plane and
 * the cut flow never wait for the fits: stage 1 evaluates (cut bitsets, cut flow, regions, plane) and
 * sets {@link Session#setResult}; stage 2 computes the rest of that result (background fits, N-1 and
 * 1-D histograms) and sets {@link Session#setDetails}. Results reach the session on {@code deliver}
 * (the UI thread in the application). Runs in the data role are blinded while the selection is, even
 * when simulated (see {@link #dataRoleRuns}).
 */
public final class AnalysisService implements AutoCloseable {
    private final Session session;
    private final AnalysisEngine engine;
    private final AnalysisScheduler<Request, AnalysisResult> core;
    private final AnalysisScheduler<AnalysisResult, AnalysisResult> details;
    private final AtomicLong lastNanos = new AtomicLong();
    private final AtomicLong detailsRequest = new AtomicLong();
    private volatile long detailsDelayMillis;
    private java.util.concurrent.ScheduledExecutorService delayTimer;
    /** The session's analysis definition, copied on the UI thread for the stage-2 warm-ups. */
    private volatile org.darkscope.analysis.AnalysisDefinition definition;

    private final List<Consumer<AnalysisResult>> warmUps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Consumer<AnalysisResult>> detailWarmUps = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * What one evaluation works on: the runs at the time of the change, the selection and the runs in
     * the data role (blinded like recorded data while the selection is blinded, simulated or not).
     */
    private record Request(List<RunData> runs, Selection selection, Set<RunData> dataRole) {}

    public AnalysisService(Session session, AnalysisEngine engine, TaskExecutor worker, TaskExecutor deliver) {
        this(session, engine, worker, worker, deliver);
    }

    /**
     * @param worker        runs stage 1 (the engine evaluation)
     * @param detailsWorker runs stage 2 (fits, histograms, limits); a separate thread keeps a slow fit or
     *                      limit from delaying the next stage-1 evaluation
     */
    public AnalysisService(
            Session session,
            AnalysisEngine engine,
            TaskExecutor worker,
            TaskExecutor detailsWorker,
            TaskExecutor deliver) {
        this.session = session;
        this.engine = engine;
        this.definition = session.definition();
        this.details = new AnalysisScheduler<>(
                (r, p) -> {
                    p.checkCancelled();
                    r.computeAll();
                    // the limits in the warm-ups check p between their steps: a change of the cuts stops them
                    return org.darkscope.analysis.limits.LimitCancellation.run(p, () -> {
                        for (Consumer<AnalysisResult> w : detailWarmUps) {
                            p.checkCancelled();
                            w.accept(r);
                        }
                        return r;
                    });
                },
                detailsWorker,
                deliver,
                new AnalysisScheduler.Listener<>() {
                    @Override
                    public void onResult(long generation, AnalysisResult r) {
                        session.setDetails(r);
                    }
                });
        this.core = new AnalysisScheduler<>(
                (req, p) -> {
                    long t0 = System.nanoTime();
                    engine.setRuns(req.runs());
                    AnalysisResult r = engine.evaluate(req.selection(), req.dataRole()::contains, p);
                    for (Consumer<AnalysisResult> w : warmUps) {
                        w.accept(r);
                    }
                    lastNanos.set(System.nanoTime() - t0);
                    return r;
                },
                worker,
                deliver,
                new AnalysisScheduler.Listener<>() {
                    @Override
                    public void onResult(long generation, AnalysisResult r) {
                        session.setResult(r);
                        scheduleDetails(r);
                    }

                    @Override
                    public void onError(long generation, Exception error) {
                        session.fireAnalysisFailed(error);
                    }
                });
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                schedule();
            }

            @Override
            public void selectionChanged(Session s) {
                schedule();
            }

            @Override
            public void definitionChanged(Session s) {
                definition = s.definition();
                // the limits follow the new definition: stage 2 again on the current result (its fits are kept)
                AnalysisResult r = s.details() != null ? s.details() : s.result();
                if (r != null) {
                    scheduleDetails(r);
                }
            }
        });
    }

    /**
     * Work done on the worker right after each evaluation, before the result is delivered (the UI
     * uses it to build what it draws, so the UI thread only swaps a snapshot).
     */
    public void addWarmUp(Consumer<AnalysisResult> w) {
        warmUps.add(w);
    }

    /** Work done on the worker after stage 2 (background fits done), before {@link Session#setDetails}. */
    public void addDetailsWarmUp(Consumer<AnalysisResult> w) {
        detailWarmUps.add(w);
    }

    /**
     * Waits this long after the latest stage-1 result before starting stage 2, so that while a slider
     * is dragged the fits and limits do not compete for the CPU with the evaluations and the UI
     * (0, the default: at once, as tests want).
     */
    public void setDetailsDelayMillis(long ms) {
        this.detailsDelayMillis = ms;
    }

    private void scheduleDetails(AnalysisResult r) {
        if (detailsDelayMillis <= 0) {
            details.submit(r);
            return;
        }
        long gen = detailsRequest.incrementAndGet();
        if (delayTimer == null) {
            delayTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(t -> {
                Thread th = new Thread(t, "analysis-details-delay");
                th.setDaemon(true);
                return th;
            });
        }
        delayTimer.schedule(
                () -> {
                    if (detailsRequest.get() == gen) {
                        details.submit(r);
                    }
                },
                detailsDelayMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Schedules an evaluation of the session's current runs and selection. */
    public void schedule() {
        List<RunData> runs = session.runs().stream().map(OpenRun::data).toList();
        if (runs.isEmpty()) {
            core.cancel();
            details.cancel();
            session.setResult(null);
            session.setDetails(null);
            return;
        }
        // stage 2 of the previous result (fits, limits) is stale now: stop it rather than let it hold the worker
        detailsRequest.incrementAndGet();
        details.cancel();
        core.submit(new Request(runs, session.selection(), dataRoleRuns(session)));
    }

    /**
     * The runs open in the data role, by identity: the engine blinds them while the selection is
     * blinded even when they are simulated (pseudo-data), unlike signal and background MC.
     */
    public static Set<RunData> dataRoleRuns(Session session) {
        Set<RunData> s = Collections.newSetFromMap(new IdentityHashMap<>());
        for (OpenRun r : session.runs(RunRole.DATA)) {
            s.add(r.data());
        }
        return Collections.unmodifiableSet(s);
    }

    /**
     * The session's analysis definition as of the latest change (readable from the worker: stage-2
     * warm-ups compute the limits with it; a change schedules stage 2 again).
     */
    public org.darkscope.analysis.AnalysisDefinition definition() {
        return definition;
    }

    public AnalysisScheduler<?, ?> coreScheduler() {
        return core;
    }

    @Override
    public void close() {
        if (delayTimer != null) {
            delayTimer.shutdownNow();
        }
        core.cancel();
        details.cancel();
        engine.close();
    }
}
