package org.darkscope.ui.fits;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.background.ShapeFit;
import org.darkscope.event.Schema;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sideband fits behind the background estimate: the E_ECAL spectrum of sideband C and the
 * E_HCAL spectrum of sideband A (selected events of the engine's region lists), the box edge they are
 * extrapolated to, and every fit (family, range, extrapolation under the box ± stat, fit probability,
 * accepted or why not) in a table.
 */
public final class SidebandFitView extends SplitPane {
    /** Bins of the displayed spectra. */
    public static final int DISPLAY_BINS = 40;

    private final Session session;
    private final SeriesChart cChart = new SeriesChart("E_ECAL (sideband C)", "GeV", "events / bin", null);
    private final SeriesChart aChart = new SeriesChart("E_HCAL (sideband A)", "GeV", "events / bin", null);
    private final TableView<List<String>> table = new TableView<>();

    public SidebandFitView(Session session) {
        this.session = session;
        setId("sidebandFitView");
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        cChart.setLog(false, true);
        aChart.setLog(false, true);
        HBox charts = new HBox(4, cChart, aChart);
        HBox.setHgrow(cChart, Priority.ALWAYS);
        HBox.setHgrow(aChart, Priority.ALWAYS);
        table.setId("fitTable");
        String[] cols = {"estimate", "family", "fit range [GeV]", "under the box", "stat", "fit prob.", "accepted", "note"};
        for (int i = 0; i < cols.length; i++) {
            final int k = i;
            TableColumn<List<String>, String> c = new TableColumn<>(cols[i]);
            c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().get(k)));
            c.setSortable(false);
            table.getColumns().add(c);
        }
        table.setPlaceholder(new javafx.scene.control.Label("No fits yet."));
        getItems().addAll(charts, table);
        setDividerPositions(0.6);
        session.addListener(new SessionListener() {
            @Override
            public void detailsChanged(Session s) {
                redraw();
            }
        });
    }

    public TableView<List<String>> table() {
        return table;
    }

    private void redraw() {
        AnalysisResult r = session.details();
        if (r == null) {
            return;
        }
        SignalBox box = r.selection().box();
        double[] c = spectrum(r, Region.C, Schema.ECAL, box.ecalMax(), box.ecalTriggerEdge());
        double[] a = spectrum(r, Region.A, Schema.HCAL, box.hcalMax(), box.hcalSidebandMax());
        cChart.setSeries(List.of(
                Series.step("sideband C, selected", Color.rgb(31, 119, 180), edges(box.ecalMax(), box.ecalTriggerEdge()), c),
                Series.marker("box edge", Color.CRIMSON, box.ecalMax())));
        aChart.setSeries(List.of(
                Series.step("sideband A, selected", Color.rgb(31, 119, 180), edges(box.hcalMax(), box.hcalSidebandMax()), a),
                Series.marker("box edge", Color.CRIMSON, box.hcalMax())));
        BackgroundSummary b = r.background();
        List<List<String>> rows = new ArrayList<>();
        for (BackgroundEstimate e : List.of(b.sidebandC(), b.sidebandA())) {
            if (!e.available() && e.fits().isEmpty()) {
                rows.add(List.of(e.method(), "", "", "—", "", "", "", e.reason()));
            }
            for (ShapeFit f : e.fits()) {
                rows.add(List.of(e.method(), f.family(), String.format(Locale.ROOT, "%.2f – %.2f", f.fitLo(), f.fitHi()),
                        String.format(Locale.ROOT, "%.3g", f.extrapolated()), String.format(Locale.ROOT, "%.2g", f.statError()),
                        String.format(Locale.ROOT, "%.3f", f.fitProbability()), f.accepted() ? "yes" : "no", f.message()));
            }
            if (e.available()) {
                rows.add(List.of(e.method(), "chosen", "", String.format(Locale.ROOT, "%.3g", e.value()),
                        String.format(Locale.ROOT, "%.2g", e.statError()), "", "",
                        String.format(Locale.ROOT, "syst %.2g (spread over functions and ranges)", e.systError())));
            }
        }
        table.getItems().setAll(rows);
    }

    private static double[] edges(double lo, double hi) {
        double[] e = new double[DISPLAY_BINS + 1];
        for (int i = 0; i <= DISPLAY_BINS; i++) {
            e[i] = lo + (hi - lo) * i / DISPLAY_BINS;
        }
        return e;
    }

    /** Display histogram of one column over the engine's selected events of a region in every non-signal run. */
    private static double[] spectrum(AnalysisResult r, Region region, String column, double lo, double hi) {
        double[] h = new double[DISPLAY_BINS];
        for (RunResult rr : r.backgroundRuns()) {
            float[] v = rr.run().floats(column);
            for (int e : rr.eventsInRegion(region)) {
                int i = (int) ((v[e] - lo) / (hi - lo) * DISPLAY_BINS);
                if (i >= 0 && i < DISPLAY_BINS) {
                    h[i]++;
                }
            }
        }
        return h;
    }
}
