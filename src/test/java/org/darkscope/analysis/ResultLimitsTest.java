package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.UpperLimits;
import org.darkscope.analysis.yield.DarkPhotonYield;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.RunData;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.Test;

class ResultLimitsTest {
    @Test
    void limitsFromAResultUseItsEfficiencyBackgroundAndEot() {
        RunData bg = ClassMixRuns.background(60_000, 31);
        RunData sig = ClassMixRuns.signal(10_000, 32, 20);
        try (AnalysisEngine e = new AnalysisEngine(List.of(bg, sig))) {
            AnalysisResult r = e.evaluate(Selection.published());
            ExclusionSettings s = ExclusionSettings.defaults().withBackground(BackgroundChoice.ABCD);
            ResultLimits.Summary sum = ResultLimits.compute(r, s);
            BackgroundEstimate abcd = r.background().abcd();
            assertTrue(abcd.available(), abcd.describe());
            assertEquals(abcd.value(), sum.background().value(), 1e-12);
            assertEquals(-1, sum.observed(), "simulated background runs: no observed count");
            assertTrue(Double.isNaN(sum.upperLimit()));
            // the quoted expected limit is the median of the background-only distribution
            double expected = UpperLimits.expectedBands(
                            new LimitInput(0, abcd.value(), abcd.totalError(), s.signalRelError(), s.cl(), s.method()))
                    .median();
            assertEquals(expected, sum.expectedLimit(), 1e-9);
            assertEquals(bg.info().eot(), sum.eot());
            assertEquals(1, sum.points().size());
            ExclusionPoint p = sum.points().get(0);
            double eff = r.efficiencies().get(0).value();
            double perEps2 = bg.info().eot() * eff * DarkPhotonYield.iww(100).bremPerEotPerEps2(0.020, 0);
            assertEquals(Math.sqrt(expected / perEps2), p.epsilonExpected(), 1e-9 * p.epsilonExpected());
            // truth is available on simulation and closes the loop
            ResultLimits.Summary truth = ResultLimits.compute(r, s.withBackground(BackgroundChoice.TRUTH));
            assertEquals(r.background().truthTotal(), truth.background().value(), 1e-12);
        }
    }

    @Test
    void boxEdgeScanReportsEfficiencyAndBackgroundPerEdge() {
        RunData bg = ClassMixRuns.background(60_000, 41);
        RunData sig = ClassMixRuns.signal(10_000, 42, 20);
        try (AnalysisEngine e = new AnalysisEngine(List.of(bg, sig))) {
            double[] edges = {30, 40, 50, 60};
            BoxEdgeScan.Result res = BoxEdgeScan.scan(
                    e,
                    Selection.published(),
                    edges,
                    20,
                    ExclusionSettings.defaults().withBackground(BackgroundChoice.ABCD),
                    Progress.NONE);
            assertEquals(4, res.points().size());
            for (int i = 1; i < edges.length; i++) {
                assertTrue(
                        res.points().get(i).efficiency()
                                >= res.points().get(i - 1).efficiency(),
                        "a wider box keeps more signal");
            }
            // the best edge is the one with the smallest relative expected epsilon
            double best = res.points().stream()
                    .filter(p -> Double.isFinite(p.relativeEpsilon()))
                    .min((a, b) -> Double.compare(a.relativeEpsilon(), b.relativeEpsilon()))
                    .orElseThrow()
                    .edge();
            assertEquals(best, res.bestEdge());
            // the efficiency at an edge equals the signal run's efficiency with that box
            double eff40 = e.evaluate(
                            Selection.published().withBox(SignalBox.published().withEcalMax(40)))
                    .efficiencies()
                    .get(0)
                    .value();
            assertEquals(eff40, res.points().get(1).efficiency(), 1e-12);
        }
    }
}
