package org.darkscope.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.MonteCarloTransfer;
import org.darkscope.analysis.limits.ExpectedLimits;
import org.junit.jupiter.api.Test;

/** The report's limit table names the background with the estimate's own text: a meaningful 0 syst in words. */
class ZeroSystReportTest {
    @Test
    void theBackgroundUsedSaysWhatAZeroSystematicMeans() {
        BackgroundEstimate e = BackgroundEstimate.of(MonteCarloTransfer.METHOD, 1.0, 0.41, 0, "", List.of())
                .withZeroSyst(MonteCarloTransfer.SYST_AGREE);
        ResultLimits.Summary l =
                new ResultLimits.Summary(e, -1, 0, Double.NaN, 2.5, List.of(), "", ExpectedLimits.none());
        AnalysisReport.Section s = AnalysisReport.limits(null, l, List.of()); // no exclusion points: no result needed
        AnalysisReport.Table t = (AnalysisReport.Table) s.blocks().get(0);
        String used = t.rows().stream()
                .filter(r -> r.get(0).equals("background used"))
                .findFirst()
                .orElseThrow()
                .get(1);
        assertEquals(MonteCarloTransfer.METHOD + ": 1.00 ± 0.41 (stat); " + MonteCarloTransfer.SYST_AGREE, used);
    }
}
