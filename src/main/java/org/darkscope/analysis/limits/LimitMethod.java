package org.darkscope.analysis.limits;

import java.util.Locale;

/** How an upper limit on the signal is computed (docs/physics.md#statistics). */
public enum LimitMethod {
    /** Modified frequentist CLs = CL_{s+b}/CL_b (default). */
    CLS("cls"),
    /** Classical (Neyman) upper limit from P(n ≤ n_obs | s + b) = 1 - CL. */
    CLASSICAL("classical"),
    /** Feldman-Cousins unified interval with likelihood-ratio ordering (upper edge; both ends via {@link UpperLimits#feldmanCousins}). */
    FELDMAN_COUSINS("fc"),
    /**
     * Feldman-Cousins with the belt adjustment of the published tables (Feldman & Cousins 1998, tables
     * IV-IX): the acceptance region's lower edge n1(μ) is made non-decreasing in μ, which removes the
     * rise of the upper limit at n &lt; b that the discreteness of n produces (e.g. n = 0, b = 3:
     * 1.08 as in the table).
     */
    FELDMAN_COUSINS_ADJUSTED("fc-adjusted");

    private final String cliName;

    LimitMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** True for both Feldman-Cousins variants. */
    public boolean isFeldmanCousins() {
        return this == FELDMAN_COUSINS || this == FELDMAN_COUSINS_ADJUSTED;
    }

    /** Parses "cls", "classical", "fc" / "feldman-cousins", "fc-adjusted" (case-insensitive). */
    public static LimitMethod parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "cls" -> CLS;
            case "classical", "neyman" -> CLASSICAL;
            case "fc", "feldman-cousins", "feldman_cousins" -> FELDMAN_COUSINS;
            case "fc-adjusted", "fc-adj", "fc_adjusted" -> FELDMAN_COUSINS_ADJUSTED;
            default -> throw new IllegalArgumentException(
                    "unknown limit method '" + s + "' (expected cls, classical, fc or fc-adjusted)");
        };
    }
}
