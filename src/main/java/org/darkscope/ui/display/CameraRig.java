package org.darkscope.ui.display;

import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.SubScene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * Orbit camera for the detector: the camera stays on the -z axis of the view and the world group
 * is turned about a pivot. Left drag orbits, right or middle drag pans, the wheel zooms. Presets
 * put yaw, pitch, pivot and distance to named views.
 */
public final class CameraRig {
    /** Named camera positions. */
    public enum Preset {
        OVERVIEW("overview"),
        SIDE("side"),
        TOP("top"),
        BEAM_EYE("beam's eye"),
        ECAL_CLOSE_UP("ECAL close-up");

        private final String label;

        Preset(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final double FIELD_OF_VIEW_DEG = 30;
    static final double NEAR_CLIP_MM = 5;
    private static final double ORBIT_DEG_PER_PX = 0.3;
    private static final double ZOOM_PER_WHEEL_UNIT = 0.0025;

    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Translate pan = new Translate();
    private final Rotate pitch = new Rotate(0, Rotate.X_AXIS);
    private final Rotate yaw = new Rotate(0, Rotate.Y_AXIS);
    private final Translate pivot = new Translate();
    private boolean moved;
    private double anchorX;
    private double anchorY;

    public CameraRig(Group world) {
        camera.setFieldOfView(FIELD_OF_VIEW_DEG);
        camera.setNearClip(NEAR_CLIP_MM);
        camera.setFarClip(500_000);
        world.getTransforms().setAll(pan, pitch, yaw, pivot);
    }

    public PerspectiveCamera camera() {
        return camera;
    }

    /** True once the user dragged or zoomed since the last preset. */
    public boolean moved() {
        return moved;
    }

    void clearMoved() {
        moved = false;
    }

    /** Installs orbit / pan / zoom on the sub-scene. */
    public void attach(SubScene scene) {
        scene.setCamera(camera);
        scene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            camera.setNearClip(NEAR_CLIP_MM);
            anchorX = e.getSceneX();
            anchorY = e.getSceneY();
        });
        scene.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            double dx = e.getSceneX() - anchorX;
            double dy = e.getSceneY() - anchorY;
            anchorX = e.getSceneX();
            anchorY = e.getSceneY();
            moved = true;
            if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) {
                yaw.setAngle(yaw.getAngle() - dx * ORBIT_DEG_PER_PX);
                pitch.setAngle(Math.max(-90, Math.min(90, pitch.getAngle() + dy * ORBIT_DEG_PER_PX)));
            } else {
                double perPx = worldPerPixel(scene.getHeight());
                pan.setX(pan.getX() + dx * perPx);
                pan.setY(pan.getY() + dy * perPx);
            }
        });
        scene.addEventHandler(ScrollEvent.SCROLL, e -> {
            moved = true;
            zoom(Math.exp(-e.getDeltaY() * ZOOM_PER_WHEEL_UNIT));
        });
    }

    private double worldPerPixel(double viewHeight) {
        double h = 2 * distance() * Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG / 2));
        return h / Math.max(1, viewHeight);
    }

    /** Multiplies the camera distance by {@code factor} (below 1 zooms in). */
    public void zoom(double factor) {
        setDistance(distance() * factor);
    }

    public double distance() {
        return -camera.getTranslateZ();
    }

    public void setDistance(double d) {
        camera.setTranslateZ(-Math.max(50, Math.min(200_000, d)));
    }

    public double yaw() {
        return yaw.getAngle();
    }

    public double pitch() {
        return pitch.getAngle();
    }

    /** Sets the view: angles in degrees, pivot in drawn world coordinates, distance in mm. */
    public void set(double yawDeg, double pitchDeg, Point3D centre, double dist) {
        camera.setNearClip(NEAR_CLIP_MM);
        yaw.setAngle(yawDeg);
        pitch.setAngle(pitchDeg);
        pivot.setX(-centre.getX());
        pivot.setY(-centre.getY());
        pivot.setZ(-centre.getZ());
        pan.setX(0);
        pan.setY(0);
        setDistance(dist);
    }

    /** Distance at which an object of the given size fills the view vertically (with a margin). */
    static double fitDistance(double size) {
        return 0.55 * size / Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG / 2));
    }
}
