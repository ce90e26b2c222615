package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Figure} on a {@link Canvas} of a given size in a HEP style: a framed plot with
 * ticks inside on all four sides (mirrored), tick labels and axis labels with units in brackets,
 * the legend in the corner where it covers the fewest data points. Font size, line widths, tick
 * lengths and margins are proportional to the size, so a 3840x2160 image has the layout of a
 * 960x540 one, only sharper.
 *
 * <p>Longer than 500 lines on purpose: the axes, ticks, legend placement and every item kind share one
 * pixel mapping and one list of occupied points (for the legend); split, that state would be passed
 * between classes for no gain in clarity.</p>
 */
public final class FigureRenderer {
    private final Figure f;
    private final Canvas c;
    private final double w;
    private final double h;
    /** Font size in pixels: everything else is a multiple of it. */
    final double fs;
    final double lw;
    double left;
    double right;
    double top;
    double bottom;

    private FigureRenderer(Figure f, Canvas c, double w, double h) {
        this.f = f;
        this.c = c;
        this.w = w;
        this.h = h;
        this.fs = fontSize(w, h);
        this.lw = Math.max(1, fs * 0.09);
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
            double labW = Math.max(c.textWidth("10", fs) + c.textWidth("00", fs * 0.7), c.textWidth(fmt(max, 1), fs));
            heatBar = fs * 0.5 + fs * 0.8 + fs * 0.3 + labW + fs * 1.6;
            scaleLabelX = fs * 0.5 + fs * 0.8 + fs * 0.3 + labW + fs * 1.3;
        }
        right = w - fs * 0.9 - heatBar;
        legendBox = legendSize();
        // outside the plot if asked and if it leaves the plot most of the width
        legendOutside = f.isLegendOutside() && legendBox != null && legendBox[0] < (right - left) * 0.6;
        if (legendOutside) {
            right -= legendBox[0] + fs * 0.3;
        }
        if (right - left < fs * 4 || bottom - top < fs * 3) {
            throw new IllegalArgumentException("figure size " + (int) w + "x" + (int) h + " leaves no room for the plot");
        }
        if (!f.title().isEmpty()) {
            c.text(f.title(), left, fs * 1.3, fs, 0, false, Rgb.BLACK);
        }
        c.clip(left, top, right - left, bottom - top);
        List<double[]> occupied = new ArrayList<>();
        for (Figure.Item i : f.items()) {
            drawItem(i, occupied);
        }
        c.unclip();
        drawAxes(yt);
        if (hm != null) {
            drawScale(hm);
        }
        drawLegend(occupied);
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

    // ---- items

    private void drawItem(Figure.Item i, List<double[]> occ) {
        if (i instanceof Figure.Heat hm) {
            drawHeat(hm, occ);
        } else if (i instanceof Figure.Rect r) {
            drawRect(r, occ);
        } else if (i instanceof Figure.Step s) {
            drawStep(s, occ);
        } else if (i instanceof Figure.Line l) {
            drawLine(l, occ);
        } else if (i instanceof Figure.Band b) {
            drawBand(b);
        } else if (i instanceof Figure.Points p) {
            drawPoints(p, occ);
        } else if (i instanceof Figure.VLine v) {
            double x = px(v.x());
            c.line(x, top, x, bottom, v.colour(), lw * 1.6, v.dashed() ? dash() : null);
            for (double yy = top; yy <= bottom; yy += fs) {
                occ.add(new double[]{x, yy});
            }
        } else if (i instanceof Figure.Bars b) {
            drawBars(b, occ);
        } else if (i instanceof Figure.Text t) {
            double x = px(t.x());
            double y = py(t.y());
            c.text(t.text(), x, y, fs * 0.85, t.hAlign(), false, t.colour());
            double tw = c.textWidth(t.text(), fs * 0.85);
            occ.add(new double[]{x - t.hAlign() * tw + tw / 2, y - fs * 0.3});
        }
    }

