package org.darkscope.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.event.SummaryDeriver;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.sim.response.DetectorResponse;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * Fast parametrised simulation of the NA64 invisible-mode setup: processes → detector response →
 * {@link RunData}. Events are generated in blocks on {@link SimConfig#threads()} workers; event i
 * draws its random numbers from (seed, i) only, so the output is bit-identical for any thread count.
 */
public final class Simulator {
    /** Events per work block. */
    static final int BLOCK = 2048;
    /** Events per spill for the spill/time columns [est]. */
    public static final int EVENTS_PER_SPILL = 1000;
    /** SPS super-cycle and spill length in ns (docs/physics.md#experiment: 4.8 s spills [src]; 16.8 s cycle [est]). */
    public static final long CYCLE_NS = 16_800_000_000L;

    public static final long SPILL_NS = 4_800_000_000L;
    /** Beam intensity recorded in the metadata, e-/spill (docs/physics.md#experiment: up to ~5-9e6 [src]). */
    public static final double INTENSITY = 5e6;
    /** Generator-map key holding the number of generated (pre-trigger) events. */
    public static final String GENERATED_KEY = org.darkscope.event.RunInfo.GENERATED_KEY;

    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());

    private Simulator() {}

    /** Simulates a run on the default detector geometry. */
    public static RunData simulate(SimConfig cfg, Progress progress) {
        return simulate(cfg, GeometryLoader.defaultDetector(), progress);
    }

    /** Simulates a run on the given detector. */
    public static RunData simulate(SimConfig cfg, Detector detector, Progress progress) {
        Progress pr = progress == null ? Progress.NONE : progress;
        pr.update(0, "preparing tables");
        DetectorResponse response = new DetectorResponse(detector, cfg);
        EventFactory factory = new EventFactory(response, cfg);
        Output out = new Output(detector, cfg.events());
        SummaryDeriver deriver = new SummaryDeriver(detector);

        int n = cfg.events();
        int blocks = (n + BLOCK - 1) / BLOCK;
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(cfg.threads(), blocks), r -> {
            Thread t = new Thread(r, "darkscope-sim");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(blocks);
            for (int b = 0; b < blocks; b++) {
                int first = b * BLOCK;
                int count = Math.min(BLOCK, n - first);
                futures.add(pool.submit(() -> runBlock(factory, deriver, detector, out, first, count, done, stop)));
            }
            wait(futures, pr, done, stop, n);
        } finally {
            pool.shutdownNow();
        }
        long generated = 0;
        for (int g : out.generated) {
            generated += g;
        }
        pr.update(1, "simulated " + n + " events");
        LOG.log(System.Logger.Level.DEBUG, () -> "simulated " + n + " events from " + out.generated.length + " blocks");
        return out.build(cfg, detector, generated, factory.processInfo());
    }

    /** "weighted MC, rare classes boosted x..." for descriptions and the CLI. */
    public static String weightedLabel(Enrichment e) {
        return "weighted MC, rare classes boosted " + e.summary();
    }

    private static void wait(List<Future<?>> futures, Progress pr, AtomicInteger done, AtomicBoolean stop, int n) {
        for (Future<?> f : futures) {
            while (true) {
                if (pr.isCancelled()) {
                    stop.set(true);
                    throw new CancelledException();
                }
                try {
                    f.get(100, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    int d = done.get();
                    pr.update((double) d / n, "simulating: " + d + " / " + n + " events");
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                } catch (ExecutionException e) {
                    stop.set(true);
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("simulation failed", c);
                }
            }
            int d = done.get();
            pr.update((double) d / n, "simulating: " + d + " / " + n + " events");
        }
    }

    private static void runBlock(
            EventFactory factory,
            SummaryDeriver deriver,
            Detector det,
            Output out,
            int first,
            int count,
            AtomicInteger done,
            AtomicBoolean stop) {
        if (stop.get()) {
            return;
        }
        int nc = det.cellCount();
        EventRecord ev = new EventRecord(nc, det.srdCellCount(), det.vetoCount());
        EventRandom rng = new EventRandom();
        float[] cells = new float[count * nc];
        for (int k = 0; k < count; k++) {
            if ((k & 255) == 0 && stop.get()) {
                return;
            }
            int e = first + k;
            out.generated[e] = factory.generate(e, ev, rng, cells, k * nc);
            out.store(e, ev);
        }
        deriver.derive(first, count, cells, out.srd, out.veto, out.derived);
        System.arraycopy(cells, 0, out.cells, first * nc, count * nc);
        done.addAndGet(count);
    }

    /** The run's columns, written by the workers at disjoint event indices. */
    private static final class Output {
        final int n;
        final int nc;
        final float[] p;
        final float[] angle;
        final float[] chi2;
        final int[] straws;
        final int[] truthClass;
        final int[] pileup;
        final float[] ea;
        final float[] z;
        final float[] weight;
        final float[][] srd;
        final float[][] veto;
        final float[] cells;
        final int[] generated;
        final Map<String, Object> derived;

        Output(Detector d, int n) {
            this.n = n;
            this.nc = d.cellCount();
            p = new float[n];
            angle = new float[n];
            chi2 = new float[n];
            straws = new int[n];
            truthClass = new int[n];
            pileup = new int[n];
            ea = new float[n];
            z = new float[n];
            weight = new float[n];
            srd = new float[d.srdCellCount()][n];
            veto = new float[d.vetoCount()][n];
            cells = new float[Math.multiplyExact(n, nc)];
            generated = new int[n];
            derived = new SummaryDeriver(d).allocate(n);
        }

        void store(int e, EventRecord ev) {
            p[e] = Digitization.round(ev.p, Digitization.P_STEP);
            angle[e] = Digitization.round(ev.angle, Digitization.ANGLE_STEP);
            chi2[e] = Digitization.round(ev.chi2, Digitization.CHI2_STEP);
            straws[e] = ev.strawHits;
            truthClass[e] = ev.truthClass;
            pileup[e] = ev.truthPileup;
            ea[e] = Digitization.round(ev.truthEa, Digitization.TRUTH_E_STEP);
            z[e] = Digitization.round(ev.truthZ, Digitization.Z_STEP);
            weight[e] = (float) ev.weight;
            for (int i = 0; i < srd.length; i++) {
                srd[i][e] = Digitization.round(ev.srd[i], Digitization.SRD_STEP);
            }
            for (int i = 0; i < veto.length; i++) {
                veto[i][e] = Digitization.round(ev.veto[i], Digitization.VETO_STEP);
            }
        }

        RunData build(SimConfig cfg, Detector d, long generatedTotal, Map<String, String> processInfo) {
            Map<String, String> gen = new LinkedHashMap<>(cfg.describe());
            gen.putAll(processInfo);
            gen.put(GENERATED_KEY, Long.toString(generatedTotal));
            gen.put("triggered", Integer.toString(n));
            double mass = cfg.mix().isSignal() ? cfg.massMeV() : Double.NaN;
            String desc = "DarkScope fast simulation, mix " + cfg.mix().cliName()
                    + (Double.isNaN(mass) ? "" : ", m_A' = " + mass + " MeV") + ", seed " + cfg.seed()
                    + (cfg.enrichment().isWeighted() ? ", " + weightedLabel(cfg.enrichment()) : "");
            RunInfo info = new RunInfo(
                    cfg.runNumber(),
                    cfg.beamEnergy(),
                    generatedTotal * cfg.eotPerEvent(),
                    INTENSITY,
                    d.version(),
                    true,
                    cfg.mix().cliName(),
                    cfg.seed(),
                    mass,
                    gen,
                    Schema.VERSION,
                    desc);
            int[] spill = new int[n];
            long[] time = new long[n];
            for (int e = 0; e < n; e++) {
                int s = e / EVENTS_PER_SPILL;
                spill[e] = s + 1;
                time[e] = s * CYCLE_NS + (e % EVENTS_PER_SPILL) * (SPILL_NS / EVENTS_PER_SPILL);
            }
            RunData.Builder b = RunData.builder(info, d, n)
                    .column(Schema.SPILL, spill)
                    .column(Schema.TIME, time)
                    .column(Schema.P, p)
                    .column(Schema.ANGLE, angle)
                    .column(Schema.CHI2, chi2)
                    .column(Schema.STRAW_HITS, straws)
                    .column(Schema.TRUTH_CLASS, truthClass)
                    .column(Schema.TRUTH_PILEUP, pileup)
                    .column(Schema.TRUTH_EA, ea)
                    .column(Schema.TRUTH_Z, z)
                    .column(Schema.TRUTH_WEIGHT, weight);
            for (int i = 0; i < srd.length; i++) {
                b.column(Schema.srd(i), srd[i]);
            }
            for (int i = 0; i < veto.length; i++) {
                b.column(Schema.veto(i), veto[i]);
            }
            for (Map.Entry<String, Object> c : derived.entrySet()) {
                b.column(c.getKey(), c.getValue());
            }
            return b.cells(new ArrayCellStore(cells, nc))
                    .source("simulated " + cfg.mix().cliName())
                    .build();
        }
    }
}
