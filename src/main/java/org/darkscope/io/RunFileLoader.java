package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.event.SummaryDeriver;
import org.darkscope.geometry.Detector;
import org.darkscope.task.Futures;
import org.darkscope.task.Progress;

/**
 * Loads the data of a checked run file ({@link RunFileHeader}): the summary columns into primitive
 * arrays, row group by row group ({@link RowGroupDecoder}, half the cells on a second core via
 * {@link HelperDecoder}), while a second thread derives the summary of each decoded group from its
 * cells. Small runs keep their cells in one event-major block ({@link ArrayCellStore}); bigger ones
 * (more than {@link ParquetRunReader#inMemoryMaxEvents}) decode each group's cells column by column
 * into a buffer that is derived and dropped, and read cells again on demand ({@link LazyCellStore}).
 */
final class RunFileLoader {
    private final ParquetRunReader owner;

    RunFileLoader(ParquetRunReader owner) {
        this.owner = owner;
    }

    /** Decodes the summary columns and derives the rest from the cells; keeps the cells (small runs) or leaves them in the file. */
    RunData load(ParquetFileReader reader, ParquetRunReader.Header h, Progress progress) throws IOException {
        Path file = owner.file();
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
        boolean lazy = n > ParquetRunReader.inMemoryMaxEvents;
        // derived columns stored in the file and still matching its cells: read them, derive nothing;
        // big runs then decode no cell at all (their NaN/Inf/negative counts are zero by the statistics)
        owner.lastDerivation = DerivedColumns.decide(h, lazy);
        boolean stored = owner.lastDerivation == DerivedColumns.Verdict.STORED;
        boolean cellsAtOpen = !(stored && lazy);
        SummaryDeriver deriver = new SummaryDeriver(detector);
        Map<String, Object> derived = deriver.allocate(n);
        if (stored) {
            derived.forEach((name, a) -> {
                requested.add(available.get(name));
                targets.add(ColumnTarget.floats(name, (float[]) a));
            });
        }
        float[] block = lazy ? null : new float[n * nc];
        // a second core decodes the second half of the cells (or of the summary columns, when no cells
        // are decoded) with its own file reader
        boolean useHelper = Runtime.getRuntime().availableProcessors() > 1
                && n >= ParquetRunReader.parallelMinEvents
                && h.footer().getBlocks().stream().allMatch(b -> b.getRowCount() > 0); // group indices stay aligned
        int helperCells = !useHelper ? 0 : cellsAtOpen ? nc / 2 : requested.size() / 2;
        ColumnTarget.CellBuffer myCells = new ColumnTarget.CellBuffer(block, 0);
        ColumnTarget.CellBuffer helperCellBuf = new ColumnTarget.CellBuffer(block, 0);
        List<String> cellNames = schema.cellColumns();
        List<ColumnDescriptor> cellColumns = new ArrayList<>();
        for (int cell = 0; cell < nc; cell++) {
            cellColumns.add(available.get(cellNames.get(cell)));
            if (!cellsAtOpen) {
                continue;
            }
            ColumnTarget.CellBuffer buf = cell < nc - helperCells ? myCells : helperCellBuf;
            // big runs: a row group's cells column by column (bulk copies, derived column-wise); small runs:
            // event-major block
            targets.add(
                    lazy
                            ? ColumnTarget.cellColumn(cellNames.get(cell), buf, cell)
                            : ColumnTarget.cell(cellNames.get(cell), buf, cell, nc));
        }
        if (cellsAtOpen) {
            requested.addAll(cellColumns);
        }
        int keep = requested.size() - helperCells;
        List<ColumnDescriptor> mine = requested.subList(0, keep);
        List<ColumnTarget> myTargets = targets.subList(0, keep);
        GroupBlocks groupBlocks = new GroupBlocks(nc);
        HelperDecoder helper = !useHelper
                ? null
                : new HelperDecoder(
                        owner,
                        h.footer(),
                        requested.subList(keep, requested.size()),
                        targets.subList(keep, targets.size()),
                        !lazy || !cellsAtOpen
                                ? null
                                : (g, first, rows) -> {
                                    helperCellBuf.data = groupBlocks.get(g, rows);
                                    helperCellBuf.firstRow = first;
                                    helperCellBuf.rows = rows;
                                });
        // derive the summary of each row group on another thread while the next one is decoded
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
        CellCounts cellCounts = new CellCounts(nc); // big runs: counted group by group (small runs: from the block)
        long[] nulls = new long[targets.size()];
        try {
            if (helper != null) {
                helper.start(pool);
            }
            long[] myNulls =
                    owner.readColumns(reader, h, mine, myTargets, progress, new ParquetRunReader.GroupListener() {
                        private int started;
                        private int group;
                        private int derivedUpTo;

                        @Override
                        public void start(int first, int rows) {
                            if (lazy && cellsAtOpen) {
                                myCells.data = groupBlocks.get(started, rows);
                                myCells.firstRow = first;
                                myCells.rows = rows;
                            }
                            started++;
                        }

                        @Override
                        public void decoded(int first, int rows) throws IOException {
                            if (helper != null) {
                                helper.await(group);
                            }
                            float[] groupCells = lazy ? groupBlocks.take(group) : null;
                            group++;
                            if (stored) {
                                return; // nothing to derive
                            }
                            pending.add(pool.submit(() -> {
                                if (lazy) {
                                    deriver.deriveColumnar(first, rows, groupCells, rows, srd, veto, derived);
                                    cellCounts.add(groupCells, rows);
                                } else {
                                    deriver.derive(
                                            first,
                                            rows,
                                            Arrays.copyOfRange(block, first * nc, (first + rows) * nc),
                                            srd,
                                            veto,
                                            derived);
                                }
                            }));
                            // keep at most a few decoded groups waiting for the deriver (memory for big runs)
                            while (pending.size() - derivedUpTo > ParquetRunReader.MAX_GROUPS_AHEAD) {
                                Futures.await(pending.get(derivedUpTo++));
                            }
                        }
                    });
            System.arraycopy(myNulls, 0, nulls, 0, myNulls.length);
            if (helper != null) {
                System.arraycopy(helper.nulls(), 0, nulls, myNulls.length, helper.nulls().length);
            }
            if (!stored) {
                progress.update(1, "deriving summary of " + n + " events");
            }
            for (Future<?> f : pending) {
                Futures.await(f);
            }
        } finally {
            if (helper != null) {
                helper.stop();
            }
            pool.shutdownNow();
        }
        owner.reportNulls(targets, nulls);

        RunInfo info = h.info() != null ? h.info() : owner.defaultInfo(h, (int[]) arrays.get(Schema.RUN));
        if (!lazy) {
            cellCounts.addEventMajor(block, n);
        }
        RunData.Builder b = RunData.builder(info, detector, n)
                .source(file.toString())
                .valueCounts(valueCounts(schema, arrays, cellCounts));
        arrays.forEach(b::column);
        derived.forEach(b::column);
        b.cells(lazy ? new LazyCellStore(owner, h, cellColumns) : new ArrayCellStore(block, nc));
        RunData run = b.build();
        progress.update(1, "read " + n + " events");
        return run;
    }

