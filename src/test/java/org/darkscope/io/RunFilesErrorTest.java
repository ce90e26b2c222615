package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken input gives one RunFileException naming the file and the problem. */
class RunFilesErrorTest {
    @TempDir
    Path dir;

    Path good;
    RunData run;

    @BeforeEach
    void writeGoodFile() throws IOException {
        run = RandomColumnRuns.random(2000, 5);
        good = dir.resolve("good.parquet");
        RunFiles.write(run, good);
    }

    private RunFileException fails(Path file) {
        RunFileException e = assertThrows(RunFileException.class, () -> RunFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.getFileName() + ": "), e.getMessage());
        assertEquals(file.getFileName() + ": " + e.problem(), e.getMessage());
        return e;
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] all = Files.readAllBytes(good);
        Path half = dir.resolve("run42.parquet");
        Files.write(half, Arrays.copyOf(all, all.length / 2));
        assertEquals(
                "run42.parquet: file is truncated (footer missing)", fails(half).getMessage());
    }

    @Test
    void fileCutInsideTheFooter() throws IOException {
        byte[] all = Files.readAllBytes(good);
        // keep the trailing length + magic but lose the bytes before them: the footer is garbage
        byte[] broken = all.clone();
        for (int i = broken.length - 200; i < broken.length - 8; i++) {
            broken[i] = 0x55;
        }
        Path f = dir.resolve("bad-footer.parquet");
        Files.write(f, broken);
        assertTrue(fails(f).problem().contains("damaged"));
    }

    private Path flipBytesIn(String column, String name) throws IOException {
        byte[] all = Files.readAllBytes(good);
        long start;
        long size;
        try (var r = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(good))) {
            var chunk = r.getFooter().getBlocks().get(0).getColumns().stream()
                    .filter(c -> c.getPath().toDotString().equals(column))
                    .findFirst()
                    .orElseThrow();
            start = chunk.getStartingPos();
            size = chunk.getTotalSize();
        }
        for (long i = start + size / 2; i < start + size / 2 + 16; i++) {
            all[(int) i] ^= 0x5A;
        }
        Path f = dir.resolve(name);
        Files.write(f, all);
        return f;
    }

    @Test
    void damagedDataInsideTheFileIsDetectedByThePageChecksums() throws IOException {
        // a cell column (the reader ignores the stored derived columns)
        Path f = flipBytesIn("ecal_main_r2c3", "flipped.parquet");
        assertTrue(fails(f).problem().startsWith("the data is damaged"), f.toString());
    }

    @Test
    void damageFoundByTheSecondCoreIsReportedToo() throws IOException {
        // the last cell is decoded by the helper thread when two cores share the work
        Path f = flipBytesIn(run.schema().cellColumns().get(run.cells().cellCount() - 1), "flipped-late.parquet");
        int saved = ParquetRunReader.parallelMinEvents;
        ParquetRunReader.parallelMinEvents = 0;
        try {
            assertTrue(fails(f).problem().startsWith("the data is damaged"));
        } finally {
            ParquetRunReader.parallelMinEvents = saved;
        }
    }

    @Test
    void randomBytes() throws IOException {
        byte[] junk = new byte[10_000];
        new Random(1).nextBytes(junk);
        Path f = dir.resolve("junk.parquet");
        Files.write(f, junk);
        assertEquals("junk.parquet: not a Parquet file", fails(f).getMessage());
    }

    @Test
    void randomBytesBetweenValidMagicNumbers() throws IOException {
        byte[] junk = new byte[10_000];
        new Random(2).nextBytes(junk);
        System.arraycopy("PAR1".getBytes(), 0, junk, 0, 4);
        System.arraycopy("PAR1".getBytes(), 0, junk, junk.length - 4, 4);
        Path f = dir.resolve("fake.parquet");
        Files.write(f, junk);
        assertEquals("fake.parquet: the file footer is damaged", fails(f).getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path f = dir.resolve("empty.parquet");
        Files.createFile(f);
        assertEquals("empty.parquet: file is empty", fails(f).getMessage());
    }

    @Test
    void missingFileAndDirectory() throws IOException {
        assertEquals(
                "nowhere.parquet: file not found",
                fails(dir.resolve("nowhere.parquet")).getMessage());
        Path d = Files.createDirectory(dir.resolve("adir.parquet"));
        assertEquals("adir.parquet: is a directory, not a run file", fails(d).getMessage());
    }

    @Test
    void missingRequiredColumn() throws IOException {
        ForeignWriter w = new ForeignWriter();
        w.drop.add(Schema.P);
        Path f = dir.resolve("no-p.parquet");
        w.write(RandomColumnRuns.random(20, 1), f);
        assertEquals("no-p.parquet: required column 'p' is missing", fails(f).getMessage());
    }

    @Test
    void missingCellColumns() throws IOException {
        ForeignWriter w = new ForeignWriter();
        String cell = run.schema().cellColumns().get(40);
        w.drop.add(cell);
        w.drop.add(run.schema().cellColumns().get(41));
        Path f = dir.resolve("no-cell.parquet");
        w.write(RandomColumnRuns.random(20, 1), f);
        assertEquals("no-cell.parquet: required column '" + cell + "' is missing (and 1 more)", fails(f).getMessage());
    }

    @Test
    void newerSchemaVersion() throws IOException {
        ForeignWriter w = new ForeignWriter();
        w.metadata.put(RunFiles.KEY_SCHEMA_VERSION, "99");
        w.metadata.put(RunFiles.KEY_RUN, RunInfoJson.toJson(run.info()));
        Path f = dir.resolve("future.parquet");
        w.write(RandomColumnRuns.random(20, 1), f);
        assertEquals(
                "future.parquet: schema version 99 is newer than this DarkScope (" + Schema.VERSION + ")",
                fails(f).getMessage());
    }

    @Test
    void brokenMetadataJson() throws IOException {
        ForeignWriter w = new ForeignWriter();
        w.metadata.put(RunFiles.KEY_RUN, "{\"runNumber\": 12,");
        Path f = dir.resolve("badjson.parquet");
        w.write(RandomColumnRuns.random(20, 1), f);
        assertTrue(fails(f).problem().contains("not valid JSON"));
    }

    @Test
    void unknownGeometry() throws IOException {
        ForeignWriter w = new ForeignWriter();
        w.metadata.put(RunFiles.KEY_RUN, "{\"runNumber\": 12, \"geometryVersion\": \"lhc-2030\"}");
        Path f = dir.resolve("geom.parquet");
        w.write(RandomColumnRuns.random(20, 1), f);
        assertEquals("geom.parquet: unknown detector geometry 'lhc-2030'", fails(f).getMessage());
    }

    @Test
    void theGoodFileStillReadsAfterAllThat() throws IOException {
        RandomColumnRuns.assertSameColumns(run, RunFiles.read(good));
    }
}
