package org.darkscope.sim;

/**
 * Readout granularity of the stored values [est]: every value is rounded to a power-of-two step
 * (like an ADC/TDC count), well below the resolution of each quantity. Besides realism this keeps
 * the low mantissa bits zero, so run files compress about twice as well. Sums of cell energies
 * (E_ECAL, E_HCAL) stay exact multiples of the cell step.
 */
public final class Digitization {
    /** Calorimeter cell step: 2^-7 GeV ≈ 7.8 MeV (cell noise is 30-40 MeV). */
    public static final double CELL_STEP = 0x1.0p-7;
    /** SRD step: 2^-4 MeV (cell noise 0.3 MeV). */
    public static final double SRD_STEP = 0x1.0p-4;
    /** VETO step: 2^-7 MIP (noise 0.03 MIP). */
    public static final double VETO_STEP = 0x1.0p-7;
    /** Track momentum step: 2^-7 GeV (resolution ≈ 1 GeV). */
    public static final double P_STEP = 0x1.0p-7;
    /** Track angle step: 2^-10 mrad (beam divergence ≈ 0.1 mrad). */
    public static final double ANGLE_STEP = 0x1.0p-10;
    /** χ²/ndf step: 2^-8. */
    public static final double CHI2_STEP = 0x1.0p-8;
    /** Truth z step: 2^-2 mm; truth energy step 2^-10 GeV. */
    public static final double Z_STEP = 0x1.0p-2;

    public static final double TRUTH_E_STEP = 0x1.0p-10;

    private Digitization() {}

    /** v rounded to a multiple of step, as a float. */
    public static float round(double v, double step) {
        return (float) (Math.rint(v / step) * step);
    }
}
