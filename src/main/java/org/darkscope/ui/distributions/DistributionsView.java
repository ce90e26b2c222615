package org.darkscope.ui.distributions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.darkscope.analysis.Variable;
import org.darkscope.report.DistributionData;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;

/**
 * Histograms of E_ECAL, E_HCAL, p, SRD sum and shower shape: all data events, selected data events
 * and selected background MC, normalised per EOT, with the cut edges as dashed lines. Everything
 * shown comes from its {@link DistributionsViewModel}; this class only draws.
 */
public final class DistributionsView extends GridPane {
    private final Map<Variable, SeriesChart> charts = new EnumMap<>(Variable.class);

    public DistributionsView(DistributionsViewModel model) {
        setId("distributionsView");
        setHgap(4);
        setVgap(4);
        int i = 0;
        for (Variable v : Variable.values()) {
            SeriesChart c = new SeriesChart(v.label(), v.unit().isEmpty() ? null : v.unit(), "events / EOT", null);
            c.setId("dist-" + v.name());
            c.setLog(false, true);
            c.setPrefSize(300, 220);
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
            // one row: each chart gets the whole height of the result pane (two rows gave ~200 px each)
            add(c, i, 0);
            charts.put(v, c);
            i++;
        }
        model.distributionsProperty().addListener((o, a, m) -> show(m));
        show(model.distributionsProperty().get());
    }

    public SeriesChart chart(Variable v) {
        return charts.get(v);
    }

    private void show(Map<Variable, DistributionData> m) {
        for (var e : m.entrySet()) {
            DistributionData d = e.getValue();
            List<Series> s = new ArrayList<>();
            if (d.allData() != null) {
                s.add(Series.step("all data", Color.gray(0.55), d.edges(), d.allData()));
            }
            s.add(Series.step("selected data", Color.rgb(31, 119, 180), d.edges(), d.selData()));
            if (d.selMc() != null) {
                s.add(Series.step("selected bkg MC", Color.rgb(214, 39, 40), d.edges(), d.selMc())
                        .asDashed());
            }
            if (d.cutEdges().length > 0) {
                s.add(Series.marker("cut", Color.CRIMSON, d.cutEdges()));
            }
            charts.get(e.getKey()).setSeries(s);
        }
    }
}
