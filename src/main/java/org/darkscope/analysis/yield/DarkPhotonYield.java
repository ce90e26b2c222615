package org.darkscope.analysis.yield;

import static org.darkscope.analysis.yield.Constants.ALPHA;
import static org.darkscope.analysis.yield.Constants.ELECTRON_MASS;

/**
 * A' yields per electron on target in a lead target (docs/physics.md#a-strahlung, #annihilation), for coupling ε.
 * Masses in GeV, energies in GeV.
 */
public final class DarkPhotonYield {
    /** Positron track-length energies (GeV) of the t+ table [est, docs/physics.md#annihilation]. */
    static final double[] T_PLUS_ENERGY = {10, 20, 30, 40, 50, 60, 70, 80, 90};
    /** Positron track length t+ in X0/GeV at those energies [est, docs/physics.md#annihilation]. */
    static final double[] T_PLUS = {0.17, 0.037, 0.0135, 0.0056, 0.0031, 0.0017, 0.0009, 0.0003, 0.0001};
    /** Beyond this many ECAL σ above the box edge the annihilation yield is counted as 0. */
    static final double ANNIHILATION_SIGMAS = 5;
    /** Simpson intervals of the photon-flux integral in ln t. */
    private static final int CHI_STEPS = 4000;

    private final double beamEnergy;
    private final double z;
    private final double a;
    private final BremModel model;
    private final KFactorTable kTable;

    /**
     * @param beamEnergy electron beam energy E_0 (GeV)
     * @param model      IWW, or ETL with {@code kTable}
     * @param kTable     K = σ_IWW/σ_ETL table (used for ETL only)
     */
    public DarkPhotonYield(double beamEnergy, BremModel model, KFactorTable kTable) {
        if (!(beamEnergy > 0)) {
            throw new IllegalArgumentException("beam energy must be positive");
        }
        this.beamEnergy = beamEnergy;
        this.z = Constants.Z_PB;
        this.a = Constants.A_PB;
        this.model = model;
        this.kTable = kTable;
    }

    /** IWW at 100 GeV on lead. */
    public static DarkPhotonYield iww(double beamEnergy) {
        return new DarkPhotonYield(beamEnergy, BremModel.IWW, KFactorTable.unity());
    }

    public double beamEnergy() {
        return beamEnergy;
    }

    public BremModel model() {
        return model;
    }

    /** Elastic atomic form factor G2(t) of lead (docs/physics.md#a-strahlung). */
    public double g2(double t) {
        double aa = 111 * Math.pow(z, -1.0 / 3) / ELECTRON_MASS;
        double d = 0.164 * Math.pow(a, -2.0 / 3);
        double s = aa * aa * t / (1 + aa * aa * t);
        double n = 1 / (1 + t / d);
        return z * z * s * s * n * n;
    }

