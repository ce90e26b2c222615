package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.report.AxisTicks.Tick;

/**
 * Draws a {@link Figure} on a {@link Canvas} of a given size in a HEP style: a framed plot with
 * ticks inside on all four sides (mirrored), tick labels and axis labels with units in brackets,
 * the legend in the corner where it covers the fewest data points. Font size, line widths, tick
 * lengths and margins are proportional to the size, so a 3840x2160 image has the layout of a
 * 960x540 one, only sharper.
 *
 * <p>This class lays out the frame (margins, axes, colour scale); the data items are drawn by
 * {@link FigureItems}, the ticks chosen by {@link AxisTicks}, the legend placed by {@link FigureLegend}.
 */
public final class FigureRenderer {
    final Figure f;
    final Canvas c;
    private final double w;
    private final double h;
    /** Font size in pixels: everything else is a multiple of it. */
    final double fs;

    final double lw;
    double left;
    double right;
    double top;
    double bottom;
    /** Width and height of the legend, null if there is none. */
    private double[] legendBox;
    /** Distance from the plot's right edge to the baseline of the colour scale's label. */
    private double scaleLabelX;

    private boolean legendOutside;
    private final FigureLegend legend;

    private FigureRenderer(Figure f, Canvas c, double w, double h) {
        this.f = f;
        this.c = c;
        this.w = w;
        this.h = h;
        this.fs = fontSize(w, h);
        this.lw = Math.max(1, fs * 0.09);
        this.legend = new FigureLegend(this);
    }

    /** Font size for a figure of w x h pixels (readable when shown at single-column width). */
    public static double fontSize(double w, double h) {
        return Math.max(7, Math.min(w / 34, h / 21));
    }

    /** Draws the figure filling the w x h canvas (white background). */
    public static void render(Figure f, Canvas c, double w, double h) {
        if (!(w >= 50 && h >= 50)) {
            throw new IllegalArgumentException("figure size " + w + "x" + h + " is too small (at least 50x50)");
        }
        new FigureRenderer(f, c, w, h).draw();
    }

    private Figure.Heat heat() {
        for (Figure.Item i : f.items()) {
            if (i instanceof Figure.Heat hm) {
                return hm;
            }
        }
        return null;
    }

    private void draw() {
        c.fillRect(0, 0, w, h, Rgb.WHITE);
        Figure.Axis xa = f.x();
        Figure.Axis ya = f.y();
        List<Tick> yt = ticks(ya, false);
        double yLabelW = 0;
        for (Tick t : yt) {
            yLabelW = Math.max(yLabelW, t.width(c, fs));
        }
        top = fs * (f.title().isEmpty() ? 0.7 : 2.0);
        bottom = h - fs * (ya.categories() != null && xa.name().isEmpty() ? 1.8 : 3.2);
        left = fs * 0.5 + yLabelW + fs * 0.4 + (ya.label().isEmpty() ? 0 : fs * 1.5);
        double heatBar = 0;
        Figure.Heat hm = heat();
        if (hm != null) {
            double max = max(hm.values());
            double labW = Math.max(
                    c.textWidth("10", fs) + c.textWidth("00", fs * 0.7), c.textWidth(AxisTicks.fmt(max, 1), fs));
            heatBar = fs * 0.5 + fs * 0.8 + fs * 0.3 + labW + fs * 1.6;
            scaleLabelX = fs * 0.5 + fs * 0.8 + fs * 0.3 + labW + fs * 1.3;
        }
        right = w - fs * 0.9 - heatBar;
        legendBox = legend.size();
        // outside the plot if asked and if it leaves the plot most of the width
        legendOutside = f.isLegendOutside() && legendBox != null && legendBox[0] < (right - left) * 0.6;
        if (legendOutside) {
            right -= legendBox[0] + fs * 0.3;
        }
        if (right - left < fs * 4 || bottom - top < fs * 3) {
            throw new IllegalArgumentException(
                    "figure size " + (int) w + "x" + (int) h + " leaves no room for the plot");
        }
        if (!f.title().isEmpty()) {
            c.text(f.title(), left, fs * 1.3, fs, 0, false, Rgb.BLACK);
        }
        c.clip(left, top, right - left, bottom - top);
        List<double[]> occupied = new ArrayList<>();
        FigureItems painter = new FigureItems(this);
        for (Figure.Item i : f.items()) {
            painter.draw(i, occupied);
        }
        c.unclip();
        drawAxes(yt);
        if (hm != null) {
            drawScale(hm);
        }
        legend.draw(occupied, legendOutside);
    }

    // ---- coordinates

    double px(double x) {
        return map(f.x(), x, left, right);
    }

    double py(double y) {
        return map(f.y(), y, bottom, top);
    }

