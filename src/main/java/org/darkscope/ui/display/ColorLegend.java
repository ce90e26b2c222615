package org.darkscope.ui.display;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Horizontal colour bar of the current map with tick labels of the current energy range. */
public final class ColorLegend extends VBox {
    private static final int TICKS = 5;
    private final Canvas bar = new Canvas(300, 34);
    private final Label title = new Label();
    private ColorMap map;
    private String[] tickTexts = new String[0];
    private double textScale = 1;

    public ColorLegend() {
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(2);
        title.setId("legend-title");
        title.setStyle("-fx-text-fill: #d8d8e0; -fx-font-size: 12px;");
        getChildren().addAll(title, new HBox(bar));
        setStyle("-fx-background-color: rgba(20,22,30,0.85);");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMouseTransparent(true);
    }

    /** Redraws for a colour map and the energies at its ends. */
    public void update(ColorMap m, EnergyScale scale, String quantity, String unit) {
        update(m, scale, quantity, unit, false);
    }

    /** As {@link #update(ColorMap, EnergyScale, String, String)}; an accumulation's automatic range spans the run. */
    public void update(ColorMap m, EnergyScale scale, String quantity, String unit, boolean accumulation) {
        this.map = m;
        String range = accumulation && scale.range() != EnergyScale.Range.FIXED
                ? "auto over the run"
                : scale.range().toString();
        String mode = (scale.mapping() == EnergyScale.Mapping.LOG ? "log" : "linear") + ", " + range;
        title.setText(quantity + " [" + unit + "]  (" + m.name() + ", " + mode + ")");
        GraphicsContext g = bar.getGraphicsContext2D();
        double w = bar.getWidth();
        g.setFill(Color.rgb(20, 22, 30));
        g.fillRect(0, 0, w, bar.getHeight());
        int n = m.levels();
        double bw = (w - 20) / n;
        for (int i = 0; i < n; i++) {
            g.setFill(m.color(i));
            g.fillRect(10 + i * bw, 0, bw + 1, 16 * textScale);
        }
        g.setFill(Color.gray(0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(javafx.scene.text.Font.font(11 * textScale));
        tickTexts = new String[TICKS];
        for (int k = 0; k < TICKS; k++) {
            double t = (double) k / (TICKS - 1);
            double e = scale.energyAt(t);
            tickTexts[k] = format(e);
            double x = 10 + t * (w - 20);
            g.fillRect(x - 0.5, 16 * textScale, 1, 4 * textScale);
            g.fillText(tickTexts[k], Math.max(14 * textScale, Math.min(w - 14 * textScale, x)), 20 * textScale);
        }
    }

    static String format(double e) {
        double a = Math.abs(e);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format("%.0f", e);
        }
        if (a >= 1) {
            return String.format("%.1f", e);
        }
        if (a >= 0.01) {
            return String.format("%.2f", e);
        }
        return String.format("%.1e", e);
    }

    /** Scales the title, bar and tick texts for a projector (1 = normal). */
    public void setTextScale(double s) {
        textScale = s;
        title.setStyle(String.format(java.util.Locale.ROOT, "-fx-text-fill: #d8d8e0; -fx-font-size: %.1fpx;", 12 * s));
        bar.setWidth(300 * s);
        bar.setHeight(34 * s);
    }

    public String titleText() {
        return title.getText();
    }

    /** Texts of the tick labels, low to high. */
    public String[] tickTexts() {
        return tickTexts.clone();
    }

    public ColorMap colorMap() {
        return map;
    }
}
