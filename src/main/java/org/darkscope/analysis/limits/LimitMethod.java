package org.darkscope.analysis.limits;

import java.util.Locale;

/** How an upper limit on the signal is computed (physics.md section 5). */
public enum LimitMethod {
    /** Modified frequentist CLs = CL_{s+b}/CL_b (default). */
    CLS("cls"),
    /** Classical (Neyman) upper limit from P(n ≤ n_obs | s + b) = 1 - CL. */
    CLASSICAL("classical"),
    /** Feldman-Cousins unified interval with likelihood-ratio ordering (upper edge). */
    FELDMAN_COUSINS("fc");

    private final String cliName;

    LimitMethod(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() { return cliName; }

    /** Parses "cls", "classical", "fc" / "feldman-cousins" (case-insensitive). */
    public static LimitMethod parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "cls" -> CLS;
            case "classical", "neyman" -> CLASSICAL;
            case "fc", "feldman-cousins", "feldman_cousins" -> FELDMAN_COUSINS;
            default -> throw new IllegalArgumentException("unknown limit method '" + s + "' (expected cls, classical or fc)");
        };
    }
}
