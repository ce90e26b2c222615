package org.darkscope.ui.display;

import javafx.scene.control.Label;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;

/**
 * Draws one event (or an accumulation) into the 3D view, the cell maps and the legend: cell
 * colours and sizes, SRD/VETO counters, track and truth marker. Called at most once per pulse.
 */
final class CellRedraw {
    /** The track angle is drawn this many times larger so mrad tilts can be seen [display choice]. */
    static final double TRACK_ANGLE_EXAGGERATION = 20;

    private final DetectorView3D view3d;
    private final CellMapPanel cellMap;
    private final ColorLegend legend;
    private final Label truthLabel;
    final EnergyScale scale = new EnergyScale();
    final EnergyScale accScale = new EnergyScale();
    private ColorMap colorMap = ColorMap.load(ColorMap.VIRIDIS);
    private float[] cellBuffer = new float[0];
    private double[] units = new double[0];
    private long count;

    CellRedraw(DetectorView3D view3d, CellMapPanel cellMap, ColorLegend legend, Label truthLabel) {
        this.view3d = view3d;
        this.cellMap = cellMap;
        this.legend = legend;
        this.truthLabel = truthLabel;
        view3d.setColorMap(colorMap);
        cellMap.setColorMap(colorMap);
        accScale.setEmptyThreshold(0);
    }

    void setColorMap(String name) {
        colorMap = ColorMap.load(name);
        view3d.setColorMap(colorMap);
        cellMap.setColorMap(colorMap);
    }

    /** Both scales follow the linear/log choice; the accumulation keeps its own range. */
    void setMapping(EnergyScale.Mapping m) {
        scale.setMapping(m);
        accScale.setMapping(m);
    }

    void setRange(EnergyScale.Range r) {
        scale.setRange(r);
        // an accumulation is one picture of the whole run, so "shared across events" is its own span;
        // a fixed range applies in the map's unit (% occupancy, mean GeV), as the legend says
        accScale.setRange(r == EnergyScale.Range.FIXED ? EnergyScale.Range.FIXED : EnergyScale.Range.AUTO_EVENT);
    }

    /** The fixed range (in the shown map's unit) for the event scale and the accumulation's. */
    void setFixedRange(double min, double max) {
        scale.setFixedRange(min, max);
        accScale.setFixedRange(min, max);
    }

    void detectorChanged(Detector d) {
        cellBuffer = new float[d.cellCount()];
        units = new double[d.cellCount()];
    }

    long count() {
        return count;
    }

    void redraw(
            RunData run, int e, DisplayMode mode, CellAccumulation accumulation, CellStyle style, boolean showTrack) {
        count++;
        boolean acc = mode != DisplayMode.EVENT && accumulation != null;
        EnergyScale s = acc ? accScale : scale;
        float[] values = cellBuffer;
        if (acc) {
            float[] src = mode == DisplayMode.OCCUPANCY ? accumulation.occupancy() : accumulation.meanEnergy();
            float f = mode == DisplayMode.OCCUPANCY ? 100f : 1f;
            for (int i = 0; i < values.length; i++) {
                values[i] = src[i] * f;
            }
        } else {
            run.cells().read(e, cellBuffer);
        }
        s.fit(values);
        for (int i = 0; i < values.length; i++) {
            units[i] = s.unit(values[i]);
        }
        view3d.applyCells(units, style);
        DisplayMode shown = acc ? mode : DisplayMode.EVENT;
        cellMap.apply(units, values, shown.format(), shown.unit(), shown == DisplayMode.EVENT);
        legend.update(colorMap, s, shown.quantity(), shown.unit(), acc);
        Detector d = run.detector();
        double[] srd = new double[d.srdCellCount()];
        for (int i = 0; i < srd.length; i++) {
            srd[i] = run.value(Schema.srd(i), e);
        }
        double[] veto = new double[d.vetoCount()];
        for (int i = 0; i < veto.length; i++) {
            veto[i] = run.value(Schema.veto(i), e);
        }
        view3d.applyCounters(srd, veto);
        view3d.setTrack(showTrack && !acc, run.value(Schema.ANGLE, e), TRACK_ANGLE_EXAGGERATION);
        EventClass c = run.truthClass(e);
        boolean truth = run.info().simulated() && !acc;
        boolean marker = truth && (c.isSignal() || c == EventClass.UPSTREAM);
        view3d.setTruth(marker ? run.value(Schema.TRUTH_Z, e) : Double.NaN);
        truthLabel.setText(
                !truth
                        ? ""
                        : "truth: " + c.label()
                                + (run.column(Schema.TRUTH_PILEUP).getInt(e) != 0 ? " + pile-up" : "")
                                + (marker ? String.format("  (pin: z = %.0f mm)", run.value(Schema.TRUTH_Z, e)) : ""));
    }

    /** Events {@link #runMaxCell} looks at: at most the first 10⁶ (a big run's cells are read on demand). */
    static final int MAX_CELL_SPAN = 1_000_000;

    /**
     * Hottest cell of the run for the shared scale, sampling at most ~1e5 events of the first
     * {@link #MAX_CELL_SPAN}: a big run's cells are decoded per row group on demand, and sampling all
     * of 10⁸ events would decode every row group's cells (issue 15). Any thread.
     */
    static double runMaxCell(RunData r) {
        int span = Math.min(r.size(), MAX_CELL_SPAN);
        int stride = Math.max(1, span / 100_000);
        float[] buf = new float[r.detector().cellCount()];
        double max = 0;
        for (int e = 0; e < span; e += stride) {
            r.cells().read(e, buf);
            for (float v : buf) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
