package org.darkscope.ui.display;

/** What the cells show: the current event, or quantities accumulated over many events. */
public enum DisplayMode {
    EVENT("event energy", "E cell", "GeV", "%.2f"),
    OCCUPANCY("occupancy", "occupancy", "%", "%.1f"),
    MEAN_ENERGY("mean energy", "mean E when hit", "GeV", "%.2f");

    private final String label;
    private final String quantity;
    private final String unit;
    private final String format;

    DisplayMode(String label, String quantity, String unit, String format) {
        this.label = label;
        this.quantity = quantity;
        this.unit = unit;
        this.format = format;
    }

    public String quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public String format() {
        return format;
    }

    @Override
    public String toString() {
        return label;
    }
}
