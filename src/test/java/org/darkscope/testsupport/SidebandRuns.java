package org.darkscope.testsupport;

import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.background.SidebandFitter;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;

/**
 * A simulated run with falling sideband spectra that the sideband fits describe: exponential E_ECAL
 * spectrum in sideband C, exponential E_HCAL spectrum in sideband A, some events in the box (of the
 * published selection) and in region D. Truth classes alternate so that counts by class are non-trivial.
 */
public final class SidebandRuns {
    private SidebandRuns() {}

    /** Events of the density e^{k x} on [from, to) (inverse CDF). */
    private static double exp(Random r, double k, double from, double to) {
        double u = r.nextDouble();
        return from + Math.log(1 + u * (Math.exp(k * (to - from)) - 1)) / k;
    }

    /** @param runNumber run number of the simulated run */
    public static RunData simulated(int n, long seed, int runNumber) {
        SignalBox box = SignalBox.published();
        double aMax = SidebandFitter.sidebandAFitMax(box);
        Random r = new Random(seed);
        double[] e = new double[n];
        double[] h = new double[n];
        double[] p = new double[n];
        int[] cls = new int[n];
        EventClass[] classes = {EventClass.ELECTRON, EventClass.HADRON, EventClass.DIMUON};
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            if (u < 0.45) { // sideband C: rising towards the trigger edge
                e[i] = exp(r, 2.5 / (box.ecalTriggerEdge() - box.ecalMax()), box.ecalMax(), box.ecalTriggerEdge());
                h[i] = box.hcalMax() * r.nextDouble();
            } else if (u < 0.8) { // sideband A: falling E_HCAL
                e[i] = box.ecalMax() * r.nextDouble();
                h[i] = exp(r, -2.0 / (aMax - box.hcalMax()), box.hcalMax(), aMax);
            } else if (u < 0.9) { // the box
                e[i] = box.ecalMax() * r.nextDouble();
                h[i] = box.hcalMax() * r.nextDouble();
            } else { // region D
                e[i] = box.ecalMax() + (box.ecalTriggerEdge() - box.ecalMax()) * r.nextDouble();
                h[i] = box.hcalMax() + (aMax - box.hcalMax()) * r.nextDouble();
            }
            p[i] = 100 + r.nextGaussian();
            cls[i] = classes[i % classes.length].code();
        }
        RunInfo info = new RunInfo(
                runNumber,
                100,
                1e9,
                0,
                "na64-2018",
                true,
                "pseudo-data",
                seed,
                Double.NaN,
                Map.of(),
                Schema.VERSION,
                "simulated run with fit-friendly sidebands for tests");
        return RunFixtures.of(info, e, h, p, cls);
    }
}
