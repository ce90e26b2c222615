package org.darkscope.ui.plane;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.renderer.spi.AbstractRenderer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * ChartFX renderer of the plane: the selected data as a density map (log colour) or, for small
 * samples, as points. Draws only what it is given in a {@link PlaneSnapshot}; the chart calls
 * {@link #render} at most once per pulse. When blinded, no data inside the box is drawn even if the
 * snapshot had it. The signal MC is not drawn here but by {@link BoxOverlay} in a layer above the
 * blinding hatch ({@link #drawSignal}): simulated signal hides nothing and sits exactly in the box.
 */
public final class DensityRenderer extends AbstractRenderer<DensityRenderer> {
    /** Colour of the signal MC overlay. */
    public static final Color SIGNAL_COLOR = Color.rgb(255, 120, 0);

    private PlaneSnapshot snapshot;
    private boolean showSignal = true;
    private long renders;

    public void setSnapshot(PlaneSnapshot s) {
        this.snapshot = s;
        invalidateCanvas();
    }

    public PlaneSnapshot snapshot() {
        return snapshot;
    }

    public void setShowSignal(boolean on) {
        showSignal = on;
        invalidateCanvas();
    }

    /** How many times the plane was drawn (for tests and frame statistics). */
    public long renderCount() {
        return renders;
    }

    @Override
    protected DensityRenderer getThis() {
        return this;
    }

    @Override
    public void updateAxisRange(Axis axis, AxisRange range) {
        // fixed ranges: set by the view
    }

    @Override
    public void render() {
        if (!(getChart() instanceof XYChart chart) || snapshot == null) {
            return;
        }
        renders++;
        Axis xa = chart.getXAxis();
        Axis ya = chart.getYAxis();
        GraphicsContext gc = chart.getCanvas().getGraphicsContext2D();
        PlaneSnapshot s = snapshot;
        if (s.points() != null) {
            drawPoints(gc, xa, ya, s);
        } else if (s.density() != null) {
            drawGrid(gc, xa, ya, s.density(), s, false);
        }
    }

    /** Draws the signal MC grid in translucent orange (everywhere: the blinding hides data, not simulation). */
    static void drawSignal(GraphicsContext gc, Axis xa, Axis ya, Grid2D g) {
        PlaneSnapshot none = new PlaneSnapshot(null, null, g, null, null, false);
        drawGrid(gc, xa, ya, g, none, true);
    }

    private static boolean hidden(PlaneSnapshot s, double x, double y) {
        return s.blinded() && x < s.box().ecalMax() && y < s.box().hcalMax();
    }

    private static void drawGrid(GraphicsContext gc, Axis xa, Axis ya, Grid2D g, PlaneSnapshot s, boolean overlay) {
        LogColorScale scale = new LogColorScale(g.max());
        double yBottom = ya.getDisplayPosition(ya.getMin());
        double[] xs = new double[g.nx() + 1];
        for (int ix = 0; ix <= g.nx(); ix++) {
            xs[ix] = xa.getDisplayPosition(g.xLow(ix));
        }
        double[] ys = new double[g.ny() + 1];
        for (int iy = 0; iy <= g.ny(); iy++) {
            double v = g.yLow(iy);
            ys[iy] = ya.isLogAxis() && v <= ya.getMin() ? yBottom : ya.getDisplayPosition(v);
        }
        for (int iy = 0; iy < g.ny(); iy++) {
            for (int ix = 0; ix < g.nx(); ix++) {
                int c = g.count(ix, iy);
                if (c <= 0 || hidden(s, g.xLow(ix), g.yLow(iy))) {
                    continue;
                }
                double x0 = xs[ix];
                double x1 = xs[ix + 1];
                double y0 = ys[iy + 1];
                double y1 = ys[iy];
                if (overlay) {
                    double a = 0.08 + 0.35 * scale.position(c);
                    gc.setFill(SIGNAL_COLOR.deriveColor(0, 1, 1, a));
                } else {
                    int rgb = scale.rgb(c);
                    gc.setFill(Color.rgb((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255));
                }
                gc.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 0.5, Math.abs(y1 - y0) + 0.5);
            }
        }
    }

    private void drawPoints(GraphicsContext gc, Axis xa, Axis ya, PlaneSnapshot s) {
        PlaneSnapshot.Points p = s.points();
        gc.setFill(Color.rgb(40, 60, 150));
        for (int i = 0; i < p.size(); i++) {
            if (hidden(s, p.x()[i], p.y()[i])) {
                continue;
            }
            double y = p.y()[i];
            if (ya.isLogAxis() && y <= ya.getMin()) {
                y = ya.getMin();
            }
            gc.fillOval(xa.getDisplayPosition(p.x()[i]) - 2, ya.getDisplayPosition(y) - 2, 4, 4);
        }
    }
}
