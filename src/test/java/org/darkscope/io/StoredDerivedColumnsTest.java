package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived columns stored by the writer are used only while the footer fingerprint says the cells
 * are the ones they were derived from (docs/run-file-format.md#derived-columns).
 */
class StoredDerivedColumnsTest {
    private static final int N = 2 * ParquetRunWriter.ROW_GROUP_ROWS + 500;

    @TempDir
    Path dir;

    private int saved;

    @BeforeEach
    void cellsLeftInTheFile() {
        saved = ParquetRunReader.inMemoryMaxEvents;
        ParquetRunReader.inMemoryMaxEvents = 100; // the big-run path: no cell decoded at open
    }

    @AfterEach
    void restore() {
        ParquetRunReader.inMemoryMaxEvents = saved;
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return Map.copyOf(r.getFooter().getFileMetaData().getKeyValueMetaData());
        }
    }

    private static DerivedColumns.Verdict readVerdict(Path file, RunData[] out) throws RunFileException {
        ParquetRunReader reader = new ParquetRunReader(file);
        out[0] = reader.read(Progress.NONE);
        return reader.lastDerivation;
    }

    /** E_ECAL of one event summed here over the preshower and main cells (independent of the deriver). */
    private static double ecalSum(Detector det, float[] cells) {
        double sum = 0;
        for (CellLayer layer : java.util.List.of(det.ecalPreshower(), det.ecalMain())) {
            for (int i = 0; i < layer.cells().size(); i++) {
                sum += cells[layer.firstIndex() + i];
            }
        }
        return sum;
    }

    @Test
    void storedColumnsAreUsedAndEqualTheDerivationBitForBit() throws IOException {
        RunData run = RandomColumnRuns.random(N, 5);
        Path file = dir.resolve("run.parquet");
        RunFiles.write(run, file);
        Map<String, String> kv = keyValues(file);
        assertEquals("1", kv.get(DerivedColumns.KEY_VERSION));
        assertEquals(64, kv.get(DerivedColumns.KEY_FINGERPRINT).length());

        RunData[] back = new RunData[1];
        assertEquals(DerivedColumns.Verdict.STORED, readVerdict(file, back));
        assertInstanceOf(LazyCellStore.class, back[0].cells());
        assertTrue(RunFiles.derivation(file).startsWith("stored in the file"), RunFiles.derivation(file));
        for (ColumnDef c : run.schema().derived()) {
            assertArrayEquals(run.floats(c.name()), back[0].floats(c.name()), c.name());
        }
        // small runs (cells kept in memory) read the stored columns too
        ParquetRunReader.inMemoryMaxEvents = N;
        assertEquals(DerivedColumns.Verdict.STORED, readVerdict(file, back));
        assertInstanceOf(ArrayCellStore.class, back[0].cells());
        assertArrayEquals(run.floats(Schema.ECAL), back[0].floats(Schema.ECAL));
    }

    @Test
    void aFileWhoseCellWasChangedAfterWritingIsDerivedAgain() throws IOException {
        RunData run = RandomColumnRuns.random(N, 6);
        Path original = dir.resolve("run.parquet");
        RunFiles.write(run, original);
        Map<String, String> kv = keyValues(original);

        // another tool rewrites the file with one hot ECAL cell, keeping the stored derived columns
        // and all the footer metadata (fingerprint included)
        Detector det = run.detector();
        int nc = det.cellCount();
        float[] block = new float[N * nc];
        float[] one = new float[nc];
        for (int e = 0; e < N; e++) {
            run.cells().read(e, one);
            System.arraycopy(one, 0, block, e * nc, nc);
        }
        int event = ParquetRunWriter.ROW_GROUP_ROWS + 17;
        int hot = det.ecalMain().firstIndex() + 14;
        block[event * nc + hot] += 50f;
        RunData.Builder b = RunData.builder(run.info(), det, N);
        run.columns().forEach(b::column); // stale derived columns included
        RunData tampered = b.cells(new ArrayCellStore(block, nc)).build();
        assertEquals(run.floats(Schema.ECAL)[event], tampered.floats(Schema.ECAL)[event]); // still stale
        Path file = dir.resolve("tampered.parquet");
        new ParquetRunWriter(tampered).write(file, kv, Progress.NONE);
        assertEquals(
                kv.get(DerivedColumns.KEY_FINGERPRINT),
                keyValues(file).get(DerivedColumns.KEY_FINGERPRINT),
                "the tool kept the metadata");

        RunData[] back = new RunData[1];
        assertEquals(DerivedColumns.Verdict.CHANGED, readVerdict(file, back));
        assertTrue(RunFiles.derivation(file).contains("changed"), RunFiles.derivation(file));
        float[] cells = new float[nc];
        back[0].cells().read(event, cells);
        double expected = ecalSum(det, cells);
        assertEquals(expected, back[0].floats(Schema.ECAL)[event], 1e-5 * expected);
        assertEquals(run.floats(Schema.ECAL)[event] + 50, back[0].floats(Schema.ECAL)[event], 1e-3);
        // the untouched original still reads its stored columns
        assertEquals(DerivedColumns.Verdict.STORED, readVerdict(original, back));
    }

    @Test
    void aRunWhoseDerivedColumnsAreNotItsCellsIsWrittenWithoutFingerprint() throws IOException {
        RunData run = RandomColumnRuns.random(N, 7);
        float[] ecal = run.floats(Schema.ECAL).clone();
        ecal[3] += 1;
        RunData.Builder b = RunData.builder(run.info(), run.detector(), N);
        run.columns().forEach(b::column);
        b.column(Schema.ECAL, ecal);
        RunData wrong = b.cells(run.cells()).build();
        Path file = dir.resolve("wrong.parquet");
        RunFiles.write(wrong, file);
        assertNull(keyValues(file).get(DerivedColumns.KEY_FINGERPRINT));
        RunData[] back = new RunData[1];
        assertEquals(DerivedColumns.Verdict.NONE, readVerdict(file, back));
        assertEquals(run.floats(Schema.ECAL)[3], back[0].floats(Schema.ECAL)[3]); // from the cells
    }

    @Test
    void cellsWithNaNOrNegativeValuesAreDecodedToBeCounted() throws IOException {
        RunData run = RandomColumnRuns.random(N, 8);
        int nc = run.detector().cellCount();
        float[] block = new float[N * nc];
        float[] one = new float[nc];
        for (int e = 0; e < N; e++) {
            run.cells().read(e, one);
            System.arraycopy(one, 0, block, e * nc, nc);
        }
        block[5 * nc + 3] = Float.NaN;
        block[70_000 * nc + 90] = -0.25f;
        RunData.Builder b = RunData.builder(run.info(), run.detector(), N);
        run.schema().stored().forEach(c -> b.column(c.name(), run.columns().get(c.name())));
        RunData bad = b.cells(new ArrayCellStore(block, nc)).build(); // derived from these cells
        Path file = dir.resolve("bad.parquet");
        RunFiles.write(bad, file);
        RunData[] back = new RunData[1];
        assertEquals(DerivedColumns.Verdict.UNCLEAN_CELLS, readVerdict(file, back));
        String nanCell = run.schema().cellColumns().get(3);
        String negCell = run.schema().cellColumns().get(90);
        assertEquals(1, back[0].valueCounts().get(nanCell).nan());
        assertEquals(1, back[0].valueCounts().get(negCell).negative());
        // with the cells in memory the stored columns are used and the cells counted from the block
        ParquetRunReader.inMemoryMaxEvents = N;
        assertEquals(DerivedColumns.Verdict.STORED, readVerdict(file, back));
        assertEquals(1, back[0].valueCounts().get(nanCell).nan());
        assertFalse(back[0].valueCounts().containsKey(run.schema().cellColumns().get(4)));
    }

    @Test
    void theFingerprintCoversStatisticsSizesAndGeometry() throws IOException {
        RunData run = RandomColumnRuns.random(1000, 9);
        Path a = dir.resolve("a.parquet");
        Path c = dir.resolve("c.parquet");
        RunFiles.write(run, a);
        RunFiles.write(RandomColumnRuns.random(1000, 10), c);
        assertNotEquals(
                keyValues(a).get(DerivedColumns.KEY_FINGERPRINT), keyValues(c).get(DerivedColumns.KEY_FINGERPRINT));
        // the same run written twice gives the same fingerprint (nothing random or time-dependent)
        Path a2 = dir.resolve("a2.parquet");
        RunFiles.write(run, a2);
        assertEquals(
                keyValues(a).get(DerivedColumns.KEY_FINGERPRINT), keyValues(a2).get(DerivedColumns.KEY_FINGERPRINT));
    }
}
