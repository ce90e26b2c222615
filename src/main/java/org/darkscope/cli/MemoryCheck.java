package org.darkscope.cli;

import java.util.Locale;
import org.darkscope.event.Schema;
import org.darkscope.geometry.GeometryLoader;

/** Refuses, before any work starts, a run size that cannot fit in memory or in one run. */
final class MemoryCheck {
    private MemoryCheck() {}

    /** Bytes per event held in memory: every cell and every summary column as 4 bytes, twice (assembly). */
    static long bytesPerEvent() {
        var det = GeometryLoader.defaultDetector();
        return 2L * 4L * (det.cellCount() + Schema.of(det).scalars().size());
    }

    /**
     * Throws an IllegalArgumentException (exit 2) naming {@code what} if {@code events} events do not
     * fit in one run (cells in one array) or in the memory this JVM may use.
     */
    static void requireForRun(long events, String what) {
        int nc = GeometryLoader.defaultDetector().cellCount();
        long maxEvents = (Integer.MAX_VALUE - 8L) / nc;
        if (events > maxEvents) {
            throw new IllegalArgumentException(what + ": more events than one run can hold (at most "
                    + String.format(Locale.ROOT, "%,d", maxEvents) + "); split it into several runs");
        }
        long need = events * bytesPerEvent();
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s needs about %.1f GB of memory, but only %.1f GB is available to Java: run with a larger -Xmx"
                            + " (e.g. java -Xmx%dg -jar darkscope.jar ...) or fewer events",
                    what,
                    need / 1e9,
                    free / 1e9,
                    Math.max(2, (long) Math.ceil(need * 1.3 / (1L << 30)))));
        }
    }
}
