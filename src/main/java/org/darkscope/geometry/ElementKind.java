package org.darkscope.geometry;

/** What a detector element along the beam is. */
public enum ElementKind {
    COUNTER,
    TRACKER,
    MAGNET,
    VESSEL,
    SRD,
    ECAL,
    VETO,
    HCAL;

    /** True for the calorimeters whose cell energies are stored in a run's cell block. */
    public boolean isCalorimeter() {
        return this == ECAL || this == HCAL;
    }
}
