package org.darkscope.ui;

import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * A measurement aid (issue 15: "the window does not freeze"), on with {@code -Ddarkscope.fxWatchdog=true}:
 * a daemon thread posts an empty task to the JavaFX thread every 50 ms and measures how long it
 * waits to run. Every wait longer than {@code -Ddarkscope.fxWatchdog.stallMs} (default 250) is
 * logged (System.Logger, WARNING: the console by default) with the JavaFX thread's stack at that moment (what it was busy with; again every
 * 2 s while it lasts), and every
 * 10 s the longest wait so far: "fx-watchdog: longest FX stall N ms".
 */
public final class FxWatchdog {
    private FxWatchdog() {}

    /** Starts the watchdog if the property asks for it (call on the JavaFX thread). */
    public static void startIfAsked() {
        if (Boolean.getBoolean("darkscope.fxWatchdog")) {
            start(Long.getLong("darkscope.fxWatchdog.stallMs", 250));
        }
    }

    private static final System.Logger LOG = System.getLogger(FxWatchdog.class.getName());

    static void start(long stallMs) {
        Thread fx = Thread.currentThread();
        AtomicLong posted = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        Thread t = new Thread(
                () -> {
                    long longest = 0;
                    long lastReport = System.nanoTime();
                    while (true) {
                        long sent = System.nanoTime();
                        posted.set(sent);
                        Platform.runLater(() -> answered.set(System.nanoTime()));
                        long nextDump = stallMs;
                        while (answered.get() < sent) {
                            sleep(10);
                            long waited = (System.nanoTime() - sent) / 1_000_000;
                            if (waited > nextDump) {
                                nextDump = waited + 2000; // a long stall: its stack again every 2 s
                                StringBuilder sb =
                                        new StringBuilder("fx-watchdog: FX thread busy for " + waited + " ms, at:\n");
                                for (StackTraceElement e : fx.getStackTrace()) {
                                    sb.append("    at ").append(e).append('\n');
                                }
                                LOG.log(System.Logger.Level.WARNING, sb.toString());
                            }
                        }
                        long wait = (answered.get() - sent) / 1_000_000;
                        if (wait > stallMs) {
                            LOG.log(System.Logger.Level.WARNING, "fx-watchdog: stall of " + wait + " ms ended");
                        }
                        longest = Math.max(longest, wait);
                        if (System.nanoTime() - lastReport > 10_000_000_000L) {
                            LOG.log(System.Logger.Level.WARNING, "fx-watchdog: longest FX stall " + longest + " ms");
                            lastReport = System.nanoTime();
                        }
                        sleep(50);
                    }
                },
                "fx-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
