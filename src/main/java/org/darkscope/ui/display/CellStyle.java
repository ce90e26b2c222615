package org.darkscope.ui.display;

/** How a cell shows its energy besides its colour. */
public enum CellStyle {
    /** Full-size boxes, colour only. */
    COLOUR("colour"),
    /** Transverse size grows with energy (area proportional to the colour-map position). */
    SIZE("size"),
    /** Depth grows with energy from the cell's front face, like a lego tower. */
    TOWER("towers");

    private final String label;

    CellStyle(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
