package org.darkscope.analysis;

import java.util.Locale;

/**
 * How a {@link Cut} tests its column value {@code v}. All comparisons are strict, as in the
 * published selection ("E_HCAL &lt; 1 GeV", "preshower &gt; 0.5 GeV"); NaN never passes.
 */
public enum CutKind {
    /** {@code v > min}. */
    MIN("min", true, false),
    /** {@code v < max}. */
    MAX("max", false, true),
    /** {@code min < v < max}. */
    WINDOW("window", true, true),
    /** {@code v < min || v > max} (reject a window). */
    OUTSIDE("outside", true, true),
    /** {@code |v| < max}. */
    ABS_MAX("abs-max", false, true);

    private final String jsonName;
    private final boolean usesMin;
    private final boolean usesMax;

    CutKind(String jsonName, boolean usesMin, boolean usesMax) {
        this.jsonName = jsonName;
        this.usesMin = usesMin;
        this.usesMax = usesMax;
    }

    /** Name in selection JSON files. */
    public String jsonName() {
        return jsonName;
    }

    /** True if the kind reads the {@link Cut#min()} parameter. */
    public boolean usesMin() {
        return usesMin;
    }

    /** True if the kind reads the {@link Cut#max()} parameter. */
    public boolean usesMax() {
        return usesMax;
    }

    /** The reference semantics of one comparison (the fast kernels must agree with it). */
    public boolean passes(double v, double min, double max) {
        return switch (this) {
            case MIN -> v > min;
            case MAX -> v < max;
            case WINDOW -> v > min && v < max;
            case OUTSIDE -> v < min || v > max;
            case ABS_MAX -> Math.abs(v) < max;
        };
    }

    /** Parses a JSON name ("min", "window", "abs-max", ...), case-insensitive. */
    public static CutKind parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (CutKind c : values()) {
            if (c.jsonName.equals(k) || c.name().equalsIgnoreCase(k)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown cut kind '" + s + "' (expected one of min, max, window, outside, abs-max)");
    }
}
