package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyColumnAndTheMetadataSurviveWriteAndRead() throws IOException {
        // more than one row group, last one partial
        int n = ParquetRunWriter.ROW_GROUP_ROWS + 1234;
        RunData run = RandomColumnRuns.random(n, 7);
        Path file = dir.resolve("run4242.parquet");
        RunFiles.write(run, file);
        RunData back = RunFiles.read(file);
        RandomColumnRuns.assertSameColumns(run, back);
        assertEquals(run.info(), back.info());
        assertEquals(file.toString(), back.source());
    }

    @Test
    void dataRunWithNaNMassAndEmptyGeneratorRoundTrips() throws IOException {
        RunInfo info = RunInfo.data(17, 100, 1e9);
        RunData run = RandomColumnRuns.random(50, 3, info);
        Path file = dir.resolve("data.parquet");
        RunFiles.write(run, file);
        RunData back = RunFiles.read(file);
        assertEquals(info, back.info());
        assertTrue(Double.isNaN(back.info().signalMassMeV()));
        RandomColumnRuns.assertSameColumns(run, back);
    }

    @Test
    void emptyRunRoundTrips() throws IOException {
        RunData run = RandomColumnRuns.random(0, 1);
        Path file = dir.resolve("empty-run.parquet");
        RunFiles.write(run, file);
        RunData back = RunFiles.read(file);
        assertEquals(0, back.size());
        assertEquals(run.info(), back.info());
    }

    @Test
    void writerLeavesOnlyTheRunFileAndOverwritesAtomically() throws IOException {
        Path file = dir.resolve("run.parquet");
        RunFiles.write(RandomColumnRuns.random(10, 1), file);
        RunData second = RandomColumnRuns.random(20, 2);
        RunFiles.write(second, file);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary or .crc side files");
        }
        assertEquals(20, RunFiles.read(file).size());
    }

    @Test
    void cancelledWriteDeletesTheTemporaryFileAndKeepsTheOldRun() throws IOException {
        Path file = dir.resolve("run.parquet");
        RunFiles.write(RandomColumnRuns.random(10, 1), file);
        Progress cancelAfterStart = new Progress() {
            int calls;

            @Override
            public void update(double fraction, String message) {
                calls++;
            }

            @Override
            public boolean isCancelled() {
                return calls > 0;
            }
        };
        RunData big = RandomColumnRuns.random(3 * ParquetRunWriter.ROW_GROUP_ROWS, 5);
        assertThrows(CancelledException.class, () -> RunFiles.write(big, file, cancelAfterStart));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
        assertEquals(10, RunFiles.read(file).size(), "old run untouched");
    }

    @Test
    void failedWriteDeletesTheTemporaryFileAndKeepsTheOldRun() throws IOException {
        Path file = dir.resolve("run.parquet");
        RunFiles.write(RandomColumnRuns.random(10, 1), file);
        RunData good = RandomColumnRuns.random(3 * ParquetRunWriter.ROW_GROUP_ROWS, 6);
        boolean[] broken = {false};
        org.darkscope.event.CellStore failing = new org.darkscope.event.CellStore() {
            @Override
            public int size() {
                return good.size();
            }

            @Override
            public int cellCount() {
                return good.cells().cellCount();
            }

            @Override
            public void read(int event, float[] dst) {
                if (broken[0] && event > ParquetRunWriter.ROW_GROUP_ROWS + 10) {
                    throw new java.io.UncheckedIOException(new IOException("disk went away"));
                }
                good.cells().read(event, dst);
            }
        };
        RunData.Builder b = RunData.builder(good.info(), good.detector(), good.size());
        good.columns().forEach(b::column);
        RunData run = b.cells(failing).build();
        broken[0] = true;
        java.io.UncheckedIOException e =
                assertThrows(java.io.UncheckedIOException.class, () -> RunFiles.write(run, file));
        assertEquals("disk went away", e.getCause().getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
        assertEquals(10, RunFiles.read(file).size(), "old run untouched");
    }

    @Test
    void cancelledReadStops() throws IOException {
        Path file = dir.resolve("run.parquet");
        RunFiles.write(RandomColumnRuns.random(2 * ParquetRunWriter.ROW_GROUP_ROWS + 5, 9), file);
        List<String> messages = new ArrayList<>();
        Progress cancelAfterFirstGroup = new Progress() {
            @Override
            public void update(double fraction, String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return messages.size() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> RunFiles.read(file, cancelAfterFirstGroup));
        assertEquals(List.of("reading row group 1 of 3", "reading row group 2 of 3"), messages);
    }

    @Test
    void readReportsProgressPerRowGroup() throws IOException {
        Path file = dir.resolve("run.parquet");
        RunFiles.write(RandomColumnRuns.random(2 * ParquetRunWriter.ROW_GROUP_ROWS + 5, 9), file);
        List<Double> fractions = new ArrayList<>();
        RunFiles.read(file, new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertTrue(fractions.size() >= 3, "one report per row group: " + fractions);
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "monotonic: " + fractions);
        }
    }

    @Test
    void derivedColumnsAreRecomputedFromCellsNotTakenFromTheFile() throws IOException {
        RunData run = RandomColumnRuns.random(30, 11);
        Path file = dir.resolve("run.parquet");
        RunFiles.write(run, file);
        RunData back = RunFiles.read(file);
        float[] ecal = back.floats(Schema.ECAL);
        float[] cells = new float[back.cells().cellCount()];
        for (int e = 0; e < back.size(); e++) {
            back.cells().read(e, cells);
            double sum = 0;
            for (var c : back.detector().ecalPreshower().cells()) {
                sum += cells[c.index()];
            }
            for (var c : back.detector().ecalMain().cells()) {
                sum += cells[c.index()];
            }
            assertEquals(sum, ecal[e], 1e-4 * Math.max(1, sum));
        }
        assertArrayEquals(run.floats(Schema.HCAL), back.floats(Schema.HCAL));
    }
}
