package org.darkscope.analysis.limits;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper limits on the number of signal events for n observed and b expected (physics.md section 5):
 * CLs, classical and Feldman-Cousins, with log-normal uncertainties on b and on the signal yield
 * integrated out by Gauss-Hermite quadrature ({@link Nuisances}), and the mean expected limit.
 */
public final class UpperLimits {
    private static final double SOLVER_ACCURACY = 1e-7;
    /** Coarse μ step of the Feldman-Cousins scan before bisection refines the edge. */
    private static final double FC_STEP = 0.05;

    private UpperLimits() {
    }

    /** The upper limit on signal events (0 if the data exclude even s = 0, which only classical can). */
    public static double upperLimit(LimitInput in) {
        Nuisances nu = new Nuisances(in.background(), in.backgroundError(), in.signalRelError());
        return switch (in.method()) {
            case CLS -> solve(s -> cls(in.observed(), s, nu) - (1 - in.cl()));
            case CLASSICAL -> solve(s -> cdf(in.observed(), s, nu) - (1 - in.cl()));
            case FELDMAN_COUSINS -> new FeldmanCousins(nu, in.cl()).upperLimit(in.observed());
        };
    }

    /**
     * Mean expected limit (sensitivity): Σ_n P(n | b) · s_up(n, b), P(n | b) with the background
     * uncertainty folded in; the observed count of the input is ignored.
     */
    public static double expectedLimit(LimitInput in) {
        Nuisances nu = new Nuisances(in.background(), in.backgroundError(), 0);
        // P(n | b) with the background uncertainty folded in, up to a negligible tail
        java.util.List<Double> probs = new java.util.ArrayList<>();
        double total = 0;
        for (int n = 0; n < 1_000_000; n++) {
            double p = 0;
            for (int k = 0; k < nu.w.length; k++) {
                p += nu.w[k] * pmf(n, nu.b[k]);
            }
            probs.add(p);
            total += p;
            if (total > 1 - 1e-9 && n > in.background()) {
                break;
            }
        }
        // outcomes with a negligible probability do not change the mean: skip them
        int lo = 0;
        int hi = probs.size() - 1;
        double pMax = probs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        while (lo < hi && probs.get(lo) < 1e-9 * pMax) {
            lo++;
        }
        while (hi > lo && probs.get(hi) < 1e-9 * pMax) {
            hi--;
        }
        // s_up(n) is smooth in n: for wide distributions compute it every `step` counts and
        // interpolate linearly in between (step ≤ σ/3 keeps the mean exact to well below 1e-3)
        int step = Math.max(1, (int) (Math.sqrt(in.background() + 1) / 3));
        java.util.Map<Integer, Double> sUp = new java.util.HashMap<>();
        double sum = 0;
        double prob = 0;
        for (int n = lo; n <= hi; n++) {
            double p = probs.get(n);
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

    /** P(N ≤ n | μ). */
    static double poissonCdf(int n, double mu) {
        if (mu <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(n + 1.0, mu);
    }

    /** P(N = n | μ). */
    static double pmf(int n, double mu) {
        if (mu <= 0) {
            return n == 0 ? 1 : 0;
        }
        return Math.exp(n * Math.log(mu) - mu - Gamma.logGamma(n + 1.0));
    }

    /** CL_{s+b}: P(N ≤ n | s·scale + b) averaged over the nuisances. */
    static double cdf(int n, double s, Nuisances nu) {
        double p = 0;
        for (int k = 0; k < nu.w.length; k++) {
            p += nu.w[k] * poissonCdf(n, s * nu.scale[k] + nu.b[k]);
        }
        return p;
    }

    static double cls(int n, double s, Nuisances nu) {
        double pb = cdf(n, 0, nu);
        return pb > 0 ? cdf(n, s, nu) / pb : 0;
    }

    /** Root of a function decreasing in s, bracketed from [0, 8] upward; 0 if f(0) ≤ 0. */
    private static double solve(UnivariateFunction f) {
        if (f.value(0) <= 0) {
            return 0;
        }
        double hi = 8;
        while (f.value(hi) > 0) {
            hi *= 2;
            if (hi > 1e9) {
                throw new IllegalStateException("no upper limit below 1e9 signal events");
            }
        }
        return new BrentSolver(SOLVER_ACCURACY).solve(1000, f, 0, hi);
    }

    /** Feldman-Cousins construction with likelihood-ratio ordering on the (smeared) Poisson. */
    static final class FeldmanCousins {
        private final Nuisances nu;
        private final double cl;
        private final java.util.Map<Integer, Double> bestCache = new java.util.HashMap<>();

        FeldmanCousins(Nuisances nu, double cl) {
            this.nu = nu;
            this.cl = cl;
        }

        double p(int n, double mu) {
            double s = 0;
            for (int k = 0; k < nu.w.length; k++) {
                s += nu.w[k] * pmf(n, mu * nu.scale[k] + nu.b[k]);
            }
            return s;
        }

        /** max over μ ≥ 0 of P(n | μ). */
        double best(int n) {
            return bestCache.computeIfAbsent(n, k -> {
                if (nu.w.length == 1) {
                    return p(k, Math.max(0, k - nu.b[0]) / nu.scale[0]);
                }
                double a = 0;
                double b = k + 10 + 5 * Math.sqrt(k + 1);
                double g = (Math.sqrt(5) - 1) / 2;
                for (int i = 0; i < 80; i++) {
                    double c = b - g * (b - a);
                    double d = a + g * (b - a);
                    if (p(k, c) > p(k, d)) {
                        b = d;
                    } else {
                        a = c;
                    }
                }
                return Math.max(p(k, (a + b) / 2), p(k, 0));
            });
        }

        /** True if n is in the acceptance region of μ. */
        boolean accepts(double mu, int n) {
            double meanB = 0;
            for (int k = 0; k < nu.w.length; k++) {
                meanB += nu.w[k] * (mu * nu.scale[k] + nu.b[k]);
            }
            int nMax = (int) Math.ceil(meanB + 12 * Math.sqrt(meanB + 1) + 20 + n);
            double[] pr = new double[nMax + 1];
            double[] r = new double[nMax + 1];
            Integer[] order = new Integer[nMax + 1];
            for (int k = 0; k <= nMax; k++) {
                pr[k] = p(k, mu);
                double bk = best(k);
                r[k] = bk > 0 ? pr[k] / bk : 0;
                order[k] = k;
            }
            java.util.Arrays.sort(order, (x, y) -> r[y] != r[x] ? Double.compare(r[y], r[x]) : Integer.compare(x, y));
            double sum = 0;
            for (int k : order) {
                if (k == n) {
                    return true;
                }
                sum += pr[k];
                if (sum >= cl) {
                    return false;
                }
            }
            return false;
        }

        double upperLimit(int n) {
            double last = -1;
            double mu = 0;
            int misses = 0;
            // scan until n is rejected well past the last accepted μ and P(N ≤ n | μ) is negligible
            while (true) {
                if (accepts(mu, n)) {
                    last = mu;
                    misses = 0;
                } else if (last >= 0) {
                    misses++;
                }
                if (last >= 0 && misses > 20 && cdfAt(n, mu) < (1 - cl) / 100) {
                    break;
                }
                mu += FC_STEP;
                if (mu > 1e5) {
                    throw new IllegalStateException("Feldman-Cousins scan did not end");
                }
            }
            if (last < 0) {
                return 0;
            }
            double a = last;
            double b = last + FC_STEP;
            for (int i = 0; i < 40; i++) {
                double m = (a + b) / 2;
                if (accepts(m, n)) {
                    a = m;
                } else {
                    b = m;
                }
            }
            return (a + b) / 2;
        }

        private double cdfAt(int n, double mu) {
            return cdf(n, mu, nu);
        }
    }
}
