package org.darkscope.sim.process;

/**
 * Energy dependence of the total A'-strahlung cross-section on lead in the improved
 * Weizsäcker-Williams approximation (docs/physics.md#a-strahlung, Bjorken et al. 2009, arXiv:0906.0580):
 * σ(E) ∝ χ(E) β ln(1/δ²), δ = max(m_e/m, m/E), β = √(1 - m²/E²), with the elastic photon flux
 * χ(E) = ∫_{t_min}^{t_max} (t - t_min)/t² G2(t) dt, t_min = (m²/2E)², t_max = m². The simulation
 * needs only the ratio σ(E)/σ(E0) (where along the electron's path the A' is emitted); absolute
 * yields per EOT belong to the analysis. Written here, not borrowed from the analysis, so the two
 * can be checked against each other.
 */
public final class ApStrahlungCrossSection {
    /** Atomic number and mass number of lead (the ECAL absorber). */
    public static final double Z = 82;

    public static final double A = 207.2;
    private static final int CHI_STEPS = 400;

    private final double mass;

    /** @param massGeV A' mass in GeV */
    public ApStrahlungCrossSection(double massGeV) {
        if (!(massGeV > 0)) {
            throw new IllegalArgumentException("A' mass must be > 0, got " + massGeV);
        }
        this.mass = massGeV;
    }

    /** Elastic atomic form factor G2(t) of lead (docs/physics.md#a-strahlung). */
    static double g2(double t) {
        double me = ApStrahlungSpectrum.ELECTRON_MASS;
        double a = 111 * Math.pow(Z, -1.0 / 3) / me;
        double d = 0.164 * Math.pow(A, -2.0 / 3);
        double s = a * a * t / (1 + a * a * t);
        double n = 1 / (1 + t / d);
        return Z * Z * s * s * n * n;
    }

    /** Photon flux χ at electron energy e (GeV), Simpson's rule in ln t. */
    public double chi(double e) {
        double m = mass;
        double tMin = Math.pow(m * m / (2 * e), 2);
        double tMax = m * m;
        if (!(tMax > tMin)) {
            return 0;
        }
        double u0 = Math.log(tMin);
        double h = (Math.log(tMax) - u0) / CHI_STEPS;
        double s = 0;
        for (int i = 0; i <= CHI_STEPS; i++) {
            double t = Math.exp(u0 + i * h);
            double f = (t - tMin) / t * g2(t);
            s += f * (i == 0 || i == CHI_STEPS ? 1 : (i & 1) == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    /** σ(E) up to a constant (ε² α³ / m² and the 4/3 dropped); 0 below threshold. */
    public double relative(double e) {
        if (!(e > mass)) {
            return 0;
        }
        double me = ApStrahlungSpectrum.ELECTRON_MASS;
        double delta = Math.max(me / mass, mass / e);
        double beta = Math.sqrt(1 - mass * mass / (e * e));
        return Math.max(0, chi(e) * beta * Math.log(1 / (delta * delta)));
    }

    public double mass() {
        return mass;
    }
}
