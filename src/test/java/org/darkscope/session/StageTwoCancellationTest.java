package org.darkscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.analysis.limits.UpperLimits;
import org.darkscope.task.CancelledException;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

/** Stage 2 (fits, limits) of a result the user has already left behind stops instead of holding the worker. */
class StageTwoCancellationTest {
    /** A Feldman-Cousins limit at a large background: many seconds of work if nothing stops it. */
    private static final LimitInput SLOW = new LimitInput(4000, 4000, 400, 0.1, 0.9, LimitMethod.FELDMAN_COUSINS);

    @Test
    void changingTheCutsCancelsTheRunningLimitComputation() throws Exception {
        Session session = new Session();
        session.setBlinded(false);
        BackgroundTaskExecutor worker = new BackgroundTaskExecutor("test-analysis", 1);
        BackgroundTaskExecutor details = new BackgroundTaskExecutor("test-details", 1);
        TaskExecutor now = new CurrentThreadTaskExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        try (AnalysisService service =
                new AnalysisService(session, new AnalysisEngine(List.of()), worker, details, now)) {
            service.addDetailsWarmUp(r -> {
                if (started.getCount() == 0) {
                    return; // only the first stage 2 is the slow one
                }
                started.countDown();
                try {
                    UpperLimits.upperLimit(SLOW);
                    outcome.set(new AssertionError("the limit ran to its end"));
                } catch (CancelledException e) {
                    outcome.set(e);
                    throw e;
                } finally {
                    ended.countDown();
                }
            });
            session.addRun(new OpenRun(RunFixtures.random(2000, 5), RunRole.DATA, null));
            assertTrue(started.await(60, TimeUnit.SECONDS), "stage 2 started");
            session.setSelection(Selection.loose().withBlinded(false)); // the user changes the cuts
            assertTrue(ended.await(60, TimeUnit.SECONDS), "stage 2 ended");
            assertInstanceOf(CancelledException.class, outcome.get());
        } finally {
            worker.shutdown();
            details.shutdown();
        }
    }

    @Test
    void aLimitOutsideACancellableScopeIsUntouchedAndOneInsideStopsAtOnce() {
        LimitInput fast = LimitInput.of(3, 1.5);
        double free = UpperLimits.upperLimit(fast);
        // the classical CLs root for n = 3, b = 1.5 (Read 2002): independent of any cancellation scope
        double inScope = org.darkscope.analysis.limits.LimitCancellation.run(
                cancelledAfter(Long.MAX_VALUE), () -> UpperLimits.upperLimit(fast));
        assertEquals(free, inScope, 0);
        assertThrows(
                CancelledException.class,
                () -> org.darkscope.analysis.limits.LimitCancellation.run(
                        cancelledAfter(3), () -> UpperLimits.upperLimit(SLOW)));
        assertThrows(
                CancelledException.class,
                () -> org.darkscope.analysis.limits.LimitCancellation.run(
                        cancelledAfter(3), () -> UpperLimits.expected(LimitInput.of(0, 50))));
        // the scope ends with the call: the same thread computes freely again
        assertEquals(free, UpperLimits.upperLimit(fast), 0);
    }

    /** A progress that reports cancelled from its n-th question on. */
    private static org.darkscope.task.Progress cancelledAfter(long n) {
        return new org.darkscope.task.Progress() {
            long asked;

            @Override
            public void update(double fraction, String message) {}

            @Override
            public boolean isCancelled() {
                return ++asked >= n;
            }
        };
    }
}
