package org.darkscope.ui.display;

import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Element;
import org.darkscope.geometry.ElementKind;

/**
 * Texts of the pick label. Every number is read from the run (never from scene nodes), so what the
 * user reads is what the run file holds.
 */
public final class PickText {
    private PickText() {}

    /** Energy of a cell of an event, its share of its layer and of its element. */
    public static String cell(RunData run, int event, Cell cell) {
        float[] e = new float[run.detector().cellCount()];
        run.cells().read(event, e);
        CellLayer l = cell.layer();
        double layerSum = sum(e, l);
        double elementSum = 0;
        for (CellLayer other : run.detector().calorimeterLayers()) {
            if (other.elementName().equals(l.elementName())) {
                elementSum += sum(e, other);
            }
        }
        double v = e[cell.index()];
        StringBuilder sb = new StringBuilder();
        sb.append(cell.name()).append(": E = ").append(String.format("%.3f GeV", v));
        sb.append("\n")
                .append(percent(v, layerSum))
                .append(" of ")
                .append(l.prefix())
                .append(String.format(" (%.3f GeV)", layerSum));
        if (!l.prefix().equals(l.elementName().toLowerCase())) {
            sb.append(", ")
                    .append(percent(v, elementSum))
                    .append(" of ")
                    .append(l.elementName())
                    .append(String.format(" (%.3f GeV)", elementSum));
        }
        return sb.toString();
    }

    /** Occupancy and mean energy of a cell in accumulation mode. */
    public static String accumulated(CellAccumulation acc, Cell cell) {
        int i = cell.index();
        return String.format(
                "%s: occupancy %.1f %% of %d events, mean %.3f GeV when hit",
                cell.name(), 100.0 * acc.occupancy()[i], acc.events(), acc.meanEnergy()[i]);
    }

    private static String percent(double v, double sum) {
        return sum > 0 ? String.format("%.1f %%", 100 * v / sum) : "-- %";
    }

    private static double sum(float[] e, CellLayer l) {
        double s = 0;
        for (int c = 0; c < l.size(); c++) {
            s += e[l.firstIndex() + c];
        }
        return s;
    }

    /** Summary of a subdetector for one event. */
    public static String element(RunData run, int event, Element el) {
        StringBuilder sb = new StringBuilder(el.name())
                .append(" (")
                .append(el.kind().name().toLowerCase())
                .append(")");
        switch (el.kind()) {
            case ECAL -> sb.append(String.format(
                    ": E_ECAL = %.3f GeV (preshower %.3f, main %.3f), shape %.3f",
                    run.value(Schema.ECAL, event),
                    run.value(Schema.ECAL_PRE, event),
                    run.value(Schema.ECAL_MAIN, event),
                    run.value(Schema.ECAL_SHAPE, event)));
            case HCAL -> {
                int m = run.detector().elements(ElementKind.HCAL).indexOf(el);
                sb.append(String.format(
                        ": %.3f GeV of E_HCAL = %.3f GeV",
                        run.value(Schema.hcalModule(m), event), run.value(Schema.HCAL, event)));
            }
            case SRD -> {
                sb.append(":");
                for (int i = 0; i < run.detector().srdCellCount(); i++) {
                    sb.append(String.format(" %.1f", run.value(Schema.srd(i), event)));
                }
                sb.append(String.format(" MeV, sum %.1f MeV", run.value(Schema.SRD_SUM, event)));
            }
            case VETO -> {
                sb.append(":");
                for (int i = 0; i < run.detector().vetoCount(); i++) {
                    sb.append(String.format(" %.2f", run.value(Schema.veto(i), event)));
                }
                sb.append(" MIP");
            }
            case TRACKER -> sb.append(String.format(
                    ": p = %.2f GeV, angle %.2f mrad, straw hits %d",
                    run.value(Schema.P, event), run.value(Schema.ANGLE, event), (int)
                            run.value(Schema.STRAW_HITS, event)));
            default -> {}
        }
        sb.append(String.format("%nz = %.0f .. %.0f mm. %s", el.zMin(), el.zMax(), el.note()));
        return sb.toString();
    }
}
