package org.darkscope.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.ColumnType;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;

/**
 * Runs whose summary columns would take too much of the heap are opened through a column cache file
 * (docs/decisions/0016-stored-derived-columns.md): the first open decodes the summary columns (the
 * stored derived ones included) row group by row group, on two cores, straight into a memory-mapped
 * raw little-endian columnar file; every open maps that file read-only and hands each column to
 * {@link RunData} as a buffer outside the heap. Cells stay in the run file ({@link LazyCellStore}).
 *
 * <p>Layout: a {@value #HEADER_BYTES}-byte header (magic {@value #MAGIC}, then key=value lines: source
 * path, size, modification time, the derivation fingerprint of its footer, event count, one line per
 * column with its type and offset, and the NaN/Inf/negative counts), then each column at a
 * 4096-byte-aligned offset, {@code events × 4} (INT, FLOAT) or {@code × 8} (LONG) bytes. The file is
 * written under a temporary name and renamed when complete ({@link AtomicFiles}); it is reused while
 * the header matches the run file, rebuilt otherwise.</p>
 */
final class ColumnCache {
    static final String MAGIC = "DSCOLS01";
    static final int HEADER_BYTES = 1 << 16;
    private static final long ALIGN = 4096;

    /**
     * {@code auto} (default): runs whose summary columns exceed a quarter of the maximum heap;
     * {@code always}; {@code never}. System property {@code darkscope.columnCache}.
     */
    static String mode = System.getProperty("darkscope.columnCache", "auto");

    /** Builds of the cache so far (tests: a second open must not build again). */
    static int builds;

    private ColumnCache() {}

    /** The cache directory: {@code darkscope.cacheDir}, else $XDG_CACHE_HOME/darkscope/columns, else ~/.cache/darkscope/columns. */
    static Path dir() {
        String p = System.getProperty("darkscope.cacheDir");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("darkscope").resolve("columns");
    }

    /** One summary column in the cache. */
    private record Col(String name, ColumnType type, long offset, ColumnDescriptor descriptor) {
        int width() {
            return type == ColumnType.LONG ? 8 : 4;
        }
    }

    private static List<Col> layout(ParquetRunReader.Header h) {
        Schema schema = Schema.of(h.detector());
        List<Col> out = new ArrayList<>();
        long offset = HEADER_BYTES;
        for (ColumnDef c : schema.scalars()) {
            ColumnDescriptor d = h.columns().get(c.name());
            if (d == null) {
                continue; // optional column missing: the run builder fills its default
            }
            Col col = new Col(c.name(), c.type(), offset, d);
            out.add(col);
            offset += (long) h.events() * col.width();
            offset = (offset + ALIGN - 1) / ALIGN * ALIGN;
        }
        return out;
    }

    private static long summaryBytes(ParquetRunReader.Header h) {
        long perEvent = 0;
        for (Col c : layout(h)) {
            perEvent += c.width();
        }
        return perEvent * h.events();
    }

    /**
     * True if this run is opened through the cache: its stored derived columns are used (matching
     * fingerprint, clean cells), and the mode says so ({@code auto}: summary &gt; max heap / 4).
     */
    static boolean use(ParquetRunReader.Header h) {
        if (mode.equals("never") || h.events() == 0) {
            return false;
        }
        if (DerivedColumns.decide(h, true) != DerivedColumns.Verdict.STORED) {
            return false;
        }
        return mode.equals("always") || summaryBytes(h) > Runtime.getRuntime().maxMemory() / 4;
    }

    /** Where the cache of this run file lives. */
    static Path cacheFile(Path source) {
        Path abs = source.toAbsolutePath().normalize();
        String hash = RunFiles.sha256(abs.toString()).substring(0, 16);
        return dir().resolve(hash + "-" + abs.getFileName() + ".cols");
    }

    /** The header lines that must match for the cache to be reused (everything but the value counts). */
    private static String key(Path source, ParquetRunReader.Header h, List<Col> cols) throws IOException {
        Path abs = source.toAbsolutePath().normalize();
        StringBuilder b = new StringBuilder();
        b.append(MAGIC).append('\n');
        b.append("source=").append(abs).append('\n');
        b.append("size=").append(Files.size(abs)).append('\n');
        b.append("mtime=").append(Files.getLastModifiedTime(abs).toMillis()).append('\n');
        b.append("fingerprint=").append(DerivedColumns.fingerprint(h)).append('\n');
        b.append("events=").append(h.events()).append('\n');
        for (Col c : cols) {
            b.append("column=")
                    .append(c.name())
                    .append(' ')
                    .append(c.type())
                    .append(' ')
                    .append(c.offset())
                    .append('\n');
        }
        return b.toString();
    }

