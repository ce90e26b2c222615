package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ClassMixRuns;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** analyse, limit, exclusion and bench through DarkScopeCli.run, as a user calls them. */
class AnalysisCommandsTest {
    @TempDir
    static Path dir;

    static Path bgFile;
    static Path sigFile;
    static RunData bg;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void files() throws Exception {
        bg = ClassMixRuns.background(20_000, 21);
        bgFile = dir.resolve("bg.parquet");
        RunFiles.write(bg, bgFile);
        sigFile = dir.resolve("sig.parquet");
        RunFiles.write(ClassMixRuns.signal(5_000, 22, 30), sigFile);
    }

    private String out() {
        return console.out();
    }

    private JsonNode json() throws Exception {
        String s = out();
        return JSON.readTree(s.substring(s.indexOf('{')));
    }

    @Test
    void limitPrintsTheUpperLimit() throws Exception {
        assertEquals(
                0,
                DarkScopeCli.run("limit", "--observed", "2", "--background", "0", "--method", "classical", "--json"));
        JsonNode j = json();
        assertEquals(5.322, j.get("upperLimit").asDouble(), 0.0015);
        assertEquals("classical", j.get("method").asText());
        console.resetOut();
        assertEquals(0, DarkScopeCli.run("limit", "--observed", "0", "--background", "4.5", "--background-error", "1"));
        assertTrue(out().contains("upper limit on signal events") && out().contains("2.303"), out());
    }

    @Test
    void badInputGivesExitCode2AndAMessage() {
        assertEquals(2, DarkScopeCli.run("limit", "--observed", "-1", "--background", "0"));
        assertTrue(console.err().contains("observed"), console.err());
        assertEquals(2, DarkScopeCli.run("limit", "--observed", "1", "--background", "0", "--method", "bayes"));
        assertTrue(console.err().contains("bayes"));
        assertEquals(2, DarkScopeCli.run("exclusion", "--eot", "1e11", "--efficiency", "1.5", "--mass-mev", "10"));
        assertEquals(2, DarkScopeCli.run("exclusion", "--eot", "1e11", "--efficiency", "0.5", "--mass-mev", "ten"));
        assertEquals(
                2, DarkScopeCli.run("analyse", dir.resolve("missing.parquet").toString()));
    }

