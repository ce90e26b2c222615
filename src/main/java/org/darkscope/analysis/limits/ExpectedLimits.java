package org.darkscope.analysis.limits;

/**
 * Expected upper limits under the background-only hypothesis (docs/physics.md#statistics): the median of
 * s_up(n, b) over n ~ Pois(b) (the CLs convention, as pyhf quotes it) with its ±1σ and ±2σ bands
 * (the s_up of the Φ(∓1), Φ(∓2) quantiles of n: 15.87/84.13 % and 2.28/97.72 %), and the mean
 * Σ_n P(n | b) s_up(n, b), a smooth figure of merit for choosing cuts.
 *
 * @param median  median expected limit
 * @param minus2  -2σ band edge (2.28 % quantile)
 * @param minus1  -1σ band edge (15.87 % quantile)
 * @param plus1   +1σ band edge (84.13 % quantile)
 * @param plus2   +2σ band edge (97.72 % quantile)
 * @param mean    mean expected limit
 */
public record ExpectedLimits(double median, double minus2, double minus1, double plus1, double plus2, double mean) {
    /** Quantiles of the band edges, in the order minus2, minus1, median, plus1, plus2. */
    public static final double[] QUANTILES = {
        0.022750131948179, 0.158655253931457, 0.5, 0.841344746068543, 0.977249868051821
    };

    public static ExpectedLimits none() {
        return new ExpectedLimits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** This result with every number multiplied by f (f ≥ 0), e.g. to turn event limits into ε² ratios. */
    public ExpectedLimits map(java.util.function.DoubleUnaryOperator f) {
        return new ExpectedLimits(
                f.applyAsDouble(median),
                f.applyAsDouble(minus2),
                f.applyAsDouble(minus1),
                f.applyAsDouble(plus1),
                f.applyAsDouble(plus2),
                f.applyAsDouble(mean));
    }
}