    /** NaN/Inf/negative-energy counts of the stored float columns, then of the cells. */
    private static Map<String, RunData.ValueCounts> valueCounts(
            Schema schema, Map<String, Object> arrays, CellCounts cells) {
        Map<String, RunData.ValueCounts> out = new LinkedHashMap<>();
        for (ColumnDef c : schema.stored()) {
            if (arrays.get(c.name()) instanceof float[] a) {
                ColumnTarget.Counting k = new ColumnTarget.Counting(c.name(), ParquetRunReader.isEnergy(c));
                for (float v : a) {
                    if (!(v >= 0) || v == Float.POSITIVE_INFINITY) { // the rare values the counter looks at
                        k.setDouble(0, v);
                    }
                }
                if (k.counts().total() > 0) {
                    out.put(c.name(), k.counts());
                }
            }
        }
        List<String> cellNames = schema.cellColumns();
        for (int c = 0; c < cells.counters.length; c++) {
            ColumnTarget.Counting k = cells.counters[c];
            if (k != null && k.counts().total() > 0) {
                out.put(cellNames.get(c), k.counts());
            }
        }
        return out;
    }

    /** NaN, Inf and negative values per cell column (a counter exists only once a cell has one). */
    private static final class CellCounts {
        final ColumnTarget.Counting[] counters;

        CellCounts(int cellCount) {
            counters = new ColumnTarget.Counting[cellCount];
        }

        private void count(int cell, float v) {
            if (counters[cell] == null) {
                counters[cell] = new ColumnTarget.Counting("cell " + cell, true);
            }
            counters[cell].setDouble(0, v);
        }

        /** One row group's cells, column-major with {@code rows} events per cell. */
        void add(float[] group, int rows) {
            for (int c = 0; c < counters.length; c++) {
                int from = c * rows;
                // sign bit of m: some value is negative (or -0), NaN or infinite; the OR loop vectorises
                int m = 0;
                for (int i = from; i < from + rows; i++) {
                    int b = Float.floatToRawIntBits(group[i]);
                    m |= b | (b + 0x00800000);
                }
                if (m >= 0) {
                    continue;
                }
                for (int i = from; i < from + rows; i++) {
                    float v = group[i];
                    if (!(v >= 0) || v == Float.POSITIVE_INFINITY) {
                        count(c, v);
                    }
                }
            }
        }

        /** Every event's cells, event-major. */
        void addEventMajor(float[] block, int n) {
            int nc = counters.length;
            for (int i = 0, e = 0; e < n; e++) {
                for (int c = 0; c < nc; c++, i++) {
                    float v = block[i];
                    if (!(v >= 0) || v == Float.POSITIVE_INFINITY) {
                        count(c, v);
                    }
                }
            }
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
}
