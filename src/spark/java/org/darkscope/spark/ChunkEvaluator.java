package org.darkscope.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Binning;
import org.darkscope.analysis.RunTotals;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnType;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.io.RunInfoJson;
import org.darkscope.task.Progress;

/**
 * The work of one Spark partition: its rows (pieces of one or more run files, in any order) become
 * {@link RunData} pieces of at most {@link Job#chunkRows} events, each evaluated by the
 * {@link AnalysisEngine} exactly as the desktop evaluates a whole run (cuts, blinding, regions,
 * histograms), and summed into one {@link RunTotals} per run file. The partition returns one map
 * (file index → totals); the driver adds the maps. No cut logic here: the engine decides.
 *
 * <p>Row layout (made by {@link SparkAnalyse}): the scalar stored columns in {@link Job#scalars} order,
 * then the cells in geometry order, then the file's path as Spark reports it ({@code _metadata.file_path})
 * and the row index within the file.</p>
 */
final class ChunkEvaluator implements FlatMapFunction<Iterator<Row>, HashMap<Integer, RunTotals>> {
    private static final long serialVersionUID = 1L;

    /**
     * One run file as the executors need it.
     *
     * @param name      display name (file name)
     * @param infoJson  its metadata (RunInfoJson)
     * @param missing   optional columns the file does not have (their values are the engine's defaults)
     * @param dataRole  in the data role (blinded while the selection is)
     * @param weighted  collect Σw, Σw² (background MC)
     */
    record FileSpec(String name, String infoJson, Set<String> missing, boolean dataRole, boolean weighted)
            implements Serializable {}

    /**
     * Everything the executors need, sent once with the task.
     *
     * @param selectionJson the selection (SelectionIo JSON, blinding included)
     * @param files         the run files by index
     * @param paths         their qualified Hadoop paths (Path.toString), by index
     * @param scalars       stored scalar column names in row order
     * @param types         their types
     * @param cells         number of cell columns after them
     * @param chunkRows     events per engine evaluation (memory: about 500 bytes per event)
     * @param plane         bins, lo, hi of the E_ECAL then the E_HCAL axis of the plane
     */
    record Job(
            String selectionJson,
            List<FileSpec> files,
            List<String> paths,
            List<String> scalars,
            List<ColumnType> types,
            int cells,
            int chunkRows,
            double[] plane)
            implements Serializable {
        Job(
                String selectionJson,
                List<FileSpec> files,
                List<String> paths,
                List<String> scalars,
                List<ColumnType> types,
                int cells,
                int chunkRows,
                Binning x,
                Binning y) {
            this(selectionJson, files, paths, scalars, types, cells, chunkRows, new double[] {
                x.bins(), x.lo(), x.hi(), y.bins(), y.lo(), y.hi()
            });
        }

        Binning planeX() {
            return new Binning((int) plane[0], plane[1], plane[2]);
        }

        Binning planeY() {
            return new Binning((int) plane[3], plane[4], plane[5]);
        }
    }

    private final Job job;
    private transient Selection selection;
    private transient RunInfo[] infos;
    private transient Detector[] detectors;
    private transient Map<String, Integer> fileIndex;

    ChunkEvaluator(Job job) {
        this.job = job;
    }

    @Override
    public Iterator<HashMap<Integer, RunTotals>> call(Iterator<Row> rows) throws IOException {
        init();
        HashMap<Integer, RunTotals> out = new HashMap<>();
        Buffer buf = new Buffer(job.chunkRows());
        int ns = job.scalars().size();
        int fileCol = ns + job.cells();
        while (rows.hasNext()) {
            Row r = rows.next();
            int file = fileIndex(r.getString(fileCol));
            if (buf.n > 0 && (file != buf.file || buf.n == job.chunkRows())) {
                flush(buf, out);
            }
            buf.file = file;
            int i = buf.n;
            for (int c = 0; c < ns; c++) {
                Object col = buf.scalars[c];
                switch (job.types().get(c)) {
                    case FLOAT -> ((float[]) col)[i] = r.getFloat(c);
                    case INT -> ((int[]) col)[i] = r.getInt(c);
                    case LONG -> ((long[]) col)[i] = r.getLong(c);
                }
            }
            int base = i * job.cells();
            for (int c = 0; c < job.cells(); c++) {
                buf.cells[base + c] = r.getFloat(ns + c);
            }
            buf.rows[i] = r.getLong(fileCol + 1);
            buf.n++;
        }
        if (buf.n > 0) {
            flush(buf, out);
        }
        return List.of(out).iterator();
    }

