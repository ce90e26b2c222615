package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Box;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Element;

/**
 * Names of the detector parts drawn in the 3D view, each above (or, alternately, below) the part it
 * names: the part's box (or its cells, for a calorimeter) is projected through the 3D camera onto
 * the view, and the labels follow the camera while they are shown. A toggle; off by default.
 */
final class PartLabels extends Pane {
    private final DetectorView3D view3d;
    private final Map<Element, Label> labels = new LinkedHashMap<>();
    private final AnimationTimer follow = new AnimationTimer() {
        @Override
        public void handle(long now) {
            place();
        }
    };

    PartLabels(DetectorView3D view3d) {
        this.view3d = view3d;
        setId("part-labels");
        setMouseTransparent(true);
        setPickOnBounds(false);
        setVisible(false);
        visibleProperty().addListener((o, a, on) -> {
            if (on) {
                place();
                follow.start();
            } else {
                follow.stop();
            }
        });
    }

    /** One label per detector part of the geometry shown (called when the geometry changes). */
    void rebuild() {
        getChildren().clear();
        labels.clear();
        if (view3d.detector() == null) {
            return;
        }
        for (Element e : view3d.detector().elements()) {
            Label l = new Label(e.name());
            l.setId("part-label-" + e.name());
            l.setStyle("-fx-text-fill: #f4f4f8; -fx-background-color: rgba(15,16,22,0.72); -fx-padding: 1 4 1 4;");
            l.setManaged(false);
            labels.put(e, l);
            getChildren().add(l);
        }
        if (isVisible()) {
            place();
        }
    }

    /** The label of a part, or null. */
    Label label(Element e) {
        return labels.get(e);
    }

    /** All labels, in beam order of the geometry. */
    List<Label> all() {
        return new ArrayList<>(labels.values());
    }

    /**
     * Moves every label to its part's projected position, above it (or below, if that place is taken);
     * a part outside the view, or whose name would cover another name, is not labelled.
     */
    void place() {
        List<javafx.geometry.Rectangle2D> taken = new ArrayList<>();
        int i = 0;
        // the calorimeters and counters of the missing-energy signature first: they win a crowded spot
        List<Map.Entry<Element, Label>> order = new ArrayList<>(labels.entrySet());
        order.sort(java.util.Comparator.comparingInt(en -> rank(en.getKey().kind())));
        for (Map.Entry<Element, Label> en : order) {
            Label l = en.getValue();
            Bounds b = projectedBounds(en.getKey());
            boolean inView = b != null
                    && b.getCenterX() >= 0
                    && b.getCenterX() <= getWidth()
                    && b.getCenterY() >= 0
                    && b.getCenterY() <= getHeight();
            l.setVisible(false);
            if (!inView) {
                continue;
            }
            l.autosize();
            double w = l.getWidth();
            double h = l.getHeight();
            double x = clamp(b.getCenterX() - w / 2, 0, getWidth() - w);
            double above = clamp(b.getMinY() - h - 2, 0, getHeight() - h);
            double below = clamp(b.getMaxY() + 2, 0, getHeight() - h);
            // alternate the preferred side, so neighbours along the beam do not collide
            double[] ys = i++ % 2 == 0 ? new double[] {above, below} : new double[] {below, above};
            for (double y : ys) {
                javafx.geometry.Rectangle2D r = new javafx.geometry.Rectangle2D(x, y, w, h);
                if (taken.stream().noneMatch(t -> t.intersects(r))) {
                    taken.add(r);
                    l.relocate(x, y);
                    l.setVisible(true);
                    break;
                }
            }
        }
    }

    private static int rank(org.darkscope.geometry.ElementKind k) {
        return switch (k) {
            case ECAL -> 0;
            case HCAL -> 1;
            case VETO -> 2;
            case SRD -> 3;
            case MAGNET, VESSEL -> 4;
            default -> 5;
        };
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(Math.max(lo, hi), v));
    }

    /** The part's outline in this pane's coordinates: its box, or the boxes of its cells; null if not drawn. */
    Bounds projectedBounds(Element e) {
        List<Box> boxes = new ArrayList<>();
        Box own = view3d.elementNode(e);
        if (own != null && e.layers().isEmpty()) {
            boxes.add(own);
        } else {
            for (CellLayer layer : e.layers()) {
                for (Cell c : layer.cells()) {
                    Box b = e.kind().isCalorimeter() ? view3d.cellNode(c.index()) : null;
                    if (b != null) {
                        boxes.add(b);
                    }
                }
            }
            if (boxes.isEmpty() && own != null) {
                boxes.add(own);
            }
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Box b : boxes) {
            double w = b.getWidth() / 2;
            double h = b.getHeight() / 2;
            double d = b.getDepth() / 2;
            for (int k = 0; k < 8; k++) {
                Point2D p =
                        project(b, new Point3D((k & 1) == 0 ? -w : w, (k & 2) == 0 ? -h : h, (k & 4) == 0 ? -d : d));
                if (p == null) {
                    continue;
                }
                minX = Math.min(minX, p.getX());
                maxX = Math.max(maxX, p.getX());
                minY = Math.min(minY, p.getY());
                maxY = Math.max(maxY, p.getY());
            }
        }
        if (minX > maxX) {
            return null;
        }
        return new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** A point of a 3D node through the camera of the view, in this pane's coordinates. */
    private Point2D project(Node n, Point3D local) {
        Point3D scene = n.localToScene(local, true);
        if (scene == null || Double.isNaN(scene.getX()) || Double.isNaN(scene.getY())) {
            return null;
        }
        return sceneToLocal(scene.getX(), scene.getY());
    }
}
