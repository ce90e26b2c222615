package org.darkscope.sim.process;

/**
 * Samples a one-dimensional density given on a grid: trapezoidal cumulative sum, then binary
 * search and linear interpolation of the inverse. Built once per run, read-only afterwards.
 */
final class InverseCdf {
    private final double[] grid;
    private final double[] cdf;

    /** @param grid increasing nodes; @param density non-negative density values at the nodes */
    InverseCdf(double[] grid, double[] density) {
        if (grid.length != density.length || grid.length < 2) {
            throw new IllegalArgumentException("grid and density must have the same length >= 2");
        }
        this.grid = grid.clone();
        this.cdf = new double[grid.length];
        for (int i = 1; i < grid.length; i++) {
            cdf[i] = cdf[i - 1] + 0.5 * (density[i] + density[i - 1]) * (grid[i] - grid[i - 1]);
        }
        double total = cdf[grid.length - 1];
        if (!(total > 0)) {
            throw new IllegalArgumentException("density integrates to zero");
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= total;
        }
    }

    /** The grid value at cumulative probability u in [0, 1). */
    double sample(double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double d = cdf[hi] - cdf[lo];
        double f = d > 0 ? (u - cdf[lo]) / d : 0;
        return grid[lo] + f * (grid[hi] - grid[lo]);
    }

    /** Cumulative probability below grid value v (linear between nodes). */
    double cdfAt(double v) {
        if (v <= grid[0]) {
            return 0;
        }
        if (v >= grid[grid.length - 1]) {
            return 1;
        }
        int lo = 0;
        int hi = grid.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (grid[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (v - grid[lo]) / (grid[hi] - grid[lo]);
        return cdf[lo] + f * (cdf[hi] - cdf[lo]);
    }
}
