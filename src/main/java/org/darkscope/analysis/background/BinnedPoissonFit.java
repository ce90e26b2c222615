package org.darkscope.analysis.background;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Binned Poisson maximum-likelihood fit of one {@link ShapeFamily} to a histogram:
 * -ln L = Σ μ_i - n_i ln μ_i (docs/physics.md#backgrounds), minimised with the Nelder-Mead simplex of
 * Commons Math (restarted until stable); covariance from the inverse of a numerical Hessian.
 */
public final class BinnedPoissonFit {
    /** Simpson intervals per bin when integrating the density. */
    private static final int BIN_STEPS = 4;
    /** Simpson intervals for the extrapolation integral. */
    private static final int EXTRAPOLATION_STEPS = 400;

    /**
     * The outcome of one fit.
     *
     * @param converged      minimiser finished and the Hessian is positive definite
     * @param parameters     best-fit parameters
     * @param covariance     parameter covariance (inverse Hessian of -ln L), null if not converged
     * @param deviance       2 Σ [μ - n + n ln(n/μ)] (likelihood-ratio χ²)
     * @param ndf            bins - parameters
     * @param probability    χ² p-value of the deviance
     * @param message        "" or why it failed
     */
    public record Result(
            boolean converged,
            double[] parameters,
            double[][] covariance,
            double deviance,
            int ndf,
            double probability,
            String message) {}

    private final ShapeFamily family;
    private final ShapeFamily.Range range;
    private final double[] edges;
    private final long[] counts;

    /**
     * @param edges  bin edges (counts.length + 1, ascending)
     * @param counts events per bin
     */
    public BinnedPoissonFit(ShapeFamily family, ShapeFamily.Range range, double[] edges, long[] counts) {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("need counts.length + 1 edges");
        }
        this.family = family;
        this.range = range;
        this.edges = edges.clone();
        this.counts = counts.clone();
    }

    /** Expected events in bin i. */
    double mu(int i, double[] p) {
        return family.integral(edges[i], edges[i + 1], p, range, BIN_STEPS);
    }

    /** -ln L (without the constant ln n_i!). */
    public double nll(double[] p) {
        double s = 0;
        for (int i = 0; i < counts.length; i++) {
            double m = mu(i, p);
            if (!(m > 0) || !Double.isFinite(m)) {
                if (counts[i] > 0 || !Double.isFinite(m)) {
                    return 1e300;
                }
                continue;
            }
            s += m - counts[i] * Math.log(m);
        }
        return s;
    }

    public Result fit() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double width = edges[edges.length - 1] - edges[0];
        double[] p = family.start(total / width);
        double best = nll(p);
        SimplexOptimizer opt = new SimplexOptimizer(1e-11, 1e-12);
        try {
            for (int round = 0; round < 6; round++) {
                PointValuePair r = opt.optimize(
                        new MaxEval(20000),
                        new ObjectiveFunction(this::nll),
                        GoalType.MINIMIZE,
                        new InitialGuess(p),
                        new NelderMeadSimplex(steps(p)));
                double v = r.getValue();
                boolean stable = Math.abs(best - v) < 1e-7 * Math.max(1, Math.abs(v));
                if (v <= best) {
                    p = r.getPoint();
                    best = v;
                }
                if (stable && round > 0) {
                    break;
                }
            }
        } catch (TooManyEvaluationsException e) {
            return failed(p, "minimiser did not converge");
        }
        if (best >= 1e299) {
            return failed(p, "no parameters give a positive spectrum");
        }
        double[][] cov = covariance(p);
        double dev = deviance(p);
        int ndf = counts.length - family.parameterCount();
        double prob = ndf > 0 ? 1 - new ChiSquaredDistribution(ndf).cumulativeProbability(dev) : Double.NaN;
        if (cov == null) {
            return new Result(
                    false, p, null, dev, ndf, prob, "Hessian not positive definite (parameters not constrained)");
        }
        return new Result(true, p, cov, dev, ndf, prob, "");
    }

    private Result failed(double[] p, String msg) {
        return new Result(false, p, null, Double.NaN, counts.length - family.parameterCount(), Double.NaN, msg);
    }

    private static double[] steps(double[] p) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = 0.3 * Math.max(0.3, Math.abs(p[i]));
        }
        return s;
    }

    /** Likelihood-ratio χ² against the saturated model. */
    public double deviance(double[] p) {
        double d = 0;
        for (int i = 0; i < counts.length; i++) {
            double m = mu(i, p);
            long n = counts[i];
            d += m - n + (n > 0 ? n * Math.log(n / m) : 0);
        }
        return 2 * d;
    }

    /** Inverse of the numerical Hessian of -ln L at p, or null if it is not positive definite. */
    double[][] covariance(double[] p) {
        int k = p.length;
        double[][] h = new double[k][k];
        double[] step = new double[k];
        for (int i = 0; i < k; i++) {
            step[i] = 1e-4 * Math.max(1, Math.abs(p[i]));
        }
        double f0 = nll(p);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double v;
                if (i == j) {
                    v = (nll(shift(p, i, step[i], -1, 0, 0)) - 2 * f0 + nll(shift(p, i, -step[i], -1, 0, 0)))
                            / (step[i] * step[i]);
                } else {
                    double pp = nll(shift(p, i, step[i], j, step[j], 1));
                    double pm = nll(shift(p, i, step[i], j, -step[j], 1));
                    double mp = nll(shift(p, i, -step[i], j, step[j], 1));
                    double mm = nll(shift(p, i, -step[i], j, -step[j], 1));
                    v = (pp - pm - mp + mm) / (4 * step[i] * step[j]);
                }
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        RealMatrix m = new Array2DRowRealMatrix(h);
        LUDecomposition lu = new LUDecomposition(m);
        if (!lu.getSolver().isNonSingular()) {
            return null;
        }
        double[][] c = lu.getSolver().getInverse().getData();
        for (int i = 0; i < k; i++) {
            if (!(c[i][i] > 0) || !Double.isFinite(c[i][i])) {
                return null;
            }
        }
        return c;
    }

    private static double[] shift(double[] p, int i, double di, int j, double dj, int useJ) {
        double[] q = p.clone();
        q[i] += di;
        if (useJ == 1) {
            q[j] += dj;
        }
        return q;
    }

    /** Integral of the fitted density over [a, b]. */
    public double extrapolate(double[] p, double a, double b) {
        return family.integral(a, b, p, range, EXTRAPOLATION_STEPS);
    }

    /** √(gᵀ V g) for the integral over [a, b], g by central differences. */
    public double extrapolationError(double[] p, double[][] cov, double a, double b) {
        int k = p.length;
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(p[i]));
            double[] up = p.clone();
            double[] dn = p.clone();
            up[i] += h;
            dn[i] -= h;
            g[i] = (extrapolate(up, a, b) - extrapolate(dn, a, b)) / (2 * h);
        }
        double v = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                v += g[i] * cov[i][j] * g[j];
            }
        }
        return Math.sqrt(Math.max(0, v));
    }
}
