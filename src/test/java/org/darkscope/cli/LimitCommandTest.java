package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** limit and exclusion: large backgrounds, Feldman-Cousins ends, median expected limits with bands. */
class LimitCommandTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private JsonNode json() throws Exception {
        String s = console.out();
        return new ObjectMapper().readTree(s.substring(s.indexOf('{')));
    }

    @Test
    void clsAtBackground800IsNotZero() throws Exception {
        assertEquals(0, DarkScopeCli.run("limit", "--observed", "0", "--background", "800", "--json"));
        assertEquals(-Math.log(0.1), json().get("upperLimit").asDouble(), 1e-4);
    }

    @Test
    void feldmanCousinsAtBackground800FinishesWithBothEnds() throws Exception {
        assertEquals(0, DarkScopeCli.run("limit", "--observed", "0", "--background", "800", "--method", "fc"));
        String s = console.out();
        assertTrue(s.contains("interval on signal events") && s.contains("[0, "), s);
        console.resetOut();
        assertEquals(0, DarkScopeCli.run("limit", "--observed", "3", "--background", "0", "--method", "fc", "--json"));
        JsonNode j = json();
        // Feldman & Cousins 1998 table IV: n = 3, b = 0: [1.10, 7.42]
        assertEquals(1.10, j.get("lowerLimit").asDouble(), 0.006);
        assertEquals(7.42, j.get("upperLimit").asDouble(), 0.006);
        console.resetOut();
        assertEquals(
                0,
                DarkScopeCli.run("limit", "--observed", "0", "--background", "3", "--method", "fc-adjusted", "--json"));
        assertEquals(1.08, json().get("upperLimit").asDouble(), 0.025);
    }

    @Test
    void feldmanCousinsThatCannotFinishSaysSo() {
        assertEquals(2, DarkScopeCli.run("limit", "--observed", "2000000000", "--background", "1e9", "--method", "fc"));
        assertTrue(console.err().contains("cannot finish"), console.err());
    }

    @Test
    void expectedLimitIsTheMedianWithBands() throws Exception {
        // b = 0.53 (published NA64 background): n ~ Pois(0.53): P(0) = 0.589 > 0.5, so the median is n = 0 -> 2.303;
        // the +1σ quantile (84.1 %) is n = 1 (P(n ≤ 1) = 0.901), the +2σ (97.7 %) is n = 2 (P(n ≤ 2) = 0.983)
        assertEquals(0, DarkScopeCli.run("limit", "--observed", "0", "--background", "0.53", "--json"));
        JsonNode j = json();
        assertEquals(2.303, j.get("expectedLimit").asDouble(), 0.001);
        assertEquals(2.303, j.get("expectedMinus1").asDouble(), 0.001);
        assertTrue(j.get("expectedPlus1").asDouble() > 3.0
                && j.get("expectedPlus2").asDouble() > j.get("expectedPlus1").asDouble());
        assertTrue(j.get("meanExpectedLimit").asDouble() > 2.303);
        console.resetOut();
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
                        "10",
                        "--json"));
        JsonNode p = json().get("points").get(0);
        assertTrue(p.get("epsilonExpectedPlus1").asDouble()
                > p.get("epsilonExpected").asDouble());
        assertTrue(p.get("epsilonExpectedPlus2").asDouble()
                > p.get("epsilonExpectedPlus1").asDouble());
    }

    @Test
    void validateBackgroundRunsAndRejectsBadInput() throws Exception {
        assertEquals(
                0,
                DarkScopeCli.run(
                        "validate-background",
                        "--experiments",
                        "2",
                        "--events",
                        "3000",
                        "--mc-events",
                        "6000",
                        "--json"));
        JsonNode j = json();
        assertEquals(2, j.get("experiments").asInt());
        assertEquals("MC_TRANSFER", j.get("methods").get(0).get("method").asText());
        int total = j.get("methods").get(0).get("used").asInt()
                + j.get("methods").get(0).get("unavailable").asInt();
        assertEquals(2, total);
        assertEquals(2, DarkScopeCli.run("validate-background", "--experiments", "1"));
        assertEquals(2, DarkScopeCli.run("validate-background", "--mix", "signal-brem"));
        assertTrue(console.err().contains("signal"), console.err());
    }

    @Test
    void exclusionOverlayPrintsTheRatioToAPublishedCurve(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path csv = dir.resolve("published.csv");
        java.nio.file.Files.writeString(csv, "# test curve\nmass_mev,epsilon\n1,1e-5\n100,1e-3\n");
        assertEquals(
                0,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "2.84e11",
                        "--efficiency",
                        "0.5",
                        "--mass-mev",
                        "10,1000",
                        "--overlay",
                        csv.toString(),
                        "--json"));
        JsonNode p = json().get("points");
        // log-log midpoint of (1, 1e-5) and (100, 1e-3) at 10 MeV: 1e-4
        assertEquals(1e-4, p.get(0).get("overlayEpsilon").asDouble(), 1e-12);
        assertEquals(
                p.get(0).get("epsilon").asDouble() / 1e-4,
                p.get(0).get("ratioToOverlay").asDouble(),
                1e-9);
        assertTrue(
                p.get(1).get("ratioToOverlay").isNull()
                        || !Double.isFinite(p.get(1).get("ratioToOverlay").asDouble()),
                "outside the curve: no ratio " + p.get(1));
        java.nio.file.Files.writeString(csv, "mass_mev,epsilon\n1,abc\n");
        assertEquals(
                2,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "2.84e11",
                        "--efficiency",
                        "0.5",
                        "--mass-mev",
                        "10",
                        "--overlay",
                        csv.toString()));
        assertTrue(console.err().contains("line 2"), console.err());
    }

    /** The shipped NA64 curve, read here row by row (mass MeV, ε), sorted by mass. */
    private static double[][] shippedCurve() throws Exception {
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        for (String l : java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("resources/published/na64e-2016-2022-epsilon.csv"))) {
            if (!l.startsWith("#") && !l.startsWith("mass")) {
                String[] f = l.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        return rows.toArray(double[][]::new);
    }

    @Test
    void exclusionAgainstTheBuiltInPublishedCurveWithTheExternalFactorShownSeparately(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("excl.csv");
        assertEquals(
                0,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "9.37e11",
                        "--efficiency",
                        "0.58",
                        "--mass-mev",
                        "10,20",
                        "--published",
                        "na64e-2016-2022",
                        "--external-efficiency",
                        "na64",
                        "--csv",
                        csv.toString(),
                        "--json"));
        JsonNode j = json();
        double product = 0.83 * 0.94 * 0.94 * 0.93 * 0.95;
        assertEquals(0.58, j.get("efficiencySimulated").asDouble(), 0);
        assertEquals(product, j.get("externalEfficiency").asDouble(), 1e-12);
        assertEquals(0.83, j.get("externalComponents").get("tracking").asDouble(), 0);
        assertEquals(0.58 * product, j.get("efficiencyUsed").asDouble(), 1e-12);
        JsonNode p = j.get("points").get(0);
        assertEquals(0.58 * product, p.get("efficiency").asDouble(), 1e-12);
        // the published ε at 10 MeV: log-log interpolation between the two rows around it
        double[][] c = shippedCurve();
        int k = 1;
        while (c[k][0] < 10) {
            k++;
        }
        double f = Math.log(10 / c[k - 1][0]) / Math.log(c[k][0] / c[k - 1][0]);
        double published = Math.exp(Math.log(c[k - 1][1]) + f * Math.log(c[k][1] / c[k - 1][1]));
        assertEquals(published, p.get("overlayEpsilon").asDouble(), 1e-12 * published);
        assertEquals(
                p.get("epsilon").asDouble() / published, p.get("ratioToOverlay").asDouble(), 1e-9);
        // n = 0 (CLs): N_up = -ln 0.1 at any background, and ε = √(N_up / N_sig per ε²)
        assertEquals(
                Math.sqrt(-Math.log(0.1) / p.get("signalPerEps2").asDouble()),
                p.get("epsilon").asDouble(),
                1e-9 * p.get("epsilon").asDouble());
        // the CSV: one number per column, the same numbers
        java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
        java.util.List<String> head = java.util.List.of(lines.get(0).split(","));
        String[] row = lines.get(1).split(",");
        for (String col : new String[] {
            "epsilon_observed",
            "epsilon_expected",
            "epsilon_expected_minus2sigma",
            "epsilon_expected_minus1sigma",
            "epsilon_expected_plus1sigma",
            "epsilon_expected_plus2sigma",
            "ratio_observed_to_published"
        }) {
            assertTrue(head.contains(col), col + " in " + head);
        }
        assertEquals(p.get("epsilon").asDouble(), Double.parseDouble(row[head.indexOf("epsilon_observed")]), 0);
        assertEquals(
                p.get("epsilonExpectedPlus1").asDouble(),
                Double.parseDouble(row[head.indexOf("epsilon_expected_plus1sigma")]),
                0);
        assertEquals(
                p.get("ratioToOverlay").asDouble(),
                Double.parseDouble(row[head.indexOf("ratio_observed_to_published")]),
                1e-12);
        // the text says where the efficiency comes from, factor by factor
        console.resetOut();
        assertEquals(
                0,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "9.37e11",
                        "--efficiency",
                        "0.58",
                        "--mass-mev",
                        "10",
                        "--external-efficiency",
                        "na64"));
        String text = console.out();
        assertTrue(
                text.contains(
                        "ε_sig = 0.58 (given) × 0.6479 (external: tracking 0.83, veto 0.94, hcal 0.94, daq 0.93, trigger 0.95) = 0.3758"),
                text);
        assertEquals(
                2,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "1e11",
                        "--efficiency",
                        "0.5",
                        "--mass-mev",
                        "10",
                        "--external-efficiency",
                        "1.5"));
        assertEquals(
                2,
                DarkScopeCli.run(
                        "exclusion",
                        "--eot",
                        "1e11",
                        "--efficiency",
                        "0.5",
                        "--mass-mev",
                        "10",
                        "--published",
                        "no-such-curve.csv"));
    }
}
