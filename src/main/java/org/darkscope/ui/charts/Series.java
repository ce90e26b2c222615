package org.darkscope.ui.charts;

import javafx.scene.paint.Color;

/**
 * One curve of a {@link SeriesChart}.
 *
 * @param name   legend text
 * @param color  stroke colour
 * @param x      x values; for {@link Style#STEP} the n+1 bin edges
 * @param y      y values (n for STEP)
 * @param style  how it is drawn
 * @param dashed dashed stroke
 */
public record Series(String name, Color color, double[] x, double[] y, Style style, boolean dashed) {
    /** Drawing style. */
    public enum Style {
        LINE,
        STEP,
        POINTS,
        VLINE,
        BAND
    }

    public Series {
        int expect = style == Style.STEP ? y.length + 1 : style == Style.BAND ? y.length / 2 : y.length;
        if (style != Style.VLINE && x.length != expect) {
            throw new IllegalArgumentException(
                    name + ": " + x.length + " x values for " + y.length + " y values (" + style + ")");
        }
    }

    public static Series line(String name, Color c, double[] x, double[] y) {
        return new Series(name, c, x, y, Style.LINE, false);
    }

    public static Series step(String name, Color c, double[] edges, double[] counts) {
        return new Series(name, c, edges, counts, Style.STEP, false);
    }

    /** Vertical marker lines at the given x (a cut edge); drawn across the plot. */
    public static Series marker(String name, Color c, double... xs) {
        return new Series(name, c, xs, new double[0], Style.VLINE, true);
    }

    /** The filled area between lo(x) and hi(x) (y holds lo then hi), e.g. the ±1σ band of an expected limit. */
    public static Series band(String name, Color fill, double[] x, double[] lo, double[] hi) {
        double[] y = new double[lo.length + hi.length];
        System.arraycopy(lo, 0, y, 0, lo.length);
        System.arraycopy(hi, 0, y, lo.length, hi.length);
        return new Series(name, fill, x, y, Style.BAND, false);
    }

    public Series asDashed() {
        return new Series(name, color, x, y, style, true);
    }
}
