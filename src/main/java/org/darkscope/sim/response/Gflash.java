package org.darkscope.sim.response;

import org.apache.commons.math3.special.Gamma;
import org.darkscope.sim.EventRandom;

/**
 * GFLASH parametrisation of electromagnetic showers in the Pb/Sc ECAL (docs/physics.md#shower-model, Grindhammer
 * and Peters, hep-ex/0001020): longitudinal Gamma profile with correlated (ln T, ln α) fluctuations
 * for a sampling calorimeter, and the radial core/tail profile used to build the lateral tables.
 * Depths in radiation lengths, radii in Molière radii, energies in GeV.
 */
public final class Gflash {
    /** Critical energy of the Pb/Sc mixture, GeV (docs/physics.md#shower-model [est]: 8.6 MeV). */
    public static final double CRITICAL_ENERGY = 0.0086;
    /** Effective atomic number (docs/physics.md#shower-model [est]: 76). */
    public static final double Z_EFF = 76;
    /** Sampling frequency F_s = X0_eff/(d_Pb + d_Sc) (docs/physics.md#shower-model [est]: 3.7). */
    public static final double SAMPLING_FREQUENCY = 3.7;
    /** e/mip ratio ê = 1/(1 + 0.007 (Z_Pb - Z_Sc)) (docs/physics.md#shower-model [est]: 0.65). */
    public static final double E_HAT = 0.65;
    /**
     * Scale of the GFLASH homogeneous-medium radii for this shashlik [est]: 0.75 makes a centred 100 GeV
     * shower leave 89 % in its 38 mm cell and 98 % in the 3x3, an edge shower 46 % + 46 % (docs/physics.md#shower-model checks).
     */
    public static final double LATERAL_RADIUS_SCALE = 0.75;
    /** Lowest energy for which the parametrisation is evaluated (σ(ln T) diverges near 64 MeV) [est]. */
    public static final double MIN_ENERGY = 0.2;

    private Gflash() {}

    private static double lnY(double e) {
        return Math.log(Math.max(e, MIN_ENERGY) / CRITICAL_ENERGY);
    }

    /** Mean depth of the shower maximum &lt;T&gt; in X0 (docs/physics.md#shower-model). */
    public static double meanT(double e) {
        return lnY(e) - 0.812 - 0.55 / SAMPLING_FREQUENCY - 0.69 * (1 - E_HAT);
    }

    /** Mean shape parameter &lt;α&gt; (docs/physics.md#shower-model). */
    public static double meanAlpha(double e) {
        return 0.81 + (0.458 + 2.26 / Z_EFF) * lnY(e) - 0.476 / SAMPLING_FREQUENCY;
    }

    public static double sigmaLnT(double e) {
        return 1.0 / (-2.5 + 1.25 * lnY(e));
    }

    public static double sigmaLnAlpha(double e) {
        return 1.0 / (-0.82 + 0.79 * lnY(e));
    }

    public static double correlation(double e) {
        return 0.784 - 0.023 * lnY(e);
    }

    /** β of the mean profile: β = (α-1)/T. */
    public static double meanBeta(double e) {
        return (meanAlpha(e) - 1) / meanT(e);
    }

    /**
     * Draws one shower's (α, β) from the correlated 2-D Gaussian in (ln T, ln α) centred on the
     * logarithms of the means; writes them to {@code out[0]}, {@code out[1]}.
     */
    public static void sample(double e, EventRandom rng, double[] out) {
        double z1 = rng.gauss();
        double z2 = rng.gauss();
        double rho = correlation(e);
        double lnT = Math.log(meanT(e)) + sigmaLnT(e) * z1;
        double lnA = Math.log(meanAlpha(e)) + sigmaLnAlpha(e) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
        double t = Math.exp(lnT);
        double a = Math.max(Math.exp(lnA), 1.05);
        out[0] = a;
        out[1] = (a - 1) / t;
    }

    /** Fraction of the energy deposited between depths 0 and t (X0): the regularised incomplete gamma function. */
    public static double containedUpTo(double alpha, double beta, double t) {
        if (t <= 0) {
            return 0;
        }
        return Gamma.regularizedGammaP(alpha, beta * t, 1e-12, 500);
    }

    /** {@link #containedUpTo} from a table (absolute error &lt; 2e-4): what the simulation uses per shower. */
    public static double containedUpToFast(double alpha, double beta, double t) {
        return GammaTable.p(alpha, beta * t);
    }

    // --- lateral profile (GFLASH homogeneous parametrisation, radii in Molière radii) ---

    /** Core radius R_C at depth τ = t/T. */
    public static double coreRadius(double tau, double e) {
        double z1 = 0.0251 + 0.00319 * Math.log(e);
        double z2 = 0.1162 - 0.000381 * Z_EFF;
        return LATERAL_RADIUS_SCALE * (z1 + z2 * tau);
    }

    /** Tail radius R_T at depth τ. */
    public static double tailRadius(double tau, double e) {
        double k1 = 0.659 - 0.00309 * Z_EFF;
        double k2 = 0.645;
        double k3 = -2.59;
        double k4 = 0.3585 + 0.0421 * Math.log(e);
        return LATERAL_RADIUS_SCALE * k1 * (Math.exp(k3 * (tau - k2)) + Math.exp(k4 * (tau - k2)));
    }

    /** Core weight p at depth τ (clamped to [0, 1]). */
    public static double coreWeight(double tau, double e) {
        double p1 = 2.632 - 0.00094 * Z_EFF;
        double p2 = 0.401 + 0.00187 * Z_EFF;
        double p3 = 1.313 - 0.0686 * Math.log(e);
        double u = (p2 - tau) / p3;
        return Math.max(0, Math.min(1, p1 * Math.exp(u - Math.exp(u))));
    }

    /**
     * Integral of the normalised 2-D radial profile R²/(π (r²+R²)²) (whose radial density is
     * 2rR²/(r²+R²)², docs/physics.md#shower-model) over the quadrant rectangle [0,x]×[0,y]; odd in x and in y.
     */
    public static double quadrant(double x, double y, double r) {
        double ax = Math.sqrt(x * x + r * r);
        double ay = Math.sqrt(y * y + r * r);
        return (x / ax * Math.atan(y / ax) + y / ay * Math.atan(x / ay)) / (2 * Math.PI);
    }

    /** Integral of the same profile over the rectangle [x1,x2]×[y1,y2] (same units as r). */
    public static double rectangle(double x1, double x2, double y1, double y2, double r) {
        return quadrant(x2, y2, r) - quadrant(x1, y2, r) - quadrant(x2, y1, r) + quadrant(x1, y1, r);
    }
}
