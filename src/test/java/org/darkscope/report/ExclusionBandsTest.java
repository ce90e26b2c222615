package org.darkscope.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.limits.ExpectedLimits;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.testsupport.ReportRuns;
import org.junit.jupiter.api.Test;

/**
 * The expected limit's ±1σ/±2σ bands in the report, the CSV tables and the exclusion figure, from points
 * whose numbers are chosen here: N_sig/ε² = 1e10 and expected limits on signal events 1, 2, 3, 4, 5
 * (-2σ, -1σ, median, +1σ, +2σ), so ε_edge = √(N_edge / 1e10) and y ∝ ε².
 */
class ExclusionBandsTest {
    private static final double PER_EPS2 = 1e10;

    private static ExclusionPoint point(double mass) {
        ExpectedLimits b = new ExpectedLimits(3, 1, 2, 4, 5, 3.1);
        double epsExp = Math.sqrt(3 / PER_EPS2);
        double eps = Math.sqrt(2.303 / PER_EPS2);
        double scale = 0.1 / 81; // α_D (m_χ/m_A')⁴ with m_A' = 3 m_χ
        return new ExclusionPoint(
                mass,
                0.5,
                1,
                0,
                PER_EPS2,
                2.303,
                3,
                eps,
                epsExp,
                mass / 3,
                scale * eps * eps,
                scale * epsExp * epsExp,
                Map.of(),
                "",
                b);
    }

    private static final List<ExclusionPoint> POINTS = List.of(point(1), point(10), point(100));

    @Test
    void csvHasOneNumberPerColumnForObservedMedianAndEachBandEdge() {
        CsvTables t = CsvTables.exclusion(POINTS, false);
        List<String> h = t.header();
        List<String> r = t.rows().get(1);
        String[] cols = {
            "epsilon_observed",
            "epsilon_expected",
            "epsilon_expected_minus2sigma",
            "epsilon_expected_minus1sigma",
            "epsilon_expected_plus1sigma",
            "epsilon_expected_plus2sigma"
        };
        double[] n = {2.303, 3, 1, 2, 4, 5};
        for (int i = 0; i < cols.length; i++) {
            assertTrue(h.indexOf(cols[i]) == h.indexOf(cols[0]) + i, "column order " + h);
            assertEquals(Math.sqrt(n[i] / PER_EPS2), Double.parseDouble(r.get(h.indexOf(cols[i]))), 1e-15, cols[i]);
        }
        assertEquals(5.0, Double.parseDouble(r.get(h.indexOf("upper_limit_expected_plus2sigma"))), 0);
        // y ∝ ε²: the +1σ edge is 4/3 of the median
        assertEquals(
                4.0 / 3,
                Double.parseDouble(r.get(h.indexOf("y_expected_plus1sigma")))
                        / Double.parseDouble(r.get(h.indexOf("y_expected"))),
                1e-12);
        assertFalse(
                CsvTables.exclusion(POINTS, true).header().stream().anyMatch(c -> c.endsWith("_observed")),
                "blinded: no observed");
    }

    @Test
    void figureFillsYellowAndGreenBandsAroundTheDashedMedian() throws Exception {
        Figure f = Figures.exclusion(POINTS, true, false, null, null);
        List<Figure.Band> bands = new ArrayList<>();
        for (Figure.Item i : f.items()) {
            if (i instanceof Figure.Band b) {
                bands.add(b);
            }
        }
        assertEquals(2, bands.size());
        assertEquals(Figures.BAND_2SIGMA, bands.get(0).fill(), "yellow first, under the green");
        assertEquals(Math.sqrt(1 / PER_EPS2), bands.get(0).lo()[1], 1e-15);
        assertEquals(Math.sqrt(5 / PER_EPS2), bands.get(0).hi()[1], 1e-15);
        assertEquals(Math.sqrt(2 / PER_EPS2), bands.get(1).lo()[1], 1e-15);
        assertEquals(Math.sqrt(4 / PER_EPS2), bands.get(1).hi()[1], 1e-15);
        assertTrue(
                f.legend().containsAll(List.of("expected ±2σ", "expected ±1σ", "expected 90% CL (median)")),
                f.legend().toString());
        String svg = FigureFiles.svg(f, 800, 500);
        assertEquals(2, svg.split("<polygon").length - 1, "one filled polygon per band");
        assertTrue(svg.contains(Figures.BAND_1SIGMA.hex()) && svg.contains(Figures.BAND_2SIGMA.hex()));
        assertTrue(FigureFiles.pdf(List.of(f), 800, 500).length > 0);
        assertTrue(FigureFiles.png(f, 800, 500).length > 0);
    }

    @Test
    void reportLimitsTableQuotesTheMedianAndBothBands() {
        AnalysisResult r = ReportRuns.evaluate(Selection.published());
        ResultLimits.Summary s = new ResultLimits.Summary(
                BackgroundEstimate.of("test", 3.2, 0.5, 0.2, "", List.of()),
                -1,
                1e11,
                Double.NaN,
                3,
                POINTS,
                "",
                new ExpectedLimits(3, 1, 2, 4, 5, 3.1));
        AnalysisReport.Section sec = AnalysisReport.limits(r, s, POINTS);
        AnalysisReport.Table t = (AnalysisReport.Table) sec.blocks().get(0);
        List<String> labels = t.rows().stream().map(x -> x.get(0)).toList();
        assertEquals("[2, 4]", t.rows().get(labels.indexOf("expected ±1σ band")).get(1));
        assertEquals("[1, 5]", t.rows().get(labels.indexOf("expected ±2σ band")).get(1));
        assertEquals(
                "3",
                t.rows().get(labels.indexOf("expected upper limit (median)")).get(1));
    }
}
