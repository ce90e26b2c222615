package org.darkscope.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;

/**
 * Synthetic runs for tests, with a class mix that populates the box, the sidebands and regions
 * I/II/III. The energies are put into a few cells (central preshower and main towers, a corner
 * tower for the shower-shape tail, the central cell of each HCAL module) and the summary is derived
 * from the cells as for any run, so a run survives a round trip through a run file.
 */
public final class ClassMixRuns {
    private ClassMixRuns() {}

    public static final Detector DETECTOR = GeometryLoader.defaultDetector();

    public static RunData background(int n, long seed) {
        return build(
                n,
                seed,
                new RunInfo(
                        1,
                        100,
                        1e9,
                        5e6,
                        GeometryLoader.DEFAULT_VERSION,
                        true,
                        "physics",
                        seed,
                        Double.NaN,
                        Map.of(),
                        Schema.VERSION,
                        "synthetic"),
                false);
    }

    public static RunData data(int n, long seed) {
        return build(n, seed, RunInfo.data(7, 100, 1e9), false);
    }

    public static RunData signal(int n, long seed, double massMeV) {
        return build(
                n,
                seed,
                new RunInfo(
                        100 + (int) massMeV,
                        100,
                        0,
                        0,
                        GeometryLoader.DEFAULT_VERSION,
                        true,
                        "signal-brem",
                        seed,
                        massMeV,
                        Map.of(),
                        Schema.VERSION,
                        "synthetic signal"),
                true);
    }

