package org.darkscope.analysis.background;

/**
 * ABCD estimate N_box ≈ N_A · N_C / N_D with relative error² = 1/N_A + 1/N_C + 1/N_D
 * (docs/physics.md#backgrounds). Assumes E_ECAL and E_HCAL are uncorrelated for the background.
 */
public final class Abcd {
    /** Caveat shown with every ABCD number. */
    public static final String FACTORISATION_NOTE =
            "assumes E_ECAL and E_HCAL factorise for the background; region II (E_ECAL + E_HCAL ≈ E_beam) breaks this: check the closure on simulation";

    public static final String METHOD = "ABCD";
    /** Relative systematic error of the uncorrected ABCD, whose factorisation nothing checks [est]. */
    public static final double UNCHECKED_SYST = 1.0;

    private Abcd() {}

    public static BackgroundEstimate estimate(long nA, long nC, long nD) {
        if (nA <= 0 || nC <= 0 || nD <= 0) {
            StringBuilder s = new StringBuilder();
            if (nA <= 0) {
                s.append("sideband A");
            }
            if (nC <= 0) {
                s.append(s.length() > 0 ? ", " : "").append("sideband C");
            }
            if (nD <= 0) {
                s.append(s.length() > 0 ? ", " : "").append("region D");
            }
            return BackgroundEstimate.unavailable(
                    METHOD, s + " empty (N_A=" + nA + ", N_C=" + nC + ", N_D=" + nD + ")");
        }
        double v = (double) nA * nC / nD;
        double rel = Math.sqrt(1.0 / nA + 1.0 / nC + 1.0 / nD);
        // never a statistical error alone: without a simulation of the correlation the factorisation is
        // unverified, and its systematic is taken as 100 % (ABCD_CORRECTED measures it on MC)
        return new BackgroundEstimate(
                METHOD,
                true,
                v,
                v * rel,
                v * UNCHECKED_SYST,
                "",
                "NOT TRUSTED without a closure check: " + FACTORISATION_NOTE
                        + "; syst 100 % (use the MC-corrected ABCD)",
                java.util.List.of());
    }
}
