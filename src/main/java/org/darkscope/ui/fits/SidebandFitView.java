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
import org.darkscope.analysis.background.SidebandFitter;
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
 * extrapolated to, every accepted fitted function over its fit range and (dashed) its extrapolation
 * under the box, with a legend naming each family, and every fit (family, range, extrapolation under the box ± stat, fit probability,
 * accepted or why not) in a table.
 */
public final class SidebandFitView extends SplitPane {
    /** Bins of the displayed spectra. */
    public static final int DISPLAY_BINS = 40;
    /** Points per drawn fit curve. */
    private static final int CURVE_POINTS = 120;
    /** Lowest y shown on the log axis relative to the highest bin (the extrapolated tails fall steeply). */
    private static final double Y_DYNAMIC_RANGE = 1e-4;
    private static final Color SPECTRUM_COLOR = Color.rgb(31, 119, 180);
    /** Legend text of the dashed curves. */
    public static final String EXTRAPOLATION_LEGEND = "dashed: extrapolation under the box";

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
        org.darkscope.ui.table.TableColumns.readableCells(table);
        getItems().addAll(charts, table);
        setDividerPositions(0.6);
        session.addListener(new SessionListener() {
            @Override
            public void detailsChanged(Session s) {
                redraw();
            }
        });
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

    private void redraw() {
        AnalysisResult r = session.details();
        if (r == null) {
            return;
        }
        SignalBox box = r.selection().box();
        BackgroundSummary b = r.background();
        double[] cEdges = edges(box.ecalMax(), box.ecalTriggerEdge());
        // sideband A up to the end of its fit range (the dimuon window above it is not fitted)
        double aMax = SidebandFitter.sidebandAFitMax(box);
        double[] aEdges = edges(box.hcalMax(), aMax);
        double[] c = spectrum(r, Region.C, Schema.ECAL, box.ecalMax(), box.ecalTriggerEdge());
        double[] a = spectrum(r, Region.A, Schema.HCAL, box.hcalMax(), aMax);
        draw(cChart, Series.step("sideband C, selected", SPECTRUM_COLOR, cEdges, c), box.ecalMax(), b.sidebandC());
        draw(aChart, Series.step("sideband A, selected", SPECTRUM_COLOR, aEdges, a), box.hcalMax(), b.sidebandA());
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
        org.darkscope.ui.table.TableColumns.fitToContent(table);
    }

    /**
     * The spectrum, the box edge and every accepted fit: solid over its fit range, dashed over its
     * extrapolation range under the box; one colour per family. Curves are in events per display bin
     * (density × bin width) so they lie on the histogram.
     */
    private static void draw(SeriesChart chart, Series spectrum, double boxEdge, BackgroundEstimate e) {
        List<Series> s = new ArrayList<>();
        s.add(spectrum);
        double width = spectrum.x()[1] - spectrum.x()[0];
        double top = 0;
        double bottom = Double.POSITIVE_INFINITY;
        for (double v : spectrum.y()) {
            if (v > 0) {
                top = Math.max(top, v);
                bottom = Math.min(bottom, v);
            }
        }
        List<Series> extrapolations = new ArrayList<>();
        for (ShapeFit f : e.fits()) {
            if (!f.accepted()) {
                continue;
            }
            Color col = familyColor(f);
            Series fit = curve(fitSeriesName(f), col, f, f.fitLo(), f.fitHi(), width);
            s.add(fit);
            extrapolations.add(curve("", col, f, f.extrapolationLo(), f.extrapolationHi(), width).asDashed());
            for (double v : fit.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    top = Math.max(top, v);
                    bottom = Math.min(bottom, v);
                }
            }
        }
        s.addAll(extrapolations);
        if (!extrapolations.isEmpty()) {
            // legend entry only: what the dashed curves are
            s.add(new Series(EXTRAPOLATION_LEGEND, Color.GRAY, new double[0], new double[0], Series.Style.LINE, true));
        }
        s.add(Series.marker("box edge", Color.CRIMSON, boxEdge));
        chart.setSeries(s);
        if (top > 0) {
            // log y: down to where the extrapolations are still visible, not to a vanishing tail
            chart.setYRange(Math.max(top * Y_DYNAMIC_RANGE, Math.min(bottom, 1) / 3), top * 3);
        } else {
            chart.setYRange(0.3, 10);
        }
    }

    /** Legend text of the curve of one accepted fit: family and fit range. */
    public static String fitSeriesName(ShapeFit f) {
        return String.format(Locale.ROOT, "%s, fit %.3g–%.3g GeV", f.family(), f.fitLo(), f.fitHi());
    }

    private static Color familyColor(ShapeFit f) {
        return SeriesChart.palette(f.shape().ordinal() + 1);
    }

    /** The fitted function sampled over [lo, hi], as events per bin of the given width. */
    private static Series curve(String name, Color col, ShapeFit f, double lo, double hi, double width) {
        double[] x = new double[CURVE_POINTS + 1];
        for (int i = 0; i <= CURVE_POINTS; i++) {
            x[i] = lo + (hi - lo) * i / CURVE_POINTS;
        }
        double[] y = f.density(x);
        for (int i = 0; i < y.length; i++) {
            y[i] *= width;
        }
        return Series.line(name, col, x, y);
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
