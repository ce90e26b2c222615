package org.darkscope.ui.plane;

/**
 * A 2-D histogram as the plane draws it: {@code counts[iy * nx + ix]} over uniform bins.
 * Made by the view model from the engine's histogram; never filled by the view.
 */
public record Grid2D(int nx, double xLo, double xHi, int ny, double yLo, double yHi, int[] counts) {
    public Grid2D {
        if (counts.length != nx * ny) {
            throw new IllegalArgumentException(counts.length + " counts for " + nx + "x" + ny + " bins");
        }
    }

    public int count(int ix, int iy) {
        return counts[iy * nx + ix];
    }

    public double xLow(int ix) {
        return xLo + (xHi - xLo) * ix / nx;
    }

    public double yLow(int iy) {
        return yLo + (yHi - yLo) * iy / ny;
    }

    public int max() {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    public long total() {
        long t = 0;
        for (int c : counts) {
            t += c;
        }
        return t;
    }
}