    private static double map(Figure.Axis a, double v, double p0, double p1) {
        double t;
        if (a.log()) {
            if (!(v > 0)) {
                return v == Double.NEGATIVE_INFINITY || v <= 0 ? p0 - (p1 - p0) * 0.05 : Double.NaN;
            }
            t = (Math.log10(v) - Math.log10(a.lo())) / (Math.log10(a.hi()) - Math.log10(a.lo()));
        } else {
            t = (v - a.lo()) / (a.hi() - a.lo());
        }
        if (Double.isInfinite(t)) {
            t = t > 0 ? 1.05 : -0.05;
        }
        return p0 + t * (p1 - p0);
    }

    // ---- axes

    private List<Tick> ticks(Figure.Axis a, boolean horizontal) {
        return AxisTicks.ticks(a, horizontal ? w * 0.8 : h * 0.75, fs, horizontal);
    }

    /** The dash pattern of dashed lines. */
    double[] dash() {
        return new double[] {lw * 5, lw * 3.5};
    }

    private void drawAxes(List<Tick> yt) {
        Figure.Axis xa = f.x();
        Figure.Axis ya = f.y();
        double tl = fs * 0.55;
        double frame = lw * 1.3;
        for (Tick t : ticks(xa, true)) {
            double x = px(t.v());
            if (x < left - 0.5 || x > right + 0.5) {
                continue;
            }
            double len = t.major() ? tl : tl * 0.5;
            c.line(x, bottom, x, bottom - len, Rgb.BLACK, lw, null);
            c.line(x, top, x, top + len, Rgb.BLACK, lw, null);
            drawTickLabel(t, x, bottom + fs * 1.15, 0.5);
        }
        for (Tick t : yt) {
            double y = py(t.v());
            if (y < top - 0.5 || y > bottom + 0.5) {
                continue;
            }
            double len = t.major() ? tl : tl * 0.5;
            if (ya.categories() == null) {
                c.line(left, y, left + len, y, Rgb.BLACK, lw, null);
                c.line(right, y, right - len, y, Rgb.BLACK, lw, null);
            }
            drawTickLabel(t, left - fs * 0.35, y + fs * 0.35, 1);
        }
        c.strokeRect(left, top, right - left, bottom - top, Rgb.BLACK, frame);
        if (!xa.label().isEmpty()) {
            c.text(xa.label(), right, h - fs * 0.55, fs, 1, false, Rgb.BLACK);
        }
        if (!ya.label().isEmpty()) {
            c.text(ya.label(), fs * 1.1, top, fs, 1, true, Rgb.BLACK);
        }
    }

    private void drawTickLabel(Tick t, double x, double y, double hAlign) {
        if (t.pow10() != null) {
            double wTen = c.textWidth("10", fs);
            String e = Integer.toString(t.pow10());
            double wExp = c.textWidth(e, fs * 0.7);
            double x0 = x - hAlign * (wTen + wExp);
            c.text("10", x0, y, fs, 0, false, Rgb.BLACK);
            c.text(e, x0 + wTen, y - fs * 0.45, fs * 0.7, 0, false, Rgb.BLACK);
        } else if (t.label() != null) {
            c.text(t.label(), x, y, fs, hAlign, false, Rgb.BLACK);
        }
    }

    private void drawScale(Figure.Heat hm) {
        double max = max(hm.values());
        double x0 = right + fs * 0.5;
        double bw = fs * 0.8;
        int n = 64;
        double lmax = Math.log10(Math.max(max, 1.0001));
        for (int i = 0; i < n; i++) {
            double y0 = bottom - (bottom - top) * (i + 1) / n;
            c.fillRect(x0, y0, bw, (bottom - top) / n + 0.6, Rgb.viridis((i + 0.5) / n));
        }
        c.strokeRect(x0, top, bw, bottom - top, Rgb.BLACK, lw);
        if (lmax < 1.3) {
            for (int v : new int[] {1, 2, 5, 10, 20}) {
                if (v > max * 1.0001) {
                    break;
                }
                double y = bottom - (bottom - top) * Math.log10(v) / lmax;
                c.line(x0 + bw, y, x0 + bw - fs * 0.3, y, Rgb.BLACK, lw, null);
                c.text(Integer.toString(v), x0 + bw + fs * 0.25, y + fs * 0.35, fs, 0, false, Rgb.BLACK);
            }
        } else {
            for (int d = 0; d <= Math.floor(lmax); d++) {
                double y = bottom - (bottom - top) * d / lmax;
                c.line(x0 + bw, y, x0 + bw - fs * 0.3, y, Rgb.BLACK, lw, null);
                double tx = x0 + bw + fs * 0.25;
                c.text("10", tx, y + fs * 0.35, fs, 0, false, Rgb.BLACK);
                c.text(Integer.toString(d), tx + c.textWidth("10", fs), y - fs * 0.45, fs * 0.7, 0, false, Rgb.BLACK);
            }
        }
        if (hm.scaleLabel() != null && !hm.scaleLabel().isEmpty()) {
            c.text(hm.scaleLabel(), right + scaleLabelX, top, fs, 1, true, Rgb.BLACK);
        }
    }

    static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (x > m) {
                m = x;
            }
        }
        return m;
    }
}
