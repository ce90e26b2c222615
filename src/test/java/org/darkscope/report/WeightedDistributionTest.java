package org.darkscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Binning;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.Variable;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.SidebandRuns;
import org.junit.jupiter.api.Test;

/** The distributions' background MC curve is Σw per bin per EOT (issue 9), summed here event by event. */
class WeightedDistributionTest {
    @Test
    void backgroundMcCurveIsWeighted() {
        RunData base = SidebandRuns.simulated(6_000, 21, 7401);
        RunInfo i = base.info();
        RunInfo info = new RunInfo(
                7401,
                100,
                2e9,
                0,
                i.geometryVersion(),
                true,
                "background-mc",
                21,
                Double.NaN,
                Map.of("weighted", "true", "boost.upstream", "5"),
                i.schemaVersion(),
                "weighted");
        float[] w = new float[base.size()];
        Random r = new Random(22);
        for (int e = 0; e < w.length; e++) {
            w[e] = r.nextBoolean() ? 0.01f : 2f;
        }
        RunData.Builder b = RunData.builder(info, base.detector(), base.size());
        base.columns().forEach((k, v) -> {
            if (!k.equals(Schema.TRUTH_WEIGHT)) {
                b.column(k, v);
            }
        });
        RunData mc = b.column(Schema.TRUTH_WEIGHT, w).cells(base.cells()).build();
        RunData data = SidebandRuns.simulated(6_000, 23, 7402);
        Selection sel = Selection.published();
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(data, mc), AnalysisEngine.Options.defaults().withThreads(1))) {
            AnalysisResult res = engine.evaluate(sel, x -> x == data, org.darkscope.task.Progress.NONE);
            DistributionData d = DistributionData.of(Variable.ECAL, res, null, List.of(data), List.of(mc));
            Binning bin = Variable.ECAL.defaultBinning();
            double[] expected = new double[bin.bins()];
            float[] ecal = mc.floats(Schema.ECAL);
            for (int e = 0; e < mc.size(); e++) {
                if (res.run(mc).isSelected(e)) {
                    int k = bin.index(ecal[e]);
                    if (k >= 0 && k < expected.length) {
                        expected[k] += w[e] / 2e9;
                    }
                }
            }
            double total = 0;
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], d.selMc()[k], 1e-6 * expected[k] + 1e-20, "bin " + k);
                total += expected[k];
            }
            assertTrue(total > 0, "selected background MC in range");
        }
    }
}
