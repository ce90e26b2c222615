package org.darkscope.analysis.yield;

import static org.darkscope.analysis.yield.Constants.ALPHA;
import static org.darkscope.analysis.yield.Constants.ELECTRON_MASS;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Exact tree-level (ETL) cross-section of A'-strahlung e Z → e Z A' on a nucleus of finite mass M, integrated
 * numerically over the momentum transfer t, the A' angle θ and the energy fraction x (docs/physics.md#a-strahlung-etl).
 *
 * <p>The φ-integrated squared amplitude is that of Liu &amp; Miller, PRD 96 (2017) 016004 (vector case), as used by
 * NA64 (Gninenko et al., PLB 782 (2018) 406); form factor G₂ of docs/physics.md#a-strahlung (elastic; the inelastic
 * term of Tsai/Bjorken et al. on request). The K factor K = σ_IWW/σ_ETL relates it to the improved
 * Weizsäcker-Williams yield of {@link DarkPhotonYield}.
 *
 * <p>Regenerate {@code resources/yields/k-factor-etl.csv} with
 * {@code java -cp target/classes:$(cat cp.txt) org.darkscope.analysis.yield.ExactTreeLevel resources/yields/k-factor-etl.csv}.
 * Energies and masses in GeV, cross-sections in GeV⁻² for ε = 1.
 */
public final class ExactTreeLevel {
    /** Atomic mass unit in GeV [src, PDG]. */
    public static final double AMU = 0.93149410;
    /** Masses (GeV) of the shipped K table. */
    public static final double[] TABLE_MASSES = {
        0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.006, 0.008, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1,
        0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.5, 2.0
    };

    /**
     * Default panels per unit of log: K changes by ≲ 1e-4 (relative) from 0.5 to 1 panel (the 4th decimal of the table),
     * at 1 MeV-1 GeV; a table row then takes ≈ 0.05 s.
     */
    static final double DEFAULT_PANELS_PER_LOG = 0.5;

    private static final int GL_POINTS = 8;
    private static final double[] GX;
    private static final double[] GW;

    static {
        GaussIntegrator g = new GaussIntegratorFactory().legendre(GL_POINTS);
        GX = new double[GL_POINTS];
        GW = new double[GL_POINTS];
        for (int i = 0; i < GL_POINTS; i++) {
            GX[i] = g.getPoint(i);
            GW[i] = g.getWeight(i);
        }
    }

    private final double e0;
    private final double z;
    private final double a;
    private final double nucleusMass;
    private final boolean inelastic;
    /** G₂(t)/t² (GeV⁻⁴); the form factor of docs/physics.md unless a test replaces it. */
    private final DoubleUnaryOperator formFactor;
    /** Upper end of the t-integral: beyond it the form factor has removed everything. */
    private final double tCut;
    /** Gauss-Legendre panels (8 points each) per unit of ln t, ln δ and ln(1 - x): the accuracy knob. */
    private final double panelsPerLog;

    /**
     * @param beamEnergy E₀ (GeV)
     * @param z          atomic number
     * @param a          mass number (nucleus mass M = A · u)
     * @param inelastic  add the inelastic (atomic-electron) form factor term
     */
    public ExactTreeLevel(double beamEnergy, double z, double a, boolean inelastic) {
        this(beamEnergy, z, a, inelastic, DEFAULT_PANELS_PER_LOG);
    }

    ExactTreeLevel(double beamEnergy, double z, double a, boolean inelastic, double panelsPerLog) {
        this(beamEnergy, z, a, inelastic, panelsPerLog, null, 1e4 * 0.164 * Math.pow(a, -2.0 / 3));
    }

    /**
     * @param formFactor G₂(t)/t² replacing that of docs/physics.md (null: keep it); for limit tests
     * @param tCut       upper end of the t-integral (GeV²)
     */
    ExactTreeLevel(
            double beamEnergy,
            double z,
            double a,
            boolean inelastic,
            double panelsPerLog,
            DoubleUnaryOperator formFactor,
            double tCut) {
        if (!(beamEnergy > 0) || !(z > 0) || !(a > 0) || !(panelsPerLog > 0) || !(tCut > 0)) {
            throw new IllegalArgumentException("beam energy, Z, A, panels and t cut must be positive");
        }
        this.e0 = beamEnergy;
        this.z = z;
        this.a = a;
        this.nucleusMass = a * AMU;
        this.inelastic = inelastic;
        this.panelsPerLog = panelsPerLog;
        this.formFactor = formFactor != null ? formFactor : this::g2OverT2;
        this.tCut = tCut;
    }

