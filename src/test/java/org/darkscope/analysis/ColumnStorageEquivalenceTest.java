package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.testsupport.ClassMixRuns;
import org.darkscope.testsupport.WeightedRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same run held three ways: whole arrays (compaction off), compact columns (constants, bytes,
 * run lengths, computed sums) and columns memory-mapped from a file. The engine must give the same
 * cut flow, regions, plane, N-1 histograms and weighted sums for all three, with run sizes that are
 * not multiples of 64 nor of the engine's 64k-event chunk, and must never copy a whole column of a
 * non-array run (the copy limit is 0 while the compact and mapped runs are evaluated).
 */
class ColumnStorageEquivalenceTest {
    @TempDir
    Path dir;

    static <T> T withProperty(String key, String value, Supplier<T> f) {
        String old = System.getProperty(key);
        System.setProperty(key, value);
        try {
            return f.get();
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }

    /** The run rebuilt with every column as a whole array. */
    static RunData arrays(RunData r) {
        return withProperty("darkscope.compactColumns", "false", () -> {
            RunData.Builder b = RunData.builder(r.info(), r.detector(), r.size())
                    .cells(r.cells())
                    .source(r.source());
            r.columnMap().forEach((k, c) -> b.column(k, c.toArray()));
            return b.build();
        });
    }

    /** The run rebuilt with every column from a little-endian file mapped into memory. */
    RunData mapped(RunData r) throws Exception {
        Path f = dir.resolve("columns-" + r.size() + ".bin");
        Map<String, Column> cols = r.columnMap();
        long bytes = 0;
        for (Column c : cols.values()) {
            bytes += (long) c.size() * (c.type() == org.darkscope.event.ColumnType.LONG ? 8 : 4);
        }
        RunData.Builder b = RunData.builder(r.info(), r.detector(), r.size())
                .cells(r.cells())
                .source(r.source());
        try (FileChannel ch =
                FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            m.order(ByteOrder.LITTLE_ENDIAN);
            long off = 0;
            for (Map.Entry<String, Column> e : cols.entrySet()) {
                Column c = e.getValue();
                int width = c.type() == org.darkscope.event.ColumnType.LONG ? 8 : 4;
                ByteBuffer slice = m.slice((int) off, c.size() * width).order(ByteOrder.LITTLE_ENDIAN);
                switch (c.type()) {
                    case FLOAT -> {
                        var fb = slice.asFloatBuffer();
                        fb.put((float[]) c.toArray());
                        b.column(e.getKey(), fb.flip());
                    }
                    case INT -> {
                        var ib = slice.asIntBuffer();
                        ib.put((int[]) c.toArray());
                        b.column(e.getKey(), ib.flip());
                    }
                    case LONG -> {
                        var lb = slice.asLongBuffer();
                        lb.put((long[]) c.toArray());
                        b.column(e.getKey(), lb.flip());
                    }
                }
                off += (long) c.size() * width;
            }
        }
        return b.build();
    }

    /** Everything the window and analyse show of one evaluation, as text. */
    static String fingerprint(RunData run, Selection sel, boolean dataRole) {
        return withProperty("darkscope.materialiseLimit", "0", () -> {
            try (AnalysisEngine e = new AnalysisEngine(
                    List.of(run), AnalysisEngine.Options.defaults().withThreads(2))) {
                RunResult r = e.evaluate(sel, x -> dataRole, org.darkscope.task.Progress.NONE)
                        .runs()
                        .get(0);
                StringBuilder s = new StringBuilder();
                s.append(r.cutFlow()).append('\n');
                for (EventClass c : EventClass.values()) {
                    s.append(c).append(' ').append(r.regions(c)).append(' ');
                    s.append(Arrays.hashCode(r.plane(c).counts())).append(' ');
                    s.append(r.plane(c).inRange())
                            .append('/')
                            .append(r.plane(c).outside())
                            .append('\n');
                }
                s.append(Arrays.toString(r.plane().counts())).append('\n');
                for (Cut c : sel.enabledCuts()) {
                    Histogram1D h = r.nMinusOne(c.name());
                    s.append(c.name()).append(Arrays.toString(h.counts()));
                    s.append(h.underflow()).append('/').append(h.overflow()).append('\n');
                }
                for (Variable v : Variable.values()) {
                    s.append(v).append(Arrays.toString(r.histogram(v).counts())).append('\n');
                }
                for (Region g : Region.values()) {
                    s.append(g).append(Arrays.toString(r.eventsInRegion(g))).append('\n');
                }
                WeightedResult w = r.weightedSums();
                s.append(w.total()).append(w.cutFlow()).append(w.alone()).append(w.selected());
                for (Region g : Region.values()) {
                    s.append(g).append(w.region(g));
                }
                s.append(Arrays.toString(w.histogram(Variable.values()[0]).sumW()));
                return s.toString();
            }
        });
    }

    void assertSameEverywhere(RunData base) throws Exception {
        RunData a = arrays(base);
        RunData c = base; // built with compaction on (the default)
        RunData m = mapped(base);
        for (String name : a.columnNames()) {
            assertNotNull(a.column(name).array(), name + " is a whole array");
            assertNull(m.column(name).array(), name + " is mapped");
            Column x = a.column(name);
            Column y = c.column(name);
            Column z = m.column(name);
            for (int e = 0; e < a.size(); e++) {
                double v = x.value(e);
                assertTrue(
                        Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(y.value(e))
                                && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(z.value(e)),
                        name + " event " + e + ": " + v + " / " + y.value(e) + " / " + z.value(e));
            }
        }
        List<Selection> sels = new ArrayList<>();
        sels.add(Selection.published().withBlinded(false));
        sels.add(Selection.published());
        for (Selection sel : sels) {
            for (boolean dataRole : new boolean[] {false, true}) {
                String want = fingerprint(a, sel, dataRole);
                assertEquals(want, fingerprint(c, sel, dataRole), "compact columns");
                assertEquals(want, fingerprint(m, sel, dataRole), "mapped columns");
            }
        }
    }

    @Test
    void classMixAcrossChunkBoundaries() throws Exception {
        // 2 threads x 64k-event chunks: 200,003 events end mid-word, mid-chunk
        RunData r = ClassMixRuns.background(200_003, 21);
        assertTrue(r.columnMap().values().stream().anyMatch(c -> c.array() == null), "something is compact");
        assertSameEverywhere(r);
    }

    @Test
    void weightedBackgroundMcSmallRuns() throws Exception {
        for (int n : new int[] {1, 63, 65, 4_097}) {
            assertSameEverywhere(WeightedRuns.backgroundMc(n, 40 + n, 7));
        }
    }
}
