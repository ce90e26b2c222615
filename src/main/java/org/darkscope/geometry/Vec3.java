package org.darkscope.geometry;

/** A point or extent in detector coordinates (mm); z grows downstream along the beam. */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
}