    /** Lead, elastic form factor only, at beam energy E₀. */
    public static ExactTreeLevel lead(double beamEnergy) {
        return new ExactTreeLevel(beamEnergy, Constants.Z_PB, Constants.A_PB, false);
    }

    public double beamEnergy() {
        return e0;
    }

    /**
     * G₂(t)/t²: elastic G₂ = Z² [a²t/(1 + a²t)]² [1/(1 + t/d)]², a = 111 Z^(−1/3)/m_e, d = 0.164 A^(−2/3) GeV²;
     * optional inelastic Z [a'²t/(1 + a'²t)]² [(1 + t(μ_p² − 1)/(4m_p²))/(1 + t/0.71)⁴]², a' = 773 Z^(−2/3)/m_e
     * (docs/physics.md#a-strahlung-etl). Written divided by t² so that small t loses no digits.
     */
    double g2OverT2(double t) {
        double aa2 = Math.pow(111 * Math.pow(z, -1.0 / 3) / ELECTRON_MASS, 2);
        double d = 0.164 * Math.pow(a, -2.0 / 3);
        double s = aa2 / (1 + aa2 * t);
        double n = 1 / (1 + t / d);
        double g = z * z * s * s * n * n;
        if (inelastic) {
            double ap2 = Math.pow(773 * Math.pow(z, -2.0 / 3) / ELECTRON_MASS, 2);
            double mp = 0.938272;
            double mup = 2.793;
            double si = ap2 / (1 + ap2 * t);
            double p = (1 + t * (mup * mup - 1) / (4 * mp * mp)) / Math.pow(1 + t / 0.71, 4);
            g += z * si * si * p * p;
        }
        return g;
    }

    /** Kinematics of one (x, δ = 1 − cos θ) point; t-independent parts of the integrand. */
    private final class Point {
        final double m;
        final double x;
        final double y; // 1 - x
        final double p;
        final double k;
        final double u; // ũ = (p - k)² - m_e² = m² - 2 p·k  (< 0)
        final double v2; // |p⃗ - k⃗|²
        final double v;
        final double c; // 1 + E'/M
        final double pl; // p - k cos θ (beam-direction component of V⃗)
        final double sin2; // sin²θ
        final double tLo;
        final double tHi;
        final boolean allowed;

        Point(double m, double x, double y, double delta) {
            this.m = m;
            this.x = x;
            this.y = y;
            double me2 = ELECTRON_MASS * ELECTRON_MASS;
            double xe = x * e0;
            p = Math.sqrt(e0 * e0 - me2);
            k = Math.sqrt(Math.max(0, (xe - m) * (xe + m)));
            // E·xE - p k without cancellation: ((E xE)² - (p k)²)/(E xE + p k)
            double ekMinusPk = (xe * xe * me2 + m * m * e0 * e0 - m * m * me2) / (e0 * xe + p * k);
            double pDotK = ekMinusPk + p * k * delta;
            u = m * m - 2 * pDotK;
            double pMinusK = (e0 * e0 - me2 - xe * xe + m * m) / (p + k);
            v2 = pMinusK * pMinusK + 2 * p * k * delta;
            v = Math.sqrt(v2);
            double ePrime = e0 * y;
            c = 1 + ePrime / nucleusMass;
            pl = pMinusK + k * delta;
            sin2 = delta * (2 - delta);
            // |cos θ_q| ≤ 1  ⇔  t² (c² − V²/M²) − 2t (ũc + 2V²) + ũ² ≤ 0
            double mm2 = nucleusMass * nucleusMass;
            double disc = 4 * v2 + 4 * u * c + u * u / mm2;
            double b = u * c + 2 * v2;
            if (!(disc > 0) || !(b > 0) || !(k > 0)) {
                allowed = false;
                tLo = tHi = 0;
                return;
            }
            double root = b + v * Math.sqrt(disc);
            tLo = u * u / root;
            tHi = root / (c * c - v2 / mm2);
            allowed = tHi > tLo;
        }

