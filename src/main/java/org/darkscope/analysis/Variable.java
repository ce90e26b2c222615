package org.darkscope.analysis;

import org.darkscope.event.Schema;

/** The quantities histogrammed for the selected events, with their default binning. */
public enum Variable {
    ECAL(Schema.ECAL, "E_ECAL", "GeV", new Binning(120, 0, 120)),
    HCAL(Schema.HCAL, "E_HCAL", "GeV", new Binning(100, 0, 100)),
    P(Schema.P, "p", "GeV", new Binning(100, 80, 120)),
    SRD_SUM(Schema.SRD_SUM, "SRD sum", "MeV", new Binning(100, 0, 400)),
    SHOWER_SHAPE(Schema.ECAL_SHAPE, "shower shape", "", new Binning(100, 0, 0.5));

    private final String column;
    private final String label;
    private final String unit;
    private final Binning binning;

    Variable(String column, String label, String unit, Binning binning) {
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.binning = binning;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Binning defaultBinning() {
        return binning;
    }
}
