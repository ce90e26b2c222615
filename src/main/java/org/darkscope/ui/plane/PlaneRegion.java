package org.darkscope.ui.plane;

/** The regions of the plane labelled with their counts. */
public enum PlaneRegion {
    BOX("box"),
    A("A"),
    C("C"),
    D("D");

    private final String label;

    PlaneRegion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
