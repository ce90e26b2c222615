package org.darkscope.testsupport;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;

/**
 * Small synthetic runs for the event display's tests, demo and benchmark (a toy, not the simulator): each event
 * class gets a recognisable pattern of cell energies. Deterministic for a given seed.
 */
public final class DisplayRuns {
    /** Lateral fall-off length of the toy e-m shower (mm), of the order of the Moliere radius. */
    private static final double EM_FALLOFF_MM = 12;

    private static final double HAD_FALLOFF_MM = 150;

    /** Events per spill in these toy runs. */
    public static final int SPILL_EVENTS = 50;

    private DisplayRuns() {}

    public static RunInfo info(int runNumber, double massMeV) {
        return new RunInfo(
                runNumber,
                100,
                1e9,
                5e6,
                GeometryLoader.DEFAULT_VERSION,
                true,
                Double.isNaN(massMeV) ? "physics" : "signal-brem",
                7,
                massMeV,
                Map.of("toy", "display test"),
                Schema.VERSION,
                "synthetic display run");
    }

    /** A mixed run: e- showers, hadrons, dimuons, upstream interactions, a few A' events and pile-up. */
    public static RunData mixed(int runNumber, int n, long seed) {
        return build(info(runNumber, Double.NaN), n, seed, false);
    }

    /** A signal run: every event is an A' emission for the given mass (in MeV). */
    public static RunData signal(int runNumber, int n, long seed, double massMeV) {
        return build(info(runNumber, massMeV), n, seed, true);
    }

    private static RunData build(RunInfo info, int n, long seed, boolean signalOnly) {
        Detector d = GeometryLoader.defaultDetector();
        SplittableRandom rnd = new SplittableRandom(seed);
        int nc = d.cellCount();
        float[] block = new float[n * nc];
        int[] cls = new int[n];
        int[] pile = new int[n];
        float[] ea = new float[n];
        float[] tz = new float[n];
        float[] p = new float[n];
        float[] angle = new float[n];
        int[] straw = new int[n];
        float[][] srd = new float[d.srdCellCount()][n];
        float[][] veto = new float[d.vetoCount()][n];
        double beam = info.beamEnergy();
        double ecalZ0 = d.ecal().zMin();
        for (int e = 0; e < n; e++) {
            float[] cells = new float[nc];
            EventClass c = signalOnly ? EventClass.SIGNAL_BREM : pickClass(rnd, e);
            cls[e] = c.code();
            double x0 = rnd.nextDouble(-15, 15);
            double y0 = rnd.nextDouble(-15, 15);
            p[e] = (float) (beam + rnd.nextGaussian() * 1.0);
            angle[e] = (float) Math.abs(rnd.nextGaussian() * 0.3);
            straw[e] = 2 + rnd.nextInt(3);
            boolean electron = c != EventClass.BEAM_HADRON && c != EventClass.BEAM_MUON;
            for (int i = 0; i < srd.length; i++) {
                srd[i][e] =
                        electron ? (float) (50 + rnd.nextGaussian() * 12) : (float) Math.abs(rnd.nextGaussian() * 0.3);
            }
            switch (c) {
                case ELECTRON -> shower(d, cells, beam * rnd.nextDouble(0.96, 1.0), x0, y0, EM_FALLOFF_MM);
                case SIGNAL_BREM -> {
                    double x = rnd.nextDouble(0.5, 0.95);
                    ea[e] = (float) (beam * x);
                    tz[e] = (float) (ecalZ0 + rnd.nextDouble() * 4 * d.ecalRadiationLength());
                    shower(d, cells, beam * (1 - x), x0, y0, EM_FALLOFF_MM);
                }
                case DIMUON -> {
                    shower(d, cells, beam * rnd.nextDouble(0.5, 0.85), x0, y0, EM_FALLOFF_MM);
                    for (CellLayer h : d.hcalModules()) {
                        cells[h.firstIndex() + h.centralLocalIndex()] += (float) (2 * 1.4 * rnd.nextDouble(0.8, 1.3));
                    }
                    for (float[] v : veto) {
                        v[e] = (float) (2 + rnd.nextGaussian() * 0.3);
                    }
                }
                case HADRON -> {
                    double fe = rnd.nextDouble(0.2, 0.7);
                    shower(d, cells, beam * fe, x0, y0, 20);
                    double[] share = {0.6, 0.28, 0.09, 0.03};
                    List<CellLayer> mods = d.hcalModules();
                    for (int m = 0; m < mods.size(); m++) {
                        layerShower(
                                mods.get(m),
                                cells,
                                beam * (1 - fe) * share[m % share.length],
                                x0 * 4,
                                y0 * 4,
                                HAD_FALLOFF_MM);
                    }
                    for (float[] v : veto) {
                        v[e] = (float) rnd.nextDouble(0.5, 4);
                    }
                }
                case UPSTREAM -> {
                    tz[e] = (float) rnd.nextDouble(0, ecalZ0 - 500);
                    shower(d, cells, beam * rnd.nextDouble(0.55, 0.9), x0 * 3, y0 * 3, 30);
                    straw[e] = 6 + rnd.nextInt(10);
                }
                default -> shower(d, cells, beam, x0, y0, EM_FALLOFF_MM);
            }
            if (!signalOnly && e % 11 == 7) {
                pile[e] = 1;
                shower(
                        d,
                        cells,
                        beam * rnd.nextDouble(0.2, 1.0),
                        rnd.nextDouble(-60, 60),
                        rnd.nextDouble(-60, 60),
                        EM_FALLOFF_MM);
            }
            System.arraycopy(cells, 0, block, e * nc, nc);
        }
        // spills of SPILL_EVENTS events, 10 ms apart inside a spill, spills 16.8 s apart (SPS cycle)
        int[] spill = new int[n];
        long[] time = new long[n];
        for (int e = 0; e < n; e++) {
            spill[e] = 1 + e / SPILL_EVENTS;
            time[e] = (spill[e] - 1) * 16_800_000_000L + (e % SPILL_EVENTS) * 10_000_000L;
        }
        RunData.Builder b = RunData.builder(info, d, n)
                .column(Schema.SPILL, spill)
                .column(Schema.TIME, time)
                .column(Schema.TRUTH_CLASS, cls)
                .column(Schema.TRUTH_PILEUP, pile)
                .column(Schema.TRUTH_EA, ea)
                .column(Schema.TRUTH_Z, tz)
                .column(Schema.P, p)
                .column(Schema.ANGLE, angle)
                .column(Schema.STRAW_HITS, straw);
        for (int i = 0; i < srd.length; i++) {
            b.column(Schema.srd(i), srd[i]);
        }
        for (int i = 0; i < veto.length; i++) {
            b.column(Schema.veto(i), veto[i]);
        }
        return b.cells(new ArrayCellStore(block, nc))
                .source("synthetic-run-" + info.runNumber())
                .build();
    }

