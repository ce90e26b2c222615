package org.darkscope.analysis.yield;

/** Physical constants and target numbers used by the yields (docs/physics.md#signal). */
public final class Constants {
    private Constants() {}

    /** Fine-structure constant [src, PDG]. */
    public static final double ALPHA = 1 / 137.035999;
    /** Electron mass in GeV [src, PDG]. */
    public static final double ELECTRON_MASS = 0.51099895e-3;
    /** 1 GeV⁻² in cm² (0.3894 mb) [src, docs/physics.md#a-strahlung]. */
    public static final double GEV2_TO_CM2 = 0.3894e-27;
    /** Lead: atomic number [src]. */
    public static final double Z_PB = 82;
    /** Lead: mass number [src]. */
    public static final double A_PB = 207.2;
    /** N_A X0 / A for lead, atoms per cm² in one radiation length [src, docs/physics.md#a-strahlung]. */
    public static final double ATOMS_PER_X0_PB = 1.851e22;
    /** Effective track length of the beam electron for A' emission in X0 [est, docs/physics.md#a-strahlung: ≈ 0.85 X0 of Pb]. */
    public static final double L_EFF_X0 = 0.85;
    /** Narrow-width annihilation yield factor: yield/EOT ≈ 0.167 ε² t+(E_R) for Pb [src, docs/physics.md#annihilation (seed 002)]. */
    public static final double ANNIHILATION_FACTOR = 0.167;
    /** ECAL stochastic resolution term a in σ/E = a/√E ⊕ b [src, docs/physics.md#detector (seed 002): 10 %/√E]. */
    public static final double ECAL_STOCHASTIC = 0.10;
    /** ECAL constant resolution term b [src, docs/physics.md#detector (seed 002): 4 %]. */
    public static final double ECAL_CONSTANT = 0.04;
}
