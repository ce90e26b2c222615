package org.darkscope.io;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.event.SummaryDeriver;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a run file column by column into primitive arrays: checks the file frame and the footer
 * (schema version, metadata, geometry, required columns), then decodes row group by row group
 * ({@link RowGroupDecoder}, half the cells on a second core via {@link HelperDecoder}) while a
 * second thread derives the summary of each decoded group. Every failure becomes one
 * {@link RunFileException} naming the file.
 */
final class ParquetRunReader {
    private static final System.Logger LOG = System.getLogger(ParquetRunReader.class.getName());
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /**
     * Runs with more events than this keep their cells in the file and read them one row group at a
     * time ({@link LazyCellStore}); 108 floats per event in memory is 432 MB per 1e6 events.
     * System property {@code darkscope.cells.inMemoryMax}.
     */
    static int inMemoryMaxEvents = Integer.getInteger("darkscope.cells.inMemoryMax", 2_000_000);
    /** Runs at least this big are decoded on two cores (smaller ones are not worth a second reader). */
    static int parallelMinEvents = 50_000;

    private final Path file;
    private final RowGroupDecoder decoder;

    /** Read options: page checksums (written by DarkScope) are verified, so damaged data is reported, not loaded. */
    static ParquetReadOptions readOptions() {
        return ParquetReadOptions.builder().usePageChecksumVerification(true).build();
    }

    Path file() {
        return file;
    }

    RowGroupDecoder decoder() {
        return decoder;
    }

    ParquetRunReader(Path file) {
        this.file = file;
        this.decoder = new RowGroupDecoder(file);
    }

    private RunFileException fail(String problem) {
        return new RunFileException(file, problem);
    }

    private RunFileException fail(String problem, Throwable cause) {
        return new RunFileException(file, problem, cause);
    }

    /** Checks the magic numbers at both ends before handing the file to parquet-java. */
    private void checkFrame() throws RunFileException {
        if (Files.isDirectory(file)) {
            throw fail("is a directory, not a run file");
        }
        long size;
        try {
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
            readFully(ch, head);
            if (size >= 8) {
                ch.position(size - 4);
                readFully(ch, tail);
            }
        } catch (AccessDeniedException e) {
            throw fail("permission denied");
        } catch (IOException e) {
            throw fail("cannot be read (" + plain(e) + ")", e);
        }
        byte[] encrypted = {'P', 'A', 'R', 'E'};
        if (Arrays.equals(head, encrypted) || Arrays.equals(tail, encrypted)) {
            throw fail("encrypted Parquet files are not supported");
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw fail("not a Parquet file");
        }
        if (size < 12 || !Arrays.equals(tail, MAGIC)) {
            throw fail("file is truncated (footer missing)");
        }
    }

