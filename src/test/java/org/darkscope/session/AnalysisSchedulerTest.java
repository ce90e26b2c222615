package org.darkscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.darkscope.task.CancelledException;
import org.junit.jupiter.api.Test;

class AnalysisSchedulerTest {
    /** Runs queued work only when the test says so. */
    static final class ManualExecutor implements TaskExecutor {
        final ArrayDeque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable work) {
            queue.add(work);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    static final class Recorder implements AnalysisScheduler.Listener<Integer> {
        final List<Integer> results = new ArrayList<>();
        final List<Exception> errors = new ArrayList<>();

        @Override
        public void onResult(long generation, Integer result) {
            results.add(result);
        }

        @Override
        public void onError(long generation, Exception error) {
            errors.add(error);
        }
    }

    @Test
    void sameThreadDeliversEveryResultInOrder() {
        Recorder rec = new Recorder();
        TaskExecutor now = new CurrentThreadTaskExecutor();
        AnalysisScheduler<Integer, Integer> s = new AnalysisScheduler<>((x, p) -> x * x, now, now, rec);
        s.submit(2);
        s.submit(3);
        assertEquals(List.of(4, 9), rec.results);
        assertEquals(2, s.computedCount());
    }

    @Test
    void burstOfRequestsComputesOnlyTheLatest() {
        Recorder rec = new Recorder();
        ManualExecutor worker = new ManualExecutor();
        List<Integer> computedInputs = new ArrayList<>();
        AnalysisScheduler<Integer, Integer> s = new AnalysisScheduler<>(
                (x, p) -> {
                    computedInputs.add(x);
                    return x + 100;
                },
                worker,
                new CurrentThreadTaskExecutor(),
                rec);
        for (int i = 1; i <= 5; i++) {
            s.submit(i);
        }
        worker.runAll();
        assertEquals(List.of(5), computedInputs);
        assertEquals(List.of(105), rec.results);
        assertEquals(4, s.discardedCount());
    }

    @Test
    void resultOfASupersededComputationIsNotDelivered() {
        Recorder rec = new Recorder();
        ManualExecutor deliver = new ManualExecutor();
        AnalysisScheduler<Integer, Integer> s =
                new AnalysisScheduler<>((x, p) -> x, new CurrentThreadTaskExecutor(), deliver, rec);
        s.submit(1); // computed, delivery queued
        s.submit(2); // computed, delivery queued; makes 1 stale
        deliver.runAll();
        assertEquals(List.of(2), rec.results);
    }

    @Test
    void newerRequestCancelsTheRunningOne() throws Exception {
        Recorder rec = new Recorder();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelledSeen = new CountDownLatch(1);
        BackgroundTaskExecutor worker = new BackgroundTaskExecutor("test", 1);
        List<Integer> results = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch delivered = new CountDownLatch(1);
        AnalysisScheduler<Integer, Integer> s = new AnalysisScheduler<>(
                (x, p) -> {
                    if (x == 1) {
                        started.countDown();
                        while (!p.isCancelled()) {
                            Thread.onSpinWait();
                        }
                        cancelledSeen.countDown();
                        throw new CancelledException();
                    }
                    return x;
                },
                worker,
                new CurrentThreadTaskExecutor(),
                new AnalysisScheduler.Listener<>() {
                    @Override
                    public void onResult(long generation, Integer result) {
                        results.add(result);
                        delivered.countDown();
                    }
                });
        s.submit(1);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        s.submit(2);
        assertTrue(cancelledSeen.await(10, TimeUnit.SECONDS), "the running computation saw the cancel");
        assertTrue(delivered.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(2), results);
        worker.shutdown();
    }

    @Test
    void errorOfTheLatestRequestIsReported() {
        Recorder rec = new Recorder();
        TaskExecutor now = new CurrentThreadTaskExecutor();
        AnalysisScheduler<Integer, Integer> s = new AnalysisScheduler<>(
                (x, p) -> {
                    throw new IllegalStateException("bad selection " + x);
                },
                now,
                now,
                rec);
        s.submit(7);
        assertEquals(1, rec.errors.size());
        assertEquals("bad selection 7", rec.errors.get(0).getMessage());
        assertTrue(rec.results.isEmpty());
    }

    @Test
    void cancelDropsPendingWork() {
        Recorder rec = new Recorder();
        ManualExecutor worker = new ManualExecutor();
        AnalysisScheduler<Integer, Integer> s =
                new AnalysisScheduler<>((x, p) -> x, worker, new CurrentThreadTaskExecutor(), rec);
        s.submit(1);
        s.cancel();
        worker.runAll();
        assertTrue(rec.results.isEmpty());
        assertEquals(0, s.computedCount());
    }
}
