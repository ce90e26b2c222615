package org.darkscope.cli;

import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;

/**
 * Simulation throughput (not a unit test): physics-run events per second on 1 and 2 threads, in
 * process after a warm-up, best of 3 repetitions. Run with
 * {@code mvn -Pbench test-compile}, then {@code java -cp target/classes:target/test-classes:$(cat target/bench.classpath) org.darkscope.cli.SimulateBenchmark [events]}.
 */
public final class SimulateBenchmark {
    private SimulateBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        SimConfig base = SimConfig.defaults(Mix.PHYSICS).withEvents(n).withSeed(1);
        Simulator.simulate(base.withEvents(50_000).withThreads(2), Progress.NONE);
        for (int threads : new int[] {1, 2}) {
            double best = 0;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                Simulator.simulate(base.withThreads(threads), Progress.NONE);
                double rate = n / ((System.nanoTime() - t0) / 1e9);
                best = Math.max(best, rate);
            }
            System.out.printf("physics, %d events, %d thread(s): %.0f events/s (best of 3)%n", n, threads, best);
        }
    }
}