    private static void readFully(SeekableByteChannel ch, byte[] dst) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // until full or end of file
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
            reader = ParquetFileReader.open(new LocalInputFile(file), ParquetRunReader.readOptions());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "footer of " + file, e);
            throw fail("the file footer is damaged", e);
        }
        try (reader) {
            return body.apply(reader);
        } catch (RunFileException | CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw outOfMemory(e);
        } catch (IOException | RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof OutOfMemoryError oom) {
                    throw outOfMemory(oom);
                }
            }
            throw fail("the data is damaged (" + plain(e) + ")", e);
        }
    }

    /** Memory ran out while reading: said as such (never "damaged"), with the -Xmx advice. */
    private RunFileException outOfMemory(OutOfMemoryError e) {
        return fail("not enough memory to load this run (Java heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB): start DarkScope with a larger -Xmx, e.g. java -Xmx8g -jar darkscope.jar", e);
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
            Schema schema = Schema.of(h.detector());
            List<ColumnTarget.Counting> counting = new ArrayList<>();
            List<String> missingOptional = new ArrayList<>();
            for (ColumnDef c : schema.stored()) {
                ColumnDescriptor d = h.columns().get(c.name());
                if (d == null) {
                    if (c.kind() == ColumnDef.Kind.OPTIONAL) {
                        missingOptional.add(c.name());
                    }
                } else if (c.type() == org.darkscope.event.ColumnType.FLOAT) {
                    counting.add(new ColumnTarget.Counting(c.name(), isEnergy(c)));
                    requested.add(d);
                }
            }
            for (String cell : schema.cellColumns()) {
                counting.add(new ColumnTarget.Counting(cell, true));
                requested.add(h.columns().get(cell));
            }
            targets.addAll(counting);
            readColumns(reader, h, requested, targets, Progress.NONE, (first, rows) -> {
            });
            Map<String, RunData.ValueCounts> counts = new LinkedHashMap<>();
            for (ColumnTarget.Counting k : counting) {
                if (k.counts().total() > 0) {
                    counts.put(k.name, k.counts());
                }
            }
            Map<Integer, Long> classes = new java.util.TreeMap<>();
            if (truth != null) {
                for (int c : truth) {
                    classes.merge(c, 1L, Long::sum);
                }
            }
            RunInfo info = h.info() != null ? h.info() : defaultInfo(h, runs);
            return new RunFiles.Summary(file, info, h.events(), classes, h.info() != null, missingOptional, counts);
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
        if (runJson == null && kv.containsKey(RunFiles.KEY_RUN_SHA256)) {
            throw fail("the run metadata (" + RunFiles.KEY_RUN + ") is missing, but its checksum is there: the footer is damaged");
        }
        if (runJson != null) {
            String sum = kv.get(RunFiles.KEY_RUN_SHA256);
            if (sum != null && !sum.trim().equalsIgnoreCase(RunFiles.sha256(runJson))) {
                throw fail("the run metadata (" + RunFiles.KEY_RUN + ") does not match its checksum ("
                        + RunFiles.KEY_RUN_SHA256 + "): it was changed or damaged");
            }
            info = parseInfo(runJson);
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
        if (total > Integer.MAX_VALUE - 8 || (total > inMemoryMaxEvents ? 0 : total * nc) > Integer.MAX_VALUE - 8) {
            throw fail("has " + total + " events, more than DarkScope can hold");
        }
        Map<String, ColumnDescriptor> available = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (org.apache.parquet.schema.Type field : fileSchema.getFields()) {
            if (!names.add(field.getName())) {
                throw fail("column '" + field.getName() + "' appears more than once; which copy is meant is unclear");
            }
        }
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
        if (info != null && info.simulated()) {
            // a simulated run without its truth would silently become data (class 0, weight 1)
            for (ColumnDef c : schema.stored()) {
                if (c.kind() == ColumnDef.Kind.TRUTH && !available.containsKey(c.name())) {
                    missing.add(c.name());
                }
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
        checkCodecs(footer, schema);
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
                    t = ColumnTarget.floats(c.name(), v);
                }
            }
            arrays.put(c.name(), a);
            requested.add(d);
            targets.add(t);
        }
        // cells: all in one block, or (big runs) one row group at a time, read again on demand
        boolean lazy = n > inMemoryMaxEvents;
        float[] block = lazy ? null : new float[n * nc];
        // a second core decodes the second half of the cells with its own file reader
        boolean useHelper = Runtime.getRuntime().availableProcessors() > 1 && n >= parallelMinEvents
                && h.footer().getBlocks().stream().allMatch(b -> b.getRowCount() > 0); // group indices stay aligned
        int helperCells = useHelper ? nc / 2 : 0;
        ColumnTarget.CellBuffer myCells = new ColumnTarget.CellBuffer(block, 0);
        ColumnTarget.CellBuffer helperCellBuf = new ColumnTarget.CellBuffer(block, 0);
        List<String> cellNames = schema.cellColumns();
        List<ColumnDescriptor> cellColumns = new ArrayList<>();
        for (int cell = 0; cell < nc; cell++) {
            cellColumns.add(available.get(cellNames.get(cell)));
            targets.add(ColumnTarget.cell(cellNames.get(cell), cell < nc - helperCells ? myCells : helperCellBuf, cell, nc));
        }
        requested.addAll(cellColumns);
        int keep = requested.size() - helperCells;
        List<ColumnDescriptor> mine = requested.subList(0, keep);
        List<ColumnTarget> myTargets = targets.subList(0, keep);
        GroupBlocks groupBlocks = new GroupBlocks(nc);
        HelperDecoder helper = !useHelper ? null : new HelperDecoder(this, h.footer(), requested.subList(keep, requested.size()),
                targets.subList(keep, targets.size()), !lazy ? null : (g, first, rows) -> {
                    helperCellBuf.data = groupBlocks.get(g, rows);
                    helperCellBuf.firstRow = first;
                });
        // derive the summary of each row group on another thread while the next one is decoded
        SummaryDeriver deriver = new SummaryDeriver(detector);
        Map<String, Object> derived = deriver.allocate(n);
        float[][] srd = new float[detector.srdCellCount()][];
        for (int i = 0; i < srd.length; i++) {
            srd[i] = (float[]) arrays.get(Schema.srd(i));
        }
        float[][] veto = new float[detector.vetoCount()][];
        for (int i = 0; i < veto.length; i++) {
            veto[i] = (float[]) arrays.get(Schema.veto(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(helper == null ? 1 : 2, r -> {
            Thread t = new Thread(r, "darkscope-read");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> pending = new ArrayList<>();
        long[] nulls = new long[targets.size()];
        try {
            if (helper != null) {
                helper.start(pool);
            }
            long[] myNulls = readColumns(reader, h, mine, myTargets, progress, new GroupListener() {
                private int started;
                private int group;
                private int derivedUpTo;

                @Override
                public void start(int first, int rows) {
                    if (lazy) {
                        myCells.data = groupBlocks.get(started, rows);
                        myCells.firstRow = first;
                    }
                    started++;
                }

                @Override
                public void decoded(int first, int rows) throws IOException {
                    if (helper != null) {
                        try {
                            helper.await(group);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancelledException();
                        }
                    }
                    float[] groupCells = lazy ? groupBlocks.take(group) : null;
                    group++;
                    pending.add(pool.submit(() -> {
                        float[] cells = lazy ? groupCells : Arrays.copyOfRange(block, first * nc, (first + rows) * nc);
                        deriver.derive(first, rows, cells, srd, veto, derived);
                    }));
                    // keep at most a few decoded groups waiting for the deriver (memory for big runs)
                    while (pending.size() - derivedUpTo > MAX_GROUPS_AHEAD) {
                        await(pending.get(derivedUpTo++));
                    }
                }
            });
            System.arraycopy(myNulls, 0, nulls, 0, myNulls.length);
            if (helper != null) {
                System.arraycopy(helper.nulls(), 0, nulls, myNulls.length, helper.nulls().length);
            }
            progress.update(1, "deriving summary of " + n + " events");
            for (Future<?> f : pending) {
                await(f);
            }
        } finally {
            if (helper != null) {
                helper.stop();
            }
            pool.shutdownNow();
        }
        reportNulls(targets, nulls);

        RunInfo info = h.info() != null ? h.info() : defaultInfo(h, (int[]) arrays.get(Schema.RUN));
        RunData.Builder b = RunData.builder(info, detector, n).source(file.toString())
                .valueCounts(valueCounts(schema, arrays, lazy ? null : block, nc, n));
        arrays.forEach(b::column);
        derived.forEach(b::column);
        b.cells(lazy ? new LazyCellStore(this, h, cellColumns) : new ArrayCellStore(block, nc));
        RunData run = b.build();
        progress.update(1, "read " + n + " events");
        return run;
    }

    /** True for columns holding an energy (GeV, MeV, MIP): negative values are counted for them. */
    static boolean isEnergy(ColumnDef c) {
        return c.unit().equals("GeV") || c.unit().equals("MeV") || c.unit().equals("MIP");
    }

    /** NaN/Inf/negative-energy counts of the stored float columns and the cells (cells only if in memory). */
    private static Map<String, RunData.ValueCounts> valueCounts(Schema schema, Map<String, Object> arrays, float[] block,
                                                                int nc, int n) {
        Map<String, RunData.ValueCounts> out = new LinkedHashMap<>();
        for (ColumnDef c : schema.stored()) {
            if (arrays.get(c.name()) instanceof float[] a) {
                ColumnTarget.Counting k = new ColumnTarget.Counting(c.name(), isEnergy(c));
                for (float v : a) {
                    k.setDouble(0, v);
                }
                if (k.counts().total() > 0) {
                    out.put(c.name(), k.counts());
                }
            }
        }
        if (block != null) {
            List<String> cellNames = schema.cellColumns();
            ColumnTarget.Counting[] ks = new ColumnTarget.Counting[nc];
            for (int c = 0; c < nc; c++) {
                ks[c] = new ColumnTarget.Counting(cellNames.get(c), true);
            }
            for (int i = 0, e = 0; e < n; e++) {
                for (int c = 0; c < nc; c++, i++) {
                    float v = block[i];
                    if (!(v >= 0) || v == Float.POSITIVE_INFINITY) {
                        ks[c].setDouble(0, v);
                    }
                }
            }
            for (ColumnTarget.Counting k : ks) {
                if (k.counts().total() > 0) {
                    out.put(k.name, k.counts());
                }
            }
        }
        return out;
    }

    /** Decoded row groups allowed to wait for the deriver, and for the main decoder (helper look-ahead). */
    static final int MAX_GROUPS_AHEAD = 2;

    /** Waits for a background task; its failure becomes this thread's. */
    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error err) {
                throw err;
            }
            throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        }
    }

    /** Cell blocks of the row groups being decoded when cells are not kept (big runs). */
    private static final class GroupBlocks {
        private final int cellCount;
        private final Map<Integer, float[]> blocks = new java.util.HashMap<>();

        GroupBlocks(int cellCount) {
            this.cellCount = cellCount;
        }

        synchronized float[] get(int group, int rows) {
            return blocks.computeIfAbsent(group, g -> new float[rows * cellCount]);
        }

        synchronized float[] take(int group) {
            return blocks.remove(group);
        }
    }

    /** Told before and after each row group is decoded, with its first event and its size. */
    private interface GroupListener {
        default void start(int first, int rows) {
        }

        void decoded(int first, int rows) throws IOException;
    }

    /** Reads the requested columns of every row group into their targets; returns nulls per target. */
    private long[] readColumns(ParquetFileReader reader, Header h, List<ColumnDescriptor> requested,
                               List<ColumnTarget> targets, Progress progress, GroupListener listener) throws IOException {
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
            if (meta.getRowCount() == 0) {
                continue; // pyarrow writes one empty row group for 0 rows; parquet-java skips it when reading the next
            }
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                throw fail("row group " + (g + 1) + " of " + groups.size() + " is missing");
            }
            int rows = (int) pages.getRowCount();
            if ((long) first + rows > n) {
                throw fail("row groups hold more events than the footer says (" + n + ")");
            }
            listener.start(first, rows);
            decoder.readGroup(pages, meta, fileSchema, createdBy, requested, targets, first, rows, nulls);
            pages.close();
            listener.decoded(first, rows);
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
            return parseInfo(runJson).schemaVersion();
        }
        return Schema.VERSION;
    }

    private RunInfo parseInfo(String runJson) throws RunFileException {
        try {
            return RunInfoJson.fromJson(runJson);
        } catch (RunInfoJson.InvalidFieldException e) {
            throw fail("run metadata (" + RunFiles.KEY_RUN + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw fail("the run metadata (" + RunFiles.KEY_RUN + ") is not valid JSON (" + firstLine(plain(e)) + ")", e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Numbers only, read as the file means them: DECIMAL (INT32, INT64, FIXED, BINARY) is scaled,
     * unsigned integers are read unsigned; booleans, timestamps, dates, times, intervals, strings and
     * INT96 are refused with the column's name.
     */
    private void checkType(String name, ColumnDescriptor d) throws RunFileException {
        if (d.getMaxRepetitionLevel() > 0) {
            throw fail("column '" + name + "' holds lists, expected one number per event");
        }
        org.apache.parquet.schema.PrimitiveType pt = d.getPrimitiveType();
        PrimitiveTypeName t = pt.getPrimitiveTypeName();
        org.apache.parquet.schema.LogicalTypeAnnotation l = pt.getLogicalTypeAnnotation();
        if (t == PrimitiveTypeName.BOOLEAN) {
            throw fail("column '" + name + "' holds booleans (true/false), expected a number");
        }
        if (t == PrimitiveTypeName.INT96) {
            throw fail("column '" + name + "' holds INT96 timestamps, expected a number");
        }
        if (l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation
                || l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation
                || l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation
                || l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.IntervalLogicalTypeAnnotation) {
            throw fail("column '" + name + "' holds " + l + " values (dates or times), expected a plain number"
                    + (name.equals(Schema.TIME) ? " of nanoseconds since the start of the run" : ""));
        }
        boolean decimal = l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        switch (t) {
            case INT32, INT64, FLOAT, DOUBLE -> {
                if (l != null && !decimal && !(l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation)) {
                    throw fail("column '" + name + "' has logical type " + l + ", expected a number");
                }
            }
            case FIXED_LEN_BYTE_ARRAY, BINARY -> {
                if (!decimal) {
                    throw fail("column '" + name + "' has type " + t + (l == null ? "" : " (" + l + ")") + ", expected a number");
                }
            }
            default -> throw fail("column '" + name + "' has type " + t + ", expected a number");
        }
    }

    /** Compressions parquet-java decodes here; others (BROTLI, LZO) are named as unsupported, not as damage. */
    private static final java.util.Set<org.apache.parquet.hadoop.metadata.CompressionCodecName> CODECS = java.util.EnumSet.of(
            org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED,
            org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY,
            org.apache.parquet.hadoop.metadata.CompressionCodecName.GZIP,
            org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD,
            org.apache.parquet.hadoop.metadata.CompressionCodecName.LZ4_RAW);

    private void checkCodecs(ParquetMetadata footer, Schema schema) throws RunFileException {
        java.util.Set<String> wanted = new java.util.HashSet<>(schema.cellColumns());
        schema.stored().forEach(c -> wanted.add(c.name()));
        for (BlockMetaData b : footer.getBlocks()) {
            for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData cm : b.getColumns()) {
                if (wanted.contains(cm.getPath().toDotString()) && !CODECS.contains(cm.getCodec())) {
                    throw fail("column '" + cm.getPath().toDotString() + "' uses " + cm.getCodec()
                            + " compression, which DarkScope does not support (use zstd, snappy, gzip, lz4_raw or none)");
                }
            }
        }
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

    /** The failure in plain words: its message, or what its kind means; never a class name. */
    static String plain(Throwable e) {
        String m = e.getMessage();
        if (m != null && !m.isBlank() && !m.contains("Exception") && !m.contains("\n") && m.length() < 200) {
            return m;
        }
        if (e instanceof java.io.EOFException) {
            return "unexpected end of data";
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException) {
            return "sizes or offsets point outside the data";
        }
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.UncheckedIOException) {
            return "compressed data cannot be decoded";
        }
        return "inconsistent structure";
    }

}
