package org.darkscope.analysis.background;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * The truth of the coverage study: the expected box background of experiment i is the physical box
 * rate of the weighted background simulations of the other experiments (Σ truth_weight of their
 * selected box events over their EOT) times experiment i's EOT, recomputed here from the simulated
 * runs with the box edges written out.
 */
class BackgroundValidationTest {
    @Test
    void expectedTruthIsTheLeaveOneOutPhysicalBoxRateTimesTheExperimentsEot() {
        int n = 3;
        long seed = 11;
        Selection sel = Selection.published().withBlinded(false);
        BackgroundValidation.Config cfg =
                new BackgroundValidation.Config(n, 2000, 20000, Mix.PHYSICS, Mix.BACKGROUND_MC, seed, sel, true);
        BackgroundValidation.Result res = BackgroundValidation.run(cfg, Progress.NONE);
        double[] w = new double[n];
        double[] mcEot = new double[n];
        double[] dataEot = new double[n];
        SignalBox box = sel.box();
        for (int i = 0; i < n; i++) {
            RunData mc = Simulator.simulate(
                    SimConfig.defaults(Mix.BACKGROUND_MC)
                            .withEvents(20000)
                            .withSeed(seed + 1_000_003L + i)
                            .withThreads(1),
                    Progress.NONE);
            RunData data = Simulator.simulate(
                    SimConfig.defaults(Mix.PHYSICS)
                            .withEvents(2000)
                            .withSeed(seed + i)
                            .withThreads(1),
                    Progress.NONE);
            mcEot[i] = mc.info().eot();
            dataEot[i] = data.info().eot();
            RunResult rr;
            try (AnalysisEngine e = new AnalysisEngine(List.of(mc))) {
                AnalysisResult r = e.evaluate(sel);
                rr = r.runs().get(0);
            }
            float[] ecal = mc.floats(Schema.ECAL);
            float[] hcal = mc.floats(Schema.HCAL);
            float[] tw = mc.floats(Schema.TRUTH_WEIGHT);
            for (int k = 0; k < mc.size(); k++) {
                if (rr.isSelected(k) && ecal[k] < box.ecalMax() && hcal[k] < box.hcalMax()) {
                    w[i] += tw[k];
                }
            }
        }
        double sum = 0;
        double wAll = java.util.Arrays.stream(w).sum();
        double eotAll = java.util.Arrays.stream(mcEot).sum();
        for (int i = 0; i < n; i++) {
            sum += (wAll - w[i]) / (eotAll - mcEot[i]) * dataEot[i];
        }
        assertTrue(wAll > 0, "the weighted MC has box events");
        assertEquals(sum / n, res.expectedTruth(), 1e-6 * sum / n);
        // every method's experiments carry that truth; the realised counts are the data's own (0 at physical rates)
        List<double[]> mcTransfer = res.experiments().get(BackgroundChoice.MC_TRANSFER.name());
        assertEquals(n, mcTransfer.size());
        assertEquals(
                (wAll - w[0]) / (eotAll - mcEot[0]) * dataEot[0],
                mcTransfer.get(0)[2],
                1e-6 * mcTransfer.get(0)[2]);
        assertEquals(0, res.meanRealised(), 0.5);
        assertEquals(BackgroundValidation.METHODS.size(), res.methods().size());
    }
}
