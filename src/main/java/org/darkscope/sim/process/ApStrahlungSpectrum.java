package org.darkscope.sim.process;

/**
 * Shape of the A'-strahlung spectrum in x = E_A'/E0 (docs/physics.md#a-strahlung, Bjorken et al. 2009,
 * arXiv:0906.0580): dσ/dx ∝ x (1 - x + x²/3) / [(1-x) + (m_e²/m²) x²], on x in [m/E0, 1 - m_e/E0].
 * Only the shape: the flux χ, the cross-section and yields per EOT belong to the analysis.
 * Sampled by an inverse-CDF table in w = -ln(1-x), fine where the spectrum peaks near x → 1.
 */
public final class ApStrahlungSpectrum {
    /** Electron mass in GeV (PDG [src]). */
    public static final double ELECTRON_MASS = 0.51099895e-3;

    private static final int NODES = 4096;

    private final InverseCdf table;
    private final double xMin;
    private final double xMax;

    /**
     * @param massGeV    A' mass in GeV
     * @param beamEnergy E0 in GeV
     */
    public ApStrahlungSpectrum(double massGeV, double beamEnergy) {
        if (!(massGeV > 0 && massGeV < beamEnergy)) {
            throw new IllegalArgumentException("A' mass must be in (0, E0): " + massGeV * 1e3 + " MeV");
        }
        xMin = massGeV / beamEnergy;
        xMax = 1 - ELECTRON_MASS / beamEnergy;
        double r = ELECTRON_MASS * ELECTRON_MASS / (massGeV * massGeV);
        double wMin = -Math.log(1 - xMin);
        double wMax = -Math.log(1 - xMax);
        double[] w = new double[NODES];
        double[] d = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            w[i] = wMin + (wMax - wMin) * i / (NODES - 1);
            double x = 1 - Math.exp(-w[i]);
            double dsdx = x * (1 - x + x * x / 3) / ((1 - x) + r * x * x);
            d[i] = dsdx * (1 - x); // dx/dw = 1 - x
        }
        table = new InverseCdf(w, d);
    }

    /** Shape density dσ/dx (unnormalised). */
    public static double density(double x, double massGeV) {
        double r = ELECTRON_MASS * ELECTRON_MASS / (massGeV * massGeV);
        return x * (1 - x + x * x / 3) / ((1 - x) + r * x * x);
    }

    /** x for a uniform deviate u. */
    public double sample(double u) {
        return 1 - Math.exp(-table.sample(u));
    }

    /** Fraction of the spectrum with x above x0 (from the table). */
    public double fractionAbove(double x0) {
        return 1 - table.cdfAt(-Math.log(1 - Math.min(Math.max(x0, 0), xMax)));
    }

    public double xMin() {
        return xMin;
    }

    public double xMax() {
        return xMax;
    }
}
