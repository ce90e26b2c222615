package org.darkscope.ui.display;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.darkscope.analysis.Region;
import org.darkscope.dq.SpillTrends;

/** A small chart of one per-spill quantity of the shown run against the spill number. */
final class SpillTrendView extends VBox {
    /** The quantities offered, with how to read each from a spill. */
    enum Quantity {
        EVENTS("events per spill", s -> s.events()),
        RATE("event rate in the spill [Hz]", SpillTrends.Spill::rateHz),
        MEAN_ECAL("mean E_ECAL [GeV]", SpillTrends.Spill::meanEcal),
        REGION_I("fraction in region I (dimuons)", s -> s.regionFraction().get(Region.I)),
        REGION_II("fraction in region II (hadrons)", s -> s.regionFraction().get(Region.II)),
        REGION_III("fraction in region III (pile-up)", s -> s.regionFraction().get(Region.III)),
        SIDEBAND_C("fraction in sideband C", s -> s.regionFraction().get(Region.C)),
        SRD("SRD electron-tag rate", SpillTrends.Spill::srdRate),
        VETO("VETO rate", SpillTrends.Spill::vetoRate);

        final String label;
        final ToDoubleFunction<SpillTrends.Spill> value;

        Quantity(String label, ToDoubleFunction<SpillTrends.Spill> value) {
            this.label = label;
            this.value = value;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final ComboBox<Quantity> quantity = new ComboBox<>();
    final LineChart<Number, Number> chart;
    final Label note = new Label();
    private List<SpillTrends.Spill> spills = List.of();

    SpillTrendView() {
        super(4);
        setPadding(new Insets(4, 0, 4, 0));
        NumberAxis x = new NumberAxis();
        x.setLabel("spill");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        chart = new LineChart<>(x, y);
        chart.setId("spill-trend-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCreateSymbols(true);
        // tall enough for the rotated y label ("mean E_ECAL [GeV]") in full
        chart.setPrefHeight(240);
        chart.setMinHeight(220);
        quantity.setId("spill-trend-quantity");
        quantity.getItems().setAll(Quantity.values());
        quantity.setValue(Quantity.EVENTS);
        quantity.valueProperty().addListener((o, a, q) -> redraw());
        note.setId("spill-trend-note");
        note.setWrapText(true);
        // wrapped, never cut to "...": the run name and the blinding note are read in full
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(new HBox(6, new Label("per-spill trend"), quantity), chart, note);
    }

    void setSpills(List<SpillTrends.Spill> s, String runName) {
        spills = s;
        int stride = stride(s.size());
        note.setText(runName + ": " + s.size() + " spill" + (s.size() == 1 ? "" : "s")
                + (stride > 1 ? ", every " + stride + "th plotted" : "")
                + " (box events of a blinded run are counted in no region)");
        redraw();
    }

    /** Spills with a symbol each; above, a plain line. */
    static final int SYMBOLS_UP_TO = 500;
    /** At most about this many points are plotted (every k-th spill above). */
    static final int MAX_POINTS = 2000;

    static int stride(int n) {
        return Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    }

    private void redraw() {
        Quantity q = quantity.getValue();
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        // a chart node per point: a 10^8-event run's thousands of spills froze the window for seconds (issue 15)
        int stride = stride(spills.size());
        chart.setCreateSymbols(spills.size() <= SYMBOLS_UP_TO);
        for (int i = 0; i < spills.size(); i += stride) {
            SpillTrends.Spill s = spills.get(i);
            double v = q.value.applyAsDouble(s);
            if (Double.isFinite(v)) {
                series.getData().add(new XYChart.Data<>(s.spill(), v));
            }
        }
        chart.getYAxis().setLabel(q.label);
        chart.getData().setAll(List.of(series));
    }
}
