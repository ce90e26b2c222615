package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 on the command line: {@code analyse} gives the weighted counts of a background MC run
 * (Σw ± √Σw², checked against a sum written here), says "weighted MC, rare classes boosted ..." in
 * text and JSON, shows the unmodelled inefficiency factor apart from the efficiency, and takes the
 * limit's EOT from the data only.
 */
class AnalyseWeightedTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path bkg;
    static Path sig;
    static RunData bkgRun;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    static RunData with(RunData r, RunInfo info, float[] weights) {
        RunData.Builder b = RunData.builder(info, r.detector(), r.size());
        r.columns().forEach((k, v) -> {
            if (!(weights != null && k.equals(Schema.TRUTH_WEIGHT))) {
                b.column(k, v);
            }
        });
        if (weights != null) {
            b.column(Schema.TRUTH_WEIGHT, weights);
        }
        return b.cells(r.cells()).build();
    }

    @BeforeAll
    static void files() throws Exception {
        data = dir.resolve("data.parquet");
        RunFiles.write(ClassMixRuns.data(15_000, 81), data);
        RunData b = ClassMixRuns.background(15_000, 82);
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("weighted", "true");
        gen.put("boost.punchThrough", "1000");
        gen.put("boost.pileup", "3");
        RunInfo i = b.info();
        Random r = new Random(83);
        float[] w = new float[b.size()];
        for (int e = 0; e < w.length; e++) {
            w[e] = r.nextInt(3) == 0 ? 0.001f : (float) (0.5 + r.nextDouble());
        }
        bkgRun = with(
                b,
                new RunInfo(
                        55,
                        100,
                        3e9,
                        0,
                        i.geometryVersion(),
                        true,
                        "background-mc",
                        82,
                        Double.NaN,
                        gen,
                        i.schemaVersion(),
                        "weighted"),
                w);
        bkg = dir.resolve("bkg.parquet");
        RunFiles.write(bkgRun, bkg);
        RunData s = ClassMixRuns.signal(4_000, 84, 20);
        Map<String, String> sg = new LinkedHashMap<>(s.info().generator());
        ExternalEfficiency.na64Published().putInto(sg);
        RunInfo si = s.info();
        sig = dir.resolve("sig.parquet");
        RunFiles.write(
                with(
                        s,
                        new RunInfo(
                                si.runNumber(),
                                100,
                                4000,
                                0,
                                si.geometryVersion(),
                                true,
                                si.mix(),
                                84,
                                20,
                                sg,
                                si.schemaVersion(),
                                ""),
                        null),
                sig);
    }

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String run(String... args) {
        out.reset();
        assertEquals(0, DarkScopeCli.run(args), err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Σw and Σw² over the events passing the first upTo enabled cuts (and in the region, if given). */
    private static double[] sum(Selection sel, int upTo, Region region) {
        RunData r = bkgRun;
        float[] w = r.floats(Schema.TRUTH_WEIGHT);
        List<Cut> cuts = sel.enabledCuts();
        double s = 0;
        double s2 = 0;
        events:
        for (int e = 0; e < r.size(); e++) {
            for (int k = 0; k < upTo; k++) {
                for (String col : cuts.get(k).columns(r::has)) {
                    Object a = r.columns().get(col);
                    double v = a instanceof float[] f ? f[e] : a instanceof int[] x ? x[e] : ((long[]) a)[e];
                    if (!cuts.get(k).passes(v)) {
                        continue events;
                    }
                }
            }
            if (region == null || sel.box().contains(region, r.floats(Schema.ECAL)[e], r.floats(Schema.HCAL)[e])) {
                s += w[e];
                s2 += (double) w[e] * w[e];
            }
        }
        return new double[] {s, s2};
    }

    @Test
    void jsonCarriesWeightedSumsLabelAndExternalFactor() throws Exception {
        String s = run(
                "analyse", data.toString(), "--background-mc", bkg.toString(), "--signal", sig.toString(), "--json");
        JsonNode o = new ObjectMapper().readTree(s.substring(s.indexOf('{')));
        Selection sel = Selection.published();
        JsonNode mc = null;
        for (JsonNode r : o.get("runs")) {
            if (r.get("run").asText().equals("bkg.parquet")) {
                mc = r;
            } else {
                assertFalse(r.has("weighted"), "only the background MC is weighted: " + r.get("run"));
            }
        }
        assertEquals("background-mc", mc.get("role").asText());
        JsonNode w = mc.get("weighted");
        assertEquals(
                "weighted MC, rare classes boosted punchThrough x1000, pileup x3",
                w.get("label").asText());
        int k = sel.enabledCuts().size();
        assertEquals(k, w.get("cutFlow").size());
        for (int i = 0; i < k; i++) {
            double[] x = sum(sel, i + 1, null);
            JsonNode step = w.get("cutFlow").get(i);
            assertEquals(sel.enabledCuts().get(i).name(), step.get("cut").asText());
            assertEquals(x[0], step.get("sumW").asDouble(), 1e-6 * Math.max(1, x[0]));
            assertEquals(Math.sqrt(x[1]), step.get("error").asDouble(), 1e-6 * Math.max(1, x[1]));
        }
        for (Region r : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            double[] x = sum(sel, k, r);
            assertEquals(
                    x[0], w.get("regions").get(r.name()).get("sumW").asDouble(), 1e-6 * Math.max(1, x[0]), r.name());
            assertEquals(
                    Math.sqrt(x[1]),
                    w.get("regions").get(r.name()).get("error").asDouble(),
                    1e-6 * Math.max(1, x[1]),
                    r.name());
        }
        assertTrue(w.get("regions").get("D").get("events").asLong() > 10);
        assertEquals(
                sum(sel, k, Region.BOX)[0] / 3e9,
                w.get("boxPerEot").asDouble(),
                1e-18 + 1e-6 * w.get("boxPerEot").asDouble());

        JsonNode eff = o.get("efficiencies").get(0);
        JsonNode ext = eff.get("external");
        assertEquals("na64-2016-2018", ext.get("name").asText());
        assertEquals(0.83 * 0.94 * 0.94 * 0.93 * 0.95, ext.get("value").asDouble(), 1e-4);
        assertEquals(0.83, ext.get("components").get("tracking").asDouble(), 1e-12);
        // never folded in: value is selected / generated
        assertEquals(
                (double) eff.get("passed").asLong() / eff.get("total").asLong(),
                eff.get("value").asDouble(),
                1e-12);
        assertEquals(
                eff.get("value").asDouble() * ext.get("value").asDouble(),
                ext.get("efficiencyTimesExternal").asDouble(),
                1e-9);

        // the window's lines in the JSON name the weighted run too
        boolean labelled = false;
        for (JsonNode l : o.get("window").get("summary")) {
            labelled |= l.get("key").asText().equals("bkgmc-55")
                    && l.get("value").asText().startsWith("weighted MC, rare classes boosted");
        }
        assertTrue(labelled, "summary line bkgmc-55");
        // the exposure is the data's (1e9 EOT), not data + background MC
        assertEquals(1e9, o.get("limits").get("eot").asDouble(), 1);
    }

    @Test
    void textSaysWeightedMcAndShowsSums() {
        String s = run("analyse", data.toString(), "--background-mc", bkg.toString(), "--signal", sig.toString());
        assertTrue(
                s.contains(
                        "== bkg.parquet: 15000 events, simulated, background MC: weighted MC, rare classes boosted punchThrough x1000, pileup x3"),
                s);
        assertTrue(s.contains("weighted Σw ± √Σw²"), s);
        assertTrue(s.contains("bkg MC bkg.parquet (weighted MC): Σw ± √Σw²"), "the window's cut flow table, printed");
        assertTrue(s.contains("weighted box per EOT: "), s);
        assertTrue(
                s.contains(
                        "not simulated, shown apart and never in the efficiency: na64-2016-2018 (tracking 0.83, veto 0.94, "
                                + "hcal 0.94, daq 0.93, trigger 0.95) = 0.648"),
                s);
        assertTrue(s.contains("× not simulated: na64-2016-2018"), "the results line as the window shows it");
        double[] box =
                sum(Selection.published(), Selection.published().enabledCuts().size(), Region.D);
        String d = s.lines()
                .filter(l -> l.startsWith("region D ") && l.contains("±"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                d.contains(String.format(java.util.Locale.ROOT, box[0] >= 99 ? "%.0f" : "%.3g", box[0])),
                d + " vs " + box[0]);
    }
}
