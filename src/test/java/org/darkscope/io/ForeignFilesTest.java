package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files written by other tools with their default settings load with the right values. The files
 * under src/test/resources/foreign/ come from scripts/make_foreign_parquet.py, which also wrote
 * expected.csv (values after null -> 0) and expected-nulls.txt.
 */
class ForeignFilesTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ForeignFilesTest.class.getResource("/foreign/" + name).toURI());
    }

    /** expected.csv as column name -> values. */
    static Map<String, double[]> expected() throws Exception {
        List<String> lines = Files.readAllLines(resource("expected.csv"));
        String[] header = lines.get(0).split(",");
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String h : header) {
            m.put(h, new double[lines.size() - 1]);
        }
        for (int r = 1; r < lines.size(); r++) {
            String[] f = lines.get(r).split(",");
            for (int c = 0; c < header.length; c++) {
                m.get(header[c])[r - 1] = Double.parseDouble(f[c]);
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pyarrow-defaults.parquet", "duckdb-defaults.parquet", "polars-defaults.parquet"})
    void foreignFileLoadsWithExpectedValues(String name) throws Exception {
        Path file = resource(name);
        ParquetRunReader reader = new ParquetRunReader(file);
        RunData run = reader.read(org.darkscope.task.Progress.NONE);
        Map<String, double[]> exp = expected();
        int n = exp.get("p").length;
        assertEquals(n, run.size());
        assertEquals(
                Long.parseLong(Files.readString(resource("expected-nulls.txt")).trim()),
                reader.lastNullCount,
                "nulls counted");
        // metadata defaults: run number from the run column
        assertEquals(777, run.info().runNumber());
        assertFalse(run.info().simulated());
        assertEquals("data", run.info().mix());
        assertEquals(n, run.info().eot());
        // every stored column present in the file, converted like the reader promises
        Schema schema = run.schema();
        int checked = 0;
        for (ColumnDef c : schema.stored()) {
            double[] e = exp.get(c.name());
            if (e == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                switch (c.type()) {
                    case FLOAT -> assertEquals((float) e[i], run.floats(c.name())[i], c.name() + "[" + i + "]");
                    case INT -> assertEquals((int) e[i], run.ints(c.name())[i], c.name() + "[" + i + "]");
                    case LONG -> assertEquals((long) e[i], run.longs(c.name())[i], c.name() + "[" + i + "]");
                }
            }
            checked++;
        }
        assertEquals(14, checked, "all stored non-truth columns of the file compared");
        List<String> cells = schema.cellColumns();
        float[] buf = new float[cells.size()];
        for (int i = 0; i < n; i++) {
            run.cells().read(i, buf);
            double ecal = 0;
            for (int c = 0; c < cells.size(); c++) {
                assertEquals((float) exp.get(cells.get(c))[i], buf[c], cells.get(c) + "[" + i + "]");
                if (cells.get(c).startsWith("ecal")) {
                    ecal += exp.get(cells.get(c))[i];
                }
            }
            assertEquals(ecal, run.floats(Schema.ECAL)[i], 1e-5 * Math.max(1, ecal), "derived ecal[" + i + "]");
        }
        // columns the file lacks get their defaults
        assertTrue(allEqual(run.floats(Schema.TRUTH_WEIGHT), 1f));
        assertTrue(allEqual(run.floats(Schema.TRUTH_EA), 0f));
    }

    @Test
    void summaryOfForeignFileUsesDefaults() throws Exception {
        RunFiles.Summary s = RunFiles.summary(resource("duckdb-defaults.parquet"));
        assertEquals(200, s.events());
        assertEquals(777, s.info().runNumber());
        assertFalse(s.hasMetadata());
        assertTrue(s.classCounts().isEmpty(), "no truth_class column");
    }

    @Test
    void twoCoreDecodingGivesTheSameRunAndNullCount() throws Exception {
        Path file = resource("pyarrow-defaults.parquet");
        ParquetRunReader single = new ParquetRunReader(file);
        RunData a = single.read(org.darkscope.task.Progress.NONE);
        int saved = ParquetRunReader.parallelMinEvents;
        ParquetRunReader.parallelMinEvents = 0;
        try {
            ParquetRunReader parallel = new ParquetRunReader(file);
            RunData b = parallel.read(org.darkscope.task.Progress.NONE);
            RandomColumnRuns.assertSameColumns(a, b);
            assertEquals(single.lastNullCount, parallel.lastNullCount);
        } finally {
            ParquetRunReader.parallelMinEvents = saved;
        }
    }

    @Test
    void nullsBecomeZero() throws Exception {
        RunData run = RunFiles.read(resource("pyarrow-defaults.parquet"));
        assertEquals(0f, run.floats(Schema.P)[3]);
        assertEquals(0, run.ints(Schema.STRAW_HITS)[0]);
        assertTrue(run.floats(Schema.P)[4] > 90, "non-null neighbour keeps its value");
    }

    private static boolean allEqual(float[] a, float v) {
        for (float x : a) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    /** Java-written variants: every combination of nullable, widened types, dictionary and codec. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void recordApiVariantsRoundTrip(int variant) throws IOException {
        RunData run = RandomColumnRuns.random(3000, variant);
        ForeignWriter w = new ForeignWriter();
        w.nullable = (variant & 1) != 0;
        w.widen = (variant & 2) != 0;
        w.dictionary = (variant & 4) != 0;
        w.codec = variant % 3 == 0
                ? CompressionCodecName.UNCOMPRESSED
                : variant % 3 == 1 ? CompressionCodecName.SNAPPY : CompressionCodecName.GZIP;
        w.metadata.put(RunFiles.KEY_RUN, RunInfoJson.toJson(run.info()));
        Path file = dir.resolve("variant" + variant + ".parquet");
        w.write(run, file);
        RunData back = RunFiles.read(file);
        assertEquals(run.info(), back.info());
        // doubles hold every float exactly and INT64 every int: identical after conversion
        RandomColumnRuns.assertSameColumns(run, back);
    }

    @Test
    void nullsInJavaWrittenFileAreCountedPerColumn() throws IOException {
        RunData run = RandomColumnRuns.random(100, 3);
        ForeignWriter w = new ForeignWriter();
        w.nullEvery.put(Schema.P, 10);
        w.nullEvery.put(Schema.TIME, 25);
        String lastCell = run.schema().cellColumns().get(run.cells().cellCount() - 1);
        w.nullEvery.put(lastCell, 50);
        Path file = dir.resolve("nulls.parquet");
        w.write(run, file);
        for (int minEvents : new int[] {Integer.MAX_VALUE, 0}) { // one core, then two (last cell on the helper)
            int saved = ParquetRunReader.parallelMinEvents;
            ParquetRunReader.parallelMinEvents = minEvents;
            try {
                ParquetRunReader r = new ParquetRunReader(file);
                RunData back = r.read(org.darkscope.task.Progress.NONE);
                assertEquals(10 + 4 + 2, r.lastNullCount);
                assertEquals(0f, back.floats(Schema.P)[20]);
                assertEquals(run.floats(Schema.P)[21], back.floats(Schema.P)[21]);
                assertEquals(0L, back.longs(Schema.TIME)[50]);
                assertEquals(0f, back.cells().get(50, run.cells().cellCount() - 1));
                assertEquals(
                        run.cells().get(51, run.cells().cellCount() - 1),
                        back.cells().get(51, run.cells().cellCount() - 1));
                assertEquals(
                        run.ints(Schema.RUN)[0],
                        back.info().runNumber(),
                        "no metadata: run number from the run column");
            } finally {
                ParquetRunReader.parallelMinEvents = saved;
            }
        }
    }
}
