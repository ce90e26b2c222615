package org.darkscope.report;

/** A colour with opacity, components 0-255 and alpha 0-1. */
public record Rgb(int r, int g, int b, double a) {
    public static final Rgb BLACK = new Rgb(0, 0, 0, 1);
    public static final Rgb WHITE = new Rgb(255, 255, 255, 1);
    public static final Rgb GREY = new Rgb(127, 127, 127, 1);

    public Rgb {
        if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255 || !(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("colour out of range: " + r + "," + g + "," + b + "," + a);
        }
    }

    public static Rgb of(int r, int g, int b) {
        return new Rgb(r, g, b, 1);
    }

    public Rgb withAlpha(double alpha) {
        return new Rgb(r, g, b, alpha);
    }

    /** "#rrggbb" (opacity not included). */
    public String hex() {
        return String.format("#%02x%02x%02x", r, g, b);
    }

    /** A small qualitative palette (the window's, index wraps). */
    public static Rgb palette(int i) {
        Rgb[] p = {
            of(31, 119, 180),
            of(214, 39, 40),
            of(44, 160, 44),
            of(255, 127, 14),
            of(148, 103, 189),
            of(140, 86, 75),
            of(227, 119, 194),
            of(127, 127, 127)
        };
        return p[Math.floorMod(i, p.length)];
    }

    /** Viridis at t in [0, 1] (piecewise linear through 9 anchor colours). */
    public static Rgb viridis(double t) {
        int[][] a = {
            {68, 1, 84},
            {72, 40, 120},
            {62, 74, 137},
            {49, 104, 142},
            {38, 130, 142},
            {31, 158, 137},
            {53, 183, 121},
            {109, 205, 89},
            {180, 222, 44},
            {253, 231, 37}
        };
        double x = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (a.length - 1);
        int i = Math.min(a.length - 2, (int) x);
        double f = x - i;
        return of(
                (int) Math.round(a[i][0] + f * (a[i + 1][0] - a[i][0])),
                (int) Math.round(a[i][1] + f * (a[i + 1][1] - a[i][1])),
                (int) Math.round(a[i][2] + f * (a[i + 1][2] - a[i][2])));
    }
}
