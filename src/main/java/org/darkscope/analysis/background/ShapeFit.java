package org.darkscope.analysis.background;

import java.util.List;

/**
 * One binned Poisson likelihood fit of one function family over one fit range, and its
 * extrapolation into the box. The fitted function can be evaluated ({@link #density},
 * {@link #expected}, {@link #expectedPerBin}) anywhere, e.g. to draw it over the sideband spectrum
 * and under the box.
 *
 * @param family      function family name
 * @param fitLo       lower edge of the fit range (GeV)
 * @param fitHi       upper edge of the fit range (GeV)
 * @param parameters  fitted parameters
 * @param extrapolated expected events in the extrapolation range (the box side)
 * @param statError   statistical error of the extrapolation, √(gᵀVg)
 * @param fitProbability goodness of fit: p-value of the likelihood-ratio χ² (saturated model)
 * @param accepted    true if the fit converged and fitProbability ≥ the acceptance threshold
 * @param message     "" or why the fit is not accepted
 * @param shape       the function family
 * @param endpoint    kinematic endpoint the shape uses (the beam energy, for (E_max - E)^k)
 * @param extrapolationLo lower edge of the extrapolation range (GeV)
 * @param extrapolationHi upper edge of the extrapolation range: the box edge (GeV)
 */
public record ShapeFit(
        String family,
        double fitLo,
        double fitHi,
        List<Double> parameters,
        double extrapolated,
        double statError,
        double fitProbability,
        boolean accepted,
        String message,
        ShapeFamily shape,
        double endpoint,
        double extrapolationLo,
        double extrapolationHi) {
    /** Simpson intervals of {@link #expected}: the same as the extrapolation integral of the fit. */
    public static final int INTEGRATION_STEPS = 400;

    public ShapeFit {
        parameters = List.copyOf(parameters);
    }

    private double[] p() {
        double[] p = new double[parameters.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = parameters.get(i);
        }
        return p;
    }

    private ShapeFamily.Range range() {
        return new ShapeFamily.Range(fitLo, fitHi, endpoint);
    }

    /** The fitted density at E, in events per GeV (NaN if the parameters are not finite). */
    public double density(double e) {
        return shape.density(e, p(), range());
    }

    /** The fitted density at each x (events per GeV). */
    public double[] density(double[] x) {
        double[] p = p();
        ShapeFamily.Range r = range();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = shape.density(x[i], p, r);
        }
        return y;
    }

    /** Expected events in [a, b] from the fitted function (Simpson, {@link #INTEGRATION_STEPS} intervals). */
    public double expected(double a, double b) {
        return shape.integral(a, b, p(), range(), INTEGRATION_STEPS);
    }

    /** Expected events per bin for the given n + 1 ascending bin edges. */
    public double[] expectedPerBin(double[] edges) {
        double[] p = p();
        ShapeFamily.Range r = range();
        double[] mu = new double[Math.max(0, edges.length - 1)];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = shape.integral(edges[i], edges[i + 1], p, r, 8);
        }
        return mu;
    }
}
