package org.darkscope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.darkscope.event.CellStore;

/**
 * Cell energies of a big run, left in the file and read one row group at a time when an event is
 * asked for; the last few row groups stay in a small LRU cache, so stepping through events is
 * fast. The file stays open (the same file even if it is replaced on disk) until the store is
 * garbage collected. Thread-safe.
 */
final class LazyCellStore implements CellStore {
    /** Row groups kept decoded (65,536 events x 108 cells = 28 MB each). */
    static final int CACHE_GROUPS = 3;

    private static final Cleaner CLEANER = Cleaner.create();

    private final ParquetRunReader owner;
    private final ParquetMetadata footer;
    private final List<ColumnDescriptor> cellColumns;
    private final int[] groupStart;
    private final int size;
    private final int cellCount;
    private final InputFile input;
    private final SeekableInputStream stream;
    private final Map<Integer, float[]> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, float[]> eldest) {
            return size() > CACHE_GROUPS;
        }
    };

    LazyCellStore(ParquetRunReader owner, ParquetRunReader.Header header, List<ColumnDescriptor> cellColumns)
            throws IOException {
        this.owner = owner;
        this.footer = header.footer();
        this.cellColumns = List.copyOf(cellColumns);
        this.size = header.events();
        this.cellCount = cellColumns.size();
        List<BlockMetaData> blocks = footer.getBlocks();
        groupStart = new int[blocks.size() + 1];
        for (int g = 0; g < blocks.size(); g++) {
            groupStart[g + 1] = groupStart[g] + (int) blocks.get(g).getRowCount();
        }
        this.input = new LocalInputFile(owner.file());
        SeekableInputStream s = input.newStream();
        // the reader closes the stream it is given; keep ours open across row groups
        this.stream = new NonClosingStream(s);
        CLEANER.register(this, () -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do when the store is gone
            }
        });
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int cellCount() {
        return cellCount;
    }

    @Override
    public synchronized void read(int event, float[] dst) {
        if (event < 0 || event >= size) {
            throw new IndexOutOfBoundsException("event " + event + " outside 0.." + (size - 1));
        }
        int g = group(event);
        float[] block = cache.get(g);
        if (block == null) {
            try {
                block = load(g);
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException(new RunFileException(
                        owner.file(),
                        "cannot read the cells of row group " + (g + 1) + " (" + ParquetRunReader.plain(e) + ")",
                        e));
            }
            cache.put(g, block);
        }
        System.arraycopy(block, (event - groupStart[g]) * cellCount, dst, 0, cellCount);
    }

    @Override
    public synchronized float get(int event, int cell) {
        float[] one = new float[cellCount];
        read(event, one);
        return one[cell];
    }

    private int group(int event) {
        int lo = 0;
        int hi = groupStart.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (groupStart[mid] <= event) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private float[] load(int g) throws IOException {
        int first = groupStart[g];
        int rows = groupStart[g + 1] - first;
        float[] block = new float[rows * cellCount];
        ColumnTarget.CellBuffer buf = new ColumnTarget.CellBuffer(block, first);
        List<ColumnTarget> targets = new ArrayList<>(cellCount);
        for (int c = 0; c < cellCount; c++) {
            targets.add(ColumnTarget.cell(cellColumns.get(c).getPath()[0], buf, c, cellCount));
        }
        try (ParquetFileReader r = new ParquetFileReader(input, footer, ParquetRunReader.readOptions(), stream)) {
            r.setRequestedSchema(cellColumns);
            PageReadStore pages = r.readRowGroup(g);
            owner.decoder()
                    .readGroup(
                            pages,
                            footer.getBlocks().get(g),
                            footer.getFileMetaData().getSchema(),
                            footer.getFileMetaData().getCreatedBy(),
                            cellColumns,
                            targets,
                            first,
                            rows,
                            new long[cellCount]);
            pages.close();
        }
        return block;
    }

    /** A stream whose close() does nothing: the reader closes its stream, we keep ours for the next group. */
    private static final class NonClosingStream extends SeekableInputStream {
        private final SeekableInputStream in;

        NonClosingStream(SeekableInputStream in) {
            this.in = in;
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public void seek(long pos) throws IOException {
            in.seek(pos);
        }

        @Override
        public void readFully(byte[] bytes) throws IOException {
            in.readFully(bytes);
        }

        @Override
        public void readFully(byte[] bytes, int start, int len) throws IOException {
            in.readFully(bytes, start, len);
        }

        @Override
        public int read(java.nio.ByteBuffer buf) throws IOException {
            return in.read(buf);
        }

        @Override
        public void readFully(java.nio.ByteBuffer buf) throws IOException {
            in.readFully(buf);
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            // kept open until the store is garbage collected
        }
    }
}
