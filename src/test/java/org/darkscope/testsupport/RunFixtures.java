package org.darkscope.testsupport;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;

/**
 * Runs for tests, in two kinds:
 * <ul>
 *   <li><b>plane runs</b>: each event's E_ECAL and E_HCAL put into one central cell each, so a test
 *       knows exactly where every event lies in the (E_ECAL, E_HCAL) plane and which cuts it passes
 *       ({@link #of}, {@link #random}, {@link #signal});</li>
 *   <li><b>simulated runs</b> from the real simulator, made once per test JVM and shared
 *       ({@link #simulated}, {@link #physics}). Never modify a shared run.</li>
 * </ul>
 * Runs with a class mix that fills the box, the sidebands and regions I-III, derived from cells as
 * a real file is, are made by {@link ClassMixRuns}; runs whose sidebands the fits describe by
 * {@link SidebandRuns}.
 */
public final class RunFixtures {
    /** Share of E_ECAL put into the preshower (keeps e- showers above the 0.5 GeV preshower cut). */
    public static final double PRESHOWER_FRACTION = 0.1;
    /** SRD energy per cell in plane runs, MeV: inside the electron window (1-80 MeV per cell). */
    public static final float SRD_MEV = 5f;

    private static final Map<SimConfig, RunData> SIMULATED = new ConcurrentHashMap<>();

    private RunFixtures() {}

    /** The detector of the default geometry (na64-2018). */
    public static Detector detector() {
        return GeometryLoader.defaultDetector();
    }

    /**
     * A run whose event i has the given E_ECAL, E_HCAL (GeV) and momentum; SRD in the electron
     * window, VETO empty; {@code truthClass} may be null (no truth column).
     */
    public static RunData of(RunInfo info, double[] ecal, double[] hcal, double[] p, int[] truthClass) {
        Detector d = detector();
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
            Arrays.fill(s, SRD_MEV);
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

    /** n recorded-data events spread over the whole plane, about 30 % with E_HCAL &lt; 2 GeV (seeded). */
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

    /** A simulated signal run at one A' mass: E_ECAL spread over 15-90 GeV, E_HCAL small (seeded). */
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
        RunInfo info = new RunInfo(
                9000 + (int) massMeV,
                100,
                1e9,
                0,
                "na64-2018",
                true,
                "signal-brem",
                seed,
                massMeV,
                Map.of(),
                Schema.VERSION,
                "synthetic signal for tests");
        return of(info, e, h, p, cls);
    }

    /** The run the simulator makes for {@code config}, simulated once per JVM and shared: do not modify it. */
    public static RunData simulated(SimConfig config) {
        return SIMULATED.computeIfAbsent(config, c -> Simulator.simulate(c, Progress.NONE));
    }

    /** A shared physics run with the default knobs: {@code events} events, seed {@code seed}, 2 threads. */
    public static RunData physics(int events, long seed) {
        return simulated(SimConfig.defaults(org.darkscope.sim.Mix.PHYSICS)
                .withEvents(events)
                .withSeed(seed)
                .withThreads(2));
    }
}
