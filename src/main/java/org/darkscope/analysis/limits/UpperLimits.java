package org.darkscope.analysis.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper limits on the number of signal events for n observed and b expected (docs/physics.md#statistics):
 * CLs, classical and Feldman-Cousins, with log-normal uncertainties on b and on the signal yield
 * integrated out by Gauss-Hermite quadrature ({@link Nuisances}), and the expected limits (median
 * with ±1σ/±2σ bands, and the mean).
 *
 * <p>All Poisson probabilities are handled as logarithms (log-sum-exp over the nuisance points and
 * over the terms of the cumulative sum), so that the results stay exact where the probabilities
 * themselves underflow: CLs for n = 0 is -ln(1 - CL) at any b (e.g. 2.303 at b = 800, where
 * P(0 | b) = e^-800 is not a double). The Feldman-Cousins construction scans a bounded μ grid
 * ({@link #FC_MAX_GRID} points) and stops with a message naming the problem if it cannot finish.
 * Long loops check {@link LimitCancellation} so that a caller can stop them.
 *
 * <p>About 520 lines: the three constructions and the expected-limit tables share the log-space Poisson
 * helpers and the nuisance grid, which would otherwise become a package-wide API.</p>
 */
public final class UpperLimits {
    private static final double SOLVER_ACCURACY = 1e-7;
    /** Coarse μ step of the Feldman-Cousins scan (times max(1, √(n+b)/3)) before bisection refines the edges. */
    private static final double FC_STEP = 0.05;
    /** Most μ grid points a Feldman-Cousins scan may use before it gives up with a message. */
    public static final int FC_MAX_GRID = 100_000;
    /** Most Poisson terms a Feldman-Cousins construction may evaluate (about 10 s) before it refuses to start. */
    public static final double FC_MAX_WORK = 2e8;
    /** Bisection steps that refine a Feldman-Cousins edge between two grid points. */
    private static final int FC_BISECTIONS = 40;

    private UpperLimits() {}

    /** The upper limit on signal events (0 if the data exclude even s = 0, which only classical can). */
    public static double upperLimit(LimitInput in) {
        Nuisances nu = new Nuisances(in.background(), in.backgroundError(), in.signalRelError());
        double target = Math.log(1 - in.cl());
        return switch (in.method()) {
            case CLS -> {
                double l0 = logCdf(in.observed(), 0, nu);
                yield solve(s -> logCdf(in.observed(), s, nu) - l0 - target);
            }
            case CLASSICAL -> solve(s -> logCdf(in.observed(), s, nu) - target);
            case FELDMAN_COUSINS, FELDMAN_COUSINS_ADJUSTED -> feldmanCousins(in).upper();
        };
    }

    /**
     * The Feldman-Cousins interval with both ends. For {@link LimitMethod#FELDMAN_COUSINS_ADJUSTED}
     * and n &lt; b the upper end gets the adjustment of the published tables (Feldman & Cousins 1998,
     * section IV.B and tables IV-IX): the plain construction makes the upper limit for n &lt; b a
     * saw-tooth in b (a higher background can give a weaker limit, e.g. n = 0: 1.08 at b = 2 but 1.18 at
     * b = 2.5), and the tables quote instead the largest upper limit at any background b' ≥ b, so that
     * the upper limit never increases with b. The scan over b' runs over [b, b + {@link #FC_ADJUST_SPAN}]
     * in steps of {@link #FC_ADJUST_STEP} (the saw-tooth period is about one unit of b).
     *
     * @throws IllegalArgumentException if the construction cannot finish in reasonable time
     */
    public static FcInterval feldmanCousins(LimitInput in) {
        FcInterval plain = feldmanCousinsPlain(in);
        if (in.method() != LimitMethod.FELDMAN_COUSINS_ADJUSTED || in.observed() >= in.background()) {
            return in.method() == LimitMethod.FELDMAN_COUSINS_ADJUSTED
                    ? new FcInterval(plain.lower(), plain.upper(), true)
                    : plain;
        }
        double up = plain.upper();
        int steps = (int) Math.round(FC_ADJUST_SPAN / FC_ADJUST_STEP);
        for (int k = 1; k <= steps; k++) {
            LimitCancellation.check();
            LimitInput other = new LimitInput(
                    in.observed(),
                    in.background() + k * FC_ADJUST_STEP,
                    in.backgroundError(),
                    in.signalRelError(),
                    in.cl(),
                    LimitMethod.FELDMAN_COUSINS);
            up = Math.max(up, feldmanCousinsPlain(other).upper());
        }
        return new FcInterval(plain.lower(), up, true);
    }

    /** Range of b' above b over which the adjusted Feldman-Cousins upper limit takes its maximum. */
    public static final double FC_ADJUST_SPAN = 3.0;
    /** Step of that scan in b'. */
    public static final double FC_ADJUST_STEP = 0.01;

    private static FcInterval feldmanCousinsPlain(LimitInput in) {
        Nuisances nu = new Nuisances(in.background(), in.backgroundError(), in.signalRelError());
        return new FeldmanCousins(nu, in.cl(), false, in).interval(in.observed());
    }

    /**
     * Mean expected limit (a smooth figure of merit for choosing cuts): Σ_n P(n | b) · s_up(n, b),
     * P(n | b) with the background uncertainty folded in; the observed count of the input is ignored.
     * The conventional expected limit is the median: see {@link #expected(LimitInput)}.
     */
    public static double expectedLimit(LimitInput in) {
        return meanExpected(in, outcomes(in));
    }

    /** Median expected limit with its ±1σ and ±2σ bands, and the mean (docs/physics.md#statistics). */
    /** Largest count tabulated for the expected limits (about 1e7 expected background events). */
    static final int MAX_OUTCOMES = 20_000_000;

    public static ExpectedLimits expected(LimitInput in) {
        double[] probs = outcomes(in);
        ExpectedLimits e = bands(in, probs);
        return new ExpectedLimits(e.median(), e.minus2(), e.minus1(), e.plus1(), e.plus2(), meanExpected(in, probs));
    }

    /**
     * Median expected limit with its ±1σ and ±2σ bands, without the mean: five limits at the most, so
     * it stays fast at large backgrounds (the window and {@code analyse} quote these).
     */
    public static ExpectedLimits expectedBands(LimitInput in) {
        return bands(in, outcomes(in));
    }

    private static ExpectedLimits bands(LimitInput in, double[] probs) {
        double[] q = ExpectedLimits.QUANTILES;
        double[] s = new double[q.length];
        Map<Integer, Double> cache = new HashMap<>();
        for (int i = 0; i < q.length; i++) {
            int n = quantile(probs, q[i]);
            s[i] = cache.computeIfAbsent(n, k -> upperLimit(in.withObserved(k)));
        }
        return new ExpectedLimits(s[2], s[0], s[1], s[3], s[4], Double.NaN);
    }

    /** Smallest n with P(N ≤ n) ≥ q. */
    private static int quantile(double[] probs, double q) {
        double total = 0;
        for (double p : probs) {
            total += p;
        }
        double c = 0;
        for (int n = 0; n < probs.length; n++) {
            c += probs[n] / total;
            if (c >= q - 1e-12) {
                return n;
            }
        }
        return probs.length - 1;
    }

    /** P(n | b) with the background uncertainty folded in, n = 0 .. up to a 1e-10 tail. */
    private static double[] outcomes(LimitInput in) {
        Nuisances nu = new Nuisances(in.background(), in.backgroundError(), 0);
        double bMax = 0;
        for (double b : nu.b) {
            bMax = Math.max(bMax, b);
        }
        double span = Math.ceil(bMax + 20 * Math.sqrt(bMax + 1) + 50);
        if (span > MAX_OUTCOMES) {
            // the distribution of n is tabulated from 0: beyond this it would not fit in memory
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "background %.4g (± %.3g) is too large for an expected limit: at most %.0e expected events",
                    in.background(),
                    in.backgroundError(),
                    (double) MAX_OUTCOMES / 2));
        }
        int limit = (int) span;
        List<Double> probs = new ArrayList<>();
        double total = 0;
        for (int n = 0; n <= limit; n++) {
            if ((n & 1023) == 0) {
                LimitCancellation.check();
            }
            double lp = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < nu.w.length; k++) {
                lp = logAdd(lp, Math.log(nu.w[k]) + logPmf(n, nu.b[k]));
            }
            double p = Math.exp(lp);
            probs.add(p);
            total += p;
            if (total > 1 - 1e-10 && n > in.background()) {
                break;
            }
        }
        double[] a = new double[probs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = probs.get(i);
        }
        return a;
    }

    private static double meanExpected(LimitInput in, double[] probs) {
        // outcomes with a negligible probability do not change the mean: skip them
        int lo = 0;
        int hi = probs.length - 1;
        double pMax = 0;
        for (double p : probs) {
            pMax = Math.max(pMax, p);
        }
        while (lo < hi && probs[lo] < 1e-9 * pMax) {
            lo++;
        }
        while (hi > lo && probs[hi] < 1e-9 * pMax) {
            hi--;
        }
        // s_up(n) is smooth in n: for wide distributions compute it every `step` counts and
        // interpolate linearly in between (step ≤ σ/3 keeps the mean exact to well below 1e-3)
        int step = Math.max(1, (int) (Math.sqrt(in.background() + 1) / 3));
        Map<Integer, Double> sUp = new HashMap<>();
        double sum = 0;
        double prob = 0;
        for (int n = lo; n <= hi; n++) {
            double p = probs[n];
            int a = lo + ((n - lo) / step) * step;
            int b = Math.min(hi, a + step);
            double sa = sUp.computeIfAbsent(a, x -> upperLimit(in.withObserved(x)));
            double s;
            if (a == n || b == a) {
                s = sa;
            } else {
                double sb = sUp.computeIfAbsent(b, x -> upperLimit(in.withObserved(x)));
                s = sa + (sb - sa) * (n - a) / (double) (b - a);
            }
            sum += p * s;
            prob += p;
        }
        return sum / prob;
    }

    /** ln(e^a + e^b) without overflow or underflow. */
    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** ln P(N ≤ n | μ), exact also where P underflows. */
    static double logPoissonCdf(int n, double mu) {
        if (mu <= 0) {
            return 0;
        }
        if (mu <= n + 1.0) {
            // the bulk: Q(n+1, μ) ≥ ~0.4, no underflow possible
            return Math.log(Gamma.regularizedGammaQ(n + 1.0, mu));
        }
        double q = 0;
        try {
            q = Gamma.regularizedGammaQ(n + 1.0, mu);
        } catch (RuntimeException e) {
            q = 0; // no convergence: use the direct sum below
        }
        if (q > 1e-200) {
            return Math.log(q);
        }
        // lower tail, μ > n + 1: the terms μ^k e^-μ / k! fall from k = n downward by k/μ each step
        double top = logPmf(n, mu);
        double sum = 1;
        double t = 1;
        for (int k = n; k > 0; k--) {
            t *= k / mu;
            sum += t;
            if (t < 1e-17 * sum) {
                break;
            }
        }
        return top + Math.log(sum);
    }

    /** P(N ≤ n | μ). */
    static double poissonCdf(int n, double mu) {
        return Math.exp(logPoissonCdf(n, mu));
    }

    /** ln P(N = n | μ). */
    static double logPmf(int n, double mu) {
        if (mu <= 0) {
            return n == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return n * Math.log(mu) - mu - Gamma.logGamma(n + 1.0);
    }

    /** P(N = n | μ). */
    static double pmf(int n, double mu) {
        return Math.exp(logPmf(n, mu));
    }

    /** ln CL_{s+b}: ln P(N ≤ n | s·scale + b) averaged over the nuisances. */
    static double logCdf(int n, double s, Nuisances nu) {
        LimitCancellation.check();
        double l = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nu.w.length; k++) {
            l = logAdd(l, Math.log(nu.w[k]) + logPoissonCdf(n, s * nu.scale[k] + nu.b[k]));
        }
        return l;
    }

    /** CL_{s+b}: P(N ≤ n | s·scale + b) averaged over the nuisances. */
    static double cdf(int n, double s, Nuisances nu) {
        return Math.exp(logCdf(n, s, nu));
    }

    static double cls(int n, double s, Nuisances nu) {
        return Math.exp(logCdf(n, s, nu) - logCdf(n, 0, nu));
    }

    /** Root of a function decreasing in s, bracketed from [0, 8] upward; 0 if f(0) ≤ 0. */
    private static double solve(UnivariateFunction f) {
        if (f.value(0) <= 0) {
            return 0;
        }
        double hi = 8;
        while (f.value(hi) > 0) {
            hi *= 2;
            if (hi > 1e12) {
                throw new IllegalStateException("no upper limit below 1e12 signal events");
            }
        }
        return new BrentSolver(SOLVER_ACCURACY * Math.max(1, hi / 8), SOLVER_ACCURACY).solve(1000, f, 0, hi);
    }

    /**
     * Feldman-Cousins construction with likelihood-ratio ordering R = P(n | μ) / P(n | μ_best) on the
     * (smeared) Poisson, in logarithms. For each μ the acceptance region [n1, n2] is grown from the
     * highest R outward (R is unimodal in n), so a μ point costs O(√(μ + b)) terms, not a sort.
     */
    static final class FeldmanCousins {
        private final Nuisances nu;
        private final double cl;
        private final boolean adjust;
        private final LimitInput in;
        private final double[] logW;
        private final Map<Integer, Double> bestCache = new HashMap<>();

        FeldmanCousins(Nuisances nu, double cl, boolean adjust, LimitInput in) {
            this.nu = nu;
            this.cl = cl;
            this.adjust = adjust;
            this.in = in;
            logW = new double[nu.w.length];
            for (int k = 0; k < logW.length; k++) {
                logW[k] = Math.log(nu.w[k]);
            }
        }

        double logP(int n, double mu) {
            double l = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < logW.length; k++) {
                l = logAdd(l, logW[k] + logPmf(n, mu * nu.scale[k] + nu.b[k]));
            }
            return l;
        }

        /** ln max over μ ≥ 0 of P(n | μ). */
        double logBest(int n) {
            return bestCache.computeIfAbsent(n, k -> {
                if (logW.length == 1) {
                    return logP(k, Math.max(0, k - nu.b[0]) / nu.scale[0]);
                }
                double a = 0;
                double b = k + 10 + 5 * Math.sqrt(k + 1);
                double g = (Math.sqrt(5) - 1) / 2;
                for (int i = 0; i < 80; i++) {
                    double c = b - g * (b - a);
                    double d = a + g * (b - a);
                    if (logP(k, c) > logP(k, d)) {
                        b = d;
                    } else {
                        a = c;
                    }
                }
                return Math.max(logP(k, (a + b) / 2), logP(k, 0));
            });
        }

        private double logR(int n, double mu) {
            return n < 0 ? Double.NEGATIVE_INFINITY : logP(n, mu) - logBest(n);
        }

        /** The acceptance region {n1, n2} of μ. */
        int[] acceptance(double mu) {
            double mean = 0;
            for (int k = 0; k < logW.length; k++) {
                mean += nu.w[k] * (mu * nu.scale[k] + nu.b[k]);
            }
            int start = (int) Math.min(Integer.MAX_VALUE / 2, Math.floor(mean));
            double rs = logR(start, mu);
            while (true) {
                double up = logR(start + 1, mu);
                if (up > rs) {
                    start++;
                    rs = up;
                    continue;
                }
                double down = logR(start - 1, mu);
                if (down > rs) {
                    start--;
                    rs = down;
                    continue;
                }
                break;
            }
            int lo = start;
            int hi = start;
            double sum = Math.exp(logP(start, mu));
            double rl = logR(lo - 1, mu);
            double rh = logR(hi + 1, mu);
            int guard = 0;
            while (sum < cl && guard++ < 10_000_000) {
                if (rl == Double.NEGATIVE_INFINITY && rh == Double.NEGATIVE_INFINITY) {
                    break;
                }
                boolean left = rl > rh || (rl == rh && logP(lo - 1, mu) >= logP(hi + 1, mu));
                if (left) {
                    lo--;
                    sum += Math.exp(logP(lo, mu));
                    rl = logR(lo - 1, mu);
                } else {
                    hi++;
                    sum += Math.exp(logP(hi, mu));
                    rh = logR(hi + 1, mu);
                }
            }
            return new int[] {lo, hi};
        }

        FcInterval interval(int n) {
            double h = FC_STEP * Math.max(1, Math.sqrt(n + in.background()) / 3);
            double bMin = Double.POSITIVE_INFINITY;
            double bMax = 0;
            for (double b : nu.b) {
                bMin = Math.min(bMin, b);
                bMax = Math.max(bMax, b);
            }
            // the scan ends once n lies well below the acceptance region: μ ≈ n - b + a few √n
            double muEnd = Math.max(0, n - bMin) + 6 * Math.sqrt(n + 1.0) + 10;
            double grid = muEnd / h + 20;
            double width = 4 * Math.sqrt(n + bMax + 1) + 10;
            double work = grid * width * logW.length + (logW.length > 1 ? (muEnd + width) * 160.0 * logW.length : 0);
            if (grid > FC_MAX_GRID || work > FC_MAX_WORK) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "the Feldman-Cousins construction for n = %d, b = %.4g would need about %.2g Poisson terms "
                                + "(limit %.0e); it cannot finish in reasonable time: use --method cls or classical",
                        n,
                        in.background(),
                        work,
                        FC_MAX_WORK));
            }
            double tail = Math.log((1 - cl) / 100);
            int first = -1;
            int last = -1;
            int n1Max = 0;
            int n1MaxBeforeFirst = 0;
            int n1MaxAtLast = 0;
            for (int i = 0; ; i++) {
                if (i >= FC_MAX_GRID) {
                    throw new IllegalArgumentException("the Feldman-Cousins construction for n = " + n + ", b = "
                            + in.background() + " did not end within " + FC_MAX_GRID + " steps of μ = "
                            + String.format("%.3g", h)
                            + " (up to μ = " + String.format("%.4g", i * h) + "); use --method cls or classical");
                }
                double mu = i * h;
                LimitCancellation.check();
                int[] a = acceptance(mu);
                int n1 = adjust ? Math.max(n1Max, a[0]) : a[0];
                if (n1 <= n && n <= a[1]) {
                    if (first < 0) {
                        first = i;
                        n1MaxBeforeFirst = n1Max;
                    }
                    last = i;
                    n1MaxAtLast = Math.max(n1Max, a[0]);
                }
                n1Max = Math.max(n1Max, a[0]);
                if (n < n1 && (last >= 0 || mu > n + 10) && i > last + 20 && logCdf(n, mu, nu) < tail) {
                    break;
                }
                if (adjust && last >= 0 && n < n1Max) {
                    break; // with n1 non-decreasing n cannot come back
                }
            }
            if (last < 0) {
                return new FcInterval(0, 0, adjust);
            }
            double lower = 0;
            if (first > 0) {
                final int before = n1MaxBeforeFirst;
                lower = bisect((first - 1) * h, first * h, mu -> accepted(n, mu, before), true);
            }
            final int atLast = n1MaxAtLast;
            double upper = bisect(last * h, (last + 1) * h, mu -> accepted(n, mu, atLast), false);
            return new FcInterval(lower, upper, adjust);
        }

        private boolean accepted(int n, double mu, int n1Prior) {
            LimitCancellation.check();
            int[] a = acceptance(mu);
            int n1 = adjust ? Math.max(n1Prior, a[0]) : a[0];
            return n1 <= n && n <= a[1];
        }

        /** Edge between a (rejected if rising, accepted otherwise) and b. */
        private static double bisect(double a, double b, java.util.function.DoublePredicate acc, boolean rising) {
            for (int i = 0; i < FC_BISECTIONS; i++) {
                double m = (a + b) / 2;
                if (acc.test(m) == rising) {
                    b = m;
                } else {
                    a = m;
                }
            }
            return (a + b) / 2;
        }
    }
}
