package org.darkscope.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;

/** Issue 9 fixtures: a weighted background-MC run (boosted classes recorded) and a signal run with an external factor. */
public final class WeightedRuns {
    /** tracking × veto × hcal × daq × trigger, docs/physics.md#published-result, multiplied here. */
    public static final double FACTOR = 0.83 * 0.94 * 0.94 * 0.93 * 0.95;

    /** The label the boosts below must produce. */
    public static final String LABEL = "weighted MC, rare classes boosted punchthrough x20, upstream x5";

    private WeightedRuns() {}

    /** A simulated sideband run as background MC with truth_weight 0.05 or 0.2 at random, EOT 2e9. */
    public static RunData backgroundMc(int n, long seed, int runNumber) {
        RunData base = SidebandRuns.simulated(n, seed, runNumber);
        RunInfo i = base.info();
        RunInfo info = new RunInfo(
                runNumber,
                100,
                2e9,
                0,
                i.geometryVersion(),
                true,
                "background-mc",
                seed,
                Double.NaN,
                new TreeMap<>(Map.of("weighted", "true", "boost.punchthrough", "20", "boost.upstream", "5")),
                i.schemaVersion(),
                "weighted");
        float[] w = new float[base.size()];
        Random rnd = new Random(seed + 1);
        for (int e = 0; e < w.length; e++) {
            w[e] = rnd.nextBoolean() ? 0.05f : 0.2f;
        }
        return rebuild(base, info, w);
    }

    /** The run with the NA64 external factor written into its metadata by hand (not by the code under test). */
    public static RunData withExternal(RunData s) {
        RunInfo si = s.info();
        Map<String, String> gen = new LinkedHashMap<>(si.generator());
        gen.put(ExternalEfficiency.KEY_NAME, "na64-2016-2018");
        gen.put(ExternalEfficiency.KEY_VALUE, Double.toString(FACTOR));
        gen.put(ExternalEfficiency.KEY_COMPONENTS, "tracking=0.83 veto=0.94 hcal=0.94 daq=0.93 trigger=0.95");
        gen.put(ExternalEfficiency.KEY_SOURCE, "NA64 published breakdown");
        return rebuild(
                s,
                new RunInfo(
                        si.runNumber(),
                        si.beamEnergy(),
                        si.eot(),
                        si.intensity(),
                        si.geometryVersion(),
                        si.simulated(),
                        si.mix(),
                        si.seed(),
                        si.signalMassMeV(),
                        gen,
                        si.schemaVersion(),
                        si.description()),
                null);
    }

    private static RunData rebuild(RunData r, RunInfo n, float[] weights) {
        RunData.Builder b = RunData.builder(n, r.detector(), r.size());
        r.columns().forEach((k, v) -> {
            if (weights == null || !k.equals(Schema.TRUTH_WEIGHT)) {
                b.column(k, v);
            }
        });
        if (weights != null) {
            b.column(Schema.TRUTH_WEIGHT, weights);
        }
        return b.cells(r.cells()).source("synthetic-" + n.mix()).build();
    }
}
