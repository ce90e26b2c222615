package org.darkscope.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.MissingColumns;
import org.darkscope.analysis.RunTotals;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.ColumnType;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.io.ResultFiles;
import org.darkscope.io.RunFiles;
import org.darkscope.io.RunInfoJson;

/**
 * {@code SparkAnalyse}: evaluates a selection over run files with Apache Spark and writes one result
 * file (docs/result-file-format.md) that {@code darkscope result} and the window (File → Open
 * result…) read. The numbers are those {@code analyse} gives for the same files and roles: the rows
 * of each Spark partition are evaluated by the desktop's {@link AnalysisEngine} in pieces and the
 * additive totals ({@link RunTotals}) are summed (docs/decisions/0007-spark-job.md).
 *
 * <pre>
 * SparkAnalyse [--master URL] [--selection SEL.json] [--unblind] --out RESULT.json
 *              [RUN.parquet|DIR|GLOB ...] [--background-mc PATH]... [--signal PATH]...
 * </pre>
 * Files, directories (their *.parquet files) and globs on any file system Hadoop reaches. Roles as in
 * {@code analyse}: the files given first are data (a signal run among them is signal),
 * {@code --background-mc} files are weighted background MC, {@code --signal} files are signal MC.
 * Without {@code --master} the master comes from spark-submit. Exit code 2 for bad input.
 */
public final class SparkAnalyse {
    /** Events per engine evaluation in a partition (the memory of a task: about 500 bytes per event). */
    public static final int DEFAULT_CHUNK_ROWS = 1 << 16;

    /** One input: a file, directory or glob, and the role its files take. */
    public record Input(String path, MergedResult.Role role) {}

    /**
     * What to evaluate.
     *
     * @param inputs    files/directories/globs with their roles, in order
     * @param selection the selection (its blinding is used as given)
     * @param chunkRows events per engine evaluation
     */
    public record Request(List<Input> inputs, Selection selection, int chunkRows) {}

