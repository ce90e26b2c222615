package org.darkscope.ui.exclusion;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.analysis.yield.RelicTargets;
import org.darkscope.session.AnalysisScheduler;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.session.TaskExecutor;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;
import org.darkscope.ui.shell.Dialogs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The 90 % CL exclusion from the current selection: ε vs m_A' and y vs m_χ (log-log) with the relic
 * target lines and an optional user CSV overlay (e.g. the published NA64 curve). N_EOT and α_D are
 * editable. Computed by the engine's ExclusionCalculator on the analysis worker, latest wins.
 */
public final class ExclusionView extends BorderPane {
    private final Session session;
    private final SeriesChart epsChart = new SeriesChart("m_A'", "MeV", "epsilon", null);
    private final SeriesChart yChart = new SeriesChart("m_chi", "MeV", "y = alpha_D eps^2 (m_chi/m_A')^4", null);
    private final TextField eotField = new TextField();
    private final TextField alphaField = new TextField(Double.toString(ExclusionRequest.DEFAULT_ALPHA_D));
    private final Label status = new Label("waiting for results");
    private final AnalysisScheduler<ExclusionInputs, List<ExclusionPoint>> scheduler;
    private double[][] userCurve;
    private String userCurveName;
    private List<ExclusionPoint> points = List.of();
    private boolean active;
    private boolean stale = true;

