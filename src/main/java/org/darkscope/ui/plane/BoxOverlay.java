package org.darkscope.ui.plane;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * ChartFX plugin drawing the signal box and sidebands A, C, D over the plane with their live counts,
 * the box hatched while blinded. The box's E_ECAL edge (vertical line) and E_HCAL edge (horizontal
 * line) can be dragged with the mouse; every move sets {@link #boxProperty()}. A click that is not
 * a drag reports the data coordinate and a pick tolerance to {@link #setOnPick}.
 */
public final class BoxOverlay extends ChartPlugin {
    /** How close (pixels) the mouse must be to an edge to grab it. */
    public static final double GRAB_PX = 6;
    /** Pick tolerance for a click on a point (pixels). */
    public static final double PICK_PX = 6;

    /** Which edge is being dragged. */
    public enum Edge {
        ECAL,
        HCAL
    }

    private final ObjectProperty<BoxEdges> box = new SimpleObjectProperty<>(this, "box");
    private final javafx.beans.property.ReadOnlyBooleanWrapper dragActive =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "dragActive");
    private final Rectangle boxRect = new Rectangle();
    private final Rectangle sideA = sideband();
    private final Rectangle sideC = sideband();
    private final Rectangle sideD = sideband();
    private final Line ecalEdge = edgeLine();
    private final Line hcalEdge = edgeLine();
    private final Map<PlaneRegion, Label> labels = new EnumMap<>(PlaneRegion.class);
    /** The signal MC, drawn above the hatch of the blinded box (the hatch hides data, not simulation). */
    private final javafx.scene.canvas.Canvas signalLayer = new javafx.scene.canvas.Canvas();

    private final Label signalLegend = new Label("signal MC");
    private boolean showSignal = true;
    private java.util.List<Object> drawnSignal;
    private PlaneSnapshot snapshot;
    private boolean blinded = true;
    private Edge dragging;
    private Consumer<PickRequest> onPick = p -> {};
    /** Ring around the event shown in the 3D display (a pick or a tour step); hidden when null. */
    private final javafx.scene.shape.Circle marker = new javafx.scene.shape.Circle(7);

    private double[] markerAt;

    /** A click in data coordinates with the tolerance one pick radius spans in each direction. */
    public record PickRequest(double ecal, double hcal, double ecalTolerance, double hcalTolerance) {}

    public BoxOverlay() {
        boxRect.setId("boxRect");
        boxRect.setStroke(Color.CRIMSON);
        boxRect.setStrokeWidth(2);
        boxRect.setMouseTransparent(true);
        ecalEdge.setId("boxEcalEdge");
        hcalEdge.setId("boxHcalEdge");
        signalLayer.setId("signalLayer");
        signalLayer.setMouseTransparent(true);
        getChartChildren().addAll(sideA, sideC, sideD, boxRect, signalLayer, ecalEdge, hcalEdge);
        marker.setId("eventMarker");
        marker.setFill(Color.TRANSPARENT);
        marker.setStroke(Color.MAGENTA);
        marker.setStrokeWidth(2.5);
        marker.setMouseTransparent(true);
        marker.setVisible(false);
        getChartChildren().add(marker);
        for (PlaneRegion r : PlaneRegion.values()) {
            Label l = new Label(r.label());
            l.setId("count-" + r.name());
            l.getStyleClass().add("region-count");
            l.setStyle("-fx-background-color: rgba(255,255,255,0.8); -fx-padding: 1 4 1 4; -fx-text-fill: "
                    + (r == PlaneRegion.BOX ? "crimson" : "#333") + ";");
            l.setMouseTransparent(true);
            labels.put(r, l);
            getChartChildren().add(l);
        }
        signalLegend.setId("signalLegend");
        signalLegend.setMouseTransparent(true);
        signalLegend.setStyle(
                "-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 1 4 1 4; -fx-text-fill: #333;");
        signalLegend.setGraphic(new Rectangle(10, 10, DensityRenderer.SIGNAL_COLOR.deriveColor(0, 1, 1, 0.7)));
        signalLegend.setVisible(false);
        getChartChildren().add(signalLegend);
        box.addListener((o, a, b) -> requestLayout());
        chartProperty().addListener((o, old, chart) -> {
            if (old != null) {
                old.removeEventFilter(MouseEvent.ANY, this::onMouse);
            }
            if (chart != null) {
                chart.addEventFilter(MouseEvent.ANY, this::onMouse);
            }
        });
        applyBlinded();
    }

    public ObjectProperty<BoxEdges> boxProperty() {
        return box;
    }

    /** True while an edge is being dragged (press to release): the moves of one drag are one undo step. */
    public javafx.beans.property.ReadOnlyBooleanProperty dragActiveProperty() {
        return dragActive.getReadOnlyProperty();
    }

    public void setOnPick(Consumer<PickRequest> c) {
        this.onPick = c;
    }

    /** Shows or hides the signal MC layer and its legend entry. */
    public void setShowSignal(boolean on) {
        showSignal = on;
        requestLayout();
        if (getChart() instanceof XYChart chart) {
            drawSignal(chart.getXAxis(), chart.getYAxis());
        }
    }

    /** The signal MC layer (above the hatch; tests check its order and pixels). */
    public javafx.scene.canvas.Canvas signalLayer() {
        return signalLayer;
    }

    /** The box rectangle, hatched while blinded. */
    public Rectangle boxRectangle() {
        return boxRect;
    }

    /** The legend entry of the signal MC overlay. */
    public Label signalLegend() {
        return signalLegend;
    }

    private void drawSignal(Axis xa, Axis ya) {
        if (!(getChart() instanceof XYChart chart)) {
            return;
        }
        double w = chart.getCanvas().getWidth();
        double h = chart.getCanvas().getHeight();
        if (signalLayer.getWidth() != w || signalLayer.getHeight() != h) {
            signalLayer.setWidth(w);
            signalLayer.setHeight(h);
        }
        boolean has = showSignal && snapshot != null && snapshot.signal() != null;
        // redraw only when what is drawn changed (layout passes are frequent during a drag)
        java.util.List<Object> key = java.util.List.of(
                has,
                has ? System.identityHashCode(snapshot.signal()) : 0,
                w,
                h,
                xa.getMin(),
                xa.getMax(),
                ya.getMin(),
                ya.getMax(),
                ya.isLogAxis());
        if (key.equals(drawnSignal)) {
            return;
        }
        drawnSignal = key;
        javafx.scene.canvas.GraphicsContext gc = signalLayer.getGraphicsContext2D();
        gc.clearRect(0, 0, signalLayer.getWidth(), signalLayer.getHeight());
        signalLegend.setVisible(has);
        if (has) {
            DensityRenderer.drawSignal(gc, xa, ya, snapshot.signal());
        }
    }

    /** Shows the counts (and the blinding) of a new result. */
    public void setSnapshot(PlaneSnapshot s) {
        this.snapshot = s;
        if (s != null) {
            blinded = s.blinded();
            for (PlaneRegion r : PlaneRegion.values()) {
                labels.get(r).setText(s.countText(r));
            }
        }
        applyBlinded();
        requestLayout();
    }

    /**
     * Rings the point (E_ECAL, E_HCAL) of the event shown in the event display; null clears it.
     * The ring is clamped into the plot area, whole, so an event on or off the axes still shows where it lies.
     */
    public void setMarker(double[] ecalHcal) {
        this.markerAt = ecalHcal == null ? null : ecalHcal.clone();
        marker.setVisible(markerAt != null);
        if (getChart() instanceof XYChart chart) {
            placeMarker(chart.getXAxis(), chart.getYAxis());
        }
    }

    private void placeMarker(Axis xa, Axis ya) {
        if (markerAt != null) {
            // the whole ring inside the plot area: an event on an axis edge (E_HCAL = 0 on a linear axis,
            // anything below the minimum of a log axis) is ringed just inside it, not half cut away
            double inset = marker.getRadius() + marker.getStrokeWidth();
            marker.setCenterX(inside(xa, markerAt[0], inset));
            marker.setCenterY(inside(ya, markerAt[1], inset));
        }
    }

    /** Pixel position of v on the axis, clamped so that a ring of radius {@code inset} stays in the plot. */
    static double inside(Axis a, double v, double inset) {
        double p = a.getDisplayPosition(Math.max(a.getMin(), Math.min(a.getMax(), v)));
        double p0 = a.getDisplayPosition(a.getMin());
        double p1 = a.getDisplayPosition(a.getMax());
        double lo = Math.min(p0, p1) + inset;
        double hi = Math.max(p0, p1) - inset;
        return Double.isFinite(p) && lo < hi ? Math.max(lo, Math.min(hi, p)) : p;
    }

    /** The ring around the shown event (tests read its position and visibility). */
    public javafx.scene.shape.Circle marker() {
        return marker;
    }

    /** The label showing a region's count (tests read it as the user does). */
    public Label label(PlaneRegion r) {
        return labels.get(r);
    }

    public Edge dragging() {
        return dragging;
    }

    private void applyBlinded() {
        boxRect.setFill(blinded ? hatch() : Color.TRANSPARENT);
    }

    private void requestLayout() {
        if (getChart() != null) {
            getChart().requestLayout();
        }
    }

    /** Positions again after the chart laid out its axes (a range or log switch changes every position). */
    @Override
    public void runPostLayout() {
        layoutChildren();
    }

    @Override
    public void layoutChildren() {
        if (!(getChart() instanceof XYChart chart) || box.get() == null) {
            return;
        }
        Axis xa = chart.getXAxis();
        Axis ya = chart.getYAxis();
        BoxEdges b = box.get();
        double x0 = xa.getDisplayPosition(xa.getMin());
        double xe = xa.getDisplayPosition(b.ecalMax());
        double xt = xa.getDisplayPosition(Math.min(b.ecalTrigger(), xa.getMax()));
        double yb = ya.getDisplayPosition(ya.getMin());
        double yh = ya.getDisplayPosition(Math.max(b.hcalMax(), ya.getMin()));
        double ys = ya.getDisplayPosition(Math.min(b.hcalSidebandMax(), ya.getMax()));
        place(boxRect, x0, yh, xe, yb);
        place(sideA, x0, ys, xe, yh);
        place(sideC, xe, yh, xt, yb);
        place(sideD, xe, ys, xt, yh);
        ecalEdge.setStartX(xe);
        ecalEdge.setEndX(xe);
        ecalEdge.setStartY(yb);
        ecalEdge.setEndY(ys);
        hcalEdge.setStartX(x0);
        hcalEdge.setEndX(xt);
        hcalEdge.setStartY(yh);
        hcalEdge.setEndY(yh);
        placeMarker(xa, ya);
        drawSignal(xa, ya);
        for (Label l : labels.values()) {
            l.autosize();
        }
        signalLegend.autosize();
        double xr = xa.getDisplayPosition(xa.getMax());
        double yt = ya.getDisplayPosition(ya.getMax());
        signalLegend.resizeRelocate(
                Math.max(x0, xr) - signalLegend.prefWidth(-1) - 6,
                Math.min(yt, yb) + 6,
                signalLegend.prefWidth(-1),
                signalLegend.prefHeight(-1));
        double left = Math.min(x0, xr);
        double right = Math.max(x0, xr);
        double top = Math.min(yt, yb);
        double bottom = Math.max(yt, yb);
        placeLabel(PlaneRegion.BOX, x0, yh, xe, yb, left, top, right, bottom);
        placeLabel(PlaneRegion.A, x0, ys, xe, yh, left, top, right, bottom);
        placeLabel(PlaneRegion.C, xe, yh, xt, yb, left, top, right, bottom);
        placeLabel(PlaneRegion.D, xe, ys, xt, yh, left, top, right, bottom);
    }

    /**
     * Puts a region's label inside the part of the region that is visible in the plot area, or hides
     * it when that part is off-screen or too small to hold it: at any zoom and axis mode a count sits
     * in its own region and never over another one.
     */
    private void placeLabel(
            PlaneRegion r,
            double xa,
            double ya,
            double xb,
            double yb,
            double left,
            double top,
            double right,
            double bottom) {
        Label l = labels.get(r);
        double[] v = visiblePart(xa, ya, xb, yb, left, top, right, bottom);
        double w = l.prefWidth(-1);
        double h = l.prefHeight(-1);
        boolean fits = v != null && v[2] - v[0] >= w + 8 && v[3] - v[1] >= h + 4;
        l.setVisible(fits);
        if (fits) {
            double y = Math.max(v[1] + 2, Math.min((v[1] + v[3]) / 2 - h / 2, v[3] - h - 2));
            l.resizeRelocate(v[0] + 4, y, w, h);
        }
    }

    /**
     * The rectangle spanned by two corners, cut to the plot area, as {left, top, right, bottom} in
     * pixels; null when nothing of it is visible (or a corner is not a number, as below a log axis).
     */
    static double[] visiblePart(
            double xa, double ya, double xb, double yb, double left, double top, double right, double bottom) {
        if (!(Double.isFinite(xa) && Double.isFinite(ya) && Double.isFinite(xb) && Double.isFinite(yb))) {
            return null;
        }
        double l = Math.max(left, Math.min(xa, xb));
        double r = Math.min(right, Math.max(xa, xb));
        double t = Math.max(top, Math.min(ya, yb));
        double b = Math.min(bottom, Math.max(ya, yb));
        return r > l && b > t ? new double[] {l, t, r, b} : null;
    }

    private static void place(Rectangle r, double xa, double ya, double xb, double yb) {
        r.setX(Math.min(xa, xb));
        r.setY(Math.min(ya, yb));
        r.setWidth(Math.abs(xb - xa));
        r.setHeight(Math.abs(yb - ya));
    }

    private void onMouse(MouseEvent e) {
        if (!(getChart() instanceof XYChart chart) || box.get() == null) {
            return;
        }
        Point2D p = getLocationInPlotArea(e);
        if (p == null) {
            return;
        }
        Axis xa = chart.getXAxis();
        Axis ya = chart.getYAxis();
        if (e.getEventType() == MouseEvent.MOUSE_MOVED) {
            Edge near = nearEdge(p, xa, ya);
            chart.setCursor(near == Edge.ECAL ? Cursor.H_RESIZE : near == Edge.HCAL ? Cursor.V_RESIZE : null);
        } else if (e.getEventType() == MouseEvent.MOUSE_PRESSED && e.isPrimaryButtonDown()) {
            dragging = nearEdge(p, xa, ya);
            if (dragging != null) {
                dragActive.set(true);
                e.consume();
            }
        } else if (e.getEventType() == MouseEvent.MOUSE_DRAGGED && dragging != null) {
            BoxEdges b = box.get();
            if (dragging == Edge.ECAL) {
                box.set(b.withEcalMax(round(b.clampEcal(xa.getValueForDisplay(p.getX())))));
            } else {
                box.set(b.withHcalMax(round(b.clampHcal(ya.getValueForDisplay(p.getY())))));
            }
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED && dragging != null) {
            dragging = null;
            dragActive.set(false);
            e.consume();
        } else if (e.getEventType() == MouseEvent.MOUSE_CLICKED
                && e.isStillSincePress()
                && dragging == null
                && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
            double ex = xa.getValueForDisplay(p.getX());
            double hy = ya.getValueForDisplay(p.getY());
            double tx = Math.abs(xa.getValueForDisplay(p.getX() + PICK_PX) - ex);
            double ty = Math.abs(ya.getValueForDisplay(p.getY() - PICK_PX) - hy);
            onPick.accept(new PickRequest(ex, hy, tx, ty));
        }
    }

    /** Edge values are kept to 3 significant decimals so numbers typed and dragged look alike. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private Edge nearEdge(Point2D p, Axis xa, Axis ya) {
        BoxEdges b = box.get();
        double xe = xa.getDisplayPosition(b.ecalMax());
        double yh = ya.getDisplayPosition(Math.max(b.hcalMax(), ya.getMin()));
        double yb = ya.getDisplayPosition(ya.getMin());
        double ys = ya.getDisplayPosition(Math.min(b.hcalSidebandMax(), ya.getMax()));
        double x0 = xa.getDisplayPosition(xa.getMin());
        double xt = xa.getDisplayPosition(Math.min(b.ecalTrigger(), xa.getMax()));
        boolean onE =
                Math.abs(p.getX() - xe) <= GRAB_PX && p.getY() >= Math.min(ys, yb) && p.getY() <= Math.max(ys, yb);
        boolean onH = Math.abs(p.getY() - yh) <= GRAB_PX && p.getX() >= x0 && p.getX() <= xt;
        if (onE && onH) {
            return Math.abs(p.getX() - xe) < Math.abs(p.getY() - yh) ? Edge.ECAL : Edge.HCAL;
        }
        return onE ? Edge.ECAL : onH ? Edge.HCAL : null;
    }

    private static Rectangle sideband() {
        Rectangle r = new Rectangle();
        r.setFill(Color.TRANSPARENT);
        r.setStroke(Color.gray(0.35));
        r.getStrokeDashArray().addAll(6.0, 4.0);
        r.setMouseTransparent(true);
        return r;
    }

    private static Line edgeLine() {
        Line l = new Line();
        l.setStroke(Color.CRIMSON);
        l.setStrokeWidth(2.5);
        l.setMouseTransparent(true);
        return l;
    }

    private static ImagePattern hatchPattern;

    /** Diagonal grey hatching for the blinded box. */
    static ImagePattern hatch() {
        if (hatchPattern == null) {
            int n = 10;
            WritableImage img = new WritableImage(n, n);
            PixelWriter w = img.getPixelWriter();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    boolean line = (x + y) % n <= 1;
                    w.setColor(x, y, line ? Color.gray(0.25, 0.85) : Color.gray(0.85, 0.85));
                }
            }
            hatchPattern = new ImagePattern(img, 0, 0, n, n, false);
        }
        return hatchPattern;
    }
}
