package org.darkscope.sim.process;

/**
 * Energy of the shower positron that annihilates resonantly, e+ e- → A' (docs/physics.md#annihilation, seed
 * 002): Breit-Wigner in s = 2 m_e E+ around m², with width Γ for invisible decay into fermions,
 * times the positron track-length spectrum t+(E) (Pb, docs/physics.md#annihilation table, log-linear
 * interpolation and extrapolation). Missing energy ≈ E+: a peak at E_R = m²/(2 m_e).
 */
public final class ResonanceSpectrum {
    /** Energies (GeV) of the t+ table (docs/physics.md#annihilation [est]). */
    static final double[] TPLUS_E = {10, 20, 30, 40, 50, 60, 70, 80, 90};
    /** Positron track length t+(E) in X0/GeV (docs/physics.md#annihilation [est]). */
    static final double[] TPLUS = {0.17, 0.037, 0.0135, 0.0056, 0.0031, 0.0017, 0.0009, 0.0003, 0.0001};
    /** Half-widths of the sampled window around E_R, in units of the resonance half-width. */
    private static final double WINDOW = 30;

    private static final int NODES = 4096;

    private final double resonanceEnergy;
    private final double halfWidthE;
    private final InverseCdf table;

    /**
     * @param massGeV      A' mass in GeV
     * @param beamEnergy   E0 in GeV
     * @param alphaD       dark coupling α_D
     * @param chiMassRatio r = m_χ/m_A'
     */
    public ResonanceSpectrum(double massGeV, double beamEnergy, double alphaD, double chiMassRatio) {
        double me = ApStrahlungSpectrum.ELECTRON_MASS;
        resonanceEnergy = massGeV * massGeV / (2 * me);
        if (!(resonanceEnergy < beamEnergy)) {
            throw new IllegalArgumentException(String.format(
                    "resonant annihilation needs E_R = m^2/(2 m_e) < E0: m = %.1f MeV gives E_R = %.1f GeV > %.1f GeV "
                            + "(use m < %.0f MeV)",
                    massGeV * 1e3, resonanceEnergy, beamEnergy, Math.sqrt(2 * me * beamEnergy) * 1e3));
        }
        double gamma = width(massGeV, alphaD, chiMassRatio);
        double m2 = massGeV * massGeV;
        // s = 2 m_e E: the Breit-Wigner half-width in s, Γ m, is Γ m / (2 m_e) in E
        halfWidthE = gamma * massGeV / (2 * me);
        double lo = Math.max(0.05 * resonanceEnergy, resonanceEnergy - WINDOW * halfWidthE);
        double hi = Math.min(beamEnergy, resonanceEnergy + WINDOW * halfWidthE);
        double[] e = new double[NODES];
        double[] d = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            e[i] = lo + (hi - lo) * i / (NODES - 1);
            double s = 2 * me * e[i];
            double bw = 1.0 / ((s - m2) * (s - m2) + gamma * gamma * m2);
            d[i] = bw * trackLength(e[i]);
        }
        table = new InverseCdf(e, d);
    }

    /** Invisible width Γ = α_D (m/3)(1 + 2r²)√(1 - 4r²) for fermion χ (docs/physics.md#annihilation), GeV. */
    public static double width(double massGeV, double alphaD, double r) {
        double r2 = r * r;
        return alphaD * massGeV / 3 * (1 + 2 * r2) * Math.sqrt(Math.max(0, 1 - 4 * r2));
    }

    /** Positron track length t+(E) in X0/GeV, log-linear in the table, extrapolated with the end slopes. */
    public static double trackLength(double e) {
        int n = TPLUS_E.length;
        int i;
        if (e <= TPLUS_E[0]) {
            i = 0;
        } else if (e >= TPLUS_E[n - 1]) {
            i = n - 2;
        } else {
            i = (int) ((e - TPLUS_E[0]) / (TPLUS_E[1] - TPLUS_E[0]));
            i = Math.min(i, n - 2);
        }
        double f = (e - TPLUS_E[i]) / (TPLUS_E[i + 1] - TPLUS_E[i]);
        return Math.exp(Math.log(TPLUS[i]) + f * (Math.log(TPLUS[i + 1]) - Math.log(TPLUS[i])));
    }

    /** E+ (GeV) for a uniform deviate u. */
    public double sample(double u) {
        return table.sample(u);
    }

    /** E_R = m²/(2 m_e) in GeV. */
    public double resonanceEnergy() {
        return resonanceEnergy;
    }

    /** Half-width at half-maximum of the resonance in E+ (GeV), before the t+ weight. */
    public double halfWidth() {
        return halfWidthE;
    }
}
