package org.darkscope.geometry;

import java.util.List;

/**
 * One detector element at its position along the beam.
 *
 * @param name   unique name (S1, MM1, ECAL, HCAL0, ...)
 * @param kind   what it is
 * @param centre centre of the element in mm
 * @param size   full extent in x, y, z in mm
 * @param note   plain-language description with the source of its numbers
 * @param layers the cell layers this element holds (empty for elements without cells)
 */
public record Element(String name, ElementKind kind, Vec3 centre, Vec3 size, String note, List<CellLayer> layers) {
    public Element {
        layers = List.copyOf(layers);
    }

    public double zMin() {
        return centre.z() - size.z() / 2;
    }

    public double zMax() {
        return centre.z() + size.z() / 2;
    }
}
