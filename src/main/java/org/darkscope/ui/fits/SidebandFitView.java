package org.darkscope.ui.fits;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;
import org.darkscope.ui.table.TableColumns;

/**
 * The sideband fits behind the background estimate: the E_ECAL spectrum of sideband C and the
 * E_HCAL spectrum of sideband A (selected events of the engine's region lists), the box edge they are
 * extrapolated to, every accepted fitted function over its fit range and (dashed) its extrapolation
 * under the box, with a legend naming each family, and every fit (family, range, extrapolation under
 * the box ± stat, fit probability, accepted or why not) in a table. Everything shown comes from its
 * {@link SidebandFitViewModel}; this class only draws.
 */
public final class SidebandFitView extends SplitPane {
    private static final Color SPECTRUM_COLOR = Color.rgb(31, 119, 180);
    /** Legend text of the dashed curves. */
    public static final String EXTRAPOLATION_LEGEND = "dashed: extrapolation under the box";

    private final SeriesChart cChart = new SeriesChart("E_ECAL (sideband C)", "GeV", "events / bin", null);
    private final SeriesChart aChart = new SeriesChart("E_HCAL (sideband A)", "GeV", "events / bin", null);
    private final TableView<List<String>> table = new TableView<>();

    public SidebandFitView(SidebandFitViewModel model) {
        setId("sidebandFitView");
        setOrientation(Orientation.VERTICAL);
        cChart.setLog(false, true);
        aChart.setLog(false, true);
        HBox charts = new HBox(4, cChart, aChart);
        HBox.setHgrow(cChart, Priority.ALWAYS);
        HBox.setHgrow(aChart, Priority.ALWAYS);
        table.setId("fitTable");
        List<String> cols = SidebandFitViewModel.COLUMNS;
        for (int i = 0; i < cols.size(); i++) {
            final int k = i;
            TableColumn<List<String>, String> c = new TableColumn<>(cols.get(i));
            c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().get(k)));
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.setPlaceholder(new Label("No fits yet."));
        TableColumns.readableCells(table);
        getItems().addAll(charts, table);
        // the charts get ~300 px of the ~450 px result pane at the default 1600×1000 window
        setDividerPositions(0.7);
        model.fitsProperty().addListener((o, a, f) -> show(f));
        show(model.fits());
    }

    /** The E_ECAL spectrum of sideband C with its fits. */
    public SeriesChart sidebandCChart() {
        return cChart;
    }

    /** The E_HCAL spectrum of sideband A with its fits. */
    public SeriesChart sidebandAChart() {
        return aChart;
    }

    public TableView<List<String>> table() {
        return table;
    }

    private void show(SidebandFitViewModel.Fits f) {
        if (f == null) {
            return;
        }
        draw(cChart, "sideband C, selected", f.sidebandC());
        draw(aChart, "sideband A, selected", f.sidebandA());
        table.getItems().setAll(f.rows());
        TableColumns.fitToContent(table);
    }

    /**
     * The spectrum, the box edge and every accepted fit: solid over its fit range, dashed over its
     * extrapolation range under the box; one colour per family.
     */
    private static void draw(SeriesChart chart, String name, SidebandFitViewModel.Panel p) {
        List<Series> s = new ArrayList<>();
        s.add(Series.step(name, SPECTRUM_COLOR, p.edges(), p.counts()));
        for (SidebandFitViewModel.Curve c : p.fits()) {
            s.add(Series.line(c.name(), SeriesChart.palette(c.colour()), c.x(), c.y()));
        }
        for (SidebandFitViewModel.Curve c : p.extrapolations()) {
            s.add(Series.line(c.name(), SeriesChart.palette(c.colour()), c.x(), c.y())
                    .asDashed());
        }
        if (!p.extrapolations().isEmpty()) {
            // legend entry only: what the dashed curves are
            s.add(new Series(EXTRAPOLATION_LEGEND, Color.GRAY, new double[0], new double[0], Series.Style.LINE, true));
        }
        s.add(Series.marker("box edge", Color.CRIMSON, p.boxEdge()));
        chart.setSeries(s);
        chart.setYRange(p.yLo(), p.yHi());
    }
}
