package org.darkscope.ui.plane;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The (E_ECAL, E_HCAL) plane (design.md "Interface", centre): density or scatter of the selected
 * events with a log colour legend, the signal MC overlay, the box and sidebands with live counts,
 * box edges draggable and editable as numbers, E_HCAL axis linear or log, zoom (drag a rectangle
 * with the left button; Reset zoom goes back) and pan (middle button or Ctrl + left button). Shows {@link PlaneSnapshot}s
 * it is given; reports box changes through {@link #boxProperty()} and clicks through {@link #setOnPick}.
 */
public final class EnergyPlaneView extends BorderPane {
    /** E_ECAL axis range in GeV (0 to above the beam energy, docs/physics.md#detector). */
    public static final double ECAL_AXIS_MAX = 120;
    /** E_HCAL axis range in GeV. */
    public static final double HCAL_AXIS_MAX = 120;
    /** Lower end of the log E_HCAL axis (GeV), below the 1 GeV box edge. */
    public static final double HCAL_LOG_MIN = 0.05;

    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("E_ECAL", 0, ECAL_AXIS_MAX, 10);
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("E_HCAL", 0, HCAL_AXIS_MAX, 10);
    private final XYChart chart;
    private final DensityRenderer renderer = new DensityRenderer();
    private final BoxOverlay overlay = new BoxOverlay();
    private final Zoomer zoomer = new Zoomer();
    private final ColorLegend legend = new ColorLegend();
    private final TextField ecalField = new TextField();
    private final TextField hcalField = new TextField();
    private final ToggleButton logY = new ToggleButton("log E_HCAL");
    private final CheckBox showSignal = new CheckBox("signal MC");
    private final Label info = new Label();
    /** Why a typed box edge was refused (shown with the red border, like the cut fields). */
    private final Label boxError = org.darkscope.ui.cuts.FieldError.messageLabel("boxError");

    private PlaneSnapshot snapshot;
    private Consumer<BoxOverlay.PickRequest> onPick = p -> {};

    public EnergyPlaneView() {
        setId("energyPlane");
        xAxis.setUnit("GeV");
        yAxis.setUnit("GeV");
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        xAxis.setAutoRangeRounding(false);
        yAxis.setAutoRangeRounding(false);
        chart = new XYChart(xAxis, yAxis);
        chart.setId("planeChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().addAll(zoomer, overlay);
        zoomer.setAnimated(false);
        // pan: middle button, or Ctrl/Cmd + left button; zoom: drag a rectangle with the left button
        zoomer.setPanMouseFilter(e -> e.isMiddleButtonDown() || (e.isPrimaryButtonDown() && e.isShortcutDown()));
        zoomer.setAddButtonsToToolBar(false);
        chart.setToolBarPinned(false);

        ecalField.setId("boxEcalField");
        hcalField.setId("boxHcalField");
        ecalField.setPrefColumnCount(5);
        hcalField.setPrefColumnCount(5);
        ecalField.setTooltip(new Tooltip("Upper E_ECAL edge of the signal box [GeV]; Enter to apply"));
        hcalField.setTooltip(new Tooltip("Upper E_HCAL edge of the signal box [GeV]; Enter to apply"));
        ecalField.setOnAction(e -> commitField(ecalField, true));
        hcalField.setOnAction(e -> commitField(hcalField, false));
        ecalField.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                commitField(ecalField, true);
            }
        });
        hcalField.focusedProperty().addListener((o, a, f) -> {
            if (!f) {
                commitField(hcalField, false);
            }
        });
        logY.setId("logHcal");
        logY.setMnemonicParsing(false);
        logY.setTooltip(new Tooltip("E_HCAL axis logarithmic: makes the 1 GeV box visible"));
        logY.selectedProperty().addListener((o, a, on) -> setLogHcal(on));
        showSignal.setId("showSignal");
        showSignal.setSelected(true);
        showSignal.selectedProperty().addListener((o, a, on) -> {
            renderer.setShowSignal(on);
            overlay.setShowSignal(on);
        });
        Button reset = new Button("Reset zoom");
        reset.setId("resetZoom");
        reset.setOnAction(e -> resetZoom());
        info.setId("planeInfo");
        Label sig = new Label("■");
        sig.setStyle("-fx-text-fill: rgb(255,120,0);");
        HBox boxFields = new HBox(
                4, new Label("Box: E_ECAL <"), ecalField, new Label("GeV, E_HCAL <"), hcalField, new Label("GeV"));
        boxFields.setAlignment(Pos.CENTER_LEFT);
        HBox toggles = new HBox(6, logY, showSignal, sig, reset);
        toggles.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(12, 4, boxFields, boxError, toggles, info);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(chart);
        setRight(legend);
        overlay.boxProperty().addListener((o, a, b) -> showBoxInFields(b));
        overlay.setOnPick(p -> onPick.accept(p));
    }

    /** The box edges: set by the view model, changed by the user (drag or typing). */
    public ObjectProperty<BoxEdges> boxProperty() {
        return overlay.boxProperty();
    }

    /** Called with the data coordinate of a click (not a drag) on the plane. */
    /** Rings the event at (E_ECAL, E_HCAL) in GeV, e.g. the one the 3D display shows; null clears. */
    public void highlight(double[] ecalHcal) {
        overlay.setMarker(ecalHcal);
    }

    public void setOnPick(Consumer<BoxOverlay.PickRequest> c) {
        onPick = c;
    }

    /** Shows a new result. Cheap: stores it and marks the chart dirty; ChartFX redraws once per pulse. */
    public void setSnapshot(PlaneSnapshot s) {
        snapshot = s;
        renderer.setSnapshot(s);
        overlay.setSnapshot(s);
        if (s != null) {
            int max = s.density() != null ? s.density().max() : 1;
            legend.setMax(Math.max(1, max));
            // the colour scale means nothing for points
            legend.setVisible(s.points() == null);
            long n = s.points() != null
                    ? s.points().size()
                    : s.density() != null ? s.density().total() : 0;
            info.setText(String.format(
                    Locale.ROOT,
                    "%s of %,d selected events%s",
                    s.points() != null ? "scatter" : "density",
                    n,
                    s.blinded() ? ", blinded" : ""));
        }
    }

    /** View settings stored in a session file. */
    public java.util.Map<String, String> viewState() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("plane.logHcal", Boolean.toString(isLogHcal()));
        m.put("plane.showSignal", Boolean.toString(showSignal.isSelected()));
        m.put("plane.x", xAxis.getMin() + "," + xAxis.getMax());
        m.put("plane.y", yAxis.getMin() + "," + yAxis.getMax());
        return m;
    }

    /** Restores settings from {@link #viewState()}; unknown or malformed entries are ignored. */
    public void applyViewState(java.util.Map<String, String> m) {
        if (m.containsKey("plane.logHcal")) {
            setLogHcal(Boolean.parseBoolean(m.get("plane.logHcal")));
        }
        if (m.containsKey("plane.showSignal")) {
            showSignal.setSelected(Boolean.parseBoolean(m.get("plane.showSignal")));
        }
        double[] x = pair(m.get("plane.x"));
        double[] y = pair(m.get("plane.y"));
        if (x != null) {
            xAxis.set(x[0], x[1]);
        }
        if (y != null) {
            yAxis.set(y[0], y[1]);
        }
        chart.requestLayout();
    }

    private static double[] pair(String s) {
        if (s == null) {
            return null;
        }
        try {
            String[] p = s.split(",");
            return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        } catch (RuntimeException e) {
            return null;
        }
    }

    public PlaneSnapshot snapshot() {
        return snapshot;
    }

    public XYChart chart() {
        return chart;
    }

    public BoxOverlay overlay() {
        return overlay;
    }

    public DensityRenderer renderer() {
        return renderer;
    }

    public boolean isLogHcal() {
        return logY.isSelected();
    }

    public void setLogHcal(boolean on) {
        if (logY.isSelected() != on) {
            logY.setSelected(on);
            return;
        }
        zoomer.zoomOrigin();
        yAxis.setLogAxis(on);
        yAxis.set(on ? HCAL_LOG_MIN : 0, HCAL_AXIS_MAX);
        yAxis.forceRedraw();
        chart.requestLayout();
    }

    public void resetZoom() {
        zoomer.zoomOrigin();
        xAxis.set(0, ECAL_AXIS_MAX);
        yAxis.set(isLogHcal() ? HCAL_LOG_MIN : 0, HCAL_AXIS_MAX);
        chart.requestLayout();
    }

    private void showBoxInFields(BoxEdges b) {
        if (b == null) {
            return;
        }
        if (!ecalField.isFocused()) {
            ecalField.setText(fmt(b.ecalMax()));
        }
        if (!hcalField.isFocused()) {
            hcalField.setText(fmt(b.hcalMax()));
        }
        org.darkscope.ui.cuts.FieldError.clear(ecalField, null, help(true));
        org.darkscope.ui.cuts.FieldError.clear(hcalField, boxError, help(false));
    }

    private static String help(boolean ecal) {
        return ecal
                ? "Upper E_ECAL edge of the signal box [GeV]; Enter to apply"
                : "Upper E_HCAL edge of the signal box [GeV]; Enter to apply";
    }

    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private void commitField(TextField f, boolean ecal) {
        BoxEdges b = boxProperty().get();
        if (b == null) {
            return;
        }
        try {
            double v = Double.parseDouble(f.getText().trim());
            BoxEdges nb = ecal ? b.withEcalMax(v) : b.withHcalMax(v);
            org.darkscope.ui.cuts.FieldError.clear(f, boxError, help(ecal));
            boxProperty().set(nb);
        } catch (IllegalArgumentException ex) {
            org.darkscope.ui.cuts.FieldError.show(
                    f,
                    boxError,
                    ex instanceof NumberFormatException
                            ? "not a number: \"" + f.getText().trim() + "\""
                            : ex.getMessage());
        }
    }
}
