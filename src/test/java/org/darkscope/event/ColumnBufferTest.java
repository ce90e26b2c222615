package org.darkscope.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder hook for columns held in buffers (direct or memory-mapped): values are read in place. */
class ColumnBufferTest {
    @TempDir
    Path dir;

    /** Writes the float column of a run little-endian into a file and maps it. */
    private FloatBuffer mapped(float[] values) throws Exception {
        Path f = dir.resolve("col.bin");
        ByteBuffer bb = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bb.asFloatBuffer().put(values);
        Files.write(f, bb.array());
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, (long) values.length * 4);
            return m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        }
    }

    @Test
    void mappedFloatColumnReadsTheSameValuesWithoutAnArray() throws Exception {
        RunData r = RandomColumnRuns.random(1000, 3);
        float[] p = r.floats(Schema.P);
        RunData.Builder b = RunData.builder(r.info(), r.detector(), r.size()).cells(r.cells());
        r.columnMap().forEach(b::column);
        b.column(Schema.P, mapped(p));
        RunData m = b.build();
        Column c = m.column(Schema.P);
        assertNull(c.array(), "a mapped column has no backing array");
        assertTrue(c.offHeap());
        assertEquals(0, c.heapBytes());
        for (int e = 0; e < p.length; e++) {
            assertEquals(p[e], c.getFloat(e));
            assertEquals(p[e], m.value(Schema.P, e));
        }
        float[] chunk = new float[77];
        c.floats(901, 77, chunk);
        float[] want = new float[77];
        System.arraycopy(p, 901, want, 0, 77);
        assertArrayEquals(want, chunk);
        assertArrayEquals(p, m.floats(Schema.P), "a small run may still be copied whole");
    }

    @Test
    void bufferOfTheWrongSizeTypeOrOrderIsRefused() throws Exception {
        RunData r = RandomColumnRuns.random(100, 4);
        RunData.Builder b = RunData.builder(r.info(), r.detector(), r.size());
        FloatBuffer shortBuf =
                ByteBuffer.allocateDirect(99 * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        assertThrows(IllegalArgumentException.class, () -> b.column(Schema.P, shortBuf));
        FloatBuffer big =
                ByteBuffer.allocateDirect(100 * 4).order(ByteOrder.BIG_ENDIAN).asFloatBuffer();
        assertThrows(IllegalArgumentException.class, () -> b.column(Schema.P, big));
        var ints = ByteBuffer.allocateDirect(100 * 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
        assertThrows(IllegalArgumentException.class, () -> b.column(Schema.P, ints));
    }

    @Test
    void wholeColumnCopiesOfLargeNonArrayRunsAreRefused() {
        String old = System.getProperty("darkscope.materialiseLimit");
        System.setProperty("darkscope.materialiseLimit", "10");
        try {
            RunData r = RandomColumnRuns.random(100, 5);
            RunData.Builder b =
                    RunData.builder(r.info(), r.detector(), r.size()).cells(r.cells());
            r.columnMap().forEach(b::column);
            FloatBuffer buf = ByteBuffer.allocateDirect(100 * 4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            b.column(Schema.P, buf);
            RunData m = b.build();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.floats(Schema.P));
            assertTrue(e.getMessage().contains("'p'"), e.getMessage());
            assertFalse(m.column(Schema.CHI2).array() == null, "array columns are still handed out");
        } finally {
            if (old == null) {
                System.clearProperty("darkscope.materialiseLimit");
            } else {
                System.setProperty("darkscope.materialiseLimit", old);
            }
        }
    }
}
