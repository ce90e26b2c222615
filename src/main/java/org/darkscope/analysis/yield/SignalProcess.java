package org.darkscope.analysis.yield;

import java.util.Locale;

/** Which A' production is counted (docs/physics.md#a-strahlung, #annihilation). */
public enum SignalProcess {
    BREM,
    ANNIHILATION,
    BOTH;

    public boolean brem() {
        return this != ANNIHILATION;
    }

    public boolean annihilation() {
        return this != BREM;
    }

    public static SignalProcess parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "brem", "bremsstrahlung", "strahlung" -> BREM;
            case "annihilation", "annih", "resonant" -> ANNIHILATION;
            case "both" -> BOTH;
            default -> throw new IllegalArgumentException(
                    "unknown process '" + s + "' (expected brem, annihilation or both)");
        };
    }
}
