package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import org.darkscope.event.RunData;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big runs keep their cells in the file; reading them on demand gives the same values. */
class LazyCellStoreTest {
    @TempDir
    Path dir;

    private int saved;

    @BeforeEach
    void smallThreshold() {
        saved = ParquetRunReader.inMemoryMaxEvents;
        ParquetRunReader.inMemoryMaxEvents = 100;
    }

    @AfterEach
    void restore() {
        ParquetRunReader.inMemoryMaxEvents = saved;
    }

    @Test
    void cellsReadOnDemandMatchInAnyOrderEvenAfterTheFileIsReplaced() throws IOException {
        int n = 2 * ParquetRunWriter.ROW_GROUP_ROWS + 500;
        RunData run = RandomColumnRuns.random(n, 13);
        Path file = dir.resolve("big.parquet");
        RunFiles.write(run, file);
        RunData back = RunFiles.read(file);
        assertInstanceOf(LazyCellStore.class, back.cells());

        // jump between row groups (more than the cache holds) before anything is cached in order
        int[] order = {n - 1, 0, ParquetRunWriter.ROW_GROUP_ROWS, 7, n - 2, ParquetRunWriter.ROW_GROUP_ROWS - 1, 3};
        float[] a = new float[run.cells().cellCount()];
        float[] b = new float[a.length];
        for (int e : order) {
            run.cells().read(e, a);
            back.cells().read(e, b);
            assertArrayEquals(a, b, "event " + e);
        }
        // replacing the file on disk does not change the run already open
        RunFiles.write(RandomColumnRuns.random(n, 99), file);
        RandomColumnRuns.assertSameColumns(run, back);
    }

    @Test
    void foreignFileCellsAreConvertedTheSameWayOnDemandOnOneOrTwoCores() throws Exception {
        Path file = ForeignFilesTest.resource("pyarrow-defaults.parquet");
        RunData lazy = RunFiles.read(file);
        assertInstanceOf(LazyCellStore.class, lazy.cells());
        int savedParallel = ParquetRunReader.parallelMinEvents;
        ParquetRunReader.parallelMinEvents = 0;
        RunData lazyTwoCores;
        try {
            lazyTwoCores = RunFiles.read(file);
        } finally {
            ParquetRunReader.parallelMinEvents = savedParallel;
        }
        ParquetRunReader.inMemoryMaxEvents = saved;
        RunData eager = RunFiles.read(file);
        RandomColumnRuns.assertSameColumns(eager, lazy);
        RandomColumnRuns.assertSameColumns(eager, lazyTwoCores);
    }
}
