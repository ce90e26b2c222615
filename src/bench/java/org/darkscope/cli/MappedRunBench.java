package org.darkscope.cli;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.Variable;
import org.darkscope.event.CellStore;
import org.darkscope.event.Column;
import org.darkscope.event.ColumnType;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;

/**
 * A large run whose summary columns are memory-mapped (a benchmark, not a test): the 1e6-event file
 * tiled K times into a little-endian column file, mapped, and given to {@code RunData.Builder}. With
 * whole-column copies forbidden ({@code darkscope.materialiseLimit=0}) it evaluates the published
 * selection (full, then one cut changed) and reads what the window shows (cut flow, regions, plane,
 * N-1 and variable histograms, region event lists, weighted sums), and reports times and the heap
 * held per event.
 *
 * <p>Usage: {@code java -Xmx4g -cp $BENCH_CP org.darkscope.cli.MappedRunBench RUN.parquet K COLUMNS.bin}</p>
 */
public final class MappedRunBench {
    private MappedRunBench() {}

    public static void main(String[] args) throws Exception {
        RunData base = RunFiles.read(Path.of(args[0]));
        int k = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        int n = base.size();
        int m = Math.multiplyExact(n, k);
        long t0 = System.nanoTime();
        RunData.Builder b = RunData.builder(base.info(), base.detector(), m).source(base.source() + " x" + k);
        try (FileChannel ch = FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long off = 0;
            for (Map.Entry<String, Column> e : base.columnMap().entrySet()) {
                Column c = e.getValue();
                int width = c.type() == ColumnType.LONG ? 8 : 4;
                MappedByteBuffer mb = ch.map(FileChannel.MapMode.READ_WRITE, off, (long) m * width);
                mb.order(ByteOrder.LITTLE_ENDIAN);
                switch (c.type()) {
                    case FLOAT -> {
                        float[] v = (float[]) c.toArray();
                        var fb = mb.asFloatBuffer();
                        for (int i = 0; i < k; i++) {
                            fb.put(v);
                        }
                        b.column(e.getKey(), fb.flip());
                    }
                    case INT -> {
                        int[] v = (int[]) c.toArray();
                        var ib = mb.asIntBuffer();
                        for (int i = 0; i < k; i++) {
                            ib.put(v);
                        }
                        b.column(e.getKey(), ib.flip());
                    }
                    case LONG -> {
                        long[] v = (long[]) c.toArray();
                        var lb = mb.asLongBuffer();
                        for (int i = 0; i < k; i++) {
                            lb.put(v);
                        }
                        b.column(e.getKey(), lb.flip());
                    }
                }
                off += (long) m * width;
            }
        }
        b.cells(CellStore.repeated(base.cells(), m));
        RunData run = b.build();
        System.out.printf(
                Locale.ROOT,
                "%,d events mapped from %s (%.1f GB) in %.1f s%n",
                m,
                file,
                Files.size(file) / 1e9,
                (System.nanoTime() - t0) / 1e9);
        base = null;
        System.setProperty("darkscope.materialiseLimit", "0"); // any whole-column copy now throws
        long heap0 = usedAfterGc();
        Selection sel = Selection.published().withBlinded(false);
        try (AnalysisEngine engine = new AnalysisEngine(List.of(run))) {
            for (int rep = 0; rep < 3; rep++) {
                engine.invalidate();
                long c = cpu();
                long t = System.nanoTime();
                AnalysisResult r = engine.evaluate(sel);
                System.out.printf(
                        Locale.ROOT,
                        "full evaluation %d: %.0f ms wall, %.0f ms CPU, selected %,d%n",
                        rep + 1,
                        (System.nanoTime() - t) / 1e6,
                        (cpu() - c) / 1e6,
                        r.runs().get(0).selectedCount());
            }
            Cut shape = sel.cuts().stream()
                    .filter(c -> c.column().equals("ecal_shape"))
                    .findFirst()
                    .orElseThrow();
            for (int rep = 0; rep < 3; rep++) {
                Selection moved = sel.withCut(shape.name(), shape.withMax(shape.max() + 0.01 * (rep + 1)));
                long c = cpu();
                long t = System.nanoTime();
                engine.evaluate(moved);
                System.out.printf(
                        Locale.ROOT,
                        "one cut changed %d: %.0f ms wall, %.0f ms CPU%n",
                        rep + 1,
                        (System.nanoTime() - t) / 1e6,
                        (cpu() - c) / 1e6);
            }
            long t = System.nanoTime();
            AnalysisResult r = engine.evaluate(sel.withBlinded(true));
            RunResult rr = r.runs().get(0);
            long seen = rr.cutFlow().selected() + rr.plane().inRange();
            for (Cut c : sel.enabledCuts()) {
                seen += rr.nMinusOne(c.name()).entries();
            }
            for (Variable v : Variable.values()) {
                seen += rr.histogram(v).entries();
            }
            for (Region g : Region.values()) {
                seen += rr.eventsInRegion(g).length;
            }
            seen += rr.weighted().map(w -> w.total().n()).orElse(0L);
            System.out.printf(
                    Locale.ROOT,
                    "blinded evaluation + N-1, histograms, region lists, weighted sums: %.0f ms (%d)%n",
                    (System.nanoTime() - t) / 1e6,
                    seen);
            long heap1 = usedAfterGc();
            System.out.printf(
                    Locale.ROOT,
                    "heap used after GC: %.0f MB with the mapped run open, %.0f MB with the engine and its bitsets"
                            + " (%.1f bytes/event); max heap %d MB%n",
                    heap0 / 1e6,
                    heap1 / 1e6,
                    heap1 / (double) m,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        System.out.printf(Locale.ROOT, "(%s kernels, Java %s)%n", AnalysisEngine.kernel(), Runtime.version());
    }

    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean s
                ? s.getProcessCpuTime()
                : 0;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
