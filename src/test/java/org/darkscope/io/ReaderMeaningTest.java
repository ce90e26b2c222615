package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every loaded value is what the file means, or a message naming the column. */
class ReaderMeaningTest {
    @TempDir
    static Path dir;

    static RunData run;
    static int counter;

    @BeforeAll
    static void makeRun() {
        run = RandomColumnRuns.random(120, 11);
    }

    private static Path file() {
        return dir.resolve("f" + (counter++) + ".parquet");
    }

    private static ForeignWriter writer() {
        ForeignWriter w = new ForeignWriter();
        w.nullable = false;
        w.dictionary = false;
        return w;
    }

    private static String failure(Path f) {
        return assertThrows(RunFileException.class, () -> RunFiles.read(f)).getMessage();
    }

    @Test
    void decimalColumnsAreScaledWhateverTheirStorage() throws Exception {
        ForeignWriter w = writer();
        w.typeOverride.put(
                Schema.P,
                Types.required(PrimitiveTypeName.INT32)
                        .as(LogicalTypeAnnotation.decimalType(2, 9))
                        .named(Schema.P));
        w.valueOverride.put(Schema.P, e -> 10000 + e); // 100.00 + e/100 GeV
        w.typeOverride.put(
                Schema.ANGLE,
                Types.required(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.decimalType(3, 18))
                        .named(Schema.ANGLE));
        w.valueOverride.put(Schema.ANGLE, e -> (long) (1500 + e)); // 1.5 mrad + e/1000
        w.typeOverride.put(
                Schema.CHI2,
                Types.required(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                        .length(4)
                        .as(LogicalTypeAnnotation.decimalType(1, 9))
                        .named(Schema.CHI2));
        w.valueOverride.put(Schema.CHI2, e -> {
            byte[] b = BigInteger.valueOf(-25 - e).toByteArray(); // -2.5 - e/10
            byte[] fixed = new byte[4];
            java.util.Arrays.fill(fixed, (byte) (b[0] < 0 ? 0xff : 0));
            System.arraycopy(b, 0, fixed, 4 - b.length, b.length);
            return fixed;
        });
        Path f = file();
        w.write(run, f);
        RunData back = RunFiles.read(f);
        for (int e = 0; e < run.size(); e++) {
            assertEquals(100.0 + e / 100.0, back.floats(Schema.P)[e], 1e-4);
            assertEquals(1.5 + e / 1000.0, back.floats(Schema.ANGLE)[e], 1e-5);
            assertEquals(-2.5 - e / 10.0, back.floats(Schema.CHI2)[e], 1e-5);
        }
    }

    @Test
    void unsignedIntegersDoNotWrapAndTooLargeIntegersAreRefusedNotTruncated() throws Exception {
        ForeignWriter w = writer();
        w.typeOverride.put(
                Schema.srd(0),
                Types.required(PrimitiveTypeName.INT32)
                        .as(LogicalTypeAnnotation.intType(32, false))
                        .named(Schema.srd(0)));
        w.valueOverride.put(Schema.srd(0), e -> (int) (0x80000000L + e)); // 2^31 + e as uint32
        Path f = file();
        w.write(run, f);
        RunData back = RunFiles.read(f);
        assertEquals(2147483648.0, back.floats(Schema.srd(0))[0], 1e3);
        assertTrue(back.floats(Schema.srd(0))[5] > 0);

        ForeignWriter u = writer();
        u.typeOverride.put(
                Schema.STRAW_HITS,
                Types.required(PrimitiveTypeName.INT32)
                        .as(LogicalTypeAnnotation.intType(32, false))
                        .named(Schema.STRAW_HITS));
        u.valueOverride.put(Schema.STRAW_HITS, e -> e == 7 ? (int) 0xFFFFFFF0L : 3);
        Path g = file();
        u.write(run, g);
        String m = failure(g);
        assertTrue(m.contains("'straw_hits'") && m.contains("4294967280"), m);

        ForeignWriter l = writer();
        l.widen = true;
        l.valueOverride.put(Schema.EVENT, e -> e == 3 ? 3_000_000_000L : (long) e);
        Path h = file();
        l.write(run, h);
        m = failure(h);
        assertTrue(m.contains("'event'") && m.contains("3000000000"), m);
    }

    @Test
    void booleansTimestampsAndDuplicateColumnsAreRefusedByName() throws Exception {
        ForeignWriter b = writer();
        b.typeOverride.put(
                Schema.TRUTH_PILEUP, Types.required(PrimitiveTypeName.BOOLEAN).named(Schema.TRUTH_PILEUP));
        b.valueOverride.put(Schema.TRUTH_PILEUP, e -> e % 2 == 0);
        Path f = file();
        b.write(run, f);
        String m = failure(f);
        assertTrue(m.contains("'truth_pileup'") && m.contains("boolean"), m);

        ForeignWriter t = writer();
        t.typeOverride.put(
                Schema.TIME,
                Types.required(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(Schema.TIME));
        t.valueOverride.put(Schema.TIME, e -> (long) e * 1000);
        Path g = file();
        t.write(run, g);
        m = failure(g);
        assertTrue(m.contains("'" + Schema.TIME + "'") && m.toLowerCase().contains("timestamp"), m);

        ForeignWriter d = writer();
        d.duplicate.add(Schema.P);
        Path h = file();
        d.write(run, h);
        m = failure(h);
        assertTrue(m.contains("'p'") && m.contains("more than once"), m);
    }

    @Test
    void unsupportedCompressionIsNamedAsSuchNotAsDamage() throws Exception {
        Path f = file();
        RunFiles.write(run, f);
        Path g = file();
        FooterEdit.edit(f, g, md -> md.getRow_groups()
                .forEach(rg -> rg.getColumns().forEach(c -> c.getMeta_data().setCodec(CompressionCodec.BROTLI))));
        String m = failure(g);
        assertTrue(m.contains("BROTLI") && m.contains("not support"), m);
        assertFalse(m.contains("damaged"), m);
    }

    @Test
    void aValidFileWithoutRowsLoadsAsZeroEvents() throws Exception {
        Path f = file();
        writer().write(RandomColumnRuns.random(0, 1), f);
        assertEquals(0, RunFiles.read(f).size());
        assertEquals(0, RunFiles.summary(f).events());
        Path g = file();
        RunFiles.write(RandomColumnRuns.random(0, 1), g);
        assertEquals(0, RunFiles.read(g).size());
        // as pyarrow writes it: one row group with 0 rows
        Path one = file();
        writer().write(RandomColumnRuns.random(1, 1), one);
        Path empty = file();
        FooterEdit.edit(one, empty, md -> {
            md.setNum_rows(0);
            md.getRow_groups().forEach(rg -> {
                rg.setNum_rows(0);
                rg.getColumns().forEach(c -> c.getMeta_data().setNum_values(0));
            });
        });
        assertEquals(
                1, FooterEdit.read(Files.readAllBytes(empty)).getRow_groups().size());
        assertEquals(0, RunFiles.read(empty).size());
        assertEquals(0, RunFiles.summary(empty).events());
    }

    @Test
    void metadataFieldsAreTypeCheckedAndNamed() throws Exception {
        Path f = file();
        RunFiles.write(run, f);
        String json = FooterEdit.kvValue(FooterEdit.read(Files.readAllBytes(f)), RunFiles.KEY_RUN);
        String[][] cases = {
            {"\"eot\":2.84E11", "\"eot\":-1.0E9", "eot"},
            {"\"simulated\":true", "\"simulated\":\"yes\"", "simulated"},
            {"\"runNumber\":4242", "\"runNumber\":42.5", "runNumber"},
            {"\"beamEnergy\":100.0", "\"beamEnergy\":0", "beamEnergy"},
        };
        for (String[] c : cases) {
            assertTrue(json.contains(c[0]), json);
            Path g = file();
            FooterEdit.edit(
                    f,
                    g,
                    FooterEdit.kv(RunFiles.KEY_RUN, json.replace(c[0], c[1]))
                            .andThen(FooterEdit.kv(RunFiles.KEY_RUN_SHA256, null)));
            String m = failure(g);
            assertTrue(
                    m.contains("'" + c[2] + "'") && m.contains(g.getFileName().toString()), m);
        }
        Path dup = file();
        FooterEdit.edit(
                f,
                dup,
                FooterEdit.kv(RunFiles.KEY_RUN, json.replace("{", "{\"eot\":1,"))
                        .andThen(FooterEdit.kv(RunFiles.KEY_RUN_SHA256, null)));
        assertTrue(failure(dup).contains("not valid JSON"));
    }

    @Test
    void theMetadataChecksumIsWrittenAndAFlippedDigitIsCaughtOldFilesWithoutOneLoad() throws Exception {
        Path f = file();
        RunFiles.write(run, f);
        var md = FooterEdit.read(Files.readAllBytes(f));
        String json = FooterEdit.kvValue(md, RunFiles.KEY_RUN);
        assertEquals(RunFiles.sha256(json), FooterEdit.kvValue(md, RunFiles.KEY_RUN_SHA256));
        Path flipped = file();
        FooterEdit.edit(f, flipped, FooterEdit.kv(RunFiles.KEY_RUN, json.replace("2.84E11", "3.84E11")));
        String m = failure(flipped);
        assertTrue(m.contains("checksum"), m);
        Path old = file();
        FooterEdit.edit(f, old, FooterEdit.kv(RunFiles.KEY_RUN_SHA256, null));
        assertEquals(2.84e11, RunFiles.read(old).info().eot());
    }

    @Test
    void missingOptionalColumnsAndBadValuesAreRecorded() throws Exception {
        ForeignWriter w = writer();
        w.drop.add(Schema.CHI2);
        w.drop.add(Schema.STRAW_HITS);
        w.widen = false;
        w.valueOverride.put(Schema.srd(1), e -> e < 3 ? Float.NaN : e < 5 ? Float.POSITIVE_INFINITY : e < 9 ? -1f : 1f);
        String cell = run.schema().cellColumns().get(7);
        w.valueOverride.put(cell, e -> e < 2 ? -0.5f : 0f);
        Path f = file();
        w.write(run, f);
        RunData back = RunFiles.read(f);
        assertEquals(java.util.Set.of(Schema.CHI2, Schema.STRAW_HITS), back.missingColumns());
        assertEquals(new RunData.ValueCounts(3, 2, 0, 4), back.valueCounts().get(Schema.srd(1)));
        assertEquals(new RunData.ValueCounts(0, 0, 0, 2), back.valueCounts().get(cell));
        RunFiles.Summary s = RunFiles.summary(f);
        assertEquals(java.util.List.of(Schema.CHI2, Schema.STRAW_HITS), s.missingColumns());
        assertEquals(back.valueCounts(), s.valueCounts());
        assertEquals(java.util.Set.of(), RunFiles.read(writeOwn()).missingColumns());
    }

    private static Path writeOwn() throws Exception {
        Path f = file();
        RunFiles.write(run, f);
        return f;
    }

    @Test
    void theSameFileTwiceIsRefusedByPathLinkOrContent() throws Exception {
        Path a = writeOwn();
        Path copy = file();
        Files.copy(a, copy);
        Path link = dir.resolve("link" + (counter++) + ".parquet");
        Files.createSymbolicLink(link, a);
        Path other = writeOwn();
        java.nio.file.Files.write(other, FooterEdit.edit(Files.readAllBytes(other), FooterEdit.kv("x", "y")));
        assertThrows(RunFileException.class, () -> RunFiles.requireDistinct(java.util.List.of(a, a)));
        assertThrows(RunFileException.class, () -> RunFiles.requireDistinct(java.util.List.of(a, link)));
        String m = assertThrows(
                        RunFileException.class, () -> RunFiles.requireDistinct(java.util.List.of(other, a, copy)))
                .getMessage();
        assertTrue(m.contains("same content") && m.contains(a.toString()), m);
        RunFiles.requireDistinct(java.util.List.of(a, other));
    }

    @Test
    void memoryRunningOutInTheReaderIsSaidAsSuchNotAsDamage() throws Exception {
        Path f = writeOwn();
        Path huge = file();
        // a footer that claims 100 million events: the column arrays (16 GB) cannot be allocated in the test JVM
        FooterEdit.edit(f, huge, md -> {
            md.setNum_rows(100_000_000L);
            md.getRow_groups().get(0).setNum_rows(100_000_000L);
        });
        String m = failure(huge);
        assertTrue(m.contains("not enough memory") && m.contains("-Xmx"), m);
        assertFalse(m.contains("damaged"), m);
    }
}
