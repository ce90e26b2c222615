package org.darkscope.analysis;

import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;

import java.util.List;

/** Which background estimate feeds a limit. */
public enum BackgroundChoice {
    /** Sum of the sideband C and sideband A fit extrapolations (errors in quadrature); ABCD if a fit is missing. */
    SIDEBAND_FITS,
    /** ABCD. */
    ABCD,
    /** Simulation truth in the box (closure studies only). */
    TRUTH;

    /** The estimate this choice gives, or an unavailable one saying why. */
    public BackgroundEstimate pick(BackgroundSummary s) {
        return switch (this) {
            case ABCD -> s.abcd();
            case TRUTH -> s.truthTotal() < 0
                    ? BackgroundEstimate.unavailable("truth", "the background runs are not all simulated")
                    : BackgroundEstimate.of("truth", s.truthTotal(), Math.sqrt(s.truthTotal()), 0, "simulation truth", List.of());
            case SIDEBAND_FITS -> {
                if (s.sidebandC().available() && s.sidebandA().available()) {
                    BackgroundEstimate c = s.sidebandC();
                    BackgroundEstimate a = s.sidebandA();
                    yield BackgroundEstimate.of("sideband fits C + A", c.value() + a.value(), Math.hypot(c.statError(), a.statError()),
                            Math.hypot(c.systError(), a.systError()), "sum of the two sideband extrapolations", List.of());
                }
                yield s.abcd().available()
                        ? new BackgroundEstimate("ABCD (a sideband fit is missing)", true, s.abcd().value(), s.abcd().statError(),
                        s.abcd().systError(), "", s.abcd().note(), List.of())
                        : BackgroundEstimate.unavailable("sideband fits C + A", (s.sidebandC().available() ? "" : s.sidebandC().reason() + "; ")
                        + (s.sidebandA().available() ? "" : s.sidebandA().reason() + "; ") + "ABCD: " + s.abcd().reason());
            }
        };
    }
}
