package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.background.MonteCarloTransfer;
import org.darkscope.analysis.background.WeightedSample;
import org.darkscope.analysis.limits.ExpectedLimits;
import org.darkscope.event.RunInfo;
import org.darkscope.session.report.ResultsSummary;
import org.darkscope.session.report.SummaryLine;
import org.junit.jupiter.api.Test;

/**
 * The MC-transfer estimate's shape systematic is 0 when the A- and C-based transfers agree within
 * statistics (or cannot both be made): analyse and the results panel say so in words, from the one
 * text of the estimate, instead of "± 0.0 (syst)".
 */
class ZeroSystematicTextTest {
    private static final SignalBox BOX = SignalBox.published();
    // one point per region of the published box (E_ECAL < 50, E_HCAL < 1 GeV)
    private static final float[] BOX_PT = {10, 0.5f};
    private static final float[] A_PT = {10, 50};
    private static final float[] C_PT = {60, 0.5f};
    private static final float[] D_PT = {60, 50};

    /** Points: {point, count, weight} triples. */
    private static float[][] points(Object... spec) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < spec.length; i += 3) {
            float[] p = (float[]) spec[i];
            int n = (Integer) spec[i + 1];
            float w = (Float) spec[i + 2];
            for (int k = 0; k < n; k++) {
                rows.add(new float[] {p[0], p[1], w});
            }
        }
        float[][] out = new float[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 3; j++) {
                out[j][i] = rows.get(i)[j];
            }
        }
        return out;
    }

    private static BackgroundEstimate transfer(int dataA, int dataC) {
        float[][] d = points(A_PT, dataA, 1f, C_PT, dataC, 1f, D_PT, 10, 1f);
        // MC: Σw = 1 in the box (10 events of weight 0.1), 10 in each of A, C, D
        float[][] m = points(BOX_PT, 10, 0.1f, A_PT, 10, 1f, C_PT, 10, 1f, D_PT, 10, 1f);
        return MonteCarloTransfer.transfer(d[0], d[1], new WeightedSample(m[0], m[1], m[2]), BOX);
    }

    @Test
    void agreeingTransfersSayWhatTheZeroMeans() {
        // via A: 10 x 1/10 = 1, via C: 10 x 1/10 = 1: the same, so the shape systematic is 0
        BackgroundEstimate e = transfer(10, 10);
        assertEquals(0, e.systError());
        assertEquals(30 * 1.0 / 30, e.value(), 1e-6, "N_S x W_box / W_S");
        assertEquals("1.00 ± 0.41 (stat); syst 0: A- and C-based transfers agree within statistics", e.describe());
        assertFalse(e.describe().contains("(syst)"));
        // sideband C empty in the data: the systematic is not assessed, said as such
        BackgroundEstimate notAssessed = transfer(10, 0);
        assertEquals(0, notAssessed.systError());
        assertTrue(
                notAssessed.describe().endsWith("; " + MonteCarloTransfer.SYST_NOT_ASSESSED), notAssessed.describe());
        // transfers that disagree beyond statistics: a number, as before
        BackgroundEstimate apart = transfer(10, 200);
        assertTrue(apart.systError() > 0);
        assertTrue(apart.describe().endsWith(" (syst)"), apart.describe());
        assertTrue(apart.systMeaning().isEmpty());
    }

    @Test
    void analyseAndTheResultsPanelShowTheSameWords() {
        BackgroundEstimate e = transfer(10, 10);
        double stat = e.statError();
        // independent: √(1/N_S + Σw²_box/W_box² + Σw²_S/W_S²) = √(1/30 + 0.1/1 + 30/900)
        assertEquals(Math.sqrt(1 / 30.0 + 0.1 + 30 / 900.0), stat, 1e-6);
        ResultLimits.Summary limits =
                new ResultLimits.Summary(e, -1, 0, Double.NaN, 2.5, List.of(), "", ExpectedLimits.none());
        ResultView view = view(limits);
        StringWriter text = new StringWriter();
        AnalyseReport.print(view, limits, new PrintWriter(text));
        String line = text.toString()
                .lines()
                .filter(l -> l.startsWith("limit: background"))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains(MonteCarloTransfer.SYST_AGREE), line);
        assertFalse(line.contains("(syst)"), line);
        List<SummaryLine> panel = ResultsSummary.limits(
                view, List.of(), AnalysisDefinition.defaults().withBackground(BackgroundChoice.MC_TRANSFER));
        String shown = panel.stream()
                .filter(l -> l.key().equals("limit-background"))
                .findFirst()
                .orElseThrow()
                .value();
        assertEquals(e.describe(), shown);
        assertTrue(line.contains(shown), line + " | " + shown);
    }

    /** A result with nothing but the given limits (no runs): what both outputs print the limit line from. */
    private static ResultView view(ResultLimits.Summary limits) {
        return new ResultView() {
            @Override
            public Selection selection() {
                return Selection.published();
            }

            @Override
            public List<RunView> runs() {
                return List.of();
            }

            @Override
            public List<Efficiency> efficiencies() {
                return List.of();
            }

            @Override
            public List<RunInfo> signalInfos() {
                return List.of();
            }

            @Override
            public boolean hasBackground() {
                return false;
            }

            @Override
            public BackgroundSummary background() {
                throw new AssertionError("not asked for without background runs");
            }

            @Override
            public ResultLimits.Summary limits(org.darkscope.analysis.ExclusionSettings settings) {
                return limits;
            }
        };
    }
}
