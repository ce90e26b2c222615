package org.darkscope.sim;

/**
 * Per-event random numbers. The stream of event {@code i} depends only on (seed, i), so a run is
 * bit-identical whatever the thread count. SplitMix64 (Steele, Lea, Flood 2014; the generator
 * behind {@link java.util.SplittableRandom}), mutable so that no object is allocated per event.
 * Not thread-safe: one instance per worker thread.
 */
public final class EventRandom {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TO_UNIT = 0x1.0p-53;
    private long state;

    /** Positions the stream at the start of event {@code event} of a run with seed {@code seed}. */
    public void reset(long seed, long event) {
        state = mix64(mix64(seed) ^ mix64(event * GOLDEN + 0x632BE59BD9B4E019L));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix64(state);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return (nextLong() >>> 11) * TO_UNIT;
    }

    /** Uniform in (0, 1]: safe for logarithms. */
    public double uniformOpen() {
        return ((nextLong() >>> 11) + 1) * TO_UNIT;
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * uniform();
    }

    /** Standard normal deviate (tabulated inverse CDF). */
    public double gauss() {
        return GaussianTable.quantile(nextLong());
    }

    public double gauss(double mean, double sigma) {
        return mean + sigma * gauss();
    }

    /** Exponential deviate with the given mean. */
    public double exponential(double mean) {
        return -mean * Math.log(uniformOpen());
    }

    /** True with probability p. */
    public boolean chance(double p) {
        return uniform() < p;
    }

    /** Poisson deviate: multiplication method below 30, rounded normal approximation above. */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double prod = uniform();
            int n = 0;
            while (prod > limit) {
                prod *= uniform();
                n++;
            }
            return n;
        }
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss()));
    }

    /**
     * Moyal deviate (a Landau-like law with a long upper tail): X = -ln Z^2, Z standard normal,
     * most probable value 0, mean γ + ln 2 ≈ 1.27. Used for MIP energy loss (docs/physics.md#hadrons-muons).
     */
    public double moyal() {
        double z = gauss();
        double z2 = Math.max(z * z, 1e-300);
        return -Math.log(z2);
    }

    /** Sum of n exponential deviates of the given mean (a Gamma(n) deviate), n small. */
    public double gammaInt(int n, double mean) {
        double prod = 1;
        for (int i = 0; i < n; i++) {
            prod *= uniformOpen();
        }
        return -mean * Math.log(prod);
    }

    /**
     * Gamma deviate with shape {@code shape} &gt; 0 and unit scale (Marsaglia and Tsang 2000, ACM TOMS
     * 26, 363; shape &lt; 1 by the boost G(a) = G(a + 1) U^(1/a)).
     */
    public double gamma(double shape) {
        if (!(shape > 0)) {
            return 0;
        }
        if (shape < 1) {
            double g = gamma(shape + 1);
            return g * Math.pow(uniformOpen(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gauss();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniformOpen();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
