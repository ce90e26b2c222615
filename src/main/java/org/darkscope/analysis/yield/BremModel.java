package org.darkscope.analysis.yield;

import java.util.Locale;

/** Cross-section model of A'-strahlung (docs/physics.md#a-strahlung). */
public enum BremModel {
    /** Improved Weizsäcker-Williams (K = 1). */
    IWW,
    /** Exact tree level: IWW divided by the mass-dependent K factor of a {@link KFactorTable}. */
    ETL;

    public static BremModel parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "iww" -> IWW;
            case "etl" -> ETL;
            default -> throw new IllegalArgumentException("unknown model '" + s + "' (expected iww or etl)");
        };
    }
}