        /**
         * The φ-integrated squared amplitude divided by 8M², Φ(x, θ, t), normalised so that
         * dσ/dx dcosθ = α³ (k E₀/(p V)) ∫ dt G₂/t² · Φ (docs/physics.md#a-strahlung-etl).
         */
        double phi(double t) {
            double me2 = ELECTRON_MASS * ELECTRON_MASS;
            double bigM = nucleusMass;
            double mm = m * m + 2 * me2;
            double qc = (u - c * t) / (2 * v); // |q| cos θ_q
            double q2 = t + t * t / (4 * bigM * bigM);
            double q2sin2 = q2 - qc * qc; // |q|² sin²θ_q
            if (q2sin2 < 0) {
                q2sin2 = 0;
            }
            double yy = -t - t * e0 / bigM - 2 * p * pl * qc / v;
            double w = yy * yy - 4 * q2sin2 * p * p * k * k * sin2 / v2;
            if (!(w > 0)) {
                return 0;
            }
            double a0 = (2 * t * u + (t - 4 * e0 * e0 * y * y) * mm + (2 * e0 * t / bigM) * (u + y * mm)) / (u * u);
            double a1 = 1 / u;
            double am1 = (2 * t * u
                            + u * u
                            + 4 * e0 * e0 * (-2 * y * mm - t * (1 + y * y))
                            + 2 * t * (-m * m + 2 * me2 + t)
                            - (2 * e0 * t / bigM) * (y * u + (x - 2) * (mm + t))
                            + (t * t / (bigM * bigM)) * (u - m * m))
                    / u;
            double am2 = -(4 * e0 * e0 - t * (2 * e0 / bigM + 1)) * mm;
            double sw = Math.sqrt(w);
            return a0 + yy * a1 + am1 / sw + yy * am2 / (w * sw);
        }
    }

    /** dσ/dx dcosθ at δ = 1 − cos θ (GeV⁻², ε = 1): the t-integral in ln t by composite Gauss-Legendre. */
    public double dSigmaDxDcos(double m, double x, double delta) {
        return dSigmaDxDcos(m, x, 1 - x, delta);
    }

    private double dSigmaDxDcos(double m, double x, double y, double delta) {
        Point pt = new Point(m, x, y, delta);
        if (!pt.allowed) {
            return 0;
        }
        double lo = Math.log(pt.tLo);
        // beyond tCut (1e4 d) the nuclear form factor has removed everything (G2/t² ∝ t^-4)
        double hi = Math.log(Math.min(pt.tHi, tCut));
        if (!(hi > lo)) {
            return 0;
        }
        int panels = Math.max(4, (int) Math.ceil((hi - lo) * panelsPerLog));
        double h = (hi - lo) / panels;
        double s = 0;
        for (int j = 0; j < panels; j++) {
            double mid = lo + (j + 0.5) * h;
            for (int i = 0; i < GL_POINTS; i++) {
                double t = Math.exp(mid + 0.5 * h * GX[i]);
                s += GW[i] * t * formFactor.applyAsDouble(t) * pt.phi(t);
            }
        }
        s *= 0.5 * h;
        return ALPHA * ALPHA * ALPHA * pt.k * e0 / (pt.p * pt.v) * s;
    }

    /** dσ/dx (GeV⁻², ε = 1): the angle integrated in ln δ from far below the characteristic angle to δ = 2. */
    public double dSigmaDx(double m, double x) {
        return dSigmaDx(m, x, 1 - x);
    }

    private double dSigmaDx(double m, double x, double y) {
        if (x * e0 <= m) {
            return 0;
        }
        double me2 = ELECTRON_MASS * ELECTRON_MASS;
        // characteristic 1 - cos θ: θ² ≈ U/(E₀² x), U = m²(1 - x)/x + m_e² x
        double uChar = m * m * y / x + me2 * x;
        double dChar = uChar / (2 * e0 * e0 * x);
        double lo = Math.log(dChar * 1e-7);
        double hi = Math.log(2);
        int panels = Math.max(6, (int) Math.ceil((hi - lo) * panelsPerLog));
        double h = (hi - lo) / panels;
        double s = 0;
        for (int j = 0; j < panels; j++) {
            double mid = lo + (j + 0.5) * h;
            for (int i = 0; i < GL_POINTS; i++) {
                double d = Math.exp(mid + 0.5 * h * GX[i]);
                s += GW[i] * d * dSigmaDxDcos(m, x, y, d);
            }
        }
        return 0.5 * h * s;
    }

