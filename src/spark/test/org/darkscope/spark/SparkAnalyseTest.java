package org.darkscope.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.ExclusionSettings;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.MergedResult.Role;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.io.ResultFiles;
import org.darkscope.io.RunFiles;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode gives, count for count, what the desktop engine ({@code analyse})
 * gives on the same files and roles: on the sample runs, and on a directory of generated runs read
 * in many partitions and small pieces.
 */
class SparkAnalyseTest {
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("darkscope-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The engine on the files, as analyse runs it: the runs in the data role are those given as data. */
    private static AnalysisResult engine(List<Path> files, List<Role> roles, Selection sel) throws Exception {
        List<RunData> runs = new ArrayList<>();
        List<RunData> data = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RunData r = RunFiles.read(files.get(i));
            runs.add(r);
            if (roles.get(i) == Role.DATA) {
                data.add(r);
            }
        }
        try (AnalysisEngine e = new AnalysisEngine(runs)) {
            return e.evaluate(sel, r -> data.stream().anyMatch(x -> x == r), Progress.NONE);
        }
    }

    /** Every count of the Spark result against the engine's result, run by run. */
    private static void assertSameCounts(AnalysisResult expected, List<Role> roles, MergedResult actual) {
        assertEquals(expected.runs().size(), actual.runs().size());
        MergedResult fromEngine = MergedResult.of(expected, roles);
        Selection sel = expected.selection();
        for (int i = 0; i < expected.runs().size(); i++) {
            RunResult rr = expected.runs().get(i);
            MergedResult.Run run = actual.runs().get(i);
            String name = rr.run().displayName();
            assertEquals(name, run.name());
            assertEquals(rr.run().info(), run.info(), name);
            assertEquals(rr.run().size(), run.events(), name);
            assertEquals(rr.boxHidden(), run.boxHidden(), name);
            assertEquals(rr.cutFlow(), actual.cutFlow(run), name);
            assertEquals(rr.regions(), actual.regions(run), name);
            for (EventClass c : EventClass.values()) {
                assertEquals(rr.regions(c), actual.regions(run, c), name + " " + c);
                assertEquals(rr.selectedCount(c), run.totals().selected(c), name + " " + c);
                assertArrayEquals(rr.plane(c).counts(), actual.plane(run, c).counts(), name + " plane " + c);
                assertEquals(rr.plane(c).outside(), actual.plane(run, c).outside(), name + " plane " + c);
            }
            for (Cut c : sel.cuts()) {
                assertArrayEquals(
                        rr.nMinusOne(c.name()).counts(),
                        actual.nMinusOne(run, c.name()).counts(),
                        name + " N-1 " + c.name());
                assertEquals(
                        rr.nMinusOne(c.name()).underflow(),
                        actual.nMinusOne(run, c.name()).underflow(),
                        name + " N-1 " + c.name());
                assertEquals(
                        rr.nMinusOne(c.name()).overflow(),
                        actual.nMinusOne(run, c.name()).overflow(),
                        name + " N-1 " + c.name());
            }
            if (run.totals().isWeighted()) {
                // Σw, Σw² in another order of additions: equal to rounding; the event counts exactly
                WeightedCounts w = WeightedCounts.of(rr.run(), sel);
                for (EventClass c : EventClass.values()) {
                    for (Region reg : Region.values()) {
                        WeightedCounts.Sum a = w.region(c, reg);
                        WeightedCounts.Sum b = run.totals().weighted(c, reg);
                        assertEquals(a.n(), b.n(), name + " " + c + " " + reg);
                        assertEquals(a.w(), b.w(), 1e-9 * Math.max(1, a.w()), name + " " + c + " " + reg);
                        assertEquals(a.w2(), b.w2(), 1e-9 * Math.max(1, a.w2()), name + " " + c + " " + reg);
                    }
                }
                assertEquals(
                        w.selected().n(),
                        run.totals().weightedAfter(sel.enabledCuts().size() - 1).n());
                // the weighted cut flow analyse prints (each cut alone too), summed over the pieces
                var ww = rr.weighted().orElseThrow();
                for (int k = 0; k < sel.enabledCuts().size(); k++) {
                    WeightedCounts.Sum a = ww.alone().get(k);
                    WeightedCounts.Sum b = run.totals().weightedAlone(k);
                    assertEquals(a.n(), b.n(), name + " alone " + k);
                    assertEquals(a.w(), b.w(), 1e-9 * Math.max(1, a.w()), name + " alone " + k);
                }
                assertEquals(ww.hasWeights(), run.totals().hasWeightColumn(), name);
            }
            MergedResult.Run mine = fromEngine.runs().get(i);
            assertEquals(mine.totals().pointCount(), run.totals().pointCount(), name + " points");
            for (int k = 0; k < mine.totals().pointCount(); k++) {
                assertEquals(mine.totals().pointRow(k), run.totals().pointRow(k), name + " point " + k);
                assertEquals(mine.totals().pointEcal(k), run.totals().pointEcal(k), name + " point " + k);
                assertEquals(mine.totals().pointHcal(k), run.totals().pointHcal(k), name + " point " + k);
            }
        }
        assertEquals(expected.eot(), actual.eot());
        assertEquals(expected.combinedRegions(), actual.combinedRegions());
        assertArrayEquals(
                expected.combinedPlane().counts(), actual.combinedPlane().counts());
        assertEquals(expected.efficiencies(), actual.efficiencies());
        ExclusionSettings s = ExclusionSettings.defaults();
        ResultLimits.Summary a = ResultLimits.compute(expected, s);
        ResultLimits.Summary b = actual.limits(s);
        assertEquals(a.background().describe(), b.background().describe());
        assertEquals(a.observed(), b.observed());
        assertEquals(a.upperLimit(), b.upperLimit());
        assertEquals(a.expectedLimit(), b.expectedLimit());
        assertEquals(a.points(), b.points());
        assertEquals(
                expected.background().sidebandC().describe(),
                actual.background().sidebandC().describe());
        assertEquals(
                expected.background().sidebandA().describe(),
                actual.background().sidebandA().describe());
        assertEquals(
                expected.background().abcd().describe(),
                actual.background().abcd().describe());
    }

