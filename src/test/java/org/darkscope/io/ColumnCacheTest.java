package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.Selection;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs opened through the memory-mapped column cache hold the same values as runs read onto the heap. */
class ColumnCacheTest {
    private static final int N = 2 * ParquetRunWriter.ROW_GROUP_ROWS + 500;

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private int savedMax;
    private String savedMode;
    private String savedDir;

    @BeforeEach
    void cacheEveryBigRun() {
        savedMax = ParquetRunReader.inMemoryMaxEvents;
        savedMode = ColumnCache.mode;
        savedDir = System.getProperty("darkscope.cacheDir");
        ParquetRunReader.inMemoryMaxEvents = 100;
        ColumnCache.mode = "always";
        System.setProperty("darkscope.cacheDir", cache.toString());
    }

    @AfterEach
    void restore() {
        ParquetRunReader.inMemoryMaxEvents = savedMax;
        ColumnCache.mode = savedMode;
        if (savedDir == null) {
            System.clearProperty("darkscope.cacheDir");
        } else {
            System.setProperty("darkscope.cacheDir", savedDir);
        }
    }

    private static RunData heap(Path file) throws RunFileException {
        String mode = ColumnCache.mode;
        ColumnCache.mode = "never";
        try {
            return RunFiles.read(file);
        } finally {
            ColumnCache.mode = mode;
        }
    }

    private static void assertSameValues(RunData expected, RunData actual) {
        assertEquals(expected.size(), actual.size());
        for (ColumnDef c : expected.schema().scalars()) {
            Object a = expected.column(c.name()).toArray();
            Object b = actual.column(c.name()).toArray();
            if (a instanceof float[] f) {
                assertArrayEquals(f, (float[]) b, c.name());
            } else if (a instanceof int[] i) {
                assertArrayEquals(i, (int[]) b, c.name());
            } else {
                assertArrayEquals((long[]) a, (long[]) b, c.name());
            }
        }
    }

    @Test
    void theFirstOpenBuildsTheCacheLaterOpensMapItAndAChangedFileRebuildsIt() throws IOException {
        RunData run = RandomColumnRuns.random(N, 21);
        Path file = dir.resolve("big.parquet");
        RunFiles.write(run, file);
        int before = ColumnCache.builds;

        RunData first = RunFiles.read(file);
        assertEquals(before + 1, ColumnCache.builds);
        assertTrue(Files.isRegularFile(ColumnCache.cacheFile(file)));
        assertInstanceOf(LazyCellStore.class, first.cells());
        assertSameValues(heap(file), first);
        assertSameValues(run, first);
        float[] a = new float[run.cells().cellCount()];
        float[] b = new float[a.length];
        run.cells().read(N - 3, a);
        first.cells().read(N - 3, b);
        assertArrayEquals(a, b);

        RunData second = RunFiles.read(file);
        assertEquals(before + 1, ColumnCache.builds, "the cache is reused");
        assertSameValues(run, second);
        // the analysis on mapped columns counts what it counts on heap arrays
        Selection sel = Selection.published().withBlinded(false);
        try (AnalysisEngine onHeap = new AnalysisEngine(List.of(heap(file)));
                AnalysisEngine mapped = new AnalysisEngine(List.of(second))) {
            assertEquals(
                    onHeap.evaluate(sel).runs().get(0).cutFlow().selected(),
                    mapped.evaluate(sel).runs().get(0).cutFlow().selected());
        }

        // the run file is replaced: the cache no longer matches and is built again
        RunData other = RandomColumnRuns.random(N, 22);
        RunFiles.write(other, file);
        RunData third = RunFiles.read(file);
        assertEquals(before + 2, ColumnCache.builds);
        assertSameValues(other, third);
    }

    @Test
    void cancellingTheFirstOpenLeavesNoCacheFile() throws IOException {
        Path file = dir.resolve("big.parquet");
        RunFiles.write(RandomColumnRuns.random(N, 23), file);
        AtomicInteger updates = new AtomicInteger();
        Progress cancelling = new Progress() {
            @Override
            public void update(double fraction, String message) {
                updates.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return updates.get() > 2;
            }
        };
        assertThrows(CancelledException.class, () -> RunFiles.read(file, cancelling));
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.toList(), "no cache file, no temporary file");
        }
        assertFalse(Files.exists(ColumnCache.cacheFile(file)));
        RunFiles.read(file); // and the next open builds it
        assertTrue(Files.exists(ColumnCache.cacheFile(file)));
    }
}
