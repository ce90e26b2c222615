package org.darkscope.sim.response;

import org.darkscope.geometry.CellLayer;

/**
 * Fraction of an ECAL segment's energy that lands in each cell of a window around the impact
 * cell, tabulated once versus the impact point inside the cell (docs/physics.md#shower-model: "integrate over
 * cell squares, tabulate once"). The radial GFLASH profile (core + tail, radii growing with depth)
 * is averaged over the segment's depth with the mean longitudinal profile at a few reference
 * energies and integrated analytically over each cell square ({@link Gflash#rectangle}).
 */
public final class LateralTable {
    /** Sub-cell steps per axis (38 mm / 32 ≈ 1.2 mm); nodes at 0..SUB, bilinear interpolation between them. */
    public static final int SUB = 32;
    /** Half-width of the window in cells: 7x7 cells, ≈ 4.8 R_M each side, leaves &lt; 0.3 % outside. */
    public static final int HALF = 3;
    /** Width of the window in cells. */
    public static final int WIDTH = 2 * HALF + 1;
    /** Depth slabs per segment for the depth average. */
    private static final int SLABS = 12;
    /** Reference energies (GeV) of the tables; a shower uses the nearest in ln E. */
    static final double[] ENERGIES = {1.0, 10.0, 100.0};

    private final double pitchX;
    private final double pitchY;
    private final int nx;
    private final int ny;
    /** Nodes per axis. */
    private static final int NODES = SUB + 1;
    /** [energy][sx][sy][dy][dx] flattened, sx, sy = node indices. */
    private final float[][] table;

    /**
     * @param layer        the cell grid (ECAL segment)
     * @param x0           radiation length in mm
     * @param moliere      Molière radius in mm
     * @param tFrom        segment start depth in X0
     * @param tTo          segment end depth in X0
     */
    public LateralTable(CellLayer layer, double x0, double moliere, double tFrom, double tTo) {
        this.pitchX = layer.pitchX();
        this.pitchY = layer.pitchY();
        this.nx = layer.nx();
        this.ny = layer.ny();
        table = new float[ENERGIES.length][];
        for (int k = 0; k < ENERGIES.length; k++) {
            table[k] = build(ENERGIES[k], moliere, tFrom, tTo);
        }
    }

    private float[] build(double e, double moliere, double tFrom, double tTo) {
        double alpha = Gflash.meanAlpha(e);
        double beta = Gflash.meanBeta(e);
        double tMax = Gflash.meanT(e);
        int nComp = 2 * SLABS;
        double[] w = new double[nComp];
        double[] r = new double[nComp];
        double sumW = 0;
        for (int j = 0; j < SLABS; j++) {
            double t1 = tFrom + (tTo - tFrom) * j / SLABS;
            double t2 = tFrom + (tTo - tFrom) * (j + 1) / SLABS;
            double wj = Gflash.containedUpTo(alpha, beta, t2) - Gflash.containedUpTo(alpha, beta, t1);
            double tau = 0.5 * (t1 + t2) / tMax;
            double p = Gflash.coreWeight(tau, e);
            w[2 * j] = wj * p;
            r[2 * j] = Gflash.coreRadius(tau, e) * moliere;
            w[2 * j + 1] = wj * (1 - p);
            r[2 * j + 1] = Gflash.tailRadius(tau, e) * moliere;
            sumW += wj;
        }
        float[] out = new float[NODES * NODES * WIDTH * WIDTH];
        double[] ex = new double[WIDTH + 1];
        double[] ey = new double[WIDTH + 1];
        double[] q = new double[(WIDTH + 1) * (WIDTH + 1)];
        double[] acc = new double[WIDTH * WIDTH];
        for (int sx = 0; sx < NODES; sx++) {
            double ux = (double) sx / SUB * pitchX;
            for (int k = 0; k <= WIDTH; k++) {
                ex[k] = (k - HALF) * pitchX - ux;
            }
            for (int sy = 0; sy < NODES; sy++) {
                double uy = (double) sy / SUB * pitchY;
                for (int k = 0; k <= WIDTH; k++) {
                    ey[k] = (k - HALF) * pitchY - uy;
                }
                java.util.Arrays.fill(acc, 0);
                for (int c = 0; c < nComp; c++) {
                    if (w[c] <= 0) {
                        continue;
                    }
                    for (int ky = 0; ky <= WIDTH; ky++) {
                        for (int kx = 0; kx <= WIDTH; kx++) {
                            q[ky * (WIDTH + 1) + kx] = Gflash.quadrant(ex[kx], ey[ky], r[c]);
                        }
                    }
                    for (int dy = 0; dy < WIDTH; dy++) {
                        for (int dx = 0; dx < WIDTH; dx++) {
                            double v = q[(dy + 1) * (WIDTH + 1) + dx + 1]
                                    - q[dy * (WIDTH + 1) + dx + 1]
                                    - q[(dy + 1) * (WIDTH + 1) + dx]
                                    + q[dy * (WIDTH + 1) + dx];
                            acc[dy * WIDTH + dx] += w[c] * v;
                        }
                    }
                }
                int base = (sx * NODES + sy) * WIDTH * WIDTH;
                for (int i = 0; i < WIDTH * WIDTH; i++) {
                    out[base + i] = (float) (acc[i] / sumW);
                }
            }
        }
        return out;
    }

    private static int energyIndex(double e) {
        // nearest reference energy in ln E: boundaries at the geometric means
        if (e < Math.sqrt(ENERGIES[0] * ENERGIES[1])) {
            return 0;
        }
        return e < Math.sqrt(ENERGIES[1] * ENERGIES[2]) ? 1 : 2;
    }

    /**
     * Adds {@code energy} spread over the cells of the layer whose cells start at {@code cells[first]}
     * for a shower axis at (x, y) mm (layer coordinates, origin at the grid centre). Energy falling
     * outside the grid is lost (lateral leakage).
     */
    public void deposit(double[] cells, int first, double energy, double x, double y, double showerEnergy) {
        double gx = x / pitchX + nx / 2.0;
        double gy = y / pitchY + ny / 2.0;
        int col0 = (int) Math.floor(gx);
        int row0 = (int) Math.floor(gy);
        if (col0 < -HALF || col0 >= nx + HALF || row0 < -HALF || row0 >= ny + HALF) {
            return;
        }
        double fx = (gx - col0) * SUB;
        double fy = (gy - row0) * SUB;
        int sx = Math.min(SUB - 1, (int) fx);
        int sy = Math.min(SUB - 1, (int) fy);
        double u = fx - sx;
        double v = fy - sy;
        double w00 = energy * (1 - u) * (1 - v);
        double w01 = energy * (1 - u) * v;
        double w10 = energy * u * (1 - v);
        double w11 = energy * u * v;
        float[] t = table[energyIndex(showerEnergy)];
        int cell = WIDTH * WIDTH;
        int b00 = (sx * NODES + sy) * cell;
        int b01 = b00 + cell;
        int b10 = b00 + NODES * cell;
        int b11 = b10 + cell;
        for (int dy = 0; dy < WIDTH; dy++) {
            int r = row0 + dy - HALF;
            if (r < 0 || r >= ny) {
                continue;
            }
            int rowBase = first + r * nx;
            int o = dy * WIDTH;
            for (int dx = 0; dx < WIDTH; dx++) {
                int c = col0 + dx - HALF;
                if (c >= 0 && c < nx) {
                    int k = o + dx;
                    cells[rowBase + c] += w00 * t[b00 + k] + w01 * t[b01 + k] + w10 * t[b10 + k] + w11 * t[b11 + k];
                }
            }
        }
    }
}
