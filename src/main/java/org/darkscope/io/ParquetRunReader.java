package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * Reads a run file: {@link RunFileHeader} checks the file frame and the footer (schema version,
 * metadata, geometry, required columns), {@link RunFileLoader} decodes the columns row group by row
 * group while the summary is derived, {@link #summary()} reads only what {@code info} shows. Every
 * failure becomes one {@link RunFileException} naming the file.
 */
final class ParquetRunReader {
    private static final System.Logger LOG = System.getLogger(ParquetRunReader.class.getName());

    /**
     * Runs with more events than this keep their cells in the file and read them one row group at a
     * time ({@link LazyCellStore}); 108 floats per event in memory is 432 MB per 1e6 events, and
     * building that event-major block was half of the time to open a 1e6-event run.
     * System property {@code darkscope.cells.inMemoryMax}.
     */
    static int inMemoryMaxEvents = Integer.getInteger("darkscope.cells.inMemoryMax", 250_000);
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

    /** What the footer says: checked metadata, geometry, event count and the top-level columns. */
    record Header(
            ParquetMetadata footer,
            RunInfo info,
            Detector detector,
            int events,
            Map<String, ColumnDescriptor> columns) {}

    /** Opens the file and runs {@code body} on it, turning every failure into a RunFileException. */
    private <T> T withReader(ReaderBody<T> body) throws RunFileException {
        new RunFileHeader(file).checkFrame();
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
        return fail(
                "not enough memory to load this run (Java heap "
                        + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MB): start DarkScope with a larger -Xmx, e.g. java -Xmx8g -jar darkscope.jar",
                e);
    }

    @FunctionalInterface
    private interface ReaderBody<T> {
        T apply(ParquetFileReader reader) throws IOException;
    }

    /** Metadata, event count and the class mix (truth_class counts, empty if the file has none). */
    RunFiles.Summary summary() throws RunFileException {
        return withReader(reader -> {
            Header h = new RunFileHeader(file).read(reader);
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
            // cells with trusted stored derived columns and clean statistics have no NaN/Inf/negative
            // value: not decoded (432 bytes per event; minutes for 1e8 events)
            if (DerivedColumns.decide(h, true) != DerivedColumns.Verdict.STORED) {
                for (String cell : schema.cellColumns()) {
                    counting.add(new ColumnTarget.Counting(cell, true));
                    requested.add(h.columns().get(cell));
                }
            }
            targets.addAll(counting);
            readColumns(reader, h, requested, targets, Progress.NONE, (first, rows) -> {});
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

    /** How {@link #read} would obtain the derived columns, from the footer alone. */
    DerivedColumns.Verdict derivation() throws RunFileException {
        return withReader(reader -> {
            Header h = new RunFileHeader(file).read(reader);
            return DerivedColumns.decide(h, h.events() > inMemoryMaxEvents);
        });
    }

    RunData read(Progress progress) throws RunFileException {
        return withReader(reader -> {
            Header h = new RunFileHeader(file).read(reader);
            // too big for the heap: summary columns mapped from a cache file (built on the first open)
            return ColumnCache.use(h)
                    ? ColumnCache.open(this, reader, h, progress)
                    : new RunFileLoader(this).load(reader, h, progress);
        });
    }

    RunInfo defaultInfo(Header h, int[] runColumn) {
        int runNumber = runColumn != null && runColumn.length > 0 ? runColumn[0] : 0;
        LOG.log(
                System.Logger.Level.DEBUG,
                "{0}: no DarkScope metadata, using defaults for run {1}",
                RunFileException.name(file),
                runNumber);
        return RunInfo.data(runNumber, h.detector().beamEnergy(), h.events())
                .withDescription(
                        "imported from a Parquet file without DarkScope metadata; EOT set to the number of events");
    }

    /** True for columns holding an energy (GeV, MeV, MIP): negative values are counted for them. */
    static boolean isEnergy(ColumnDef c) {
        return c.unit().equals("GeV") || c.unit().equals("MeV") || c.unit().equals("MIP");
    }

    /** Decoded row groups allowed to wait for the deriver, and for the main decoder (helper look-ahead). */
    static final int MAX_GROUPS_AHEAD = 2;

    /** Told before and after each row group is decoded, with its first event and its size. */
    interface GroupListener {
        default void start(int first, int rows) {}

        void decoded(int first, int rows) throws IOException;
    }

    /** Reads the requested columns of every row group into their targets; returns nulls per target. */
    long[] readColumns(
            ParquetFileReader reader,
            Header h,
            List<ColumnDescriptor> requested,
            List<ColumnTarget> targets,
            Progress progress,
            GroupListener listener)
            throws IOException {
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

    void reportNulls(List<ColumnTarget> targets, long[] nulls) {
        long sum = 0;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < nulls.length; k++) {
            if (nulls[k] > 0) {
                sum += nulls[k];
                names.add(targets.get(k).name + " (" + nulls[k] + ")");
            }
        }
        if (sum > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}: {1} missing (null) values replaced by 0 in columns {2}",
                    RunFileException.name(file),
                    sum,
                    String.join(", ", names));
        }
        lastNullCount = sum;
    }

    /** Nulls replaced by 0 in the last read (for tests and the CLI). */
    long lastNullCount;

    /** How the last read obtained the derived columns. */
    DerivedColumns.Verdict lastDerivation;

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