    private static EventClass pickClass(SplittableRandom rnd, int e) {
        // fixed positions for the first events so tests and the tour find every class
        EventClass[] head = {
            EventClass.ELECTRON, EventClass.DIMUON, EventClass.HADRON, EventClass.SIGNAL_BREM, EventClass.UPSTREAM
        };
        if (e < head.length) {
            return head[e];
        }
        double u = rnd.nextDouble();
        if (u < 0.5) {
            return EventClass.ELECTRON;
        } else if (u < 0.72) {
            return EventClass.HADRON;
        } else if (u < 0.82) {
            return EventClass.DIMUON;
        } else if (u < 0.87) {
            return EventClass.UPSTREAM;
        }
        return EventClass.SIGNAL_BREM;
    }

    /** Toy e-m shower in the ECAL: ~5 % in the preshower, the rest in the main section. */
    static void shower(Detector d, float[] cells, double energy, double x, double y, double falloff) {
        double preFraction = 0.05;
        layerShower(d.ecalPreshower(), cells, energy * preFraction, x, y, falloff * 0.8);
        layerShower(d.ecalMain(), cells, energy * (1 - preFraction), x, y, falloff);
    }

    static void layerShower(CellLayer l, float[] cells, double energy, double x, double y, double falloff) {
        double[] w = new double[l.size()];
        double sum = 0;
        for (Cell c : l.cells()) {
            double dx = c.centre().x() - x;
            double dy = c.centre().y() - y;
            double dist = Math.sqrt(dx * dx + dy * dy);
            double v = Math.exp(-dist / falloff);
            w[c.row() * l.nx() + c.col()] = v;
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            double v = energy * w[i] / sum;
            if (v > 0.02) {
                cells[l.firstIndex() + i] += (float) v;
            }
        }
    }
}
