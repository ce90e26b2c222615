package org.darkscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.FloatStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.CodecFactory;
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
import org.darkscope.event.SummaryDeriver;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * Writes a run as a Parquet file. Pages are built directly from the primitive arrays (PLAIN
 * encoding, min/max statistics computed here), compressed with ZSTD on all cores, and handed to
 * parquet-java's {@link ParquetFileWriter} in column order: no per-value writer objects. One flat
 * REQUIRED column per scalar and per cell. Writes to the path it is given; {@link RunFiles#write}
 * adds the atomic rename.
 */
final class ParquetRunWriter {
    private static final System.Logger LOG = System.getLogger(ParquetRunWriter.class.getName());
    /** Rows per row group: small enough to read one group quickly for the event display. */
    static final int ROW_GROUP_ROWS = 65_536;
    /**
     * Rows per data page (256 KiB of floats): one page per column chunk. Every page costs a fresh
     * ZSTD stream in parquet-java's reader, which dominated reading with 16k-row pages.
     */
    static final int PAGE_ROWS = ROW_GROUP_ROWS;

    private static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    /**
     * ZSTD level. Level 1 gave the same file size as parquet-java's default 3 on 1e6 random events
     * (253 vs 252 MB) for about a third less CPU; system property {@code darkscope.zstd.level}.
     */
    static final int ZSTD_LEVEL = Integer.getInteger("darkscope.zstd.level", 1);

    private final RunData run;
    private final MessageType schema;
    private final List<ColumnDef> scalars;
    private final int cellCount;

    ParquetRunWriter(RunData run) {
        this.run = run;
        Schema s = run.schema();
        this.scalars = s.scalars();
        this.cellCount = run.cells().cellCount();
        this.schema = messageType(s);
    }

    /** The Parquet schema of a DarkScope run file: scalars in schema order, then the cells. */
    static MessageType messageType(Schema s) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (ColumnDef c : s.scalars()) {
            b.required(
                            switch (c.type()) {
                                case INT -> PrimitiveTypeName.INT32;
                                case LONG -> PrimitiveTypeName.INT64;
                                case FLOAT -> PrimitiveTypeName.FLOAT;
                            })
                    .named(c.name());
        }
        for (String cell : s.cellColumns()) {
            b.required(PrimitiveTypeName.FLOAT).named(cell);
        }
        return b.named("darkscope_run");
    }

    /** One encoded and compressed data page. */
    private record Page(int values, int rawSize, byte[] compressed, Statistics<?> stats) {}

    void write(Path file, Map<String, String> metadata, Progress progress) throws IOException {
        int n = run.size();
        List<ColumnDescriptor> cols = schema.getColumns();
        ParquetProperties props = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .build();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<CodecFactory> factories = new ArrayList<>();
        ThreadLocal<CompressionCodecFactory.BytesInputCompressor> compressor = ThreadLocal.withInitial(() -> {
            Configuration conf = new Configuration(false);
            conf.setInt("parquet.compression.codec.zstd.level", ZSTD_LEVEL);
            CodecFactory f = new CodecFactory(conf, PAGE_ROWS * 8);
            synchronized (factories) {
                factories.add(f);
            }
            return f.getCompressor(CODEC);
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "darkscope-write");
            t.setDaemon(true);
            return t;
        });
        ParquetFileWriter w = new ParquetFileWriter(
                new LocalOutputFile(file),
                schema,
                ParquetFileWriter.Mode.OVERWRITE,
                128L << 20,
                0,
                (org.apache.parquet.crypto.FileEncryptionProperties) null,
                props);
        boolean ok = false;
        try {
            w.start();
            int stride = Math.min(ROW_GROUP_ROWS, Math.max(n, 1));
            float[] cellColumns = new float[cellCount * stride]; // column-major: cells[cell * stride + row]
            float[] one = new float[cellCount];
            DerivedCheck derivedCheck = new DerivedCheck(stride);
            java.util.Set<String> covered = new java.util.HashSet<>(DerivedColumns.covered(run.schema()));
            DerivedColumns.Fingerprint fingerprint =
                    new DerivedColumns.Fingerprint(run.info().geometryVersion());
            for (int first = 0; first < n; first += ROW_GROUP_ROWS) {
                progress.checkCancelled();
                progress.update((double) first / n, "writing event " + first + " of " + n);
                int rows = Math.min(ROW_GROUP_ROWS, n - first);
                transposeCells(first, rows, cellColumns, stride, one);
                List<Future<List<Page>>> chunks = new ArrayList<>(cols.size());
                for (int k = 0; k < cols.size(); k++) {
                    int col = k;
                    int start = first;
                    chunks.add(pool.submit(() -> encodeChunk(col, start, rows, cellColumns, stride, compressor.get())));
                }
                // meanwhile: are the run's derived columns what the cells give (then the file may say so)?
                derivedCheck.group(first, rows, cellColumns);
                w.startBlock(rows);
                fingerprint.group(rows);
                for (int k = 0; k < cols.size(); k++) {
                    List<Page> pages = chunks.get(k).get();
                    String name = cols.get(k).getPath()[0];
                    long before = w.getPos();
                    w.startColumn(cols.get(k), rows, CODEC);
                    for (Page p : pages) {
                        w.writeDataPage(
                                p.values(),
                                p.rawSize(),
                                BytesInput.from(p.compressed()),
                                p.stats(),
                                p.values(),
                                Encoding.BIT_PACKED,
                                Encoding.BIT_PACKED,
                                Encoding.PLAIN);
                    }
                    w.endColumn();
                    if (covered.contains(name)) {
                        Statistics<?> chunkStats =
                                Statistics.createStats(cols.get(k).getPrimitiveType());
                        pages.forEach(p -> chunkStats.mergeStatistics(p.stats()));
                        fingerprint.chunk(name, rows, w.getPos() - before, CODEC, chunkStats);
                    }
                }
                w.endBlock();
            }
            Map<String, String> meta = new java.util.LinkedHashMap<>(metadata);
            if (derivedCheck.identical) {
                meta.put(DerivedColumns.KEY_VERSION, Integer.toString(DerivedColumns.VERSION));
                meta.put(DerivedColumns.KEY_FINGERPRINT, fingerprint.hex());
            } else {
                LOG.log(
                        System.Logger.Level.INFO,
                        "{0}: the run's derived columns differ from what its cells give (event {1}); "
                                + "written without the derivation fingerprint, so readers derive them again",
                        file.getFileName(),
                        derivedCheck.firstDifference);
            }
            w.end(meta);
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
            if (!ok) {
                w.abort();
                w.close(); // closes the stream without a footer; the caller deletes the file
            }
            try {
                // compressors go back to parquet-java's pool only once no task uses them
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (factories) {
                factories.forEach(CodecFactory::release);
            }
        }
        progress.update(1, "written " + n + " events");
    }

    /** Copies the cells of events first..first+rows-1 column-major: {@code out[cell * stride + e]}. */
    private void transposeCells(int first, int rows, float[] out, int stride, float[] one) {
        CellStore cells = run.cells();
        for (int e = 0; e < rows; e++) {
            cells.read(first + e, one);
            for (int c = 0, i = e; c < cellCount; c++, i += stride) {
                out[i] = one[c];
            }
        }
    }

    /**
     * Derives each row group's summary from the cells being written and compares it bit for bit with
     * the run's derived columns: only a run whose derived columns are what its cells give is written
     * with the derivation fingerprint (a run built with other derived values is derived again on read).
     */
    private final class DerivedCheck {
        private final SummaryDeriver deriver = new SummaryDeriver(run.detector());
        private final int stride;
        private final float[][] srd = new float[run.detector().srdCellCount()][];
        private final float[][] veto = new float[run.detector().vetoCount()][];
        private final Map<String, Object> out;
        boolean identical = true;
        int firstDifference = -1;

        DerivedCheck(int stride) {
            this.stride = stride;
            this.out = deriver.allocate(stride);
        }

        void group(int first, int rows, float[] cells) {
            if (!identical) {
                return;
            }
            for (int i = 0; i < srd.length; i++) {
                srd[i] = Arrays.copyOfRange(run.floats(Schema.srd(i)), first, first + rows);
            }
            for (int i = 0; i < veto.length; i++) {
                veto[i] = Arrays.copyOfRange(run.floats(Schema.veto(i)), first, first + rows);
            }
            deriver.deriveColumnar(0, rows, cells, stride, srd, veto, out);
            for (Map.Entry<String, Object> e : out.entrySet()) {
                float[] mine = (float[]) e.getValue();
                float[] theirs = run.floats(e.getKey());
                int m = Arrays.mismatch(mine, 0, rows, theirs, first, first + rows);
                if (m >= 0) {
                    identical = false;
                    firstDifference = first + m;
                    return;
                }
            }
        }
    }

    /** Encodes one column chunk (rows of a row group) into compressed pages. */
    private List<Page> encodeChunk(
            int col,
            int first,
            int rows,
            float[] cellColumns,
            int stride,
            CompressionCodecFactory.BytesInputCompressor zstd)
            throws IOException {
        Object array;
        int offset;
        if (col < scalars.size()) {
            array = run.column(scalars.get(col).name()).toArray();
            offset = first;
        } else {
            array = cellColumns;
            offset = (col - scalars.size()) * stride;
        }
        org.apache.parquet.schema.PrimitiveType type =
                schema.getColumns().get(col).getPrimitiveType();
        List<Page> pages = new ArrayList<>();
        int width = array instanceof long[] ? 8 : 4;
        ByteBuffer buf = ByteBuffer.allocate(Math.min(PAGE_ROWS, rows) * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < rows; p += PAGE_ROWS) {
            int count = Math.min(PAGE_ROWS, rows - p);
            int from = offset + p;
            buf.clear();
            Statistics<?> stats = Statistics.createStats(type);
            if (array instanceof float[] f) {
                buf.asFloatBuffer().put(f, from, count);
                floatStats((FloatStatistics) stats, f, from, count);
            } else if (array instanceof int[] a) {
                buf.asIntBuffer().put(a, from, count);
                int min = Integer.MAX_VALUE;
                int max = Integer.MIN_VALUE;
                for (int i = from; i < from + count; i++) {
                    min = Math.min(min, a[i]);
                    max = Math.max(max, a[i]);
                }
                ((IntStatistics) stats).setMinMax(min, max);
            } else {
                long[] a = (long[]) array;
                buf.asLongBuffer().put(a, from, count);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = from; i < from + count; i++) {
                    min = Math.min(min, a[i]);
                    max = Math.max(max, a[i]);
                }
                ((LongStatistics) stats).setMinMax(min, max);
            }
            stats.setNumNulls(0);
            int raw = count * width;
            BytesInput compressed = zstd.compress(BytesInput.from(buf.array(), 0, raw));
            // the compressor reuses its output buffer: keep a copy
            pages.add(new Page(count, raw, compressed.toByteArray(), stats));
        }
        return pages;
    }

    /**
     * Min/max of a float page as the Parquet spec wants them: NaN left to parquet-java's own rules,
     * a zero minimum written as -0.0 and a zero maximum as +0.0.
     */
    private static void floatStats(FloatStatistics stats, float[] a, int from, int count) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean nan = false;
        for (int i = from; i < from + count; i++) {
            float v = a[i];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            nan |= v != v;
        }
        if (nan) {
            for (int i = from; i < from + count; i++) {
                stats.updateStats(a[i]);
            }
            return;
        }
        stats.setMinMax(min == 0f ? -0f : min, max == 0f ? 0f : max);
    }
}