    @Test
    void theSampleRunsGiveWhatAnalyseGives() throws Exception {
        Path samples = Path.of("sample-runs");
        Selection sel =
                SelectionIo.read(samples.resolve("selection-published.json")).withBlinded(true);
        List<Path> signals;
        try (var s = Files.list(samples)) {
            signals = s.filter(p -> p.getFileName().toString().startsWith("signal-"))
                    .sorted()
                    .toList();
        }
        List<Path> files = new ArrayList<>(List.of(
                samples.resolve("physics.parquet"),
                samples.resolve("calibration.parquet"),
                samples.resolve("background-mc.parquet")));
        files.addAll(signals);
        List<Role> roles = new ArrayList<>(List.of(Role.DATA, Role.DATA, Role.BACKGROUND));
        signals.forEach(p -> roles.add(Role.SIGNAL));
        // the way the README runs it: data files, --background-mc, a glob of signal runs
        MergedResult r = SparkAnalyse.evaluate(
                spark,
                new SparkAnalyse.Request(
                        List.of(
                                new SparkAnalyse.Input(files.get(0).toString(), Role.DATA),
                                new SparkAnalyse.Input(files.get(1).toString(), Role.DATA),
                                new SparkAnalyse.Input(files.get(2).toString(), Role.BACKGROUND),
                                new SparkAnalyse.Input("sample-runs/signal-*.parquet", Role.SIGNAL)),
                        sel,
                        SparkAnalyse.DEFAULT_CHUNK_ROWS));
        AnalysisResult expected = engine(files, roles, sel);
        assertTrue(expected.runs().get(0).boxHidden(), "physics as data is blinded");
        assertTrue(expected.runs().get(0).cutFlow().selected() > 100, "the published selection keeps physics events");
        assertSameCounts(expected, roles, r);
        // the file written and read back holds the same numbers
        Path out = dir.resolve("samples.json");
        ResultFiles.write(r, out);
        assertSameCounts(expected, roles, ResultFiles.read(out));
    }

    @Test
    void aDirectoryOfGeneratedRunsInManyPiecesGivesWhatTheEngineGives() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("generated"));
        // three runs of the physics mix (the last one in two row groups of 65,536 events)
        int[] sizes = {20_000, 30_000, 70_000};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            RunData r = Simulator.simulate(
                    SimConfig.defaults(Mix.PHYSICS)
                            .withEvents(sizes[i])
                            .withSeed(100 + i)
                            .withRunNumber(7000 + i)
                            .withThreads(2),
                    Progress.NONE);
            Path f = runs.resolve(String.format("run-%d.parquet", 7000 + i));
            RunFiles.write(r, f);
            files.add(f);
        }
        Files.writeString(runs.resolve("notes.txt"), "not a run"); // a directory holds other files too
        Selection sel = Selection.published().withBlinded(false);
        // small partitions (a row group each) and pieces of 5,000 events: many partial results to add
        String old = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "1m");
        MergedResult r;
        try {
            r = SparkAnalyse.evaluate(
                    spark,
                    new SparkAnalyse.Request(List.of(new SparkAnalyse.Input(runs.toString(), Role.DATA)), sel, 5_000));
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", old);
        }
        List<Role> roles = List.of(Role.DATA, Role.DATA, Role.DATA);
        AnalysisResult expected = engine(files, roles, sel);
        assertFalse(expected.runs().get(0).boxHidden());
        assertTrue(expected.combinedRegions().count(Region.BOX) >= 0);
        assertSameCounts(expected, roles, r);
        assertEquals(
                120_000, r.runs().stream().mapToLong(MergedResult.Run::events).sum());
    }

    @Test
    void badInputIsRefusedWithExitCode2() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        // refused before any Spark session is made
        assertEquals(2, SparkAnalyse.run(new String[] {"sample-runs/physics.parquet"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(
                2,
                SparkAnalyse.run(
                        new String[] {"--frobnicate", "--out", "x.json", "sample-runs/physics.parquet"}, o, e));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("unknown option --frobnicate"),
                err.toString(StandardCharsets.UTF_8));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> SparkAnalyse.evaluate(
                        spark,
                        new SparkAnalyse.Request(
                                List.of(new SparkAnalyse.Input("sample-runs/no-such.parquet", Role.DATA)),
                                Selection.published(),
                                1000)));
        assertTrue(missing.getMessage().contains("no-such.parquet: no such file"), missing.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SparkAnalyse.evaluate(
                        spark,
                        new SparkAnalyse.Request(
                                List.of(
                                        new SparkAnalyse.Input("sample-runs/physics.parquet", Role.DATA),
                                        new SparkAnalyse.Input("sample-runs/phys*.parquet", Role.BACKGROUND)),
                                Selection.published(),
                                1000)),
                "the same file twice would be counted twice");
        assertThrows(
                IllegalArgumentException.class,
                () -> SparkAnalyse.evaluate(
                        spark,
                        new SparkAnalyse.Request(
                                List.of(new SparkAnalyse.Input("sample-runs/physics.parquet", Role.SIGNAL)),
                                Selection.published(),
                                1000)),
                "physics is not a signal run");
    }
}