    /** Effective photon flux χ = ∫_{t_min}^{t_max} (t - t_min)/t² G2(t) dt, t_min = (m²/2E_0)², t_max = m². */
    public double chi(double m) {
        double tMin = Math.pow(m * m / (2 * beamEnergy), 2);
        double tMax = m * m;
        double u0 = Math.log(tMin);
        double u1 = Math.log(tMax);
        double h = (u1 - u0) / CHI_STEPS;
        double s = 0;
        for (int i = 0; i <= CHI_STEPS; i++) {
            double t = Math.exp(u0 + i * h);
            double f = (t - tMin) / t * g2(t); // dt = t du
            s += f * (i == 0 || i == CHI_STEPS ? 1 : (i & 1) == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    /** Unnormalised dσ/dx ∝ x (1 - x + x²/3) / [(1 - x) + (m_e²/m²) x²] (IWW shape, docs/physics.md#a-strahlung). */
    public double spectrumShape(double x, double m) {
        double r = ELECTRON_MASS * ELECTRON_MASS / (m * m);
        return x * (1 - x + x * x / 3) / ((1 - x) + r * x * x);
    }

    /** Kinematic range of x = E_A'/E_0: [m/E_0, 1 - m_e/E_0]. */
    public double[] xRange(double m) {
        return new double[] {m / beamEnergy, 1 - ELECTRON_MASS / beamEnergy};
    }

    /** Fraction of A'-strahlung with x &gt; xc (numerical integration of the shape). */
    public double fractionAbove(double xc, double m) {
        double[] r = xRange(m);
        double lo = Math.max(r[0], xc);
        if (lo >= r[1]) {
            return 0;
        }
        return integrateShape(lo, r[1], m) / integrateShape(r[0], r[1], m);
    }

    private double integrateShape(double lo, double hi, double m) {
        // the shape peaks sharply near x -> 1 for small m: integrate in ln(1 - x)
        int n = 4000;
        double v0 = Math.log(1 - lo);
        double v1 = Math.log(1 - hi);
        double h = (v1 - v0) / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double y = Math.exp(v0 + i * h);
            double x = 1 - y;
            double f = spectrumShape(x, m) * y; // dx = -y dv
            s += f * (i == 0 || i == n ? 1 : (i & 1) == 1 ? 4 : 2);
        }
        return -s * h / 3;
    }

    /** I = (1/3) ln((1 - x_c)/δ) - (1 - x_c)³/9, δ = max(m_e²/m², m²/E_0²) (docs/physics.md#a-strahlung). */
    public double iIntegral(double xc, double m) {
        double delta = Math.max(ELECTRON_MASS * ELECTRON_MASS / (m * m), m * m / (beamEnergy * beamEnergy));
        double v = (1.0 / 3) * Math.log((1 - xc) / delta) - Math.pow(1 - xc, 3) / 9;
        return Math.max(0, v);
    }

    /**
     * I(x_c) = ∫ x(1 - x + x²/3) / ((1 - x) + (m_e²/m²) x²) dx over x from max(x_c, m/E_0) to 1 - m_e/E_0,
     * integrated numerically (Simpson in ln(1 - x)). The closed form {@link #iIntegral} assumes
     * m_e²/m² ≪ 1 and undercuts this by up to 1.75x at m = 1-2 MeV; the yield uses this one.
     */
    public double iNumerical(double xc, double m) {
        double[] r = xRange(m);
        double lo = Math.max(r[0], xc);
        if (lo >= r[1]) {
            return 0;
        }
        return integrateShape(lo, r[1], m);
    }

    /** K factor applied (1 for IWW). */
    public double kFactor(double m) {
        return model == BremModel.ETL ? kTable.at(m) : 1.0;
    }

    /**
     * A'-strahlung yield per EOT divided by ε², for x &gt; xc:
     * (N_A X0/A) · L_eff · (4 α³ χ/m²) · I / K, with 1 GeV⁻² = 0.3894 mb (docs/physics.md#a-strahlung), I the
     * numerical x-integral {@link #iNumerical}.
     */
    public double bremPerEotPerEps2(double m, double xc) {
        double sigmaGeV = 4 * ALPHA * ALPHA * ALPHA * chi(m) / (m * m) * iNumerical(xc, m);
        return Constants.ATOMS_PER_X0_PB * Constants.L_EFF_X0 * sigmaGeV * Constants.GEV2_TO_CM2 / kFactor(m);
    }

    /** Resonance energy E_R = m²/(2 m_e) of e+ e- → A' on atomic electrons (docs/physics.md#annihilation). */
    public static double resonanceEnergy(double m) {
        return m * m / (2 * ELECTRON_MASS);
    }

    /** Positron track length t+(E) in X0/GeV, log-interpolated in the table; 0 outside 10-90 GeV. */
    public static double positronTrackLength(double e) {
        if (e < T_PLUS_ENERGY[0] || e > T_PLUS_ENERGY[T_PLUS_ENERGY.length - 1]) {
            return 0;
        }
        int i = 1;
        while (i < T_PLUS_ENERGY.length - 1 && T_PLUS_ENERGY[i] < e) {
            i++;
        }
        double f = (e - T_PLUS_ENERGY[i - 1]) / (T_PLUS_ENERGY[i] - T_PLUS_ENERGY[i - 1]);
        return Math.exp(Math.log(T_PLUS[i - 1]) + f * (Math.log(T_PLUS[i]) - Math.log(T_PLUS[i - 1])));
    }

    /**
     * Resonant-annihilation yield per EOT divided by ε²: the narrow resonance (σ_res ∝ δ(E+ - E_R) in the
     * narrow-width limit) folded with the positron track-length spectrum gives ≈ 0.167 t+(E_R)
     * (docs/physics.md#annihilation); the missing energy is E_R, so the visible ECAL energy E_0 - E_R is smeared with the
     * ECAL resolution σ/E = a/√E ⊕ b ({@link Constants#ECAL_STOCHASTIC}, {@link Constants#ECAL_CONSTANT})
     * and the yield is weighted with the probability that the measured E_ECAL lies in the box,
     * E_ECAL &lt; E_0 - minMissing. No step to zero at the box edge: m_A' = 225 MeV (E_R = 49.5 GeV,
     * E_ECAL = 50.5 GeV) keeps ≈ 40 % of its yield with a 50 GeV box.
     */
    public double annihilationPerEotPerEps2(double m, double minMissing) {
        double er = resonanceEnergy(m);
        if (er >= beamEnergy) {
            return 0;
        }
        double ecalTrue = beamEnergy - er;
        double ecalMax = beamEnergy - minMissing;
        double sigma = ecalSigma(Math.max(ecalTrue, 1e-3));
        if (ecalTrue - ecalMax > ANNIHILATION_SIGMAS * sigma) {
            return 0; // outside the window by more than the resolution can carry it
        }
        double accept = 0.5 * org.apache.commons.math3.special.Erf.erfc(-(ecalMax - ecalTrue) / (sigma * Math.sqrt(2)));
        return Constants.ANNIHILATION_FACTOR * positronTrackLength(er) * accept;
    }

    /** ECAL energy resolution σ(E) = E · √((a/√E)² + b²) (GeV). */
    public static double ecalSigma(double e) {
        double a = Constants.ECAL_STOCHASTIC;
        double b = Constants.ECAL_CONSTANT;
        return e * Math.sqrt(a * a / e + b * b);
    }
}