    /**
     * σ_ETL for x = E_A'/E₀ in [max(xc, m/E₀), 1 − m_e/E₀] (GeV⁻², ε = 1): linear in x below 0.5, in ln(1 − x) above,
     * where the spectrum peaks for light A'.
     */
    public double sigma(double m, double xc) {
        double xLo = Math.max(xc, m / e0);
        double yHi = ELECTRON_MASS / e0; // smallest 1 - x
        if (xLo >= 1 - yHi) {
            return 0;
        }
        double s = 0;
        double xMid = Math.max(xLo, 0.5);
        if (xLo < 0.5) {
            int panels = Math.max(4, (int) Math.ceil(8 * panelsPerLog));
            double h = (0.5 - xLo) / panels;
            for (int j = 0; j < panels; j++) {
                double mid = xLo + (j + 0.5) * h;
                for (int i = 0; i < GL_POINTS; i++) {
                    double x = mid + 0.5 * h * GX[i];
                    s += 0.5 * h * GW[i] * dSigmaDx(m, x, 1 - x);
                }
            }
        }
        double lo = Math.log(1 - xMid);
        double hi = Math.log(yHi);
        int panels = Math.max(6, (int) Math.ceil((lo - hi) * panelsPerLog));
        double h = (lo - hi) / panels;
        for (int j = 0; j < panels; j++) {
            double mid = hi + (j + 0.5) * h;
            for (int i = 0; i < GL_POINTS; i++) {
                double y = Math.exp(mid + 0.5 * h * GX[i]);
                s += 0.5 * h * GW[i] * y * dSigmaDx(m, 1 - y, y);
            }
        }
        return s;
    }

    /** Fraction of the ETL A'-strahlung with x &gt; xc. */
    public double fractionAbove(double xc, double m) {
        return sigma(m, xc) / sigma(m, 0);
    }

    /**
     * σ_IWW for x &gt; xc as {@link DarkPhotonYield} computes it: 4 α³ χ/m² · I_numerical (GeV⁻², ε = 1,
     * elastic G₂ only).
     */
    public double sigmaIww(double m, double xc) {
        DarkPhotonYield y = DarkPhotonYield.iww(e0);
        return 4 * ALPHA * ALPHA * ALPHA * y.chi(m) / (m * m) * y.iNumerical(xc, m);
    }

    /** K = σ_IWW/σ_ETL for x &gt; xc, the factor {@link KFactorTable} holds. */
    public double kFactor(double m, double xc) {
        return sigmaIww(m, xc) / sigma(m, xc);
    }

    /** The K table: header comments and rows mass_gev,k for x &gt; xc. */
    public void writeTable(PrintStream out, double xc) {
        out.println("# K = sigma_IWW / sigma_ETL for A'-strahlung of a " + fmt(e0)
                + " GeV electron on Pb (Z = 82, A = 207.2)" + " versus m_A' (GeV), for x = E_A'/E_0 > " + fmt(xc)
                + ".");
        out.println("# Computed, not estimated (docs/physics.md#a-strahlung-etl): sigma_ETL is the exact tree-level");
        out.println(
                "# cross-section (Liu & Miller, PRD 96 (2017) 016004; Gninenko et al., PLB 782 (2018) 406) integrated");
        out.println(
                "# numerically over t, the A' angle and x, elastic form factor G2 of docs/physics.md#a-strahlung, nucleus");
        out.println(
                "# mass A*u; sigma_IWW = 4 alpha^3 chi/m^2 * I (numerical x-integral), as DarkPhotonYield computes it.");
        out.println("# Regenerate: mvn -o -q compile && java -cp target/classes:$(cat cp.txt)"
                + " org.darkscope.analysis.yield.ExactTreeLevel resources/yields/k-factor-etl.csv");
        out.println(
                "# (cp.txt from mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt; class ExactTreeLevel.main).");
        out.println("mass_gev,k");
        for (double m : TABLE_MASSES) {
            out.println(fmt(m) + "," + String.format(Locale.ROOT, "%.4f", kFactor(m, xc)));
        }
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * Writes the K table for 100 GeV on lead, x &gt; 0.5, to the file given as the only argument (the shipped table is
     * resources/yields/k-factor-etl.csv). A file rather than standard output: only the CLI prints to the console.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException(
                    "usage: ExactTreeLevel OUT.csv (e.g. resources/yields/k-factor-etl.csv)");
        }
        try (PrintStream out =
                new PrintStream(Files.newOutputStream(Path.of(args[0])), false, StandardCharsets.UTF_8)) {
            lead(100).writeTable(out, 0.5);
        }
    }
}
