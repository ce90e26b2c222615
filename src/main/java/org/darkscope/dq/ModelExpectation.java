package org.darkscope.dq;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.geometry.Detector;
import org.darkscope.sim.ClassFractions;
import org.darkscope.sim.Mix;
import org.darkscope.sim.ProcessKnobs;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;

/**
 * The run's own expectation from the shower model: a reference simulated with the settings the run was
 * simulated with (mix, beam, trigger, resolution, noise, zero suppression, class fractions, pile-up,
 * process knobs, all read back from the run's generator metadata), but with other seeds, so that it is
 * statistically independent of the run. Readout faults recorded in the metadata ({@code fault.*}) are
 * not part of the model. Every calorimeter cell is compared with it, HCAL included, exactly as with a
 * reference run.
 *
 * <p>The reference is simulated in blocks of {@link #BLOCK_EVENTS} events (one seed each), each reduced
 * to per-cell sums at once, so its size does not hold cells in memory. It has {@link #events(int)}
 * events: twice the run's (its error then adds ~22 % to the run's in the z-score), at least
 * {@link #MIN_EVENTS} and at most {@link #MAX_EVENTS}. The last result is kept, so the window's DQ and a
 * repeated check of the same run do not simulate again.</p>
 */
public final class ModelExpectation {
    /** Fewest reference events [display choice: the statistics of the tests' 20k-event runs]. */
    public static final int MIN_EVENTS = 20_000;
    /** Most reference events [display choice: about a minute on one core]. */
    public static final int MAX_EVENTS = 100_000;
    /** Events per simulated block. */
    static final int BLOCK_EVENTS = 10_000;
    /** Added to the run's seed for the model's first block, so the model never repeats the run's events. */
    static final long SEED_OFFSET = 0x5EED_0000_0000L;

    private static Map<String, String> cachedKey;
    private static CellStats cachedStats;

    private ModelExpectation() {}

    /** Reference events for a run of {@code runEvents} events. */
    public static int events(int runEvents) {
        return (int) Math.min(MAX_EVENTS, Math.max(MIN_EVENTS, 2L * runEvents));
    }

    /** The simulation settings of the run from its generator metadata, or empty if it was not simulated by us. */
    public static Optional<SimConfig> config(RunInfo info) {
        Map<String, String> g = info.generator();
        if (g == null || !g.containsKey("mix") || !g.containsKey("ecalNoise")) {
            return Optional.empty();
        }
        try {
            Mix mix = Mix.parse(g.get("mix"));
            ClassFractions f = new ClassFractions(
                    d(g, "fraction.electron"),
                    d(g, "fraction.hadron"),
                    d(g, "fraction.dimuon"),
                    d(g, "fraction.upstream"),
                    d(g, "fraction.beamHadron"),
                    d(g, "fraction.beamMuon"));
            RecordComponent[] rc = ProcessKnobs.class.getRecordComponents();
            Object[] kv = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            ProcessKnobs defaults = ProcessKnobs.defaults();
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                String v = g.get(rc[i].getName());
                kv[i] = v == null ? rc[i].getAccessor().invoke(defaults) : Double.parseDouble(v);
            }
            ProcessKnobs knobs =
                    ProcessKnobs.class.getDeclaredConstructor(types).newInstance(kv);
            return Optional.of(new SimConfig(
                    mix,
                    Integer.parseInt(g.getOrDefault("events", "1")),
                    Long.parseLong(g.getOrDefault("seed", "1")),
                    1,
                    d(g, "massMeV"),
                    d(g, "beamEnergy"),
                    d(g, "triggerThreshold"),
                    Boolean.parseBoolean(g.get("openTrigger")),
                    d(g, "ecalA"),
                    d(g, "ecalB"),
                    d(g, "ecalNoise"),
                    d(g, "hcalNoise"),
                    d(g, "zeroSuppression"),
                    f,
                    d(g, "pileupProbability"),
                    d(g, "eotPerEvent"),
                    Integer.parseInt(g.getOrDefault("runNumber", "1")),
                    knobs));
        } catch (RuntimeException | ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static double d(Map<String, String> g, String k) {
        String v = g.get(k);
        if (v == null) {
            throw new IllegalArgumentException("no " + k + " in the generator metadata");
        }
        return Double.parseDouble(v);
    }

    /**
     * Per-cell statistics of the model reference for the run, simulated with progress (or the kept
     * result for the same settings and size).
     *
     * @throws IllegalArgumentException if the run carries no simulation settings or another detector
     */
    public static CellStats of(RunData run, Progress progress) {
        SimConfig cfg = config(run.info())
                .orElseThrow(() -> new IllegalArgumentException(run.displayName()
                        + " carries no simulation settings in its metadata: no shower-model expectation;"
                        + " give a reference run (--reference) or use the symmetric cells (--expect symmetry)"));
        Detector det = run.detector();
        int n = events(run.size());
        Map<String, String> key = new LinkedHashMap<>(cfg.describe());
        key.remove("events");
        key.put("model.events", Integer.toString(n));
        key.put("model.cells", Integer.toString(det.cellCount()));
        key.put("model.detector", det.toString());
        synchronized (ModelExpectation.class) {
            if (key.equals(cachedKey)) {
                return cachedStats;
            }
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        CellStats sum = null;
        for (int done = 0, b = 0; done < n; b++) {
            int m = Math.min(BLOCK_EVENTS, n - done);
            int first = done;
            Progress sub = new Progress() {
                @Override
                public void update(double f, String msg) {
                    progress.update(
                            (first + f * m) / n,
                            "shower-model expectation: simulating " + (first + (int) (f * m)) + " / " + n + " events");
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            RunData part = Simulator.simulate(
                    cfg.withEvents(m).withSeed(cfg.seed() + SEED_OFFSET + b).withThreads(threads), det, sub);
            CellStats s = CellStats.of(part, null, DataQuality.HIT_THRESHOLD_GEV, Progress.NONE);
            sum = sum == null ? s : sum.plus(s);
            done += m;
        }
        synchronized (ModelExpectation.class) {
            cachedKey = key;
            cachedStats = sum;
        }
        return sum;
    }

    /** The reference's name in reports. */
    public static String name(int events) {
        return "the shower model (" + events + " simulated events, the run's own settings)";
    }
}
