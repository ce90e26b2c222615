package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.ExclusionSettings;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.MergedResult.Role;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.RunTotals;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.cli.DarkScopeCli;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Result files (the Spark job's output): totals of pieces of a run add up to the whole run's
 * evaluation, a result file reads back to the same numbers, and {@code darkscope result} prints what
 * {@code analyse} prints for the same runs.
 */
class ResultFilesTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path mc;
    static Path signal;
    static RunData dataRun;
    static RunData mcRun;
    static RunData signalRun;

    @BeforeAll
    static void runs() throws Exception {
        // physics as pseudo-data, weighted background MC, one signal: every role, blinding and weights
        dataRun = RunFixtures.simulated(
                SimConfig.defaults(Mix.PHYSICS).withEvents(30_000).withSeed(11).withThreads(2));
        mcRun = RunFixtures.simulated(SimConfig.defaults(Mix.BACKGROUND_MC)
                .withEvents(20_000)
                .withSeed(12)
                .withThreads(2));
        signalRun = RunFixtures.simulated(SimConfig.defaults(Mix.SIGNAL_BREM)
                .withMassMeV(20)
                .withEvents(5_000)
                .withSeed(13)
                .withThreads(2));
        data = dir.resolve("physics.parquet");
        mc = dir.resolve("background-mc.parquet");
        signal = dir.resolve("signal-20mev.parquet");
        RunFiles.write(dataRun, data);
        RunFiles.write(mcRun, mc);
        RunFiles.write(signalRun, signal);
    }

    private static AnalysisResult evaluate(List<RunData> runs, Selection sel, RunData... dataRole) {
        try (AnalysisEngine e = new AnalysisEngine(runs)) {
            List<RunData> d = List.of(dataRole);
            return e.evaluate(sel, r -> d.stream().anyMatch(x -> x == r), org.darkscope.task.Progress.NONE);
        }
    }

    /** A run of some of the rows of another (the way the Spark job sees a run: in pieces). */
    private static RunData rows(RunData run, int from, int to) {
        int n = to - from;
        RunData.Builder b = RunData.builder(run.info(), run.detector(), n).source(run.source());
        for (ColumnDef c : run.schema().stored()) {
            Object a = run.columns().get(c.name());
            Object part = a instanceof float[] f
                    ? Arrays.copyOfRange(f, from, to)
                    : a instanceof int[] i ? Arrays.copyOfRange(i, from, to) : Arrays.copyOfRange((long[]) a, from, to);
            b.column(c.name(), part);
        }
        int nc = run.detector().cellCount();
        float[] block = new float[n * nc];
        float[] one = new float[nc];
        for (int e = 0; e < n; e++) {
            run.cells().read(from + e, one);
            System.arraycopy(one, 0, block, e * nc, nc);
        }
        return b.cells(new ArrayCellStore(block, nc)).build();
    }

    @Test
    void piecesOfARunAddUpToTheWholeRun() {
        Selection sel = Selection.published();
        for (boolean asData : new boolean[] {true, false}) {
            RunData run = asData ? dataRun : mcRun;
            AnalysisResult whole = evaluate(List.of(run), sel, asData ? new RunData[] {run} : new RunData[0]);
            RunTotals expected = RunTotals.of(whole.runs().get(0), !asData, null);
            // uneven pieces, in shuffled order: addition must not care
            int[] edges = {0, 7, 4096, 11_111, 11_112, 19_999, run.size()};
            List<Integer> order = new ArrayList<>(List.of(3, 0, 5, 1, 4, 2));
            RunTotals sum = null;
            for (int k : order) {
                RunData piece = rows(run, edges[k], edges[k + 1]);
                AnalysisResult r = evaluate(List.of(piece), sel, asData ? new RunData[] {piece} : new RunData[0]);
                long[] rows = new long[piece.size()];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = edges[k] + i;
                }
                RunTotals t = RunTotals.of(r.runs().get(0), !asData, rows);
                sum = sum == null ? t : sum.add(t);
            }
            sum.sortPoints();
            assertEquals(expected.total(), sum.total());
            assertEquals(asData, whole.runs().get(0).boxHidden());
            assertArrayEquals(expected.nMinusOne().get("veto"), sum.nMinusOne().get("veto"));
            assertEquals(expected.pointCount(), sum.pointCount());
            if (!asData) {
                // Σw of pieces equals Σw of the run up to rounding (other order of additions)
                WeightedCounts.Sum a = expected.weighted(EventClass.HADRON, Region.D);
                WeightedCounts.Sum b = sum.weighted(EventClass.HADRON, Region.D);
                assertEquals(a.n(), b.n());
                assertEquals(a.w(), b.w(), 1e-9 * Math.abs(a.w()));
                assertTrue(a.n() > 0, "hadrons in region D of the background MC");
                // everything else is exact: compare with the weights taken from the whole-run sums
                sum.setWeighted(weights(expected), expected.hasWeightColumn());
            }
            assertTrue(
                    expected.sameAs(sum), "totals of the pieces differ from the whole run (data role " + asData + ")");
        }
    }

    private static double[] weights(RunTotals t) {
        // the whole-run weighted sums in the reader's layout (total, after each cut, each cut alone, class x region)
        List<Double> l = new ArrayList<>();
        add(l, t.weightedTotal());
        for (int k = 0; k < t.cutCount(); k++) {
            add(l, t.weightedAfter(k));
        }
        for (int k = 0; k < t.cutCount(); k++) {
            add(l, t.weightedAlone(k));
        }
        for (EventClass c : EventClass.values()) {
            for (Region r : Region.values()) {
                add(l, t.weighted(c, r));
            }
        }
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void add(List<Double> l, WeightedCounts.Sum s) {
        l.add(s.w());
        l.add(s.w2());
        l.add((double) s.n());
    }

    @Test
    void aResultFileReadsBackToTheSameNumbersAsTheEngine() throws Exception {
        Selection sel = Selection.published();
        AnalysisResult r = evaluate(List.of(dataRun, mcRun, signalRun), sel, dataRun);
        MergedResult m = MergedResult.of(r, List.of(Role.DATA, Role.BACKGROUND, Role.SIGNAL));
        Path f = dir.resolve("roundtrip.json");
        ResultFiles.write(m, f);
        MergedResult back = ResultFiles.read(f);
        assertEquals(
                org.darkscope.analysis.SelectionIo.toJson(sel),
                org.darkscope.analysis.SelectionIo.toJson(back.selection()));
        assertEquals(3, back.runs().size());
        for (int i = 0; i < 3; i++) {
            MergedResult.Run a = m.runs().get(i);
            MergedResult.Run b = back.runs().get(i);
            assertEquals(a.info(), b.info());
            assertEquals(a.role(), b.role());
            assertEquals(a.boxHidden(), b.boxHidden());
            assertEquals(a.events(), b.events());
            assertTrue(a.totals().sameAs(b.totals()), "run " + a.name() + " differs after writing and reading");
        }
        // the numbers agree with the engine's own accessors, run by run
        for (int i = 0; i < 3; i++) {
            RunResult rr = r.runs().get(i);
            MergedResult.Run run = back.runs().get(i);
            assertEquals(rr.cutFlow(), back.cutFlow(run));
            assertEquals(rr.regions(), back.regions(run));
            for (EventClass c : EventClass.values()) {
                assertEquals(rr.regions(c), back.regions(run, c));
                assertArrayEquals(rr.plane(c).counts(), back.plane(run, c).counts());
            }
            assertArrayEquals(rr.plane().counts(), back.plane(run).counts());
            for (Cut c : sel.cuts()) {
                assertArrayEquals(
                        rr.nMinusOne(c.name()).counts(),
                        back.nMinusOne(run, c.name()).counts(),
                        c.name());
                assertEquals(
                        rr.nMinusOne(c.name()).overflow(),
                        back.nMinusOne(run, c.name()).overflow(),
                        c.name());
            }
        }
        assertTrue(back.runs().get(0).boxHidden(), "the pseudo-data run is blinded");
        assertEquals(
                org.darkscope.analysis.RegionCounts.HIDDEN,
                back.regions(back.runs().get(0)).count(Region.BOX));
        assertEquals(r.eot(), back.eot());
        assertEquals(r.efficiencies(), back.efficiencies());
        WeightedCounts w = WeightedCounts.of(mcRun, sel);
        MergedResult.Run bkg = back.runs().get(1);
        for (Region reg : Region.values()) {
            double sw = 0;
            for (EventClass c : EventClass.values()) {
                sw += bkg.totals().weighted(c, reg).w();
            }
            assertEquals(w.region(reg).w(), sw, 1e-9 * Math.max(1, Math.abs(sw)), reg.name());
        }
        // Σw of the events passing each cut alone: a plain loop over the events here (every column of the cut passes)
        List<Cut> cuts = sel.enabledCuts();
        float[] weight = mcRun.floats(org.darkscope.event.Schema.TRUTH_WEIGHT);
        for (int k = 0; k < cuts.size(); k++) {
            Cut c = cuts.get(k);
            double sw = 0;
            long n = 0;
            for (int e = 0; e < mcRun.size(); e++) {
                boolean pass = true;
                for (String col : c.columns(mcRun::has)) {
                    Object a = mcRun.columns().get(col);
                    double v = a instanceof float[] x ? x[e] : a instanceof int[] x ? x[e] : ((long[]) a)[e];
                    pass &= c.passes(v);
                }
                if (pass) {
                    sw += weight[e];
                    n++;
                }
            }
            WeightedCounts.Sum alone = bkg.totals().weightedAlone(k);
            assertEquals(n, alone.n(), c.name());
            assertEquals(sw, alone.w(), 1e-9 * Math.max(1, sw), c.name());
        }
        assertTrue(bkg.totals().hasWeightColumn(), "the background MC has a truth_weight column");
        assertFalse(back.runs().get(0).totals().isWeighted(), "no weighted sums for the data-role run");
        ExclusionSettings s = ExclusionSettings.defaults();
        ResultLimits.Summary a = ResultLimits.compute(r, s);
        ResultLimits.Summary b = back.limits(s);
        assertEquals(a.background().value(), b.background().value());
        assertEquals(a.expectedLimit(), b.expectedLimit());
        assertEquals(a.observed(), b.observed());
        assertEquals(a.points(), b.points());
        assertEquals(r.background().abcd().value(), back.background().abcd().value());
        assertEquals(
                r.background().sidebandC().value(),
                back.background().sidebandC().value());
    }

    @Test
    void theResultCommandPrintsWhatAnalysePrints() throws Exception {
        RunData d = RunFiles.read(data);
        AnalysisResult r = evaluate(List.of(d, RunFiles.read(mc), RunFiles.read(signal)), Selection.published(), d);
        Path f = dir.resolve("cli.json");
        ResultFiles.write(MergedResult.of(r, List.of(Role.DATA, Role.BACKGROUND, Role.SIGNAL)), f);
        String analyse =
                cli("analyse", data.toString(), "--background-mc", mc.toString(), "--signal", signal.toString());
        String result = cli("result", f.toString());
        String expected = analyse.substring(analyse.indexOf("selection: "));
        assertTrue(
                result.substring(result.indexOf("selection: ")).startsWith(expected),
                "result prints:\n" + result + "\nanalyse prints:\n" + expected);
        // both begin with the window's results panel (a session's, File → Open result…'s): the same lines
        assertTrue(result.startsWith("results as the window shows them"), result);
        for (String label : List.of(
                "selected data events outside the box", "signal box ", "sideband A ", "sideband C ", "region D ")) {
            assertEquals(line(analyse, label), line(result, label), label);
        }
        assertTrue(expected.contains("limit: background") && expected.contains("== background-mc.parquet"));
        // the weighted rows and columns of the background MC, the external factor and the bands are in the compared
        // text
        assertTrue(
                expected.contains(", background MC: ")
                        && expected.contains("passing alone (Σw)")
                        && expected.contains("weighted box per EOT")
                        && expected.contains("not simulated (separate factor)")
                        && expected.contains("±2σ ["),
                expected);
        assertTrue(result.contains("weighted background MC background-mc.parquet"));
    }

    private static String line(String text, String start) {
        return text.lines()
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + start + "' in\n" + text));
    }

    @Test
    void aFileWithoutTheWeightedAloneSumsReadsAndPrintsThemAsUnknown() throws Exception {
        AnalysisResult r = evaluate(List.of(mcRun), Selection.published());
        com.fasterxml.jackson.databind.node.ObjectNode json =
                ResultFiles.toJson(MergedResult.of(r, List.of(Role.BACKGROUND)));
        // as written before "alone" and "weights" were kept
        com.fasterxml.jackson.databind.node.ObjectNode w = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.get("runs").get(0).get("weighted");
        assertTrue(w.remove("alone").size() > 0);
        assertTrue(w.remove("weights").asBoolean());
        Path f = dir.resolve("older.json");
        Files.writeString(f, json.toString());
        MergedResult back = ResultFiles.read(f);
        RunTotals t = back.runs().get(0).totals();
        assertNull(t.weightedAlone(0), "not in the file: not known");
        assertNotNull(t.weightedAfter(0));
        assertTrue(t.hasWeightColumn(), "weights differ from 1: the run has a truth_weight column");
        String out = cli("result", f.toString());
        String firstCut = Selection.published().enabledCuts().get(0).name();
        // the run's own cut flow (after the window's panel at the top)
        String row = out.substring(out.indexOf("\n== "))
                .lines()
                .filter(l -> l.startsWith(firstCut + " "))
                .findFirst()
                .orElseThrow();
        assertTrue(row.trim().endsWith(" -"), row);
        assertTrue(out.contains("background MC: weighted MC"), out);
    }

    @Test
    void somethingElseIsRefusedWithExitCode2() throws Exception {
        Path notResult = dir.resolve("selection.json");
        Files.writeString(notResult, "{\"format\": \"darkscope-selection\"}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, DarkScopeCli.run("result", notResult.toString()));
        } finally {
            System.setErr(old);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("selection.json") && e.contains("darkscope-result"), e);
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"format\": \"darkscope-result\", \"version\": 99}");
        RunFileException x = assertThrows(RunFileException.class, () -> ResultFiles.read(newer));
        assertTrue(x.getMessage().contains("version 99"), x.getMessage());
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, DarkScopeCli.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
