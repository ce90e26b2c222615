package org.darkscope.ui.cuts;

import java.util.Set;
import org.darkscope.analysis.Cut;
import org.darkscope.event.Schema;

/**
 * The physical range of the summary variables a cut can test, so a typed edge that no event could
 * ever meet (a negative energy, a shower-shape ratio above 1) is refused instead of applied.
 * Columns not listed here are not limited (positions, times). No toolkit.
 */
public final class CutLimits {
    /** Energies, momentum, angle to the beam axis, fit chi2, hit counts, MIP amplitudes: never negative. */
    private static final Set<String> NON_NEGATIVE = Set.of(
            Schema.P,
            Schema.ANGLE,
            Schema.CHI2,
            Schema.STRAW_HITS,
            Schema.ECAL_PRE,
            Schema.ECAL_MAIN,
            Schema.ECAL,
            Schema.HCAL,
            Schema.SRD_SUM,
            Schema.VETO_MAX,
            Schema.E_TOTAL,
            "srd{i}_mev",
            "veto{i}_mip",
            "hcal{i}");
    /** Energy fractions: (E_ECAL - E_3x3)/E_ECAL and the HCAL ratio lie in [0, 1]. */
    private static final Set<String> FRACTION = Set.of(Schema.ECAL_SHAPE, Schema.HCAL_R);

    private CutLimits() {}

    /** Null if {@code v} is a possible edge for the column, else the message naming the range. */
    public static String check(String column, double v, String unit) {
        String u = unit == null || unit.isEmpty() ? "" : " " + unit;
        if (FRACTION.contains(column) && (v < 0 || v > 1)) {
            return Cut.format(v) + " is outside the possible range 0 to 1 of " + column;
        }
        if ((NON_NEGATIVE.contains(column) || column.matches("hcal\\d+")) && v < 0) {
            return Cut.format(v) + u + " is impossible: " + column + " is never negative";
        }
        return null;
    }
}