    /** Opens the run through its cache file, building the file first if it is missing or stale. */
    static RunData open(ParquetRunReader owner, ParquetFileReader reader, ParquetRunReader.Header h, Progress progress)
            throws IOException {
        owner.lastDerivation = DerivedColumns.Verdict.STORED;
        List<Col> cols = layout(h);
        String key = key(owner.file(), h, cols);
        Path file = cacheFile(owner.file());
        Map<String, RunData.ValueCounts> counts = readCounts(file, key);
        if (counts == null) {
            progress.update(0, "building the column cache " + file);
            try {
                Files.createDirectories(file.getParent());
                AtomicFiles.write(file, tmp -> build(owner, reader, h, cols, key, tmp, progress));
            } catch (RunFileException e) {
                throw e;
            } catch (IOException e) {
                throw new RunFileException(
                        owner.file(),
                        "its column cache cannot be written (" + ParquetRunReader.plain(e)
                                + "); choose another cache directory with -Ddarkscope.cacheDir=DIR",
                        e);
            }
            builds++;
            counts = readCounts(file, key);
            if (counts == null) {
                throw new IOException("column cache " + file + " was written but does not read back");
            }
        }
        return map(owner, h, cols, file, counts);
    }

    /** The value counts of a cache file whose header matches {@code key}; null if missing or stale. */
    private static Map<String, RunData.ValueCounts> readCounts(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES);
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill
            }
            String text = new String(head.array(), 0, head.position(), StandardCharsets.UTF_8);
            int end = text.indexOf('\0');
            text = end < 0 ? text : text.substring(0, end);
            if (!text.startsWith(key) || !text.endsWith("end\n")) {
                return null;
            }
            Map<String, RunData.ValueCounts> out = new LinkedHashMap<>();
            for (String line : text.substring(key.length()).split("\n")) {
                if (line.startsWith("count=")) {
                    String[] f = line.substring(6).split(" ");
                    out.put(
                            f[0],
                            new RunData.ValueCounts(
                                    Long.parseLong(f[1]),
                                    Long.parseLong(f[2]),
                                    Long.parseLong(f[3]),
                                    Long.parseLong(f[4])));
                }
            }
            long last = cols(text);
            return ch.size() >= last ? out : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable or damaged: built again
        }
    }

    /** Size the file must have for the columns its header lists. */
    private static long cols(String text) {
        long events = 0;
        long end = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("events=")) {
                events = Long.parseLong(line.substring(7));
            } else if (line.startsWith("column=")) {
                String[] f = line.substring(7).split(" ");
                long width = f[1].equals("LONG") ? 8 : 4;
                end = Math.max(end, Long.parseLong(f[2]) + events * width);
            }
        }
        return end;
    }

    private static void build(
            ParquetRunReader owner,
            ParquetFileReader reader,
            ParquetRunReader.Header h,
            List<Col> cols,
            String key,
            Path tmp,
            Progress progress)
            throws IOException {
        int n = h.events();
        long size = cols.isEmpty() ? HEADER_BYTES : cols.get(cols.size() - 1).offset() + (long) n * 8;
        try (RandomAccessFile raf = new RandomAccessFile(tmp.toFile(), "rw")) {
            raf.setLength(size);
            FileChannel ch = raf.getChannel();
            List<ColumnDescriptor> requested = new ArrayList<>();
            List<ColumnTarget> targets = new ArrayList<>();
            List<MappedByteBuffer> maps = new ArrayList<>();
            Map<String, Buffer> views = new LinkedHashMap<>();
            for (Col c : cols) {
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, c.offset(), (long) n * c.width());
                maps.add(m);
                Buffer view = view(m, c.type());
                views.put(c.name(), view);
                requested.add(c.descriptor());
                targets.add(ColumnTarget.buffer(c.name(), view));
            }
            decode(owner, reader, h, requested, targets, progress);
            progress.update(1, "counting NaN/Inf/negative values");
            StringBuilder header = new StringBuilder(key);
            Schema schema = Schema.of(h.detector());
            for (ColumnDef c : schema.stored()) {
                if (views.get(c.name()) instanceof FloatBuffer f) {
                    ColumnTarget.Counting k = new ColumnTarget.Counting(c.name(), ParquetRunReader.isEnergy(c));
                    for (int i = 0; i < n; i++) {
                        float v = f.get(i);
                        if (!(v >= 0) || v == Float.POSITIVE_INFINITY) {
                            k.setDouble(0, v);
                        }
                    }
                    RunData.ValueCounts vc = k.counts();
                    if (vc.total() > 0) {
                        header.append("count=")
                                .append(c.name())
                                .append(' ')
                                .append(vc.nan())
                                .append(' ')
                                .append(vc.posInf())
                                .append(' ')
                                .append(vc.negInf())
                                .append(' ')
                                .append(vc.negative())
                                .append('\n');
                    }
                }
            }
            header.append("end\n");
            byte[] bytes = header.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > HEADER_BYTES) {
                throw new IOException("column cache header too long (" + bytes.length + " bytes)");
            }
            progress.update(1, "writing the column cache to disk");
            for (MappedByteBuffer m : maps) {
                m.force();
            }
            ch.write(ByteBuffer.wrap(bytes), 0);
            ch.force(true);
        }
    }

    /** Decodes the summary columns into their targets, half of them on a second core with its own reader. */
    private static void decode(
            ParquetRunReader owner,
            ParquetFileReader reader,
            ParquetRunReader.Header h,
            List<ColumnDescriptor> requested,
            List<ColumnTarget> targets,
            Progress progress)
            throws IOException {
        boolean useHelper = Runtime.getRuntime().availableProcessors() > 1
                && h.footer().getBlocks().stream().allMatch(b -> b.getRowCount() > 0);
        int keep = useHelper ? requested.size() - requested.size() / 2 : requested.size();
        HelperDecoder helper = !useHelper
                ? null
                : new HelperDecoder(
                        owner,
                        h.footer(),
                        requested.subList(keep, requested.size()),
                        targets.subList(keep, targets.size()),
                        null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "darkscope-cache");
            t.setDaemon(true);
            return t;
        });
        try {
            if (helper != null) {
                helper.start(pool);
            }
            long[] nulls = owner.readColumns(
                    reader,
                    h,
                    requested.subList(0, keep),
                    targets.subList(0, keep),
                    progress,
                    new ParquetRunReader.GroupListener() {
                        private int group;

                        @Override
                        public void decoded(int first, int rows) throws IOException {
                            if (helper != null) {
                                helper.await(group++);
                            }
                        }
                    });
            long[] all = new long[targets.size()];
            System.arraycopy(nulls, 0, all, 0, nulls.length);
            if (helper != null) {
                System.arraycopy(helper.nulls(), 0, all, keep, helper.nulls().length);
            }
            owner.reportNulls(targets, all);
        } finally {
            if (helper != null) {
                helper.stop();
            }
            pool.shutdownNow();
        }
    }

    private static Buffer view(ByteBuffer m, ColumnType type) {
        ByteBuffer le = m.order(ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case INT -> le.asIntBuffer();
            case LONG -> le.asLongBuffer();
            case FLOAT -> le.asFloatBuffer();
        };
    }

    /** Maps the columns of a complete cache file read-only and builds the run on them. */
    private static RunData map(
            ParquetRunReader owner,
            ParquetRunReader.Header h,
            List<Col> cols,
            Path file,
            Map<String, RunData.ValueCounts> counts)
            throws IOException {
        int n = h.events();
        RunInfo info = h.info() != null ? h.info() : owner.defaultInfo(h, null);
        RunData.Builder b = RunData.builder(info, h.detector(), n)
                .source(owner.file().toString())
                .valueCounts(counts);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Col c : cols) {
                // a mapping stays valid after its channel is closed
                b.column(
                        c.name(),
                        view(ch.map(FileChannel.MapMode.READ_ONLY, c.offset(), (long) n * c.width()), c.type()));
            }
        }
        List<ColumnDescriptor> cellColumns = new ArrayList<>();
        for (String cell : Schema.of(h.detector()).cellColumns()) {
            cellColumns.add(h.columns().get(cell));
        }
        b.cells(new LazyCellStore(owner, h, cellColumns));
        return b.build();
    }
}