    public ExclusionView(Session session, TaskExecutor worker, TaskExecutor deliver) {
        this.session = session;
        setId("exclusionView");
        scheduler = new AnalysisScheduler<>((in, p) -> in.compute(), worker, deliver, new AnalysisScheduler.Listener<>() {
            @Override
            public void onResult(long generation, List<ExclusionPoint> result) {
                points = result;
                redraw();
            }

            @Override
            public void onError(long generation, Exception error) {
                status.setText("cannot compute: " + error.getMessage());
            }
        });
        eotField.setId("eotField");
        alphaField.setId("alphaDField");
        eotField.setPrefColumnCount(8);
        alphaField.setPrefColumnCount(5);
        eotField.setPromptText("from runs");
        eotField.setTooltip(new Tooltip("electrons on target; empty: the EOT of the open runs"));
        alphaField.setTooltip(new Tooltip("dark coupling alpha_D for y (0.1 or 0.5 in the thermal-target plots)"));
        eotField.setOnAction(e -> recompute());
        alphaField.setOnAction(e -> recompute());
        Button overlay = new Button("Overlay curve (CSV)…");
        overlay.setId("overlayCsv");
        overlay.setOnAction(e -> chooseOverlay());
        status.setId("exclusionStatus");
        FlowPane bar = new FlowPane(8, 4, new Label("N_EOT"), eotField, new Label("α_D"), alphaField, overlay, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setTop(bar);
        epsChart.setLog(true, true);
        yChart.setLog(true, true);
        HBox charts = new HBox(6, epsChart, yChart);
        HBox.setHgrow(epsChart, Priority.ALWAYS);
        HBox.setHgrow(yChart, Priority.ALWAYS);
        epsChart.setPrefWidth(400);
        yChart.setPrefWidth(400);
        setCenter(charts);
        session.addListener(new SessionListener() {
            @Override
            public void detailsChanged(Session s) {
                recompute();
            }
        });
    }

    public java.util.Map<String, String> viewState() {
        return java.util.Map.of("exclusion.eot", eotField.getText(), "exclusion.alphaD", alphaField.getText());
    }

    public void applyViewState(java.util.Map<String, String> m) {
        eotField.setText(m.getOrDefault("exclusion.eot", eotField.getText()));
        alphaField.setText(m.getOrDefault("exclusion.alphaD", alphaField.getText()));
        recompute();
    }

    public List<ExclusionPoint> points() {
        return points;
    }

    public SeriesChart epsilonChart() {
        return epsChart;
    }

    public SeriesChart yChart() {
        return yChart;
    }

    /** Loads a curve (mass MeV, ε) to overlay; errors in a dialog. */
    public void loadOverlay(Path file) {
        try {
            userCurve = CurveCsv.read(file);
            userCurveName = file.getFileName().toString();
            redraw();
        } catch (Exception e) {
            Dialogs.showError(getScene() == null ? null : getScene().getWindow(), "Cannot read the curve " + file, e);
        }
    }

    private void chooseOverlay() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Curve to overlay: CSV with mass_MeV,epsilon");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            loadOverlay(f.toPath());
        }
    }

    /** Computes only while shown: a change while hidden is remembered and computed when shown. */
    public void setActive(boolean on) {
        active = on;
        if (on && stale) {
            recompute();
        }
    }

    /** Schedules a computation with the current fields and the latest detailed result. */
    public void recompute() {
        AnalysisResult r = session.details();
        if (r == null) {
            return;
        }
        if (!active) {
            stale = true;
            return;
        }
        stale = false;
        try {
            double eot = eotField.getText().isBlank() ? Double.NaN : Double.parseDouble(eotField.getText().trim());
            double alpha = Double.parseDouble(alphaField.getText().trim());
            if (!Double.isNaN(eot) && !(eot > 0)) {
                throw new NumberFormatException("N_EOT must be positive");
            }
            eotField.setStyle("");
            alphaField.setStyle("");
            ExclusionInputs in = ExclusionInputs.from(r, eot, alpha, org.darkscope.analysis.ResultLimits.observed(r), session.definition());
            if (eotField.getText().isBlank()) {
                eotField.setPromptText(String.format(Locale.ROOT, "%.3g (runs)", in.eot()));
            }
            status.setText(String.format(Locale.ROOT, "N_EOT %.3g, α_D %.2g, %s, b = %.3g, n = %s", in.eot(), alpha,
                    in.massesWithEff().length == 0 ? "no signal MC: efficiency " + ExclusionInputs.DEFAULT_EFFICIENCY + " [est]"
                            : "efficiency from " + in.massesWithEff().length + " signal run(s)",
                    in.limit().background(), r.selection().blinded() ? "blinded (expected only)" : Integer.toString(in.limit().observed())));
            scheduler.submit(in);
        } catch (IllegalArgumentException e) {
            status.setText("invalid input: " + e.getMessage());
            (eotField.isFocused() ? eotField : alphaField).setStyle("-fx-border-color: red;");
        }
    }

    private void redraw() {
        boolean blinded = session.isBlinded();
        List<Series> eps = new ArrayList<>();
        List<Series> ys = new ArrayList<>();
        double[] m = points.stream().mapToDouble(ExclusionPoint::massMeV).toArray();
        double[] mchi = points.stream().mapToDouble(ExclusionPoint::mChiMeV).toArray();
        eps.add(Series.line("expected 90% CL", Color.rgb(31, 119, 180), m,
                points.stream().mapToDouble(ExclusionPoint::epsilonExpected).toArray()).asDashed());
        ys.add(Series.line("expected 90% CL", Color.rgb(31, 119, 180), mchi,
                points.stream().mapToDouble(ExclusionPoint::yExpected).toArray()).asDashed());
        // the expected limit is the median; its ±1σ (green) and ±2σ (yellow) bands as edge lines
        String[] bandNames = {"expected -2σ", "expected -1σ", null, "expected +1σ", "expected +2σ"};
        for (int b : new int[]{1, 3, 0, 4}) {
            final int bi = b;
            double[] e = points.stream().mapToDouble(p -> p.epsilonBands()[bi]).toArray();
            if (java.util.Arrays.stream(e).anyMatch(Double::isFinite)) {
                Color c = (b == 1 || b == 3) ? Color.rgb(0, 160, 0) : Color.rgb(220, 180, 0);
                eps.add(Series.line(bandNames[b], c, m, e).asDashed());
            }
        }
        if (!blinded) {
            eps.add(Series.line("observed 90% CL", Color.BLACK, m, points.stream().mapToDouble(ExclusionPoint::epsilon).toArray()));
            ys.add(Series.line("observed 90% CL", Color.BLACK, mchi, points.stream().mapToDouble(ExclusionPoint::y).toArray()));
        }
        int k = 2;
        for (var e : RelicTargets.all().entrySet()) {
            RelicTargets.Line l = e.getValue();
            double[] x = new double[l.massGeV().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1000 * l.massGeV()[i];
            }
            ys.add(Series.line("relic: " + e.getKey(), SeriesChart.palette(k++), x, l.y()));
        }
        if (userCurve != null) {
            eps.add(new Series(userCurveName, Color.rgb(214, 39, 40), userCurve[0], userCurve[1], Series.Style.LINE, false));
        }
        epsChart.setSeries(eps);
        yChart.setSeries(ys);
    }
}
