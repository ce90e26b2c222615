package org.darkscope.io;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;

/**
 * Decodes a share of the columns on another core, with its own file reader (parquet-java's
 * decompressors are not thread-safe), row group by row group, at most
 * {@link ParquetRunReader#MAX_GROUPS_AHEAD} groups ahead of the main reader, which waits for a
 * row group here before it uses that group's values.
 */
final class HelperDecoder {
    private final ParquetRunReader owner;
    private final ParquetMetadata footer;
    private final List<ColumnDescriptor> columns;
    private final List<ColumnTarget> targets;
    private final CountDownLatch[] done;
    private final long[] nulls;
    private final GroupHook beforeGroup;
    /** Row groups the helper may decode before the main reader has used them. */
    private final Semaphore ahead = new Semaphore(ParquetRunReader.MAX_GROUPS_AHEAD);

    private volatile boolean stop;
    private volatile Throwable failure;
    private Future<?> task;

    /** Called on the helper thread before it decodes a row group. */
    @FunctionalInterface
    interface GroupHook {
        void before(int group, int first, int rows);
    }

    HelperDecoder(
            ParquetRunReader owner,
            ParquetMetadata footer,
            List<ColumnDescriptor> columns,
            List<ColumnTarget> targets,
            GroupHook beforeGroup) {
        this.owner = owner;
        this.beforeGroup = beforeGroup;
        this.footer = footer;
        this.columns = List.copyOf(columns);
        this.targets = List.copyOf(targets);
        int groups = footer.getBlocks().size();
        this.done = new CountDownLatch[groups];
        for (int g = 0; g < groups; g++) {
            done[g] = new CountDownLatch(1);
        }
        this.nulls = new long[columns.size()];
    }

    void start(ExecutorService pool) {
        task = pool.submit(() -> {
            try {
                run();
            } catch (Throwable t) {
                failure = t; // seen by await() before the latches open
                throw t;
            } finally {
                for (CountDownLatch l : done) {
                    l.countDown(); // never leave the main reader waiting
                }
            }
            return null;
        });
    }

    private void run() throws IOException, InterruptedException {
        try (ParquetFileReader r =
                ParquetFileReader.open(new LocalInputFile(owner.file()), ParquetRunReader.readOptions())) {
            r.setRequestedSchema(columns);
            List<BlockMetaData> blocks = footer.getBlocks();
            int first = 0;
            for (int g = 0; g < blocks.size() && !stop; g++) {
                ahead.acquire();
                if (beforeGroup != null) {
                    beforeGroup.before(g, first, (int) blocks.get(g).getRowCount());
                }
                if (blocks.get(g).getRowCount() == 0) {
                    done[g].countDown(); // empty row group: parquet-java skips it when reading the next
                    continue;
                }
                PageReadStore pages = r.readNextRowGroup();
                if (pages == null) {
                    throw new RunFileException(
                            owner.file(), "row group " + (g + 1) + " of " + blocks.size() + " is missing");
                }
                int rows = (int) pages.getRowCount();
                owner.decoder()
                        .readGroup(
                                pages,
                                blocks.get(g),
                                footer.getFileMetaData().getSchema(),
                                footer.getFileMetaData().getCreatedBy(),
                                columns,
                                targets,
                                first,
                                rows,
                                nulls);
                pages.close();
                first += rows;
                done[g].countDown();
            }
        }
    }

    /** Waits until row group {@code g} is decoded; rethrows the helper's failure; an interrupted wait is a cancel. */
    void await(int g) throws IOException {
        try {
            done[g].await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.darkscope.task.CancelledException();
        }
        ahead.release();
        Throwable c = failure;
        if (c != null) {
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof InterruptedException) {
                throw new org.darkscope.task.CancelledException();
            }
            if (c instanceof Error e) {
                throw e; // OutOfMemoryError stays what it is, not "damaged data"
            }
            throw new IOException(c);
        }
    }

    /** Nulls per column of this share. */
    long[] nulls() {
        return nulls;
    }

    void stop() {
        stop = true;
    }
}