    /** The index of a file from the path Spark reports (a URI string). */
    private int fileIndex(String sparkPath) {
        Integer i = fileIndex.get(sparkPath);
        if (i == null) {
            String p = new org.apache.hadoop.fs.Path(java.net.URI.create(sparkPath)).toString();
            i = job.paths().indexOf(p);
            if (i < 0) {
                throw new IllegalStateException("Spark read a file that is not among the inputs: " + sparkPath);
            }
            fileIndex.put(sparkPath, i);
        }
        return i;
    }

    void init() throws IOException {
        if (selection != null) {
            return;
        }
        fileIndex = new HashMap<>();
        selection = SelectionIo.read(job.selectionJson());
        infos = new RunInfo[job.files().size()];
        detectors = new Detector[infos.length];
        for (int i = 0; i < infos.length; i++) {
            infos[i] = RunInfoJson.fromJson(job.files().get(i).infoJson());
            detectors[i] = GeometryLoader.load(infos[i].geometryVersion());
        }
    }

    /** Evaluates the buffered rows of one file with the engine and adds their totals. */
    private void flush(Buffer buf, Map<Integer, RunTotals> out) {
        FileSpec f = job.files().get(buf.file);
        RunData piece = piece(buf.file, buf.n, buf.scalars, Arrays.copyOf(buf.cells, buf.n * job.cells()));
        RunTotals t = evaluate(piece, f, Arrays.copyOf(buf.rows, buf.n));
        out.merge(buf.file, t, RunTotals::add);
        buf.n = 0;
    }

    /** A run of {@code n} events of file {@code file}, from column buffers (copied). */
    RunData piece(int file, int n, Object[] scalars, float[] cells) {
        FileSpec f = job.files().get(file);
        RunData.Builder b = RunData.builder(infos[file], detectors[file], n).source(f.name());
        for (int c = 0; c < scalars.length; c++) {
            String name = job.scalars().get(c);
            if (!f.missing().contains(name)) {
                b.column(name, copy(scalars[c], n));
            }
        }
        return b.cells(new ArrayCellStore(cells, job.cells())).build();
    }

    /** The engine's evaluation of one piece, as totals (one thread: Spark runs the partitions in parallel). */
    RunTotals evaluate(RunData piece, FileSpec f, long[] rows) {
        try (AnalysisEngine engine =
                new AnalysisEngine(List.of(piece), new AnalysisEngine.Options(job.planeX(), job.planeY(), 1))) {
            AnalysisResult r = engine.evaluate(selection, run -> f.dataRole(), Progress.NONE);
            return RunTotals.of(r.runs().get(0), f.weighted(), rows);
        }
    }

    private static Object copy(Object a, int n) {
        if (a instanceof float[] x) {
            return Arrays.copyOf(x, n);
        } else if (a instanceof int[] x) {
            return Arrays.copyOf(x, n);
        }
        return Arrays.copyOf((long[]) a, n);
    }

    /** Column buffers of the rows of one file, up to one chunk. */
    private final class Buffer {
        final Object[] scalars;
        final float[] cells;
        final long[] rows;
        int n;
        int file = -1;

        Buffer(int size) {
            scalars = new Object[job.scalars().size()];
            for (int c = 0; c < scalars.length; c++) {
                scalars[c] = switch (job.types().get(c)) {
                    case FLOAT -> new float[size];
                    case INT -> new int[size];
                    case LONG -> new long[size];
                };
            }
            cells = new float[size * job.cells()];
            rows = new long[size];
        }
    }
}
