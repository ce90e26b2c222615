package org.darkscope.geometry;

/**
 * One readout cell of a calorimeter layer.
 *
 * @param index  global index in the run's cell block (0 .. {@link Detector#cellCount()}-1)
 * @param layer  the layer the cell belongs to
 * @param row    row (y index, 0 at the bottom)
 * @param col    column (x index, 0 at negative x)
 * @param centre centre in mm
 * @param size   full extent in mm
 */
public record Cell(int index, CellLayer layer, int row, int col, Vec3 centre, Vec3 size) {
    /** Column name in run files, e.g. {@code ecal_main_r2c3}. */
    public String name() {
        return layer.prefix() + "_r" + row + "c" + col;
    }

    @Override
    public String toString() {
        return name();
    }
}
