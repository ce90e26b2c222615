package org.darkscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope bench}: times a full selection evaluation and a one-cut change (cut flow, region
 * counts and the 120x100 plane histogram) on one run; median of many repetitions after a warm-up.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Times a full selection evaluation and a one-cut change (cut flow, region counts, "
                + "120x100 (E_ECAL, E_HCAL) histogram) and reports milliseconds and events per second.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN.parquet", description = "run file")
    Path file;

    @Option(
            names = "--selection",
            paramLabel = "SEL.json",
            description = "selection file (default: the published selection)")
    Path selectionFile;

    @Option(
            names = "--cut",
            paramLabel = "NAME",
            description = "cut changed in the one-cut timing (default: shower-shape, else the last enabled cut)")
    String cutName;

    @Option(
            names = "--repetitions",
            paramLabel = "N",
            defaultValue = "200",
            description = "timed repetitions (default 200)")
    int repetitions;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "100",
            description = "untimed warm-up repetitions (default 100)")
    int warmup;

    @Option(names = "--threads", paramLabel = "T", description = "engine threads (default: available processors)")
    Integer threads;

    @Option(
            names = "--replicate",
            paramLabel = "K",
            defaultValue = "1",
            description = "tile the run K times in memory (e.g. 10 to time 1e7 events from a 1e6 file; default 1)")
    int replicate;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("--repetitions must be >= 1 and --warmup >= 0");
        }
        Selection sel =
                (selectionFile != null ? SelectionIo.read(selectionFile) : Selection.published()).withBlinded(false);
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        RunData run = RunFiles.read(file);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        double loadCpuMs = (cpuNanos() - c0) / 1e6;
        if (replicate < 1) {
            throw new IllegalArgumentException("--replicate must be >= 1");
        }
        if (replicate > 1) {
            // the tiled columns and the engine's per-event state: refused up front, not an OutOfMemoryError
            long need = (long) run.size()
                    * replicate
                    * 2L
                    * 4L
                    * run.schema().scalars().size();
            Runtime rt = Runtime.getRuntime();
            long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            if (need > free) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "--replicate %d needs about %.1f GB of memory, but only %.1f GB is available to Java:"
                                + " run with a larger -Xmx (e.g. java -Xmx%dg -jar darkscope.jar ...) or a smaller --replicate",
                        replicate,
                        need / 1e9,
                        free / 1e9,
                        Math.max(2, (long) Math.ceil(need * 1.3 / (1L << 30)))));
            }
            run = tile(run, replicate);
        }
        Cut cut = pickCut(sel);
        AnalysisEngine.Options opt = AnalysisEngine.Options.defaults();
        if (threads != null) {
            opt = opt.withThreads(threads);
        }
        double[] full = new double[repetitions];
        double[] one = new double[repetitions];
        long cpuFull = 0;
        long cpuOne = 0;
        AnalysisResult reference;
        try (AnalysisEngine engine = new AnalysisEngine(List.of(run), opt)) {
            reference = engine.evaluate(sel);
            for (int i = -warmup; i < repetitions; i++) {
                engine.invalidate();
                long ca = cpuNanos();
                long a = System.nanoTime();
                touch(engine.evaluate(sel), run);
                long b = System.nanoTime();
                long cb = cpuNanos();
                // one-cut change: move the cut's edge, alternating, so its bitset must be recomputed
                Selection changed = sel.withCut(cut.name(), nudge(cut, i));
                long cc = cpuNanos();
                long c = System.nanoTime();
                touch(engine.evaluate(changed), run);
                long d = System.nanoTime();
                long cd = cpuNanos();
                if (i >= 0) {
                    full[i] = (b - a) / 1e6;
                    one[i] = (d - c) / 1e6;
                    cpuFull += cb - ca;
                    cpuOne += cd - cc;
                }
            }
        }
        Arrays.sort(full);
        Arrays.sort(one);
        double fullMs = median(full);
        double oneMs = median(one);
        double fullCpuMs = cpuNanos() < 0 ? Double.NaN : cpuFull / 1e6 / repetitions;
        double oneCpuMs = cpuNanos() < 0 ? Double.NaN : cpuOne / 1e6 / repetitions;
        int n = run.size();
        PrintWriter out = spec.commandLine().getOut();
        RunResult rr = reference.run(run);
        if (output.json) {
            ObjectNode o = CliJson.MAPPER.createObjectNode();
            o.put("tool", "darkscope");
            o.put("file", file.toString());
            o.put("events", n);
            o.put("cuts", sel.enabledCuts().size());
            o.put("changedCut", cut.name());
            o.put("threads", opt.threads());
            o.put("kernel", AnalysisEngine.kernel());
            o.put("java", Runtime.version().toString());
            o.put("repetitions", repetitions);
            o.put("warmup", warmup);
            o.put("replicate", replicate);
            CliJson.put(o, "loadMs", loadMs);
            CliJson.put(o, "loadCpuMs", loadCpuMs);
            CliJson.put(o, "fullMs", fullMs);
            CliJson.put(o, "fullMinMs", full[0]);
            CliJson.put(o, "oneCutMs", oneMs);
            CliJson.put(o, "oneCutMinMs", one[0]);
            CliJson.put(o, "fullCpuMs", fullCpuMs);
            CliJson.put(o, "oneCutCpuMs", oneCpuMs);
            CliJson.put(o, "fullEventsPerSecond", n / (fullMs / 1e3));
            CliJson.put(o, "oneCutEventsPerSecond", n / (oneMs / 1e3));
            ArrayNode flow = o.putArray("cutFlow");
            flow.add(rr.cutFlow().total());
            for (CutFlow.Row row : rr.cutFlow().rows()) {
                flow.add(row.after());
            }
            ObjectNode reg = o.putObject("regions");
            for (Region r : Region.values()) {
                reg.put(r.name(), rr.regions().count(r));
            }
            o.put("planeInRange", rr.plane().inRange());
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%s: %,d events, %d cuts, %d thread(s), load %.0f ms (CPU %.0f ms); Java %s, %s kernels%n",
                    file,
                    n,
                    sel.enabledCuts().size(),
                    opt.threads(),
                    loadMs,
                    loadCpuMs,
                    Runtime.version(),
                    AnalysisEngine.kernel());
            Table t = new Table("evaluation", "median [ms]", "min [ms]", "CPU [ms]", "events/s");
            t.row(
                    "full (all cuts, cut flow, regions, plane)",
                    CliJson.fmt(fullMs),
                    CliJson.fmt(full[0]),
                    CliJson.fmt(fullCpuMs),
                    String.format(Locale.ROOT, "%.3g", n / (fullMs / 1e3)));
            t.row(
                    "one cut changed (" + cut.name() + ")",
                    CliJson.fmt(oneMs),
                    CliJson.fmt(one[0]),
                    CliJson.fmt(oneCpuMs),
                    String.format(Locale.ROOT, "%.3g", n / (oneMs / 1e3)));
            t.print(out);
            out.printf(
                    Locale.ROOT,
                    "selected %,d events; median of %d repetitions after %d warm-up;"
                            + " CPU = process CPU time per evaluation (all threads)%n",
                    rr.selectedCount(),
                    repetitions,
                    warmup);
        }
        out.flush();
        return 0;
    }

    /** The run's columns repeated k times (cells shared through an index map): a bigger run in memory. */
    public static RunData tile(RunData run, int k) {
        int n = run.size();
        long big = (long) n * k;
        if (big > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("--replicate " + k + " gives more than 2^31 events");
        }
        int m = (int) big;
        RunData.Builder b = RunData.builder(run.info(), run.detector(), m).source(run.source() + " x" + k);
        for (var e : run.columns().entrySet()) {
            Object src = e.getValue();
            Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), m);
            for (int i = 0; i < k; i++) {
                System.arraycopy(src, 0, dst, i * n, n);
            }
            b.column(e.getKey(), dst);
        }
        b.cells(org.darkscope.event.CellStore.repeated(run.cells(), m));
        return b.build();
    }

    /** Reads what a view would read, so that nothing lazy is left out of the timing. */
    private static void touch(AnalysisResult r, RunData run) {
        RunResult rr = r.run(run);
        if (rr.cutFlow().selected() < 0
                || rr.regions().count(Region.BOX) < -1
                || rr.plane().inRange() < 0) {
            throw new IllegalStateException();
        }
    }

    /** Process CPU time in ns (all threads), -1 if the JVM does not report it. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean s) {
            return s.getProcessCpuTime();
        }
        return -1;
    }

    private Cut pickCut(Selection sel) {
        if (cutName != null) {
            Cut c = sel.cut(cutName);
            if (!c.enabled()) {
                throw new IllegalArgumentException("cut '" + cutName + "' is disabled");
            }
            return c;
        }
        List<Cut> en = sel.enabledCuts();
        if (en.isEmpty()) {
            throw new IllegalArgumentException("the selection has no enabled cut");
        }
        return sel.find("shower-shape").filter(Cut::enabled).orElse(en.get(en.size() - 1));
    }

    private static Cut nudge(Cut c, int i) {
        double f = 1 + 0.01 * (1 + (Math.floorMod(i, 7)));
        if (c.kind().usesMax()) {
            return c.withMax(c.max() * f + (c.max() == 0 ? 0.01 * f : 0));
        }
        return c.withMin(c.min() / f - (c.min() == 0 ? 0.01 * f : 0));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
