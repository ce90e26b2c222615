package org.darkscope.ui.exclusion;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.report.PublishedCurves;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;
import org.darkscope.ui.shell.Dialogs;

/**
 * The 90 % CL exclusion from the current selection: ε vs m_A' and y vs m_χ (log-log), the expected
 * limit as its median with green ±1σ and yellow ±2σ bands, the relic target lines, the published
 * NA64 curve with the ratio to it, and the signal efficiency with the external inefficiency factor
 * shown separately. All state and numbers live in {@link ExclusionViewModel}; this class draws them
 * and forwards the user's input.
 */
public final class ExclusionView extends BorderPane {
    private static final Color GREEN = Color.rgb(0, 200, 0);
    private static final Color YELLOW = Color.rgb(255, 230, 0);
    private final ExclusionViewModel model;
    private final SeriesChart epsChart = new SeriesChart("m_A'", "MeV", "epsilon", null);
    private final SeriesChart yChart = new SeriesChart("m_chi", "MeV", "y = alpha_D eps^2 (m_chi/m_A')^4", null);
    private final TextField eotField = new TextField();
    private final TextField alphaField = new TextField();
    private final CheckBox externalBox = new CheckBox("× external inefficiency");
    private final CheckBox publishedBox = new CheckBox("NA64 2016-2022 (published)");
    private final Label status = new Label();
    private final Label efficiency = new Label();
    private final Label ratio = new Label();

    /** A view of the given view model, which alone reads the session and the engine's results. */
    public ExclusionView(ExclusionViewModel model) {
        this.model = model;
        setId("exclusionView");
        eotField.setId("eotField");
        alphaField.setId("alphaDField");
        externalBox.setId("externalEfficiency");
        publishedBox.setId("publishedCurve");
        status.setId("exclusionStatus");
        efficiency.setId("exclusionEfficiency");
        ratio.setId("exclusionRatio");
        alphaField.setText(model.alphaText());
        eotField.setPrefColumnCount(8);
        alphaField.setPrefColumnCount(5);
        eotField.setTooltip(new Tooltip("electrons on target; empty: the EOT of the open runs"));
        alphaField.setTooltip(new Tooltip("dark coupling alpha_D for y (0.1 or 0.5 in the thermal-target plots)"));
        externalBox.setTooltip(
                new Tooltip(
                        "multiply the simulated efficiency by the inefficiencies the simulation does not model "
                                + "(tracking, VETO, HCAL, DAQ, trigger; stored with the signal runs); analyse and exclusion --external-efficiency do the same"));
        publishedBox.setTooltip(
                new Tooltip("overlay the published NA64 limit (9.37e11 EOT, resources/published/SOURCE.md) and print "
                        + "our limit divided by it"));
        publishedBox.setSelected(model.published() != null);
        eotField.setOnAction(e -> model.setEotText(eotField.getText()));
        alphaField.setOnAction(e -> model.setAlphaText(alphaField.getText()));
        eotField.focusedProperty().addListener((o, was, is) -> {
            if (!is && !eotField.getText().equals(model.eotText())) {
                model.setEotText(eotField.getText());
            }
        });
        alphaField.focusedProperty().addListener((o, was, is) -> {
            if (!is && !alphaField.getText().equals(model.alphaText())) {
                model.setAlphaText(alphaField.getText());
            }
        });
        externalBox.setOnAction(e -> model.setApplyExternal(externalBox.isSelected()));
        publishedBox.setOnAction(e -> setPublished(publishedBox.isSelected() ? PublishedCurves.NA64E_2016_2022 : null));
        Button overlay = new Button("Overlay curve (CSV)…");
        overlay.setId("overlayCsv");
        overlay.setOnAction(e -> chooseOverlay());
        FlowPane bar = new FlowPane(
                8, 4, new Label("N_EOT"), eotField, new Label("α_D"), alphaField, externalBox, publishedBox, overlay);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(2, bar, status, efficiency, ratio);
        top.setPadding(new Insets(4));
        setTop(top);
        epsChart.setLog(true, true);
        yChart.setLog(true, true);
        HBox charts = new HBox(6, epsChart, yChart);
        HBox.setHgrow(epsChart, Priority.ALWAYS);
        HBox.setHgrow(yChart, Priority.ALWAYS);
        epsChart.setPrefWidth(400);
        yChart.setPrefWidth(400);
        setCenter(charts);
        model.addListener(this::refresh);
        refresh();
    }

    public ExclusionViewModel model() {
        return model;
    }

    public java.util.Map<String, String> viewState() {
        return model.viewState();
    }

    public void applyViewState(java.util.Map<String, String> m) {
        model.applyViewState(m);
        eotField.setText(model.eotText());
        alphaField.setText(model.alphaText());
        externalBox.setSelected(model.applyExternal());
    }

    public List<ExclusionPoint> points() {
        return model.points();
    }

    public SeriesChart epsilonChart() {
        return epsChart;
    }

    public SeriesChart yChart() {
        return yChart;
    }

    /** Loads a curve (mass MeV, ε) to overlay; errors in a dialog. */
    public void loadOverlay(Path file) {
        setPublished(file.toString());
    }

    private void setPublished(String nameOrFile) {
        try {
            model.setPublished(nameOrFile);
            publishedBox.setSelected(PublishedCurves.NA64E_2016_2022.equals(nameOrFile));
        } catch (Exception e) {
            Dialogs.showError(
                    getScene() == null ? null : getScene().getWindow(), "Cannot read the curve " + nameOrFile, e);
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
        model.setActive(on);
    }

    /** Schedules a computation with the current fields and the latest detailed result. */
    public void recompute() {
        model.recompute();
    }

    private void refresh() {
        status.setText(model.status());
        efficiency.setText(model.efficiencyText());
        ratio.setText(model.ratioText());
        eotField.setPromptText(model.eotPrompt());
        eotField.setStyle("eot".equals(model.invalidField()) ? "-fx-border-color: red;" : "");
        alphaField.setStyle("alpha".equals(model.invalidField()) ? "-fx-border-color: red;" : "");
        epsChart.setSeries(series(model.curves(false)));
        yChart.setSeries(series(model.curves(true)));
    }

    private static List<Series> series(List<ExclusionViewModel.Curve> curves) {
        List<Series> out = new ArrayList<>();
        int relic = 2;
        for (ExclusionViewModel.Curve c : curves) {
            out.add(
                    switch (c.kind()) {
                        case BAND_2SIGMA -> Series.band(c.name(), YELLOW, c.x(), c.y(), c.yHi());
                        case BAND_1SIGMA -> Series.band(c.name(), GREEN, c.x(), c.y(), c.yHi());
                        case EXPECTED -> Series.line(c.name(), Color.BLACK, c.x(), c.y())
                                .asDashed();
                        case OBSERVED -> Series.line(c.name(), Color.BLACK, c.x(), c.y());
                        case RELIC -> Series.line(c.name(), SeriesChart.palette(relic++), c.x(), c.y());
                        case PUBLISHED -> Series.line(c.name(), Color.rgb(214, 39, 40), c.x(), c.y());
                    });
        }
        return out;
    }
}
