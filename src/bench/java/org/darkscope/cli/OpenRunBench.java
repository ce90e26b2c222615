package org.darkscope.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;

/**
 * Opening a run, and the memory its summary takes (a benchmark, not a test: nothing is asserted).
 * Opens the file {@code repeats} times in one JVM (the first open includes class loading and JIT
 * warm-up) and reports wall time, process CPU time, and the heap held per event by the open run
 * after a full GC, before and after one evaluation of the published selection (which adds the
 * engine's per-cut bitsets).
 *
 * <p>Usage: {@code java [-Xmx4g] -cp $BENCH_CP org.darkscope.cli.OpenRunBench RUN.parquet [repeats]}</p>
 */
public final class OpenRunBench {
    private OpenRunBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Double> wall = new ArrayList<>();
        RunData run = null;
        for (int i = 0; i < repeats; i++) {
            run = null;
            gc();
            long c0 = cpu();
            long t0 = System.nanoTime();
            run = RunFiles.read(file);
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (cpu() - c0) / 1e6;
            wall.add(ms);
            System.out.printf(
                    Locale.ROOT,
                    "open %d: %.0f ms wall, %.0f ms CPU (all threads), %,d events%n",
                    i + 1,
                    ms,
                    cpuMs,
                    run.size());
        }
        List<Double> sorted = new ArrayList<>(wall.subList(Math.min(1, wall.size() - 1), wall.size()));
        sorted.sort(null);
        System.out.printf(
                Locale.ROOT,
                "open, runs 2..%d: median %.0f ms, min %.0f ms%n",
                repeats,
                sorted.get(sorted.size() / 2),
                sorted.get(0));
        int n = run.size();
        run = null;
        long base = usedAfterGc();
        run = RunFiles.read(file);
        long withRun = usedAfterGc();
        long held = 0;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (org.darkscope.event.Column c : run.columnMap().values()) {
            held += c.heapBytes();
            kinds.merge(c.storage(), 1, Integer::sum);
        }
        System.out.printf(
                Locale.ROOT,
                "summary columns: %d (%s), %.1f bytes/event of values on the heap; cells: %s%n",
                run.columnMap().size(),
                kinds,
                held / (double) n,
                run.cells().getClass().getSimpleName());
        long withEngine;
        try (AnalysisEngine e = new AnalysisEngine(List.of(run))) {
            e.evaluate(Selection.published().withBlinded(false));
            withEngine = usedAfterGc();
            if (e.runs().isEmpty()) {
                System.out.println(e);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "heap held by the open run: %.1f MB = %.1f bytes/event (summary columns, cell store)%n",
                (withRun - base) / 1e6,
                (withRun - base) / (double) n);
        System.out.printf(
                Locale.ROOT,
                "with an engine after one evaluation of the published selection: %.1f bytes/event%n",
                (withEngine - base) / (double) n);
        System.out.printf(
                Locale.ROOT,
                "(%s kernels, Java %s, max heap %d MB)%n",
                AnalysisEngine.kernel(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Used heap after full GCs. */
    private static long usedAfterGc() {
        gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long cpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean s) {
            return s.getProcessCpuTime();
        }
        return 0;
    }
}
