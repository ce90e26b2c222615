package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A toolkit-free description of one plot: two axes and the things drawn in data coordinates. It is
 * drawn by {@link FigureRenderer} on any {@link Canvas} (SVG, PDF, PNG), at any size, with fonts and
 * line widths scaled to the size. Built by {@link Figures} from analysis results, so the window and
 * the command line draw the same figure.
 */
public final class Figure {
    /**
     * An axis. unit "" gives a label without brackets; categories non-null: a category axis with
     * one tick per entry at 0, 1, 2... (lo and hi then bound the positions).
     */
    public record Axis(String name, String unit, double lo, double hi, boolean log, List<String> categories) {
        public Axis {
            if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException("axis '" + name + "': bad range [" + lo + ", " + hi + "]");
            }
            if (log && !(lo > 0)) {
                throw new IllegalArgumentException("axis '" + name + "': log range must be positive, got " + lo);
            }
            unit = unit == null ? "" : unit;
            name = name == null ? "" : name;
            categories = categories == null ? null : List.copyOf(categories);
        }

        public static Axis linear(String name, String unit, double lo, double hi) {
            return new Axis(name, unit, lo, hi, false, null);
        }

        public static Axis log(String name, String unit, double lo, double hi) {
            return new Axis(name, unit, lo, hi, true, null);
        }

        /** "name [unit]", or the name alone without a unit. */
        public String label() {
            return unit.isBlank() ? name : name + " [" + unit + "]";
        }
    }

    /** Something drawn in the plot area; a non-empty name puts it in the legend. */
    public sealed interface Item permits Line, Step, Points, Rect, Heat, VLine, Bars, Text, Band {
        String name();
    }

    /** A curve; NaN or (on a log axis) non-positive values break it. */
    public record Line(String name, double[] x, double[] y, Rgb colour, boolean dashed) implements Item {}

    /**
     * The area between two curves lo(x) and hi(x), filled (e.g. the ±1σ band of an expected limit); a
     * point where either edge is missing (NaN, or ≤ 0 on a log axis) breaks the band.
     */
    public record Band(String name, double[] x, double[] lo, double[] hi, Rgb fill) implements Item {}

    /** A histogram outline over n + 1 bin edges; filled: a light fill under it. */
    public record Step(String name, double[] edges, double[] y, Rgb colour, boolean filled) implements Item {}

    /** Markers with optional vertical error bars (yLo/yHi null: none). */
    public record Points(String name, double[] x, double[] y, double[] yLo, double[] yHi, Rgb colour) implements Item {}

    /** A rectangle in data coordinates (infinite edges reach the axis ends), optional fill, hatch and label. */
    public record Rect(
            String name,
            double x0,
            double x1,
            double y0,
            double y1,
            Rgb stroke,
            Rgb fill,
            boolean hatched,
            boolean dashed,
            String label)
            implements Item {}

    /** Counts on a regular grid, values[iy * nx + ix], log colour from 1 to the maximum; 0 stays white. */
    public record Heat(
            String name,
            int nx,
            double xlo,
            double xhi,
            int ny,
            double ylo,
            double yhi,
            double[] values,
            String scaleLabel)
            implements Item {}

    /** A vertical line at x across the plot. */
    public record VLine(String name, double x, Rgb colour, boolean dashed) implements Item {}

    /**
     * Horizontal bars on a category y axis: bar i at position i + offset, from the left end of the x
     * axis to values[i]; thickness in category units.
     */
    public record Bars(String name, double[] values, Rgb colour, double offset, double thickness) implements Item {}

    /** Text at a data position (hAlign 0 left, 0.5 centre, 1 right); not in the legend. */
    public record Text(String name, String text, double x, double y, double hAlign, Rgb colour) implements Item {}

    private final String title;
    private final Axis x;
    private final Axis y;
    private final List<Item> items = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean legendOutside;

    public Figure(String title, Axis x, Axis y) {
        this.title = title == null ? "" : title;
        this.x = x;
        this.y = y;
    }

    public String title() {
        return title;
    }

    public Axis x() {
        return x;
    }

    public Axis y() {
        return y;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }
    /** Lines of text shown at the top of the legend (e.g. "box blinded"). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public Figure add(Item i) {
        items.add(i);
        return this;
    }

    /** Puts the legend right of the plot instead of inside it (for plots that fill their area). */
    public Figure legendOutside() {
        legendOutside = true;
        return this;
    }

    public boolean isLegendOutside() {
        return legendOutside;
    }

    public Figure note(String s) {
        notes.add(s);
        return this;
    }

    /** The name of every legend entry, in order (items with a name). */
    public List<String> legend() {
        return items.stream()
                .map(Item::name)
                .filter(n -> n != null && !n.isEmpty())
                .toList();
    }
}
