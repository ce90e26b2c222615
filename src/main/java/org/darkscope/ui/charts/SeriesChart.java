package org.darkscope.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * A ChartFX chart of a few {@link Series} with a legend line on top, linear or log axes, ranges
 * fitted to the data (or fixed), zoom by dragging a rectangle.
 */
public final class SeriesChart extends BorderPane {
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final XYChart chart;
    private final SeriesRenderer renderer = new SeriesRenderer();
    private final Zoomer zoomer = new Zoomer();
    private final FlowPane legend = new FlowPane(10, 2);
    private double[] fixedX;
    private double[] fixedY;

    public SeriesChart(String xName, String xUnit, String yName, String yUnit) {
        xAxis = new DefaultNumericAxis(xName, 0, 1, 0.1);
        yAxis = new DefaultNumericAxis(yName, 0, 1, 0.1);
        // no unit: no "[]" after the name
        if (xUnit != null && !xUnit.isBlank()) {
            xAxis.setUnit(xUnit);
        }
        if (yUnit != null && !yUnit.isBlank()) {
            yAxis.setUnit(yUnit);
        }
        for (DefaultNumericAxis a : new DefaultNumericAxis[] {xAxis, yAxis}) {
            a.setAutoRanging(false);
            a.setAutoRangeRounding(false);
        }
        chart = new XYChart(xAxis, yAxis);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getRenderers().setAll(renderer);
        zoomer.setAnimated(false);
        zoomer.setAddButtonsToToolBar(false);
        chart.getPlugins().add(zoomer);
        chart.setToolBarPinned(false);
        legend.setPadding(new Insets(2, 6, 2, 6));
        setTop(legend);
        setCenter(chart);
    }

    public XYChart chart() {
        return chart;
    }

    public SeriesRenderer renderer() {
        return renderer;
    }

    public void setTitle(String t) {
        chart.setTitle(t);
    }

    public void setLog(boolean logX, boolean logY) {
        xAxis.setLogAxis(logX);
        yAxis.setLogAxis(logY);
        fit();
    }

    /** Fixes the x range (null: fit to the data). */
    public void setXRange(double lo, double hi) {
        fixedX = new double[] {lo, hi};
        fit();
    }

    public void setYRange(double lo, double hi) {
        fixedY = new double[] {lo, hi};
        fit();
    }

    public void setSeries(List<Series> s) {
        renderer.setSeries(s);
        legend.getChildren().clear();
        for (Series x : s) {
            if (x.name() == null || x.name().isEmpty()) {
                continue;
            }
            Line l = new Line(0, 0, 18, 0);
            l.setStroke(x.color());
            l.setStrokeWidth(x.style() == Series.Style.BAND ? 9 : 2.5);
            if (x.dashed()) {
                l.getStrokeDashArray().addAll(5.0, 3.0);
            }
            Label t = new Label(x.name(), l);
            t.setStyle("-fx-font-size: 11px;");
            legend.getChildren().add(t);
        }
        fit();
    }

    /** Sets the axis ranges to the data (positive values only on log axes) unless fixed. */
    public void fit() {
        double[] xr = fixedX != null ? fixedX : range(true, xAxis.isLogAxis());
        double[] yr = fixedY != null ? fixedY : range(false, yAxis.isLogAxis());
        zoomer.zoomOrigin();
        xAxis.set(xr[0], xr[1]);
        yAxis.set(yr[0], yr[1]);
        xAxis.forceRedraw();
        yAxis.forceRedraw();
        chart.requestLayout();
    }

    private double[] range(boolean x, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : renderer.series()) {
            if (!x && s.style() == Series.Style.VLINE) {
                continue;
            }
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            return new double[] {lo / 1.5, hi * 1.5};
        }
        if (!x && lo >= 0) {
            lo = 0;
        }
        double pad = (hi - lo) * 0.05;
        if (pad == 0) {
            pad = Math.max(1, Math.abs(hi) * 0.1);
        }
        return new double[] {x ? lo : Math.max(lo == 0 ? 0 : lo - pad, lo == 0 ? 0 : Double.NEGATIVE_INFINITY), hi + pad
        };
    }

    /** A colour of a small qualitative palette (index wraps). */
    public static Color palette(int i) {
        Color[] p = {
            Color.rgb(31, 119, 180),
            Color.rgb(214, 39, 40),
            Color.rgb(44, 160, 44),
            Color.rgb(255, 127, 14),
            Color.rgb(148, 103, 189),
            Color.rgb(140, 86, 75),
            Color.rgb(227, 119, 194),
            Color.rgb(127, 127, 127)
        };
        return p[Math.floorMod(i, p.length)];
    }
}
