package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;

/** The legend of a figure: named items and notes, sized to the plot and placed where it hides the least. */
final class FigureLegend {
    private final FigureRenderer r;
    private final Figure f;
    private final Canvas c;
    private final double fs;
    private final double lw;

    FigureLegend(FigureRenderer r) {
        this.r = r;
        this.f = r.f;
        this.c = r.c;
        this.fs = r.fs;
        this.lw = r.lw;
    }

    /** Width and height of the legend, null if there is none. */
    double[] size() {
        List<Figure.Item> entries = f.items().stream()
                .filter(i -> i.name() != null && !i.name().isEmpty())
                .toList();
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
        return new double[] {tw + 2 * pad, (entries.size() + notes.size()) * row + pad * 1.2};
    }

    /** The notes broken at spaces so that no line is wider than 60 % of the plot. */
    private List<String> wrappedNotes() {
        double size = fs * 0.85;
        double maxW = (r.right - r.left) * 0.6;
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

    /**
     * Draws the legend in the corner (or middle of an edge) where it covers the fewest occupied
     * points, or outside the plot to its right.
     */
    void draw(List<double[]> occupied, boolean outside) {
        List<Figure.Item> entries = f.items().stream()
                .filter(i -> i.name() != null && !i.name().isEmpty())
                .toList();
        List<String> notes = wrappedNotes();
        if (entries.isEmpty() && notes.isEmpty()) {
            return;
        }
        double size = fs * 0.85;
        double row = size * 1.35;
        double sw = size * 2.2;
        double pad = size * 0.5;
        double[] box = size();
        double bw = box[0];
        double bh = box[1];
        double m = fs * 0.7;
        double[][] cand = {
            {r.right - m - bw, r.top + m},
            {r.left + m, r.top + m},
            {(r.left + r.right - bw) / 2, r.top + m},
            {r.right - m - bw, r.bottom - m - bh},
            {r.left + m, r.bottom - m - bh},
            {r.right - m - bw, (r.top + r.bottom - bh) / 2}
        };
        double[] best = cand[0];
        long bestCount = Long.MAX_VALUE;
        for (double[] p : cand) {
            long n = occupied.stream()
                    .filter(q -> q[0] >= p[0] - pad
                            && q[0] <= p[0] + bw + pad
                            && q[1] >= p[1] - pad
                            && q[1] <= p[1] + bh + pad)
                    .count();
            if (n < bestCount) {
                bestCount = n;
                best = p;
            }
        }
        double x = best[0];
        double y = best[1];
        if (outside) {
            x = r.right + fs * 0.3;
            y = r.top;
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
                c.line(sx, cy, sx + sw, cy, l.colour(), lw * 2, l.dashed() ? r.dash() : null);
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
                c.strokeRect(
                        sx, cy - size * 0.35, sw, size * 0.7, r.stroke() == null ? Rgb.BLACK : r.stroke(), lw * 1.4);
            } else if (i instanceof Figure.VLine v) {
                c.line(sx, cy, sx + sw, cy, v.colour(), lw * 1.6, v.dashed() ? r.dash() : null);
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
}