    private double[] dash() {
        return new double[]{lw * 5, lw * 3.5};
    }

    /** The band as one polygon per unbroken run of points: along lo, back along hi. */
    private void drawBand(Figure.Band b) {
        int n = Math.min(b.x().length, Math.min(b.lo().length, b.hi().length));
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n && Double.isFinite(b.x()[i]) && Double.isFinite(b.lo()[i]) && Double.isFinite(b.hi()[i])
                    && (!f.y().log() || (b.lo()[i] > 0 && b.hi()[i] > 0)) && (!f.x().log() || b.x()[i] > 0);
            if (!ok) {
                int k = i - start;
                if (k >= 2) {
                    double[] xs = new double[2 * k];
                    double[] ys = new double[2 * k];
                    for (int j = 0; j < k; j++) {
                        xs[j] = px(b.x()[start + j]);
                        ys[j] = py(b.lo()[start + j]);
                        xs[2 * k - 1 - j] = xs[j];
                        ys[2 * k - 1 - j] = py(b.hi()[start + j]);
                    }
                    c.fillPolygon(xs, ys, 2 * k, b.fill());
                }
                start = i + 1;
            }
        }
    }

    private void drawLine(Figure.Line l, List<double[]> occ) {
        int n = Math.min(l.x().length, l.y().length);
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n && Double.isFinite(l.x()[i]) && Double.isFinite(l.y()[i])
                    && (!f.y().log() || l.y()[i] > 0) && (!f.x().log() || l.x()[i] > 0);
            if (ok) {
                xs[k] = px(l.x()[i]);
                ys[k] = py(l.y()[i]);
                occ.add(new double[]{xs[k], ys[k]});
                k++;
            } else {
                if (k >= 2) {
                    c.polyline(xs.clone(), ys.clone(), k, l.colour(), lw * 2, l.dashed() ? dash() : null);
                } else if (k == 1) {
                    c.fillCircle(xs[0], ys[0], lw * 2, l.colour());
                }
                k = 0;
            }
        }
        // sample between points so the legend also avoids the straight parts of a curve
        for (int i = 1; i < n; i++) {
            if (Double.isFinite(l.y()[i]) && Double.isFinite(l.y()[i - 1])) {
                double x0 = px(l.x()[i - 1]);
                double x1 = px(l.x()[i]);
                double y0 = py(l.y()[i - 1]);
                double y1 = py(l.y()[i]);
                int m = (int) Math.min(50, Math.hypot(x1 - x0, y1 - y0) / fs);
                for (int j = 1; j < m; j++) {
                    occ.add(new double[]{x0 + (x1 - x0) * j / m, y0 + (y1 - y0) * j / m});
                }
            }
        }
    }

    private void drawStep(Figure.Step s, List<double[]> occ) {
        int n = s.y().length;
        double[] xs = new double[2 * n + 2];
        double[] ys = new double[2 * n + 2];
        double base = f.y().log() ? bottom + fs : py(Math.max(0, f.y().lo()));
        int k = 0;
        xs[k] = px(s.edges()[0]);
        ys[k++] = base;
        for (int i = 0; i < n; i++) {
            double v = s.y()[i];
            double y = (f.y().log() && !(v > 0)) || !Double.isFinite(v) ? base : py(v);
            xs[k] = px(s.edges()[i]);
            ys[k++] = y;
            xs[k] = px(s.edges()[i + 1]);
            ys[k++] = y;
            if (y != base) {
                occ.add(new double[]{(xs[k - 1] + xs[k - 2]) / 2, y});
            }
        }
        xs[k] = px(s.edges()[n]);
        ys[k++] = base;
        if (s.filled()) {
            for (int i = 0; i < n; i++) {
                double y = ys[2 * i + 1];
                if (y < base) {
                    c.fillRect(xs[2 * i + 1], y, xs[2 * i + 2] - xs[2 * i + 1], base - y, s.colour().withAlpha(0.25));
                }
            }
        }
        c.polyline(xs, ys, k, s.colour(), lw * 1.6, null);
    }

    private void drawPoints(Figure.Points p, List<double[]> occ) {
        for (int i = 0; i < p.x().length; i++) {
            double v = p.y()[i];
            if (!Double.isFinite(v) || (f.y().log() && !(v > 0))) {
                continue;
            }
            double x = px(p.x()[i]);
            double y = py(v);
            if (p.yLo() != null && p.yHi() != null) {
                double lo = p.yLo()[i];
                double hi = p.yHi()[i];
                if (Double.isFinite(lo) && Double.isFinite(hi)) {
                    c.line(x, py(f.y().log() ? Math.max(lo, f.y().lo() * 1e-3) : lo), x, py(hi), p.colour(), lw * 1.4, null);
                    occ.add(new double[]{x, py(hi)});
                }
            }
            c.fillCircle(x, y, fs * 0.22, p.colour());
            occ.add(new double[]{x, y});
        }
    }

    private void drawRect(Figure.Rect r, List<double[]> occ) {
        double x0 = clampX(r.x0());
        double x1 = clampX(r.x1());
        double y0 = clampY(r.y0());
        double y1 = clampY(r.y1());
        double xa = Math.min(x0, x1);
        double ya = Math.min(y0, y1);
        double rw = Math.abs(x1 - x0);
        double rh = Math.abs(y1 - y0);
        if (r.fill() != null) {
            c.fillRect(xa, ya, rw, rh, r.fill());
        }
        if (r.hatched() || (r.label() != null && !r.label().isEmpty())) {
            // the legend keeps off a hatched area and the region labels
            double x1r = r.hatched() ? Math.min(xa + rw, right) : Math.min(xa + rw, Math.max(xa, left) + fs * 4);
            double y1r = r.hatched() ? Math.min(ya + rh, bottom) : Math.max(ya, top) + fs * 1.3;
            for (double qx = Math.max(xa, left); qx <= x1r; qx += fs) {
                for (double qy = Math.max(ya, top); qy <= y1r; qy += fs) {
                    occ.add(new double[]{qx, qy});
                }
            }
        }
        if (r.hatched()) {
            c.clip(Math.max(xa, left), Math.max(ya, top), Math.min(xa + rw, right) - Math.max(xa, left),
                    Math.min(ya + rh, bottom) - Math.max(ya, top));
            double step = fs * 0.45;
            for (double d = -rh; d < rw; d += step) {
                c.line(xa + d, ya + rh, xa + d + rh, ya, r.stroke().withAlpha(0.6), lw, null);
            }
            c.unclip();
            c.clip(left, top, right - left, bottom - top);
        }
        if (r.stroke() != null) {
            double[] d = r.dashed() ? dash() : null;
            double sw = lw * 1.6;
            c.polyline(new double[]{xa, xa + rw, xa + rw, xa, xa}, new double[]{ya, ya, ya + rh, ya + rh, ya}, 5, r.stroke(), sw, d);
        }
        if (r.label() != null && !r.label().isEmpty()) {
            // inside the visible part of the rectangle, top-left corner; hidden if it does not fit
            double vx0 = Math.max(xa, left);
            double vx1 = Math.min(xa + rw, right);
            double vy0 = Math.max(ya, top);
            double vy1 = Math.min(ya + rh, bottom);
            double size = fs * 0.8;
            double tw = c.textWidth(r.label(), size);
            if (vx1 - vx0 > tw + size * 0.6 && vy1 - vy0 > size * 1.4) {
                c.fillRect(vx0 + size * 0.15, vy0 + size * 0.15, tw + size * 0.3, size * 1.2, Rgb.WHITE.withAlpha(0.75));
                c.text(r.label(), vx0 + size * 0.3, vy0 + size * 1.05, size, 0, false, r.stroke() == null ? Rgb.BLACK : r.stroke());
            }
        }
    }

    private double clampX(double v) {
        double p = v == Double.POSITIVE_INFINITY ? right + fs : v == Double.NEGATIVE_INFINITY ? left - fs : px(v);
        return Math.max(left - fs, Math.min(right + fs, Double.isNaN(p) ? left - fs : p));
    }

    private double clampY(double v) {
        double p = v == Double.POSITIVE_INFINITY ? top - fs : py(v);
        return Math.max(top - fs, Math.min(bottom + fs, Double.isNaN(p) ? bottom + fs : p));
    }

    private void drawHeat(Figure.Heat hm, List<double[]> occ) {
        double max = max(hm.values());
        if (!(max > 0)) {
            return;
        }
        double lmax = Math.log10(max);
        double dx = (hm.xhi() - hm.xlo()) / hm.nx();
        double dy = (hm.yhi() - hm.ylo()) / hm.ny();
        for (int iy = 0; iy < hm.ny(); iy++) {
            double ylo = hm.ylo() + iy * dy;
            double yhi = ylo + dy;
            if (f.y().log() && !(yhi > 0)) {
                continue;
            }
            double pyTop = py(yhi);
            double pyBot = f.y().log() && !(ylo > 0) ? bottom + fs : py(ylo);
            for (int ix = 0; ix < hm.nx(); ix++) {
                double v = hm.values()[iy * hm.nx() + ix];
                if (!(v > 0)) {
                    continue;
                }
                double x0 = px(hm.xlo() + ix * dx);
                double x1 = px(hm.xlo() + (ix + 1) * dx);
                Rgb col = Rgb.viridis(lmax > 0 ? Math.log10(v) / lmax : 1);
                // a hair wider than the cell: no seams between cells in any back-end
                c.fillRect(x0, pyTop, x1 - x0 + 0.6, pyBot - pyTop + 0.6, col);
                occ.add(new double[]{(x0 + x1) / 2, (pyTop + pyBot) / 2});
            }
        }
    }

    private void drawBars(Figure.Bars b, List<double[]> occ) {
        double unit = Math.abs(py(1) - py(0));
        double base = f.x().log() ? left : px(Math.max(0, f.x().lo()));
        for (int i = 0; i < b.values().length; i++) {
            double v = b.values()[i];
            if (!Double.isFinite(v) || (f.x().log() && !(v > 0))) {
                continue;
            }
            double yc = py(i + b.offset());
            double th = b.thickness() * unit;
            double x1 = px(v);
            c.fillRect(base, yc - th / 2, x1 - base, th, b.colour());
            for (double x = base; x <= x1; x += fs) {
                occ.add(new double[]{x, yc});
            }
            occ.add(new double[]{x1, yc});
        }
    }

    // ---- axes

    /** A tick: position, major or minor, label (null for none), power of ten label. */
    record Tick(double v, boolean major, String label, Integer pow10) {
        double width(Canvas c, double fs) {
            if (pow10 != null) {
                return c.textWidth("10", fs) + c.textWidth(Integer.toString(pow10), fs * 0.7);
            }
            return label == null ? 0 : c.textWidth(label, fs);
        }
    }

    List<Tick> ticks(Figure.Axis a, boolean horizontal) {
        List<Tick> t = new ArrayList<>();
        if (a.categories() != null) {
            for (int i = 0; i < a.categories().size(); i++) {
                if (i >= a.lo() && i <= a.hi()) {
                    t.add(new Tick(i, true, a.categories().get(i), null));
                }
            }
            return t;
        }
        double span = horizontal ? w * 0.8 : h * 0.75;
        if (a.log()) {
            int d0 = (int) Math.floor(Math.log10(a.lo()) + 1e-9);
            int d1 = (int) Math.ceil(Math.log10(a.hi()) - 1e-9);
            int decades = Math.max(1, d1 - d0);
            if (d1 - d0 >= 1 && Math.pow(10, d0) <= a.hi() && countDecadesInside(a, d0, d1) >= 2) {
                int maxLabels = Math.max(2, (int) (span / (fs * (horizontal ? 4.0 : 2.2))));
                int every = Math.max(1, (int) Math.ceil((double) decades / maxLabels));
                for (int d = d0; d <= d1; d++) {
                    double v = Math.pow(10, d);
                    boolean labelled = Math.floorMod(d, every) == 0;
                    t.add(new Tick(v, true, null, labelled ? d : null));
                    if (decades <= 8 && every == 1) {
                        for (int m = 2; m <= 9; m++) {
                            t.add(new Tick(m * v, false, null, null));
                        }
                    }
                }
                t.removeIf(x -> x.v() < a.lo() * (1 - 1e-9) || x.v() > a.hi() * (1 + 1e-9));
                return t;
            }
            // less than two decades labelled: plain numbers at 1-2-5 steps
            for (int d = d0 - 1; d <= d1; d++) {
                for (int m : new int[]{1, 2, 5}) {
                    double v = m * Math.pow(10, d);
                    if (v >= a.lo() && v <= a.hi()) {
                        t.add(new Tick(v, true, fmt(v, Math.max(0, -d)), null));
                    }
                }
            }
            return t;
        }
        int target = (int) Math.max(2, Math.min(10, span / (fs * (horizontal ? 5.5 : 2.6))));
        double step = niceStep((a.hi() - a.lo()) / target);
        int dec = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double first = Math.ceil(a.lo() / step - 1e-9) * step;
        for (double v = first; v <= a.hi() + step * 1e-9; v += step) {
            double vv = Math.abs(v) < step * 1e-9 ? 0 : v;
            t.add(new Tick(vv, true, fmt(vv, dec), null));
            for (int m = 1; m < 5; m++) {
                double mv = vv + step * m / 5;
                if (mv <= a.hi()) {
                    t.add(new Tick(mv, false, null, null));
                }
            }
        }
        for (int m = 1; m < 5; m++) {
            double mv = first - step * m / 5;
            if (mv >= a.lo()) {
                t.add(new Tick(mv, false, null, null));
            }
        }
        return t;
    }

    private static int countDecadesInside(Figure.Axis a, int d0, int d1) {
        int n = 0;
        for (int d = d0; d <= d1; d++) {
            double v = Math.pow(10, d);
            if (v >= a.lo() * (1 - 1e-9) && v <= a.hi() * (1 + 1e-9)) {
                n++;
            }
        }
        return n;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    static String fmt(double v, int decimals) {
        if (Math.abs(v) >= 1e6 && decimals == 0) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
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
            for (int v : new int[]{1, 2, 5, 10, 20}) {
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

    // ---- legend

    private double[] legendBox;
    /** Distance from the plot's right edge to the baseline of the colour scale's label. */
    private double scaleLabelX;
    private boolean legendOutside;

    /** Width and height of the legend, null if there is none. */
    private double[] legendSize() {
        List<Figure.Item> entries = f.items().stream().filter(i -> i.name() != null && !i.name().isEmpty()).toList();
        List<String> notes = wrappedNotes();
        if (entries.isEmpty() && notes.isEmpty()) {
            return null;
        }
        double size = fs * 0.85;
        double row = size * 1.35;
        double sw = size * 2.2;
        double tw = 0;
        for (Figure.Item i : entries) {
            tw = Math.max(tw, sw + size * 0.4 + c.textWidth(i.name(), size));
        }
        for (String s : notes) {
            tw = Math.max(tw, c.textWidth(s, size));
        }
        double pad = size * 0.5;
        return new double[]{tw + 2 * pad, (entries.size() + notes.size()) * row + pad * 1.2};
    }

    /** The notes broken at spaces so that no line is wider than 60 % of the plot. */
    private List<String> wrappedNotes() {
        double size = fs * 0.85;
        double maxW = (right - left) * 0.6;
        List<String> out = new ArrayList<>();
        for (String n : f.notes()) {
            StringBuilder line = new StringBuilder();
            for (String word : n.split(" ")) {
                String t = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && c.textWidth(t, size) > maxW) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(t);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    private void drawLegend(List<double[]> occupied) {
        List<Figure.Item> entries = f.items().stream().filter(i -> i.name() != null && !i.name().isEmpty()).toList();
        List<String> notes = wrappedNotes();
        if (entries.isEmpty() && notes.isEmpty()) {
            return;
        }
        double size = fs * 0.85;
        double row = size * 1.35;
        double sw = size * 2.2;
        double tw = 0;
        for (Figure.Item i : entries) {
            tw = Math.max(tw, sw + size * 0.4 + c.textWidth(i.name(), size));
        }
        for (String s : notes) {
            tw = Math.max(tw, c.textWidth(s, size));
        }
        double pad = size * 0.5;
        double bw = tw + 2 * pad;
        double bh = (entries.size() + notes.size()) * row + pad * 1.2;
        double m = fs * 0.7;
        double[][] cand = {
                {right - m - bw, top + m}, {left + m, top + m}, {(left + right - bw) / 2, top + m},
                {right - m - bw, bottom - m - bh}, {left + m, bottom - m - bh}, {right - m - bw, (top + bottom - bh) / 2}};
        double[] best = cand[0];
        long bestCount = Long.MAX_VALUE;
        for (double[] p : cand) {
            long n = occupied.stream().filter(q -> q[0] >= p[0] - pad && q[0] <= p[0] + bw + pad && q[1] >= p[1] - pad
                    && q[1] <= p[1] + bh + pad).count();
            if (n < bestCount) {
                bestCount = n;
                best = p;
            }
        }
        double x = best[0];
        double y = best[1];
        if (legendOutside) {
            x = right + fs * 0.3;
            y = top;
        }
        c.fillRect(x, y, bw, bh, Rgb.WHITE.withAlpha(0.85));
        double ty = y + pad * 0.6 + row * 0.75;
        for (String s : notes) {
            c.text(s, x + pad, ty, size, 0, false, Rgb.BLACK);
            ty += row;
        }
        for (Figure.Item i : entries) {
            double cy = ty - size * 0.33;
            double sx = x + pad;
            if (i instanceof Figure.Line l) {
                c.line(sx, cy, sx + sw, cy, l.colour(), lw * 2, l.dashed() ? dash() : null);
            } else if (i instanceof Figure.Step s) {
                if (s.filled()) {
                    c.fillRect(sx, cy - size * 0.35, sw, size * 0.7, s.colour().withAlpha(0.25));
                }
                c.line(sx, cy, sx + sw, cy, s.colour(), lw * 1.6, null);
            } else if (i instanceof Figure.Points p) {
                c.fillCircle(sx + sw / 2, cy, fs * 0.22, p.colour());
            } else if (i instanceof Figure.Rect r) {
                if (r.fill() != null) {
                    c.fillRect(sx, cy - size * 0.35, sw, size * 0.7, r.fill());
                }
                c.strokeRect(sx, cy - size * 0.35, sw, size * 0.7, r.stroke() == null ? Rgb.BLACK : r.stroke(), lw * 1.4);
            } else if (i instanceof Figure.VLine v) {
                c.line(sx, cy, sx + sw, cy, v.colour(), lw * 1.6, v.dashed() ? dash() : null);
            } else if (i instanceof Figure.Bars b) {
                c.fillRect(sx, cy - size * 0.35, sw, size * 0.7, b.colour());
            } else if (i instanceof Figure.Band band) {
                c.fillRect(sx, cy - size * 0.35, sw, size * 0.7, band.fill());
            } else if (i instanceof Figure.Heat) {
                c.fillRect(sx, cy - size * 0.35, sw, size * 0.7, Rgb.viridis(0.6));
            }
            c.text(i.name(), sx + sw + size * 0.4, ty, size, 0, false, Rgb.BLACK);
            ty += row;
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
