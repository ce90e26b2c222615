package org.darkscope.report;

import java.util.List;

/**
 * Draws the data items of a {@link Figure} (histograms, curves, points, rectangles, the density,
 * bars, markers, text) inside the frame laid out by {@link FigureRenderer}, and records the points
 * each covers so that the legend can keep off them.
 */
final class FigureItems {
    private final FigureRenderer r;
    private final Figure f;
    private final Canvas c;
    private final double fs;
    private final double lw;
    private final double left;
    private final double right;
    private final double top;
    private final double bottom;

    /** For a renderer whose frame is laid out (its margins no longer change). */
    FigureItems(FigureRenderer r) {
        this.r = r;
        this.f = r.f;
        this.c = r.c;
        this.fs = r.fs;
        this.lw = r.lw;
        this.left = r.left;
        this.right = r.right;
        this.top = r.top;
        this.bottom = r.bottom;
    }

    private double px(double x) {
        return r.px(x);
    }

    private double py(double y) {
        return r.py(y);
    }

    /** Draws one item, adding the points it covers to {@code occ} (the legend keeps off them). */
    void draw(Figure.Item i, List<double[]> occ) {
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
                occ.add(new double[] {x, yy});
            }
        } else if (i instanceof Figure.Bars b) {
            drawBars(b, occ);
        } else if (i instanceof Figure.Text t) {
            double x = px(t.x());
            double y = py(t.y());
            c.text(t.text(), x, y, fs * 0.85, t.hAlign(), false, t.colour());
            double tw = c.textWidth(t.text(), fs * 0.85);
            occ.add(new double[] {x - t.hAlign() * tw + tw / 2, y - fs * 0.3});
        }
    }

    private double[] dash() {
        return r.dash();
    }

    /** The band as one polygon per unbroken run of points: along lo, back along hi. */
    private void drawBand(Figure.Band b) {
        int n = Math.min(b.x().length, Math.min(b.lo().length, b.hi().length));
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean ok = i < n
                    && Double.isFinite(b.x()[i])
                    && Double.isFinite(b.lo()[i])
                    && Double.isFinite(b.hi()[i])
                    && (!f.y().log() || (b.lo()[i] > 0 && b.hi()[i] > 0))
                    && (!f.x().log() || b.x()[i] > 0);
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
            boolean ok = i < n
                    && Double.isFinite(l.x()[i])
                    && Double.isFinite(l.y()[i])
                    && (!f.y().log() || l.y()[i] > 0)
                    && (!f.x().log() || l.x()[i] > 0);
            if (ok) {
                xs[k] = px(l.x()[i]);
                ys[k] = py(l.y()[i]);
                occ.add(new double[] {xs[k], ys[k]});
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
                    occ.add(new double[] {x0 + (x1 - x0) * j / m, y0 + (y1 - y0) * j / m});
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
                occ.add(new double[] {(xs[k - 1] + xs[k - 2]) / 2, y});
            }
        }
        xs[k] = px(s.edges()[n]);
        ys[k++] = base;
        if (s.filled()) {
            for (int i = 0; i < n; i++) {
                double y = ys[2 * i + 1];
                if (y < base) {
                    c.fillRect(
                            xs[2 * i + 1],
                            y,
                            xs[2 * i + 2] - xs[2 * i + 1],
                            base - y,
                            s.colour().withAlpha(0.25));
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
                    c.line(
                            x,
                            py(f.y().log() ? Math.max(lo, f.y().lo() * 1e-3) : lo),
                            x,
                            py(hi),
                            p.colour(),
                            lw * 1.4,
                            null);
                    occ.add(new double[] {x, py(hi)});
                }
            }
            c.fillCircle(x, y, fs * 0.22, p.colour());
            occ.add(new double[] {x, y});
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
                    occ.add(new double[] {qx, qy});
                }
            }
        }
        if (r.hatched()) {
            c.clip(
                    Math.max(xa, left),
                    Math.max(ya, top),
                    Math.min(xa + rw, right) - Math.max(xa, left),
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
            c.polyline(
                    new double[] {xa, xa + rw, xa + rw, xa, xa},
                    new double[] {ya, ya, ya + rh, ya + rh, ya},
                    5,
                    r.stroke(),
                    sw,
                    d);
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
                c.fillRect(
                        vx0 + size * 0.15, vy0 + size * 0.15, tw + size * 0.3, size * 1.2, Rgb.WHITE.withAlpha(0.75));
                c.text(
                        r.label(),
                        vx0 + size * 0.3,
                        vy0 + size * 1.05,
                        size,
                        0,
                        false,
                        r.stroke() == null ? Rgb.BLACK : r.stroke());
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
        double max = FigureRenderer.max(hm.values());
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
                occ.add(new double[] {(x0 + x1) / 2, (pyTop + pyBot) / 2});
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
                occ.add(new double[] {x, yc});
            }
            occ.add(new double[] {x1, yc});
        }
    }
}
