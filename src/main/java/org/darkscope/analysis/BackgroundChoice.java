package org.darkscope.analysis;

import java.util.List;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;

/**
 * Which background estimate feeds a limit. There is no silent fallback: a choice whose estimate cannot be
 * computed gives an unavailable estimate that says why.
 */
public enum BackgroundChoice {
    /** Sum of the sideband C and sideband A fit extrapolations (errors in quadrature); unavailable if either is missing. */
    SIDEBAND_FITS,
    /** ABCD without a correlation correction (syst 100 %: the factorisation is unchecked). */
    ABCD,
    /** Simulation truth in the box (closure studies only). */
    TRUTH,
    /** Fit extrapolation of sideband C (E_ECAL spectrum) alone. */
    SIDEBAND_C,
    /** Fit extrapolation of sideband A (E_HCAL spectrum) alone. */
    SIDEBAND_A,
    /** Data sidebands times the box/sideband ratio of the weighted background MC (what NA64 did). */
    MC_TRANSFER,
    /** ABCD times its correlation correction measured on the weighted background MC. */
    ABCD_CORRECTED;

    /** The estimate this choice gives, or an unavailable one saying why. */
    public BackgroundEstimate pick(BackgroundSummary s) {
        return switch (this) {
            case ABCD -> s.abcd();
            case SIDEBAND_C -> s.sidebandC();
            case SIDEBAND_A -> s.sidebandA();
            case MC_TRANSFER -> s.mcTransfer();
            case ABCD_CORRECTED -> s.abcdCorrected();
            case TRUTH -> s.truthTotal() < 0
                    ? BackgroundEstimate.unavailable("truth", "the background runs are not all simulated")
                    : BackgroundEstimate.of(
                            "truth", s.truthTotal(), Math.sqrt(s.truthTotal()), 0, "simulation truth", List.of());
            case SIDEBAND_FITS -> {
                BackgroundEstimate c = s.sidebandC();
                BackgroundEstimate a = s.sidebandA();
                if (c.available() && a.available()) {
                    yield BackgroundEstimate.of(
                            "sideband fits C + A",
                            c.value() + a.value(),
                            Math.hypot(c.statError(), a.statError()),
                            Math.hypot(c.systError(), a.systError()),
                            "sum of the two sideband extrapolations",
                            List.of());
                }
                yield BackgroundEstimate.unavailable(
                        "sideband fits C + A",
                        (c.available() ? "" : "C: " + c.reason())
                                + (!c.available() && !a.available() ? "; " : "")
                                + (a.available() ? "" : "A: " + a.reason())
                                + " (choose another method explicitly; there is no automatic fallback)");
            }
        };
    }
}
