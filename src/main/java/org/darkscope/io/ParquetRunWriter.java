package org.darkscope.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.darkscope.event.CellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as a Parquet file, column by column, with the low-level column API of parquet-java
 * (no per-record objects): one flat REQUIRED column per scalar and per cell, ZSTD, no dictionary.
 * Writes to the path it is given; {@link RunFiles#write} adds the atomic rename.
 */
final class ParquetRunWriter {
    /** Rows per row group: small enough to read one group quickly for the event display. */
    static final int ROW_GROUP_ROWS = 65_536;
    /** Rows written per column before switching to the next column (about one page). */
    private static final int CHUNK_ROWS = 16_384;

    private final RunData run;
    private final MessageType schema;
    private final List<ColumnDef> scalars;
    private final List<String> cellNames;
    private final ParquetProperties props;

    ParquetRunWriter(RunData run) {
        this.run = run;
        Schema s = run.schema();
        this.scalars = s.scalars();
        this.cellNames = s.cellColumns();
        this.schema = messageType(s);
        this.props = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(false)
                .withPageSize(1 << 20)
                .build();
    }

    /** The Parquet schema of a DarkScope run file: scalars in schema order, then the cells. */
    static MessageType messageType(Schema s) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnDef c : s.scalars()) {
            b.required(switch (c.type()) {
                case INT -> PrimitiveTypeName.INT32;
                case LONG -> PrimitiveTypeName.INT64;
                case FLOAT -> PrimitiveTypeName.FLOAT;
            }).named(c.name());
        }
        for (String cell : s.cellColumns()) {
            b.required(PrimitiveTypeName.FLOAT).named(cell);
        }
        return b.named("darkscope_run");
    }

    void write(Path file, Map<String, String> metadata, Progress progress) throws IOException {
        CodecFactory codecs = new CodecFactory(new Configuration(false), props.getPageSizeThreshold());
        CompressionCodecFactory.BytesInputCompressor zstd = codecs.getCompressor(CompressionCodecName.ZSTD);
        int n = run.size();
        List<ColumnDescriptor> cols = schema.getColumns();
        ParquetFileWriter w = new ParquetFileWriter(new LocalOutputFile(file), schema, ParquetFileWriter.Mode.OVERWRITE,
                128L << 20, 0, null, props);
        boolean ok = false;
        try {
            w.start();
            int nc = run.cells().cellCount();
            float[] cellBuf = new float[CHUNK_ROWS * nc];
            float[] one = new float[nc];
            for (int first = 0; first < n; first += ROW_GROUP_ROWS) {
                progress.checkCancelled();
                progress.update((double) first / n, "writing event " + first + " of " + n);
                int rows = Math.min(ROW_GROUP_ROWS, n - first);
                ColumnChunkPageWriteStore pages = new ColumnChunkPageWriteStore(zstd, schema, props.getAllocator(),
                        props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled());
                ColumnWriteStore store = props.newColumnWriteStore(schema, pages, pages);
                try {
                    for (int c0 = first; c0 < first + rows; c0 += CHUNK_ROWS) {
                        int count = Math.min(CHUNK_ROWS, first + rows - c0);
                        writeChunk(store, cols, c0, count, cellBuf, one);
                        for (int i = 0; i < count; i++) {
                            store.endRecord();
                        }
                    }
                    w.startBlock(rows);
                    store.flush();
                    pages.flushToFileWriter(w);
                    w.endBlock();
                } finally {
                    store.close();
                    pages.close();
                }
            }
            Map<String, String> meta = new LinkedHashMap<>(metadata);
            w.end(meta);
            ok = true;
        } finally {
            if (!ok) {
                w.abort();
            }
            codecs.release();
        }
        progress.update(1, "written " + n + " events");
    }

    private void writeChunk(ColumnWriteStore store, List<ColumnDescriptor> cols, int first, int count, float[] cellBuf, float[] one) {
        int k = 0;
        for (ColumnDef c : scalars) {
            ColumnWriter cw = store.getColumnWriter(cols.get(k++));
            Object a = run.columns().get(c.name());
            if (a instanceof float[] f) {
                for (int e = first; e < first + count; e++) {
                    cw.write(f[e], 0, 0);
                }
            } else if (a instanceof int[] v) {
                for (int e = first; e < first + count; e++) {
                    cw.write(v[e], 0, 0);
                }
            } else if (a instanceof long[] v) {
                for (int e = first; e < first + count; e++) {
                    cw.write(v[e], 0, 0);
                }
            } else {
                throw new IllegalStateException("column '" + c.name() + "' has no values");
            }
        }
        CellStore cells = run.cells();
        int nc = cells.cellCount();
        for (int e = 0; e < count; e++) {
            cells.read(first + e, one);
            System.arraycopy(one, 0, cellBuf, e * nc, nc);
        }
        for (int cell = 0; cell < nc; cell++) {
            ColumnWriter cw = store.getColumnWriter(cols.get(k++));
            for (int e = 0, i = cell; e < count; e++, i += nc) {
                cw.write(cellBuf[i], 0, 0);
            }
        }
    }
}
