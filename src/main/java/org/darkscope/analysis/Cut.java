package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One named cut of a {@link Selection}: a test of one summary column (or of a family of columns)
 * of every event. Immutable; change it with the withers.
 *
 * <p>The column may contain the placeholder {@code {i}} to apply the same test to every column
 * of a family: {@code srd{i}_mev} means srd0_mev, srd1_mev, ... (all must pass). Unused parameters
 * ({@link CutKind#usesMin()}, {@link CutKind#usesMax()}) are NaN.</p>
 *
 * @param name        unique name within the selection ("momentum", "srd-cells", ...)
 * @param column      column name from {@link org.darkscope.event.Schema}, or a family with {i}
 * @param kind        how values are compared
 * @param min         lower edge (strict), NaN if unused
 * @param max         upper edge (strict), NaN if unused
 * @param enabled     false: the cut is kept in the selection but does not select
 * @param unit        unit of min/max shown to the user
 * @param description plain-language meaning and source (docs/physics.md section, [src] or [est]); where it
 *                    quotes the cut's own edges it says {@code {min}} and {@code {max}}, which
 *                    {@link #describe()} fills in, so the text cannot go stale when an edge moves
 */
public record Cut(
        String name,
        String column,
        CutKind kind,
        double min,
        double max,
        boolean enabled,
        String unit,
        String description) {
    /** Placeholder for a column family index. */
    public static final String FAMILY_INDEX = "{i}";

    public Cut {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        if (name.isBlank()) {
            throw new IllegalArgumentException("cut name is empty");
        }
        if (column.isBlank()) {
            throw new IllegalArgumentException("cut '" + name + "': column is empty");
        }
        if (kind.usesMin() && Double.isNaN(min)) {
            throw new IllegalArgumentException("cut '" + name + "': kind " + kind.jsonName() + " needs min");
        }
        if (kind.usesMax() && Double.isNaN(max)) {
            throw new IllegalArgumentException("cut '" + name + "': kind " + kind.jsonName() + " needs max");
        }
        if (!kind.usesMin()) {
            min = Double.NaN;
        }
        if (!kind.usesMax()) {
            max = Double.NaN;
        }
        if (kind.usesMin() && kind.usesMax() && min > max) {
            throw new IllegalArgumentException("cut '" + name + "': min " + min + " > max " + max);
        }
    }

    /** A cut {@code v > min}. */
    public static Cut min(String name, String column, double min, String unit, String description) {
        return new Cut(name, column, CutKind.MIN, min, Double.NaN, true, unit, description);
    }

    /** A cut {@code v < max}. */
    public static Cut max(String name, String column, double max, String unit, String description) {
        return new Cut(name, column, CutKind.MAX, Double.NaN, max, true, unit, description);
    }

    /** A cut {@code min < v < max}. */
    public static Cut window(String name, String column, double min, double max, String unit, String description) {
        return new Cut(name, column, CutKind.WINDOW, min, max, true, unit, description);
    }

    public Cut withMin(double newMin) {
        return new Cut(name, column, kind, newMin, max, enabled, unit, description);
    }

    public Cut withMax(double newMax) {
        return new Cut(name, column, kind, min, newMax, enabled, unit, description);
    }

    public Cut withRange(double newMin, double newMax) {
        return new Cut(name, column, kind, newMin, newMax, enabled, unit, description);
    }

    public Cut withEnabled(boolean on) {
        return new Cut(name, column, kind, min, max, on, unit, description);
    }

    public Cut withName(String newName) {
        return new Cut(newName, column, kind, min, max, enabled, unit, description);
    }

    /** The reference test of one value (the engine's kernels agree with it). */
    public boolean passes(double v) {
        return kind.passes(v, min, max);
    }

    /** True if the column is a family ({@code {i}}). */
    public boolean isFamily() {
        return column.contains(FAMILY_INDEX);
    }

    /**
     * The concrete columns this cut reads, given which names exist: the column itself, or for a
     * family every index from 0 upward while the column exists.
     */
    public List<String> columns(Predicate<String> exists) {
        List<String> out = new ArrayList<>();
        if (!isFamily()) {
            if (exists.test(column)) {
                out.add(column);
            }
            return out;
        }
        for (int i = 0; ; i++) {
            String c = column.replace(FAMILY_INDEX, Integer.toString(i));
            if (!exists.test(c)) {
                return out;
            }
            out.add(c);
        }
    }

    /** True if the test selects the same events as {@code other} (ignores texts). */
    public boolean sameTest(Cut other) {
        return other != null
                && enabled == other.enabled
                && column.equals(other.column)
                && kind == other.kind
                && Double.compare(min, other.min) == 0
                && Double.compare(max, other.max) == 0;
    }

    /** Short human form: "95 &lt; p &lt; 105 GeV". */
    public String describeTest() {
        String u = unit.isEmpty() ? "" : " " + unit;
        return switch (kind) {
            case MIN -> column + " > " + fmt(min) + u;
            case MAX -> column + " < " + fmt(max) + u;
            case WINDOW -> fmt(min) + " < " + column + " < " + fmt(max) + u;
            case OUTSIDE -> column + " < " + fmt(min) + " or > " + fmt(max) + u;
            case ABS_MAX -> "|" + column + "| < " + fmt(max) + u;
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Placeholder in a description for the lower edge. */
    public static final String MIN_PLACEHOLDER = "{min}";
    /** Placeholder in a description for the upper edge. */
    public static final String MAX_PLACEHOLDER = "{max}";

    /** A number as the cut texts show it: "1", "0.5", "103.25". */
    public static String format(double v) {
        return fmt(v);
    }

    /** The description with {@code {min}} and {@code {max}} replaced by the current edges. */
    public String describe() {
        String d = description;
        if (kind.usesMin()) {
            d = d.replace(MIN_PLACEHOLDER, fmt(min));
        }
        if (kind.usesMax()) {
            d = d.replace(MAX_PLACEHOLDER, fmt(max));
        }
        return d;
    }

    private static final java.util.regex.Pattern QUOTED =
            java.util.regex.Pattern.compile("([<>]=?|≤|≥)\\s*(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)");

    /**
     * This cut with the edge values its description quotes after a comparison ("&gt; 0.5 GeV") turned
     * into placeholders, for files written before descriptions had them. For a one-edge cut
     * ({@code min}, {@code max}, {@code abs-max}) every "&gt; number" or "&lt; number" is that edge,
     * even a stale one (that is the point); for two-edge cuts only numbers equal to an edge are replaced.
     */
    public Cut withValuePlaceholders() {
        java.util.regex.Matcher m = QUOTED.matcher(description);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String op = m.group(1);
            double v = Double.parseDouble(m.group(2));
            boolean greater = op.startsWith(">") || op.equals("≥");
            String ph = null;
            if (kind == CutKind.MIN && greater) {
                ph = MIN_PLACEHOLDER;
            } else if ((kind == CutKind.MAX || kind == CutKind.ABS_MAX) && !greater) {
                ph = MAX_PLACEHOLDER;
            } else if (kind.usesMin() && kind.usesMax()) {
                ph = v == min ? MIN_PLACEHOLDER : v == max ? MAX_PLACEHOLDER : null;
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(ph == null ? m.group() : op + " " + ph));
        }
        m.appendTail(sb);
        String d = sb.toString();
        return d.equals(description) ? this : new Cut(name, column, kind, min, max, enabled, unit, d);
    }
}