    public static RunData build(int n, long seed, RunInfo info, boolean signal) {
        Random r = new Random(seed);
        Schema s = Schema.of(DETECTOR);
        Map<String, Object> cols = new HashMap<>();
        for (ColumnDef c : s.scalars()) {
            cols.put(
                    c.name(),
                    switch (c.type()) {
                        case INT -> new int[n];
                        case LONG -> new long[n];
                        case FLOAT -> new float[n];
                    });
        }
        float[] p = f(cols, Schema.P),
                angle = f(cols, Schema.ANGLE),
                pre = f(cols, Schema.ECAL_PRE),
                ecal = f(cols, Schema.ECAL),
                main = f(cols, Schema.ECAL_MAIN),
                shape = f(cols, Schema.ECAL_SHAPE),
                hcal = f(cols, Schema.HCAL),
                srdSum = f(cols, Schema.SRD_SUM),
                vetoMax = f(cols, Schema.VETO_MAX),
                tot = f(cols, Schema.E_TOTAL),
                ea = f(cols, Schema.TRUTH_EA),
                weight = f(cols, Schema.TRUTH_WEIGHT);
        int[] straw = (int[]) cols.get(Schema.STRAW_HITS);
        int[] truth = (int[]) cols.get(Schema.TRUTH_CLASS);
        int[] event = (int[]) cols.get(Schema.EVENT);
        int nc = DETECTOR.cellCount();
        float[] block = new float[n * nc];
        var preL = DETECTOR.ecalPreshower();
        var mainL = DETECTOR.ecalMain();
        int preC = preL.firstIndex() + preL.centralLocalIndex();
        int mainC = mainL.firstIndex() + mainL.centralLocalIndex();
        int corner = mainL.firstIndex();
        int nSrd = DETECTOR.srdCellCount();
        int nVeto = DETECTOR.vetoCount();
        int nMod = DETECTOR.hcalModules().size();
        for (int e = 0; e < n; e++) {
            event[e] = e;
            weight[e] = 1;
            EventClass cls;
            if (signal) {
                cls = EventClass.SIGNAL_BREM;
            } else {
                double u = r.nextDouble();
                cls = u < 0.45
                        ? EventClass.HADRON
                        : u < 0.60
                                ? EventClass.DIMUON
                                : u < 0.75
                                        ? EventClass.ELECTRON
                                        : u < 0.90
                                                ? EventClass.UPSTREAM
                                                : u < 0.95 ? EventClass.BEAM_HADRON : EventClass.BEAM_MUON;
            }
            truth[e] = info.simulated() ? cls.code() : 0;
            boolean beamLepton = cls != EventClass.BEAM_HADRON && cls != EventClass.BEAM_MUON;
            p[e] = (float) (100 + r.nextGaussian() * (cls == EventClass.UPSTREAM ? 4 : 1.2));
            angle[e] = (float) Math.abs(r.nextGaussian() * (cls == EventClass.UPSTREAM ? 0.8 : 0.2));
            straw[e] = r.nextInt(cls == EventClass.UPSTREAM ? 12 : 4);
            double srdTot = 0;
            for (int i = 0; i < nSrd; i++) {
                float v = beamLepton ? (float) (30 + r.nextGaussian() * 10) : (float) Math.abs(r.nextGaussian() * 0.5);
                f(cols, Schema.srd(i))[e] = v;
                srdTot += v;
            }
            srdSum[e] = (float) srdTot;
            float vm = 0;
            for (int i = 0; i < nVeto; i++) {
                float v = (float) Math.abs(r.nextGaussian() * (cls == EventClass.HADRON ? 0.6 : 0.15));
                f(cols, Schema.veto(i))[e] = v;
                vm = Math.max(vm, v);
            }
            vetoMax[e] = vm;
            double ec;
            double hc;
            switch (cls) {
                case SIGNAL_BREM -> {
                    double x = 0.2 + 0.8 * r.nextDouble();
                    ea[e] = (float) (100 * x);
                    ec = 100 * (1 - x) + r.nextGaussian();
                    hc = Math.abs(r.nextGaussian() * 0.2);
                }
                case HADRON -> {
                    ec = 20 + 75 * r.nextDouble();
                    hc = Math.max(0, 100 - ec + r.nextGaussian() * 6);
                }
                case DIMUON -> {
                    ec = 30 + 60 * r.nextDouble();
                    hc = 10 + r.nextGaussian() * 2;
                }
                case UPSTREAM -> {
                    ec = 40 + 45 * Math.pow(r.nextDouble(), 0.5);
                    hc = r.nextDouble() < 0.85 ? Math.abs(r.nextGaussian() * 0.3) : 2 + 20 * r.nextDouble();
                }
                case BEAM_HADRON -> {
                    ec = 5 + 20 * r.nextDouble();
                    hc = 60 + 20 * r.nextGaussian();
                }
                case BEAM_MUON -> {
                    ec = 0.3 + 0.1 * r.nextGaussian();
                    hc = 8 + r.nextGaussian();
                }
                default -> {
                    ec = 100 + r.nextGaussian() * 2 + (r.nextDouble() < 0.1 ? 30 : 0);
                    hc = Math.abs(r.nextGaussian() * 0.2);
                }
            }
            ecal[e] = (float) ec;
            hcal[e] = (float) hc;
            tot[e] = (float) (ec + hc);
            float pr = (float) (ec * (0.03 + 0.05 * r.nextDouble()));
            pre[e] = cls == EventClass.BEAM_MUON ? 0.1f : pr;
            main[e] = ecal[e] - pre[e];
            shape[e] = (float) Math.abs(r.nextGaussian() * (cls == EventClass.HADRON ? 0.08 : 0.03));
            for (int m = 0; m < nMod; m++) {
                f(cols, Schema.hcalModule(m))[e] = (float) (hc / nMod);
                var l = DETECTOR.hcalModules().get(m);
                block[e * nc + l.firstIndex() + l.centralLocalIndex()] = (float) (hc / nMod);
            }
            double tail = shape[e] * ecal[e];
            block[e * nc + preC] = pre[e];
            block[e * nc + corner] = (float) tail;
            block[e * nc + mainC] = (float) (ecal[e] - pre[e] - tail);
        }
        RunData.Builder b = RunData.builder(info, DETECTOR, n)
                .cells(new ArrayCellStore(block, nc))
                .source("synthetic-" + seed);
        for (Map.Entry<String, Object> en : cols.entrySet()) {
            if (s.column(en.getKey()).kind() != ColumnDef.Kind.DERIVED) {
                b.column(en.getKey(), en.getValue());
            }
        }
        return b.build();
    }

    private static float[] f(Map<String, Object> cols, String name) {
        return (float[]) cols.get(name);
    }
}