    private SparkAnalyse() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0, 1 failure, 2 bad input). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String master = null;
        String selectionFile = null;
        String outFile = null;
        boolean unblind = false;
        int chunk = DEFAULT_CHUNK_ROWS;
        List<Input> inputs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(usage());
                        return 0;
                    }
                    case "--master" -> master = value(args, ++i, a);
                    case "--selection" -> selectionFile = value(args, ++i, a);
                    case "--out" -> outFile = value(args, ++i, a);
                    case "--unblind" -> unblind = true;
                    case "--background-mc" -> inputs.add(new Input(value(args, ++i, a), MergedResult.Role.BACKGROUND));
                    case "--signal" -> inputs.add(new Input(value(args, ++i, a), MergedResult.Role.SIGNAL));
                    case "--chunk-rows" -> chunk = Integer.parseInt(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        inputs.add(new Input(a, MergedResult.Role.DATA));
                    }
                }
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("give at least one run file, directory or glob");
            }
            if (outFile == null) {
                throw new IllegalArgumentException("--out RESULT.json is required");
            }
            if (chunk < 1) {
                throw new IllegalArgumentException("--chunk-rows must be at least 1");
            }
            Selection sel = selectionFile == null
                    ? Selection.published()
                    : SelectionIo.read(java.nio.file.Path.of(selectionFile));
            sel = sel.withBlinded(!unblind);
            SparkSession.Builder b = SparkSession.builder()
                    .appName("darkscope-analyse")
                    .config("spark.sql.debug.maxToStringFields", "400"); // 145 columns: plans are printed whole
            if (master != null) {
                b = b.master(master);
            }
            long t0 = System.nanoTime();
            SparkSession spark = b.getOrCreate();
            try {
                MergedResult r = evaluate(spark, new Request(inputs, sel, chunk));
                ResultFiles.write(r, java.nio.file.Path.of(outFile));
                long events =
                        r.runs().stream().mapToLong(MergedResult.Run::events).sum();
                out.printf(
                        Locale.ROOT,
                        "%d runs, %d events, selection '%s'%s: %s written in %.1f s (darkscope result %s)%n",
                        r.runs().size(),
                        events,
                        sel.name(),
                        sel.blinded() ? " (blinded)" : "",
                        outFile,
                        (System.nanoTime() - t0) / 1e9,
                        outFile);
            } finally {
                spark.stop();
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("SparkAnalyse: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (RuntimeException e) {
            err.println("SparkAnalyse: failed: " + e);
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static String usage() {
        return "usage: SparkAnalyse [--master URL] [--selection SEL.json] [--unblind] --out RESULT.json\n"
                + "                    [RUN.parquet|DIR|GLOB ...] [--background-mc PATH]... [--signal PATH]... [--chunk-rows N]";
    }

    /**
     * Evaluates the request: reads the footers on the driver, the rows on the executors, and returns
     * the summed totals per run file in input order.
     *
     * @throws IllegalArgumentException for bad input (no such file, a file given twice, a cut on a
     *                                  column a file lacks, a newer schema), naming the file
     */
    public static MergedResult evaluate(SparkSession spark, Request req) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> files = new ArrayList<>();
        List<MergedResult.Role> roles = new ArrayList<>();
        for (Input in : req.inputs()) {
            for (Path p : expand(in.path(), conf)) {
                files.add(p);
                roles.add(in.role());
            }
        }
        refuseTwice(files);
        Selection sel = req.selection();
        Detector defaultDetector = GeometryLoader.defaultDetector();
        Schema schema = Schema.of(defaultDetector);
        List<ColumnDef> stored = schema.stored();
        List<String> cells = schema.cellColumns();
        List<ChunkEvaluator.FileSpec> specs = new ArrayList<>();
        List<RunFooter> footers = new ArrayList<>();
        List<RunInfo> infos = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            RunFooter f = RunFooter.read(p, conf);
            RunInfo info = f.info() != null ? f.info() : defaultInfo(spark, f, defaultDetector);
            if (!info.geometryVersion().equals(defaultDetector.version())
                    && !Schema.of(GeometryLoader.load(info.geometryVersion()))
                            .cellColumns()
                            .equals(cells)) {
                throw RunFooter.bad(
                        p,
                        "geometry '" + info.geometryVersion() + "' has other cells than " + defaultDetector.version()
                                + "; one job evaluates runs of one geometry");
            }
            MergedResult.Role role = roles.get(i);
            if (role == MergedResult.Role.DATA && info.isSignal()) {
                role = MergedResult.Role.SIGNAL; // a signal run given as data takes the signal role, as in analyse
                roles.set(i, role);
            }
            if (role == MergedResult.Role.SIGNAL && !info.isSignal()) {
                throw RunFooter.bad(p, "is not a signal run (no A' mass in its metadata)");
            }
            Set<String> missing = new HashSet<>();
            for (ColumnDef c : stored) {
                if (!f.columns().contains(c.name())) {
                    boolean required = c.kind() == ColumnDef.Kind.REQUIRED
                            || (c.kind() == ColumnDef.Kind.TRUTH && info.simulated());
                    if (required) {
                        throw RunFooter.bad(p, "required column '" + c.name() + "' is missing");
                    }
                    missing.add(c.name());
                }
            }
            for (String c : cells) {
                if (!f.columns().contains(c)) {
                    throw RunFooter.bad(p, "required column '" + c + "' is missing");
                }
            }
            boolean data = role == MergedResult.Role.DATA || !info.simulated();
            boolean weighted = role == MergedResult.Role.BACKGROUND && info.simulated();
            specs.add(new ChunkEvaluator.FileSpec(p.getName(), RunInfoJson.toJson(info), missing, data, weighted));
            footers.add(f);
            infos.add(info);
        }
        AnalysisEngine.Options opt = AnalysisEngine.Options.defaults();
        List<String> scalarNames = stored.stream().map(ColumnDef::name).toList();
        List<ColumnType> types = stored.stream().map(ColumnDef::type).toList();
        ChunkEvaluator.Job job = new ChunkEvaluator.Job(
                SelectionIo.toJson(sel),
                specs,
                files.stream().map(Path::toString).toList(),
                scalarNames,
                types,
                cells.size(),
                req.chunkRows(),
                opt.planeX(),
                opt.planeY());
        ChunkEvaluator driverSide = new ChunkEvaluator(job);
        driverSide.init();

        // the totals of every run start as those of its empty piece (the engine on 0 events), which also
        // applies the desktop's refusal of a cut on a column the file lacks
        List<RunTotals> totals = new ArrayList<>();
        List<RunData> empties = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Object[] none = new Object[scalarNames.size()];
            for (int c = 0; c < none.length; c++) {
                none[c] = switch (types.get(c)) {
                    case FLOAT -> new float[0];
                    case INT -> new int[0];
                    case LONG -> new long[0];
                };
            }
            RunData empty = driverSide.piece(i, 0, none, new float[0]);
            empties.add(empty);
            totals.add(driverSide.evaluate(empty, specs.get(i), new long[0]));
        }
        try {
            MissingColumns.require(sel, empties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }

        // one Spark scan per group of files with the same Parquet schema (usually one group: every file DarkScope
        // wrote)
        Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            if (footers.get(i).rows() > 0) {
                groups.computeIfAbsent(
                                footers.get(i).schema().toString()
                                        + specs.get(i).missing(),
                                k -> new ArrayList<>())
                        .add(i);
            }
        }
        Dataset<Row> all = null;
        for (List<Integer> g : groups.values()) {
            Dataset<Row> d = rows(
                    spark,
                    g.stream().map(files::get).toList(),
                    footers.get(g.get(0)),
                    stored,
                    cells,
                    specs.get(g.get(0)).missing());
            all = all == null ? d : all.union(d);
        }
        if (all != null) {
            HashMap<Integer, RunTotals> merged =
                    all.javaRDD().mapPartitions(new ChunkEvaluator(job)).fold(new HashMap<>(), SparkAnalyse::merge);
            for (Map.Entry<Integer, RunTotals> e : merged.entrySet()) {
                totals.get(e.getKey()).add(e.getValue());
            }
        }
        List<MergedResult.Run> runs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RunInfo info = infos.get(i);
            boolean data = specs.get(i).dataRole();
            RunTotals t = totals.get(i).sortPoints();
            if (t.total() > footers.get(i).rows()) {
                throw new IllegalStateException(files.get(i) + ": " + t.total() + " events evaluated, the file has "
                        + footers.get(i).rows());
            }
            runs.add(new MergedResult.Run(
                    files.get(i).getName(),
                    files.get(i).toString(),
                    info,
                    roles.get(i),
                    footers.get(i).rows(),
                    sel.blinded() && data,
                    t));
        }
        return new MergedResult(sel, opt.planeX(), opt.planeY(), runs);
    }

    /** Adds the maps of two partitions (the first is changed and returned). */
    private static HashMap<Integer, RunTotals> merge(HashMap<Integer, RunTotals> a, HashMap<Integer, RunTotals> b) {
        if (a.isEmpty()) {
            return b;
        }
        for (Map.Entry<Integer, RunTotals> e : b.entrySet()) {
            a.merge(e.getKey(), e.getValue(), RunTotals::add);
        }
        return a;
    }

    /**
     * The rows of files with one schema in the layout {@link ChunkEvaluator} reads: stored scalars (cast to
     * the schema's types where the file has others, nulls as 0 as the desktop reader has them; a missing
     * optional column as 0, replaced by the engine's default), cells, file path, row index within the file.
     */
    private static Dataset<Row> rows(
            SparkSession spark,
            List<Path> files,
            RunFooter first,
            List<ColumnDef> stored,
            List<String> cells,
            Set<String> missing) {
        Dataset<Row> d = spark.read().parquet(files.stream().map(Path::toString).toArray(String[]::new));
        List<Column> cols = new ArrayList<>();
        for (ColumnDef c : stored) {
            cols.add(
                    missing.contains(c.name())
                            ? lit(0).cast(type(c.type())).as(c.name())
                            : column(first, c.name(), c.type()));
        }
        for (String c : cells) {
            cols.add(column(first, c, ColumnType.FLOAT));
        }
        cols.add(col("_metadata.file_path").as("_darkscope_file"));
        cols.add(col("_metadata.row_index").as("_darkscope_row"));
        return d.select(cols.toArray(new Column[0]));
    }

    private static Column column(RunFooter f, String name, ColumnType t) {
        if (f.plain(name, t)) {
            return col(quote(name));
        }
        return coalesce(col(quote(name)).cast(type(t)), lit(0).cast(type(t))).as(name);
    }

    private static DataType type(ColumnType t) {
        return switch (t) {
            case FLOAT -> DataTypes.FloatType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
        };
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The desktop's defaults for a file without DarkScope metadata: run number from its first row, EOT = events. */
    private static RunInfo defaultInfo(SparkSession spark, RunFooter f, Detector detector) {
        int runNumber = 0;
        if (f.columns().contains(Schema.RUN) && f.rows() > 0) {
            Row first = spark.read()
                    .parquet(f.path().toString())
                    .select(
                            col("_metadata.row_index").as("i"),
                            col(Schema.RUN).cast(DataTypes.IntegerType).as("r"))
                    .orderBy("i")
                    .limit(1)
                    .first();
            runNumber = first.isNullAt(1) ? 0 : first.getInt(1);
        }
        return RunInfo.data(runNumber, detector.beamEnergy(), f.rows())
                .withDescription(
                        "imported from a Parquet file without DarkScope metadata; EOT set to the number of events");
    }

    /** A file, the *.parquet files of a directory (sorted), or the files a glob matches (sorted). */
    static List<Path> expand(String s, Configuration conf) throws IOException {
        Path p = new Path(s);
        FileSystem fs = p.getFileSystem(conf);
        List<Path> out = new ArrayList<>();
        if (s.contains("*") || s.contains("?") || s.contains("[") || s.contains("{")) {
            FileStatus[] st = fs.globStatus(p);
            if (st != null) {
                for (FileStatus x : st) {
                    if (x.isFile() && !hidden(x.getPath())) {
                        out.add(fs.makeQualified(x.getPath()));
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(s + ": no run file matches");
            }
        } else if (!fs.exists(p)) {
            throw new IllegalArgumentException(s + ": no such file or directory");
        } else if (fs.getFileStatus(p).isDirectory()) {
            for (FileStatus x : fs.listStatus(p)) {
                if (x.isFile() && x.getPath().getName().endsWith(".parquet") && !hidden(x.getPath())) {
                    out.add(fs.makeQualified(x.getPath()));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(s + ": the directory has no *.parquet run file");
            }
        } else {
            out.add(fs.makeQualified(p));
        }
        out.sort(null);
        return out;
    }

    /** Temporary files of the atomic writer and other hidden files. */
    private static boolean hidden(Path p) {
        String n = p.getName();
        return n.startsWith(".") || n.startsWith("_") || n.startsWith(RunFiles.TEMP_PREFIX);
    }

    /** A file given twice (also through two globs) would be counted twice: refused, as analyse does. */
    private static void refuseTwice(List<Path> files) throws IOException {
        Set<Path> seen = new HashSet<>();
        for (Path p : files) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException(p + ": given twice; each run may be counted only once");
            }
        }
        if (files.stream().allMatch(p -> "file".equals(p.toUri().getScheme()))) {
            List<java.nio.file.Path> local =
                    files.stream().map(p -> java.nio.file.Path.of(p.toUri())).toList();
            try {
                RunFiles.requireDistinct(local);
            } catch (org.darkscope.io.RunFileException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
