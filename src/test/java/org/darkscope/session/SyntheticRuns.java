package org.darkscope.session;

import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;

import java.util.Random;

/** Small synthetic runs for UI tests: E_ECAL and E_HCAL put into one central cell each. */
public final class SyntheticRuns {
    /** Share of E_ECAL put into the preshower (keeps e- showers above the 0.5 GeV preshower cut). */
    public static final double PRESHOWER_FRACTION = 0.1;

    private SyntheticRuns() {
    }

    /** A simulated signal run at one A' mass: E_ECAL spread over the box, E_HCAL small (seeded). */
    public static RunData signal(int n, double massMeV, long seed) {
        Random r = new Random(seed);
        double[] e = new double[n];
        double[] h = new double[n];
        double[] p = new double[n];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            e[i] = 15 + 75 * r.nextDouble();
            h[i] = 0.3 * r.nextDouble() * r.nextDouble() * 5;
            p[i] = 100 + 1.5 * r.nextGaussian();
            cls[i] = EventClass.SIGNAL_BREM.code();
        }
        RunInfo info = new RunInfo(9000 + (int) massMeV, 100, 1e9, 0, "na64-2018", true, "signal-brem", seed, massMeV,
                java.util.Map.of(), org.darkscope.event.Schema.VERSION, "synthetic signal for UI tests");
        return of(info, e, h, p, cls);
    }

    /** A run whose event i has the given E_ECAL, E_HCAL (GeV) and momentum. */
    public static RunData of(RunInfo info, double[] ecal, double[] hcal, double[] p, int[] truthClass) {
        Detector d = GeometryLoader.defaultDetector();
        int n = ecal.length;
        int nc = d.cellCount();
        float[] block = new float[n * nc];
        CellLayer main = d.ecalMain();
        int ecalCell = main.firstIndex() + main.centralLocalIndex();
        CellLayer pre = d.ecalPreshower();
        int preCell = pre.firstIndex() + pre.centralLocalIndex();
        CellLayer h0 = d.hcalModules().get(0);
        int hcalCell = h0.firstIndex() + h0.centralLocalIndex();
        for (int i = 0; i < n; i++) {
            // PRESHOWER_FRACTION of E_ECAL in the preshower so that the preshower cut passes
            block[i * nc + preCell] = (float) (PRESHOWER_FRACTION * ecal[i]);
            block[i * nc + ecalCell] = (float) ecal[i] - block[i * nc + preCell];
            block[i * nc + hcalCell] = (float) hcal[i];
        }
        RunData.Builder b = RunData.builder(info, d, n).cells(new ArrayCellStore(block, nc));
        float[] pf = new float[n];
        for (int i = 0; i < n; i++) {
            pf[i] = (float) p[i];
        }
        b.column(Schema.P, pf);
        for (int i = 0; i < d.srdCellCount(); i++) {
            float[] s = new float[n];
            java.util.Arrays.fill(s, 5f);
            b.column(Schema.srd(i), s);
        }
        for (int i = 0; i < d.vetoCount(); i++) {
            b.column(Schema.veto(i), new float[n]);
        }
        if (truthClass != null) {
            b.column(Schema.TRUTH_CLASS, truthClass);
        }
        return b.build();
    }

    /** n random events spread over the plane (seeded). */
    public static RunData random(int n, long seed) {
        Random r = new Random(seed);
        double[] e = new double[n];
        double[] h = new double[n];
        double[] p = new double[n];
        int[] cls = new int[n];
        for (int i = 0; i < n; i++) {
            e[i] = 100 * r.nextDouble();
            h[i] = r.nextDouble() < 0.3 ? 2 * r.nextDouble() : (100 - e[i]) * r.nextDouble();
            p[i] = 100 + r.nextGaussian();
            cls[i] = EventClass.ELECTRON.code();
        }
        return of(RunInfo.data(4242, 100, 1e9), e, h, p, cls);
    }
}
