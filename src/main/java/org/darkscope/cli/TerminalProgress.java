package org.darkscope.cli;

import java.io.PrintStream;
import org.darkscope.task.Progress;

/**
 * A progress bar on a terminal stream (stderr): redrawn in place with a carriage return, at most
 * ten times a second, finished with a newline by {@link #done()}.
 */
final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastLength;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(double fraction, String message) {
        long now = System.nanoTime();
        if (fraction < 1 && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format(
                "[%s%s] %3d%% %s (%.1f s)",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(f * 100), message, (now - start) / 1e9);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        out.print("\r" + line + pad);
        out.flush();
        lastLength = line.length();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Ends the bar's line. */
    synchronized void done() {
        if (lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }
}