    @Test
    void exclusionGivesEpsilonAndYPerMass() throws Exception {
        assertEquals(
                0,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "2.84e11",
                        "--efficiency",
                        "0.5",
                        "--background",
                        "0.53",
                        "--mass-mev",
                        "1,10,100,250",
                        "--process",
                        "both",
                        "--json"));
        JsonNode pts = json().get("points");
        assertEquals(4, pts.size());
        for (JsonNode p : pts) {
            double eps = p.get("epsilon").asDouble();
            assertTrue(eps > 3e-6 && eps < 1e-3, p.toString());
            assertEquals(
                    0.1 * eps * eps / 81,
                    p.get("y").asDouble(),
                    1e-9 * p.get("y").asDouble());
        }
        assertTrue(pts.get(3).get("annihilationPerEotPerEps2").asDouble() > 0, "250 MeV resonance lies at 61 GeV");
        console.resetOut();
        assertEquals(
                0,
                DarkScopeCli.run(
                        "exclusion", "--eot", "1e10", "--efficiency", "0.5", "--mass-mev", "10", "--model", "etl"));
        assertTrue(out().contains("eps90"), out());
    }

    @Test
    void analyseKeepsTheBoxOfRecordedDataBlindedInTheCutFlowToo() throws Exception {
        RunData data = ClassMixRuns.data(20_000, 41);
        Path file = dir.resolve("recorded.parquet");
        RunFiles.write(data, file);
        RunData read = RunFiles.read(file);
        assertFalse(read.info().simulated());
        Selection sel = Selection.published();
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(read))) {
            r = e.evaluate(sel.withBlinded(false));
        }
        // independent count: selected events outside the box, and inside it
        var box = sel.box();
        float[] ecal = read.floats(org.darkscope.event.Schema.ECAL);
        float[] hcal = read.floats(org.darkscope.event.Schema.HCAL);
        long outside = 0;
        long inside = 0;
        for (int i = 0; i < read.size(); i++) {
            if (r.run(read).isSelected(i)) {
                if (ecal[i] < box.ecalMax() && hcal[i] < box.hcalMax()) {
                    inside++;
                } else {
                    outside++;
                }
            }
        }
        assertTrue(inside > 0, "the toy must have selected events in the box for this test to mean anything");

        assertEquals(0, DarkScopeCli.run("analyse", file.toString(), "--json"));
        JsonNode run0 = json().get("runs").get(0);
        assertTrue(run0.get("boxHidden").asBoolean());
        JsonNode flow = run0.get("cutFlow");
        assertEquals(outside, flow.get(flow.size() - 1).get("after").asLong(), "blinded: only events outside the box");

        console.resetOut();
        assertEquals(0, DarkScopeCli.run("analyse", file.toString(), "--unblind", "--json"));
        JsonNode open = json().get("runs").get(0).get("cutFlow");
        assertEquals(
                outside + inside, open.get(open.size() - 1).get("after").asLong(), "unblinded: every selected event");

        console.resetOut();
        assertEquals(0, DarkScopeCli.run("analyse", file.toString()));
        assertTrue(out().contains("box blinded: the cut flow counts events outside the signal box"), out());
    }

    @Test
    void analyseReportsTheEngineNumbers() throws Exception {
        assertEquals(
                0,
                DarkScopeCli.run("analyse", bgFile.toString(), "--signal", sigFile.toString(), "--unblind", "--json"));
        JsonNode j = json();
        RunData read = RunFiles.read(bgFile);
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(read))) {
            r = e.evaluate(Selection.published().withBlinded(false));
        }
        JsonNode run0 = j.get("runs").get(0);
        JsonNode flow = run0.get("cutFlow");
        assertEquals(read.size(), flow.get(0).get("after").asLong());
        for (int i = 0; i < r.run(read).cutFlow().rows().size(); i++) {
            assertEquals(
                    r.run(read).cutFlow().rows().get(i).after(),
                    flow.get(i + 1).get("after").asLong());
        }
        for (Region reg : Region.values()) {
            assertEquals(
                    r.run(read).regions().count(reg),
                    run0.get("regions").get(reg.name()).asLong(),
                    reg.name());
        }
        assertEquals(1, j.get("efficiencies").size());
        assertEquals(30, j.get("efficiencies").get(0).get("massMeV").asDouble());
        JsonNode bgn = j.get("background");
        assertTrue(bgn.get("abcd").get("available").asBoolean(), bgn.get("abcd").toString() + run0.get("regions"));
        assertTrue(bgn.get("abcdAssumesFactorisation").asBoolean());
        assertTrue(bgn.has("truthTotal"));
        for (String k : new String[] {"sidebandC", "sidebandA"}) {
            JsonNode e = bgn.get(k);
            assertTrue(
                    e.get("available").asBoolean()
                            ? e.get("value").isNumber()
                            : !e.get("reason").asText().isEmpty(),
                    e.toString());
        }
        console.resetOut();
        assertEquals(0, DarkScopeCli.run("analyse", bgFile.toString()));
        assertTrue(out().contains("cut") && out().contains("sideband C") && out().contains("ABCD"), out());
    }

    @Test
    void analyseScansTheBoxEdge() throws Exception {
        assertEquals(
                0,
                DarkScopeCli.run(
                        "analyse",
                        bgFile.toString(),
                        "--signal",
                        sigFile.toString(),
                        "--background-method",
                        "abcd",
                        "--scan-edges",
                        "40,50,60",
                        "--json"));
        JsonNode scan = json().get("edgeScan");
        assertEquals(3, scan.get("points").size());
        double best = Double.NaN;
        double bestV = Double.POSITIVE_INFINITY;
        for (JsonNode p : scan.get("points")) {
            if (p.get("relativeEpsilon").isNumber() && p.get("relativeEpsilon").asDouble() < bestV) {
                bestV = p.get("relativeEpsilon").asDouble();
                best = p.get("edge").asDouble();
            }
        }
        assertEquals(best, scan.get("bestEdge").asDouble());
        assertEquals(2, DarkScopeCli.run("analyse", bgFile.toString(), "--scan-edges", "40,50"));
    }

    @Test
    void malformedSelectionIsRejectedNamingTheField() throws Exception {
        Path sel = dir.resolve("bad.json");
        Files.writeString(
                sel,
                SelectionIo.toJson(Selection.published())
                        .replaceFirst("\"kind\" : \"window\"", "\"kind\" : \"inside\""));
        assertEquals(2, DarkScopeCli.run("analyse", bgFile.toString(), "--selection", sel.toString()));
        assertTrue(console.err().contains("cuts[0].kind"), console.err());
    }

    @Test
    void benchReportsTimesAndTheSameCounts() throws Exception {
        assertEquals(0, DarkScopeCli.run("bench", bgFile.toString(), "--repetitions", "5", "--warmup", "2", "--json"));
        JsonNode j = json();
        assertEquals(20_000, j.get("events").asInt());
        assertEquals(10, j.get("cuts").asInt());
        assertTrue(j.get("fullMs").asDouble() > 0 && j.get("oneCutMs").asDouble() > 0);
        assertEquals(11, j.get("cutFlow").size());
        assertEquals(20_000, j.get("cutFlow").get(0).asInt());
    }
}
