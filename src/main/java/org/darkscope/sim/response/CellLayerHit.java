package org.darkscope.sim.response;

import org.darkscope.geometry.CellLayer;

/** Adds energy to the single cell of a layer that contains a point (nothing if outside). */
final class CellLayerHit {
    private CellLayerHit() {}

    /** Local index of the cell at (x, y) mm, or -1 outside the layer. */
    static int localIndex(CellLayer layer, double x, double y) {
        int c = (int) Math.floor(x / layer.pitchX() + layer.nx() / 2.0);
        int r = (int) Math.floor(y / layer.pitchY() + layer.ny() / 2.0);
        if (c < 0 || c >= layer.nx() || r < 0 || r >= layer.ny()) {
            return -1;
        }
        return r * layer.nx() + c;
    }

    static void add(double[] cells, CellLayer layer, double x, double y, double e) {
        int i = localIndex(layer, x, y);
        if (i >= 0) {
            cells[layer.firstIndex() + i] += e;
        }
    }
}
