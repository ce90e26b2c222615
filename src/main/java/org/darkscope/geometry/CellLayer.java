package org.darkscope.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A rectangular grid of cells at one depth: an ECAL segment or an HCAL module (or the SRD / VETO
 * counters, which are stored as scalar columns instead of the cell block).
 */
public final class CellLayer {
    private final String prefix;
    private final String elementName;
    private final ElementKind kind;
    private final int nx;
    private final int ny;
    private final double pitchX;
    private final double pitchY;
    private final double zMin;
    private final double zMax;
    private final int firstIndex;
    private final List<Cell> cells;

    CellLayer(
            String prefix,
            String elementName,
            ElementKind kind,
            int nx,
            int ny,
            double pitchX,
            double pitchY,
            double zMin,
            double zMax,
            int firstIndex) {
        this.prefix = prefix;
        this.elementName = elementName;
        this.kind = kind;
        this.nx = nx;
        this.ny = ny;
        this.pitchX = pitchX;
        this.pitchY = pitchY;
        this.zMin = zMin;
        this.zMax = zMax;
        this.firstIndex = firstIndex;
        List<Cell> list = new ArrayList<>(nx * ny);
        double zc = (zMin + zMax) / 2;
        for (int r = 0; r < ny; r++) {
            for (int c = 0; c < nx; c++) {
                double x = (c - (nx - 1) / 2.0) * pitchX;
                double y = (r - (ny - 1) / 2.0) * pitchY;
                list.add(new Cell(
                        firstIndex < 0 ? -1 : firstIndex + r * nx + c,
                        this,
                        r,
                        c,
                        new Vec3(x, y, zc),
                        new Vec3(pitchX, pitchY, zMax - zMin)));
            }
        }
        this.cells = Collections.unmodifiableList(list);
    }

    public String prefix() {
        return prefix;
    }

    public String elementName() {
        return elementName;
    }

    public ElementKind kind() {
        return kind;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public double pitchX() {
        return pitchX;
    }

    public double pitchY() {
        return pitchY;
    }

    public double zMin() {
        return zMin;
    }

    public double zMax() {
        return zMax;
    }

    public int size() {
        return nx * ny;
    }
    /** Global index of this layer's first cell in the cell block, or -1 if not part of it. */
    public int firstIndex() {
        return firstIndex;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** Cell at (row, col) in this layer. */
    public Cell cell(int row, int col) {
        return cells.get(row * nx + col);
    }

    /** Index of the central cell within the layer (grid centre, rounded down). */
    public int centralLocalIndex() {
        return (ny / 2) * nx + nx / 2;
    }

    /** The cell containing (x, y) in mm, or null outside the layer. */
    public Cell cellAt(double x, double y) {
        int c = (int) Math.floor(x / pitchX + nx / 2.0);
        int r = (int) Math.floor(y / pitchY + ny / 2.0);
        if (c < 0 || c >= nx || r < 0 || r >= ny) {
            return null;
        }
        return cell(r, c);
    }

    /** Local indices of the up-to-8 neighbours of a cell, plus the cell itself, in a 3x3 window. */
    public int[] window3x3(int localIndex) {
        int r0 = localIndex / nx;
        int c0 = localIndex % nx;
        int[] tmp = new int[9];
        int n = 0;
        for (int r = r0 - 1; r <= r0 + 1; r++) {
            for (int c = c0 - 1; c <= c0 + 1; c++) {
                if (r >= 0 && r < ny && c >= 0 && c < nx) {
                    tmp[n++] = r * nx + c;
                }
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    @Override
    public String toString() {
        return prefix + " (" + nx + "x" + ny + ")";
    }
}
