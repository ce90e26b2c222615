package org.darkscope.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRenderer;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws {@link Series} (lines, histogram steps, points, vertical markers) on a ChartFX chart's canvas
 * through the axes' transforms, so linear and log axes both work. Values not drawable on a log axis
 * (≤ 0) break the line.
 */
public final class SeriesRenderer extends AbstractRenderer<SeriesRenderer> {
    private List<Series> series = List.of();

    public void setSeries(List<Series> s) {
        series = List.copyOf(s);
        invalidateCanvas();
    }

    public List<Series> series() {
        return series;
    }

    @Override
    protected SeriesRenderer getThis() {
        return this;
    }

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        // ranges are set by SeriesChart
    }

    @Override
    public void render() {
        if (!(getChart() instanceof XYChart chart)) {
            return;
        }
        Axis xa = chart.getXAxis();
        Axis ya = chart.getYAxis();
        GraphicsContext g = chart.getCanvas().getGraphicsContext2D();
        for (Series s : series) {
            g.setStroke(s.color());
            g.setFill(s.color());
            g.setLineWidth(s.style() == Series.Style.VLINE ? 1.5 : 2);
            g.setLineDashes(s.dashed() ? new double[] {6, 4} : null);
            switch (s.style()) {
                case LINE -> line(g, xa, ya, s.x(), s.y());
                case STEP -> step(g, xa, ya, s);
                case POINTS -> points(g, xa, ya, s);
                case VLINE -> vlines(g, xa, ya, s);
                case BAND -> band(g, xa, ya, s);
            }
        }
        g.setLineDashes((double[]) null);
        g.setLineWidth(1);
    }

    private static boolean ok(Axis a, double v) {
        return Double.isFinite(v) && (!a.isLogAxis() || v > 0);
    }

    private static void line(GraphicsContext g, Axis xa, Axis ya, double[] x, double[] y) {
        boolean open = false;
        for (int i = 0; i < x.length; i++) {
            if (!ok(xa, x[i]) || !ok(ya, y[i])) {
                if (open) {
                    g.stroke();
                    open = false;
                }
                continue;
            }
            double px = xa.getDisplayPosition(x[i]);
            double py = ya.getDisplayPosition(y[i]);
            if (!open) {
                g.beginPath();
                g.moveTo(px, py);
                open = true;
            } else {
                g.lineTo(px, py);
            }
        }
        if (open) {
            g.stroke();
        }
    }

    private static void step(GraphicsContext g, Axis xa, Axis ya, Series s) {
        int n = s.y().length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = s.x()[i];
            x[2 * i + 1] = s.x()[i + 1];
            y[2 * i] = s.y()[i];
            y[2 * i + 1] = s.y()[i];
        }
        line(g, xa, ya, x, y);
    }

    private static void points(GraphicsContext g, Axis xa, Axis ya, Series s) {
        for (int i = 0; i < s.x().length; i++) {
            if (ok(xa, s.x()[i]) && ok(ya, s.y()[i])) {
                g.fillOval(xa.getDisplayPosition(s.x()[i]) - 3, ya.getDisplayPosition(s.y()[i]) - 3, 6, 6);
            }
        }
    }

    /** One filled polygon per unbroken run of points: along lo, back along hi. */
    private static void band(GraphicsContext g, Axis xa, Axis ya, Series s) {
        int n = s.x().length;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i < n && ok(xa, s.x()[i]) && ok(ya, s.y()[i]) && ok(ya, s.y()[n + i])) {
                continue;
            }
            int k = i - start;
            if (k >= 2) {
                double[] px = new double[2 * k];
                double[] py = new double[2 * k];
                for (int j = 0; j < k; j++) {
                    px[j] = xa.getDisplayPosition(s.x()[start + j]);
                    py[j] = ya.getDisplayPosition(s.y()[start + j]);
                    px[2 * k - 1 - j] = px[j];
                    py[2 * k - 1 - j] = ya.getDisplayPosition(s.y()[n + start + j]);
                }
                g.fillPolygon(px, py, 2 * k);
            }
            start = i + 1;
        }
    }

    private static void vlines(GraphicsContext g, Axis xa, Axis ya, Series s) {
        double top = ya.getDisplayPosition(ya.getMax());
        double bottom = ya.getDisplayPosition(ya.getMin());
        for (double v : s.x()) {
            if (ok(xa, v)) {
                double px = xa.getDisplayPosition(v);
                g.strokeLine(px, top, px, bottom);
            }
        }
    }
}
