package org.darkscope.sim;

import org.darkscope.event.RunData;
import org.darkscope.testsupport.RunFixtures;

/** Runs shared by several tests, simulated once per JVM (by {@link RunFixtures#simulated}), and statistics helpers. */
final class TestRuns {
    private TestRuns() {}

    /** The shared run of {@code cfg} ({@code key} names it in the test, the configuration identifies it). */
    static RunData run(String key, SimConfig cfg) {
        return RunFixtures.simulated(cfg);
    }

    /** A 60k-event physics run with the default knobs, seed 11. */
    static RunData physics() {
        return run(
                "physics",
                SimConfig.defaults(Mix.PHYSICS).withEvents(60_000).withSeed(11).withThreads(2));
    }

    static double median(float[] v) {
        float[] c = v.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) pos;
        double f = pos - i;
        return i + 1 < sorted.length ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
    }
}
