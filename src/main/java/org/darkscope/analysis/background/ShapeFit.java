package org.darkscope.analysis.background;

import java.util.List;

/**
 * One binned Poisson likelihood fit of one function family over one fit range, and its
 * extrapolation into the box.
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
 */
public record ShapeFit(String family, double fitLo, double fitHi, List<Double> parameters, double extrapolated,
                       double statError, double fitProbability, boolean accepted, String message) {
    public ShapeFit {
        parameters = List.copyOf(parameters);
    }
}
