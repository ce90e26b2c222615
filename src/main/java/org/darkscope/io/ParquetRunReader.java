package org.darkscope.io;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run file column by column into primitive arrays. DarkScope's own files (REQUIRED, PLAIN,
 * no dictionary) take a bulk path that copies whole pages; files from other tools (dictionary
 * encoding, nullable columns, DOUBLE/INT64 types) go through parquet-java's {@link ColumnReader}
 * with type conversion, nulls becoming 0.
 */
final class ParquetRunReader {
    private static final System.Logger LOG = System.getLogger(ParquetRunReader.class.getName());
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final Set<Encoding> BULK_ENCODINGS = EnumSet.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);

    private final Path file;

    ParquetRunReader(Path file) {
        this.file = file;
    }

    private RunFileException fail(String problem) {
        return new RunFileException(file, problem);
    }

    private RunFileException fail(String problem, Throwable cause) {
        return new RunFileException(file, problem, cause);
    }

    /** Checks the magic numbers at both ends before handing the file to parquet-java. */
    private void checkFrame() throws RunFileException {
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw fail("is a directory, not a run file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw fail("file not found");
        } catch (AccessDeniedException e) {
            throw fail("permission denied");
        } catch (IOException e) {
            throw fail("cannot be read (" + plain(e) + ")", e);
        }
        if (size == 0) {
            throw fail("file is empty");
        }
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.read(ByteBuffer.wrap(head));
            if (size >= 8) {
                ch.position(size - 4);
                ch.read(ByteBuffer.wrap(tail));
            }
        } catch (AccessDeniedException e) {
            throw fail("permission denied");
        } catch (IOException e) {
            throw fail("cannot be read (" + plain(e) + ")", e);
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw fail("not a Parquet file");
        }
        if (Arrays.equals(tail, new byte[]{'P', 'A', 'R', 'E'})) {
            throw fail("encrypted Parquet files are not supported");
        }
        if (size < 12 || !Arrays.equals(tail, MAGIC)) {
            throw fail("file is truncated (footer missing)");
        }
    }

    /** What the footer says: checked metadata, geometry, event count and the top-level columns. */
    record Header(ParquetMetadata footer, RunInfo info, Detector detector, int events,
                  Map<String, ColumnDescriptor> columns) {
    }

    /** Opens the file and runs {@code body} on it, turning every failure into a RunFileException. */
    private <T> T withReader(ReaderBody<T> body) throws RunFileException {
        checkFrame();
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder().build());
        } catch (IOException | RuntimeException e) {
            throw fail("the file footer is damaged (" + plain(e) + ")", e);
        }
        try (reader) {
            return body.apply(reader);
        } catch (RunFileException | CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw fail("not enough memory to load this run (start DarkScope with a larger -Xmx)", e);
        } catch (IOException | RuntimeException e) {
            throw fail("the file is damaged (" + plain(e) + ")", e);
        }
    }

    @FunctionalInterface
    private interface ReaderBody<T> {
        T apply(ParquetFileReader reader) throws IOException;
    }

    /** Metadata, event count and the class mix (truth_class counts, empty if the file has none). */
    RunFiles.Summary summary() throws RunFileException {
        return withReader(reader -> {
            Header h = header(reader);
            List<ColumnDescriptor> requested = new ArrayList<>();
            List<ColumnTarget> targets = new ArrayList<>();
            int[] truth = null;
            int[] runs = null;
            if (h.columns().containsKey(Schema.TRUTH_CLASS)) {
                truth = new int[h.events()];
                requested.add(h.columns().get(Schema.TRUTH_CLASS));
                targets.add(ColumnTarget.ints(Schema.TRUTH_CLASS, truth));
            }
            if (h.info() == null && h.columns().containsKey(Schema.RUN)) {
                runs = new int[h.events()];
                requested.add(h.columns().get(Schema.RUN));
                targets.add(ColumnTarget.ints(Schema.RUN, runs));
            }
            if (!requested.isEmpty()) {
                readColumns(reader, h, requested, targets, Progress.NONE);
            }
            Map<Integer, Long> classes = new java.util.TreeMap<>();
            if (truth != null) {
                for (int c : truth) {
                    classes.merge(c, 1L, Long::sum);
                }
            }
            RunInfo info = h.info() != null ? h.info() : defaultInfo(h, runs);
            return new RunFiles.Summary(file, info, h.events(), classes, h.info() != null);
        });
    }

    RunData read(Progress progress) throws RunFileException {
        return withReader(reader -> read(reader, progress));
    }

    private Header header(ParquetFileReader reader) throws RunFileException {
        ParquetMetadata footer = reader.getFooter();
        Map<String, String> kv = footer.getFileMetaData().getKeyValueMetaData();
        MessageType fileSchema = footer.getFileMetaData().getSchema();
        long total = reader.getRecordCount();
        String runJson = kv.get(RunFiles.KEY_RUN);
        int version = schemaVersion(kv.get(RunFiles.KEY_SCHEMA_VERSION), runJson);
        if (version > Schema.VERSION) {
            throw fail("schema version " + version + " is newer than this DarkScope (" + Schema.VERSION + ")");
        }
        if (version < 1) {
            throw fail("schema version " + version + " is not valid");
        }
        RunInfo info = null;
        if (runJson != null) {
            try {
                info = RunInfoJson.fromJson(runJson);
            } catch (IOException e) {
                throw fail("the run metadata (" + RunFiles.KEY_RUN + ") is not valid JSON", e);
            }
        }
        Detector detector;
        String geometry = info != null ? info.geometryVersion() : GeometryLoader.DEFAULT_VERSION;
        try {
            detector = GeometryLoader.load(geometry);
        } catch (RuntimeException e) {
            throw fail("unknown detector geometry '" + geometry + "'", e);
        }
        Schema schema = Schema.of(detector);
        int nc = detector.cellCount();
        if (total > Integer.MAX_VALUE / nc) {
            throw fail("has " + total + " events, more than DarkScope can hold in memory (" + Integer.MAX_VALUE / nc + ")");
        }
        Map<String, ColumnDescriptor> available = new LinkedHashMap<>();
        for (ColumnDescriptor d : fileSchema.getColumns()) {
            if (d.getPath().length == 1) {
                available.put(d.getPath()[0], d);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ColumnDef c : schema.stored()) {
            if (c.kind() == ColumnDef.Kind.REQUIRED && !available.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        for (String cell : schema.cellColumns()) {
            if (!available.containsKey(cell)) {
                missing.add(cell);
            }
        }
        if (!missing.isEmpty()) {
            throw fail("required column '" + missing.get(0) + "' is missing"
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
        }
        for (ColumnDef c : schema.stored()) {
            if (available.containsKey(c.name())) {
                checkType(c.name(), available.get(c.name()));
            }
        }
        for (String cell : schema.cellColumns()) {
            checkType(cell, available.get(cell));
        }
        return new Header(footer, info, detector, (int) total, available);
    }

    private RunInfo defaultInfo(Header h, int[] runColumn) {
        int runNumber = runColumn != null && runColumn.length > 0 ? runColumn[0] : 0;
        LOG.log(System.Logger.Level.DEBUG, "{0}: no DarkScope metadata, using defaults for run {1}", RunFileException.name(file), runNumber);
        return RunInfo.data(runNumber, h.detector().beamEnergy(), h.events())
                .withDescription("imported from a Parquet file without DarkScope metadata; EOT set to the number of events");
    }

    private RunData read(ParquetFileReader reader, Progress progress) throws IOException {
        Header h = header(reader);
        Detector detector = h.detector();
        Schema schema = Schema.of(detector);
        int nc = detector.cellCount();
        int n = h.events();
        Map<String, ColumnDescriptor> available = h.columns();

        // what to read and where it goes
        Map<String, Object> arrays = new LinkedHashMap<>();
        List<ColumnDescriptor> requested = new ArrayList<>();
        List<ColumnTarget> targets = new ArrayList<>();
        for (ColumnDef c : schema.stored()) {
            ColumnDescriptor d = available.get(c.name());
            if (d == null) {
                continue;
            }
            Object a;
            ColumnTarget t;
            switch (c.type()) {
                case INT -> {
                    int[] v = new int[n];
                    a = v;
                    t = ColumnTarget.ints(c.name(), v);
                }
                case LONG -> {
                    long[] v = new long[n];
                    a = v;
                    t = ColumnTarget.longs(c.name(), v);
                }
                default -> {
                    float[] v = new float[n];
                    a = v;
                    t = ColumnTarget.floats(c.name(), v, 0, 1);
                }
            }
            arrays.put(c.name(), a);
            requested.add(d);
            targets.add(t);
        }
        float[] block = new float[n * nc];
        List<String> cellNames = schema.cellColumns();
        for (int cell = 0; cell < nc; cell++) {
            requested.add(available.get(cellNames.get(cell)));
            targets.add(ColumnTarget.floats(cellNames.get(cell), block, cell, nc));
        }
        long[] nulls = readColumns(reader, h, requested, targets, progress);
        reportNulls(targets, nulls);

        RunInfo info = h.info() != null ? h.info() : defaultInfo(h, (int[]) arrays.get(Schema.RUN));
        progress.update(1, "deriving summary of " + n + " events");
        RunData.Builder b = RunData.builder(info, detector, n).source(file.toString());
        arrays.forEach(b::column);
        b.cells(new ArrayCellStore(block, nc));
        RunData run = b.build();
        progress.update(1, "read " + n + " events");
        return run;
    }

    /** Reads the requested columns of every row group into their targets; returns nulls per target. */
    private long[] readColumns(ParquetFileReader reader, Header h, List<ColumnDescriptor> requested,
                               List<ColumnTarget> targets, Progress progress) throws IOException {
        reader.setRequestedSchema(requested);
        int n = h.events();
        long[] nulls = new long[targets.size()];
        List<BlockMetaData> groups = h.footer().getBlocks();
        MessageType fileSchema = h.footer().getFileMetaData().getSchema();
        String createdBy = h.footer().getFileMetaData().getCreatedBy();
        int first = 0;
        for (int g = 0; g < groups.size(); g++) {
            progress.checkCancelled();
            progress.update(n == 0 ? 0 : (double) first / n, "reading row group " + (g + 1) + " of " + groups.size());
            BlockMetaData meta = groups.get(g);
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                throw fail("row group " + (g + 1) + " of " + groups.size() + " is missing");
            }
            int rows = (int) pages.getRowCount();
            if ((long) first + rows > n) {
                throw fail("row groups hold more events than the footer says (" + n + ")");
            }
            Map<String, ColumnChunkMetaData> chunks = new LinkedHashMap<>();
            for (ColumnChunkMetaData cm : meta.getColumns()) {
                chunks.put(cm.getPath().toDotString(), cm);
            }
            ColumnReadStoreImpl slow = null;
            for (int k = 0; k < requested.size(); k++) {
                ColumnDescriptor d = requested.get(k);
                ColumnChunkMetaData cm = chunks.get(String.join(".", d.getPath()));
                if (bulk(d, cm, targets.get(k))) {
                    readBulk(pages.getPageReader(d), d, targets.get(k), first, rows);
                } else {
                    if (slow == null) {
                        slow = new ColumnReadStoreImpl(pages, new NoopConverter(), fileSchema, createdBy);
                    }
                    nulls[k] += readConverting(slow.getColumnReader(d), d, targets.get(k), first, rows);
                }
            }
            pages.close();
            first += rows;
        }
        if (first != n) {
            throw fail("row groups hold " + first + " events, the footer says " + n);
        }
        return nulls;
    }

    private int schemaVersion(String key, String runJson) throws RunFileException {
        if (key != null) {
            try {
                return Integer.parseInt(key.trim());
            } catch (NumberFormatException e) {
                throw fail("schema version '" + key + "' is not a number");
            }
        }
        if (runJson != null) {
            try {
                return RunInfoJson.fromJson(runJson).schemaVersion();
            } catch (IOException e) {
                throw fail("the run metadata (" + RunFiles.KEY_RUN + ") is not valid JSON", e);
            }
        }
        return Schema.VERSION;
    }

    private void checkType(String name, ColumnDescriptor d) throws RunFileException {
        if (d.getMaxRepetitionLevel() > 0) {
            throw fail("column '" + name + "' holds lists, expected one number per event");
        }
        PrimitiveTypeName t = d.getPrimitiveType().getPrimitiveTypeName();
        switch (t) {
            case INT32, INT64, FLOAT, DOUBLE, BOOLEAN -> {
            }
            default -> throw fail("column '" + name + "' has type " + t + ", expected a number");
        }
    }

    /** True if the chunk can be copied page by page: non-nullable, PLAIN, and the target's own type. */
    private static boolean bulk(ColumnDescriptor d, ColumnChunkMetaData cm, ColumnTarget t) {
        if (cm == null || d.getMaxDefinitionLevel() != 0 || cm.hasDictionaryPage()
                || !BULK_ENCODINGS.containsAll(cm.getEncodings())) {
            return false;
        }
        PrimitiveTypeName p = d.getPrimitiveType().getPrimitiveTypeName();
        return p == t.nativeType;
    }

    private void readBulk(PageReader pr, ColumnDescriptor d, ColumnTarget t, int first, int rows) throws IOException {
        int row = first;
        int end = first + rows;
        DataPage page;
        while (row < end && (page = pr.readPage()) != null) {
            int count = page.getValueCount();
            BytesInput bytes;
            Encoding enc;
            if (page instanceof DataPageV1 v1) {
                bytes = v1.getBytes();
                enc = v1.getValueEncoding();
            } else if (page instanceof DataPageV2 v2) {
                bytes = v2.getData();
                enc = v2.getDataEncoding();
            } else {
                throw fail("column '" + t.name + "' has an unknown page type");
            }
            if (enc != Encoding.PLAIN) {
                throw fail("column '" + t.name + "' has a page with unexpected encoding " + enc);
            }
            if (row + count > end) {
                throw fail("column '" + t.name + "' has more values than its row group");
            }
            t.plain(bytes.toByteBuffer(), row, count);
            row += count;
        }
        if (row != end) {
            throw fail("column '" + t.name + "' has " + (row - first) + " values in a row group of " + rows + " events");
        }
    }

    /** Reads any encoding and type; returns the number of nulls (left at 0). */
    private long readConverting(ColumnReader r, ColumnDescriptor d, ColumnTarget t, int first, int rows) {
        int maxDef = d.getMaxDefinitionLevel();
        PrimitiveTypeName p = d.getPrimitiveType().getPrimitiveTypeName();
        long nulls = 0;
        for (int i = 0; i < rows; i++) {
            int row = first + i;
            if (r.getCurrentDefinitionLevel() < maxDef) {
                nulls++;
            } else {
                switch (p) {
                    case INT32 -> t.setLong(row, r.getInteger());
                    case INT64 -> t.setLong(row, r.getLong());
                    case FLOAT -> t.setDouble(row, r.getFloat());
                    case DOUBLE -> t.setDouble(row, r.getDouble());
                    case BOOLEAN -> t.setLong(row, r.getBoolean() ? 1 : 0);
                    default -> throw new IllegalStateException("unsupported type " + p);
                }
            }
            r.consume();
        }
        return nulls;
    }

    private void reportNulls(List<ColumnTarget> targets, long[] nulls) {
        long sum = 0;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < nulls.length; k++) {
            if (nulls[k] > 0) {
                sum += nulls[k];
                names.add(targets.get(k).name + " (" + nulls[k] + ")");
            }
        }
        if (sum > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} missing (null) values replaced by 0 in columns {2}",
                    RunFileException.name(file), sum, String.join(", ", names));
        }
        lastNullCount = sum;
    }

    /** Nulls replaced by 0 in the last read (for tests and the CLI). */
    long lastNullCount;

    static String plain(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** parquet-java wants a converter tree; values are pulled from the readers directly instead. */
    private static final class NoopConverter extends GroupConverter {
        private final PrimitiveConverter leaf = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return leaf;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
