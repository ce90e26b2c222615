package org.darkscope.task;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What background work threw arrives at the waiting thread as it was thrown; cancellation as CancelledException. */
class FuturesTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static FutureTask<String> ran(java.util.concurrent.Callable<String> c) {
        FutureTask<String> f = new FutureTask<>(c);
        f.run();
        return f;
    }

    @Test
    void theResultComesBack() {
        assertEquals("x", Futures.await(ran(() -> "x")));
    }

    @Test
    void anOutOfMemoryErrorArrivesAsItselfNotWrapped() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        OutOfMemoryError got = assertThrows(
                OutOfMemoryError.class,
                () -> Futures.await(ran(() -> {
                    throw oom;
                })));
        assertSame(oom, got);
    }

    @Test
    void aRuntimeExceptionArrivesAsItself() {
        IllegalArgumentException e = new IllegalArgumentException("bad cut");
        assertSame(
                e,
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Futures.await(ran(() -> {
                            throw e;
                        }))));
        CancelledException c = new CancelledException();
        assertSame(
                c,
                assertThrows(
                        CancelledException.class,
                        () -> Futures.await(ran(() -> {
                            throw c;
                        }))));
    }

    @Test
    void aCheckedExceptionIsWrappedWithItsCause() {
        IOException io = new IOException("disk");
        IllegalStateException got = assertThrows(
                IllegalStateException.class,
                () -> Futures.await(ran(() -> {
                    throw io;
                })));
        assertSame(io, got.getCause());
    }

    @Test
    void cancelledWorkAndAnInterruptedWaitAreCancelled() {
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        cancelled.cancel(true);
        assertThrows(CancelledException.class, () -> Futures.await(cancelled));
        assertFalse(Thread.currentThread().isInterrupted(), "a cancelled future does not interrupt the waiter");
        // an interrupted waiting thread: never completes, so get() sees the interrupt at once
        Thread.currentThread().interrupt();
        assertThrows(CancelledException.class, () -> Futures.await(new CompletableFuture<>()));
        assertTrue(Thread.interrupted(), "the interrupt flag is set again");
        Thread.currentThread().interrupt();
        assertThrows(CancelledException.class, () -> Futures.awaitAll(List.of(new CompletableFuture<>())));
        assertTrue(Thread.interrupted());
    }

    @Test
    void awaitAllWaitsForEveryOneThenThrowsTheFirstFailureInOrder() throws Exception {
        IllegalArgumentException a = new IllegalArgumentException("a");
        IllegalStateException b = new IllegalStateException("b");
        CompletableFuture<String> late = new CompletableFuture<>();
        Thread t = new Thread(() -> late.complete("done"));
        List<CompletableFuture<String>> fs = List.of(
                CompletableFuture.completedFuture("ok"),
                CompletableFuture.failedFuture(a),
                CompletableFuture.failedFuture(b),
                late);
        t.start();
        assertSame(a, assertThrows(IllegalArgumentException.class, () -> Futures.awaitAll(fs)));
        assertTrue(late.isDone(), "the last one was waited for although an earlier one failed");
        t.join();
        // an Error goes up before an exception that failed earlier in the list, after every one finished
        OutOfMemoryError oom = new OutOfMemoryError();
        CompletableFuture<String> late2 = new CompletableFuture<>();
        Thread t2 = new Thread(() -> late2.complete("done"));
        List<CompletableFuture<String>> gs =
                List.of(CompletableFuture.failedFuture(a), CompletableFuture.failedFuture(oom), late2);
        t2.start();
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Futures.awaitAll(gs)));
        assertTrue(late2.isDone());
        t2.join();
        Futures.awaitAll(List.of(CompletableFuture.completedFuture(1), CompletableFuture.completedFuture(2)));
    }
}
