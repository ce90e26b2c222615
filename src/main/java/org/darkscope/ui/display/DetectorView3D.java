package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.DrawMode;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Sphere;
import javafx.scene.transform.Rotate;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.Element;
import org.darkscope.geometry.ElementKind;

/**
 * The detector in 3D. Every node is created once per geometry ({@link #setDetector}); showing an
 * event only swaps materials from a fixed palette and changes scales ({@link #applyCells}), so
 * switching events never rebuilds the scene. World coordinates: x as in the geometry, y flipped
 * (JavaFX y points down), z through a {@link ZMapping} (true or compressed).
 *
 * <p>A cell is a filled {@link Box} when it holds energy and a faint 12-edge {@link WireBox} when
 * empty (empty cells are picked in the 2D maps, not in 3D).</p>
 *
 * <p>Lighting: cells are lit by a white ambient light only, so their on-screen colour equals the
 * colour-map entry shown in the legend; passive elements get ambient plus a point light.</p>
 *
 * <p>About 510 lines: scene building and the per-event material swap share the node tables, which
 * keeps the event switch allocation-free.</p>
 */
public final class DetectorView3D extends Pane {
    /** Cells are drawn this fraction of their pitch so neighbours stay distinguishable. */
    private static final double CELL_FILL = 0.92;
    /** Smallest transverse scale of a cell in {@link CellStyle#SIZE} mode. */
    private static final double MIN_SIZE_SCALE = 0.2;

    private static final double TRACK_RADIUS_MM = 6;
    private static final double MARKER_RADIUS_MM = 30;
    private static final double MARKER_HEIGHT_MM = 450;
    /** SRD cell counts as tagged in the e- window 1 < E < 80 MeV: docs/physics.md#selection [src]. */
    public static final double SRD_MIN_MEV = 1;

    public static final double SRD_MAX_MEV = 80;
    /** VETO counter counts as hit above half a MIP: docs/physics.md#selection [src]. */
    public static final double VETO_HIT_MIP = 0.5;
    /** In the beam's-eye view everything farther than this upstream of the ECAL front is clipped. */
    private static final double BEAM_EYE_CLEARANCE_MM = 60;

    private static final String WIRE = "wire";
    /** The overview frames the ECAL, VETO and first HCAL module plus this much upstream. */
    private static final double OVERVIEW_UPSTREAM_MM = 500;

    /** System property that turns on multi-sample antialiasing of the 3D view (costly on software GL). */
    public static final String ANTIALIASING_PROPERTY = "darkscope.display.antialiasing";

    private final Group world = new Group();
    private final Group cellGroup = new Group();
    private final Group passiveGroup = new Group();
    private final Group overlayGroup = new Group();
    private final SubScene subScene;
    private final CameraRig rig;

    private Detector detector;
    private ZMapping zmap = ZMapping.identity();
    private Box[] cellBoxes = new Box[0];
    private final Map<Element, Box> elementBoxes = new LinkedHashMap<>();
    private final List<Box> srdBoxes = new ArrayList<>();
    private final List<Box> vetoBoxes = new ArrayList<>();
    private PhongMaterial[] palette = new PhongMaterial[0];
    private final PhongMaterial emptyMaterial = new PhongMaterial(Color.gray(0.26));
    private final PhongMaterial highlightMaterial = new PhongMaterial(Color.WHITE);
    private final PhongMaterial hitMaterial = new PhongMaterial(Color.ORANGE);
    private final Box highlight = new Box(1, 1, 1);
    private final Cylinder track = new Cylinder(TRACK_RADIUS_MM, 1);
    private final Rotate trackRotate = new Rotate(0, Rotate.Y_AXIS);
    private final Group truthMarker = new Group();
    private double trackZ0;
    private double trackZ1;
    private double truthZ = Double.NaN;

    private CameraRig.Preset lastPreset = CameraRig.Preset.OVERVIEW;
    private IntConsumer onCellHover = i -> {};
    private IntConsumer onCellClick = i -> {};
    private Consumer<Element> onElementClick = e -> {};

    public DetectorView3D() {
        Group root3d = new Group();
        root3d.getChildren().add(world);
        world.getChildren().addAll(passiveGroup, cellGroup, overlayGroup);
        AmbientLight cellLight = new AmbientLight(Color.WHITE);
        cellLight.getScope().addAll(cellGroup, overlayGroup);
        AmbientLight passiveAmbient = new AmbientLight(Color.gray(0.55));
        passiveAmbient.getScope().add(passiveGroup);
        PointLight headLight = new PointLight(Color.gray(0.6));
        headLight.setTranslateZ(-100_000);
        headLight.setTranslateY(-30_000);
        headLight.getScope().add(passiveGroup);
        headLight.setMaxRange(Double.POSITIVE_INFINITY);
        root3d.getChildren().addAll(cellLight, passiveAmbient, headLight);

        subScene = new SubScene(
                root3d,
                800,
                600,
                true,
                Boolean.getBoolean(ANTIALIASING_PROPERTY) ? SceneAntialiasing.BALANCED : SceneAntialiasing.DISABLED);
        subScene.setFill(Color.rgb(24, 26, 34));
        subScene.widthProperty().bind(widthProperty());
        subScene.heightProperty().bind(heightProperty());
        subScene.setManaged(false);
        getChildren().add(subScene);
        setMinSize(200, 150);
        setPrefSize(900, 600);
        rig = new CameraRig(world);
        rig.attach(subScene);
        // the first real size (and later resizes) refits the preset unless the user moved the camera
        widthProperty().addListener((o, a, b) -> refitPreset());
        heightProperty().addListener((o, a, b) -> refitPreset());

        highlight.setMaterial(highlightMaterial);
        highlight.setDrawMode(DrawMode.LINE);
        highlight.setMouseTransparent(true);
        highlight.setVisible(false);
        track.setMaterial(new PhongMaterial(Color.rgb(120, 220, 255)));
        track.getTransforms().add(trackRotate);
        track.setMouseTransparent(true);
        PhongMaterial magenta = new PhongMaterial(Color.MAGENTA);
        Sphere head = new Sphere(MARKER_RADIUS_MM);
        head.setMaterial(magenta);
        head.setTranslateY(-MARKER_HEIGHT_MM);
        Cylinder pin = new Cylinder(MARKER_RADIUS_MM / 4, MARKER_HEIGHT_MM);
        pin.setMaterial(magenta);
        pin.setTranslateY(-MARKER_HEIGHT_MM / 2);
        truthMarker.getChildren().addAll(head, pin);
        truthMarker.setMouseTransparent(true);
        truthMarker.setVisible(false);
        overlayGroup.getChildren().addAll(highlight, track, truthMarker);
    }

    public SubScene subScene() {
        return subScene;
    }

    public CameraRig rig() {
        return rig;
    }

    public Detector detector() {
        return detector;
    }

    public ZMapping zMapping() {
        return zmap;
    }

    /** The box of a calorimeter cell (global index), for picking and tests. */
    public Box cellNode(int index) {
        return cellBoxes[index];
    }

    /** The box of a non-calorimeter element, or null. */
    public Box elementNode(Element e) {
        return elementBoxes.get(e);
    }

    public void setOnCellHover(IntConsumer c) {
        onCellHover = c;
    }

    public void setOnCellClick(IntConsumer c) {
        onCellClick = c;
    }

    public void setOnElementClick(Consumer<Element> c) {
        onElementClick = c;
    }

    /** Sets the colour palette: one material per colour-map level, shared by all cells. */
    public void setColorMap(ColorMap map) {
        palette = new PhongMaterial[map.levels()];
        for (int i = 0; i < palette.length; i++) {
            PhongMaterial m = new PhongMaterial(map.color(i));
            m.setSpecularColor(Color.BLACK);
            palette[i] = m;
        }
    }

    /** Builds every node of the detector once. Call again only when the geometry changes. */
    public void setDetector(Detector d, boolean compressed) {
        this.detector = d;
        this.zmap = ZMapping.forDetector(d, compressed);
        cellGroup.getChildren().clear();
        passiveGroup.getChildren().clear();
        elementBoxes.clear();
        srdBoxes.clear();
        vetoBoxes.clear();
        cellBoxes = new Box[d.cellCount()];
        for (Cell c : d.cells()) {
            Box b = new Box(
                    c.size().x() * CELL_FILL, c.size().y() * CELL_FILL, c.size().z());
            b.setUserData(c);
            b.setId("cell-" + c.name());
            b.setMaterial(emptyMaterial);
            b.setVisible(false);
            MeshView wire = WireBox.create();
            wire.setMaterial(emptyMaterial);
            wire.setScaleX(b.getWidth());
            wire.setScaleY(b.getHeight());
            b.getProperties().put(WIRE, wire);
            cellGroup.getChildren().add(wire);
            int idx = c.index();
            b.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> onCellHover.accept(idx));
            b.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onCellHover.accept(-1));
            b.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> onCellClick.accept(idx));
            cellBoxes[idx] = b;
            cellGroup.getChildren().add(b);
        }
        for (Element e : d.elements()) {
            if (e.kind().isCalorimeter()) {
                continue;
            }
            if (e.kind() == ElementKind.SRD || e.kind() == ElementKind.VETO) {
                for (CellLayer l : e.layers()) {
                    for (Cell c : l.cells()) {
                        Box b = new Box(
                                c.size().x() * CELL_FILL,
                                c.size().y() * CELL_FILL,
                                c.size().z());
                        b.setUserData(e);
                        b.setMaterial(passiveMaterial(e.kind()));
                        b.setDrawMode(DrawMode.LINE);
                        b.setOnMouseClicked(ev -> onElementClick.accept(e));
                        (e.kind() == ElementKind.SRD ? srdBoxes : vetoBoxes).add(b);
                        passiveGroup.getChildren().add(b);
                    }
                }
            }
            Box b = new Box(e.size().x(), e.size().y(), e.size().z());
            b.setUserData(e);
            b.setId("element-" + e.name());
            b.setMaterial(passiveMaterial(e.kind()));
            b.setDrawMode(e.kind() == ElementKind.MAGNET ? DrawMode.FILL : DrawMode.LINE);
            b.setOnMouseClicked(ev -> onElementClick.accept(e));
            if (e.kind() == ElementKind.SRD || e.kind() == ElementKind.VETO) {
                b.setMouseTransparent(true);
                b.setVisible(false);
            }
            elementBoxes.put(e, b);
            passiveGroup.getChildren().add(b);
        }
        placeAll();
    }

    private static PhongMaterial passiveMaterial(ElementKind kind) {
        Color c =
                switch (kind) {
                    case COUNTER -> Color.rgb(120, 200, 120);
                    case TRACKER -> Color.rgb(110, 160, 230);
                    case MAGNET -> Color.rgb(200, 70, 70, 0.35);
                    case VESSEL -> Color.rgb(150, 150, 150);
                    case SRD -> Color.rgb(230, 200, 90);
                    case VETO -> Color.rgb(200, 140, 230);
                    default -> Color.GRAY;
                };
        PhongMaterial m = new PhongMaterial(c);
        m.setSpecularColor(Color.gray(0.2));
        return m;
    }

    /** Switches between true and compressed z; moves nodes, creates none. */
    public void setCompressed(boolean compressed) {
        if (detector == null) {
            return;
        }
        zmap = ZMapping.forDetector(detector, compressed);
        placeAll();
    }

    private void placeAll() {
        for (Box b : cellBoxes) {
            Cell c = (Cell) b.getUserData();
            place(b, c.centre().x(), c.centre().y(), c.layer().zMin(), c.layer().zMax());
        }
        int s = 0;
        int v = 0;
        for (Map.Entry<Element, Box> en : elementBoxes.entrySet()) {
            Element e = en.getKey();
            place(en.getValue(), e.centre().x(), e.centre().y(), e.zMin(), e.zMax());
            if (e.kind() == ElementKind.SRD || e.kind() == ElementKind.VETO) {
                for (CellLayer l : e.layers()) {
                    for (Cell c : l.cells()) {
                        Box b = e.kind() == ElementKind.SRD ? srdBoxes.get(s++) : vetoBoxes.get(v++);
                        place(
                                b,
                                e.centre().x() + c.centre().x(),
                                e.centre().y() + c.centre().y(),
                                l.zMin(),
                                l.zMax());
                    }
                }
            }
        }
        List<Element> els = detector.elements();
        trackZ0 = zmap.map(els.get(0).zMin());
        trackZ1 = zmap.map(detector.ecal().zMin());
        placeTrack();
        if (!Double.isNaN(truthZ)) {
            truthMarker.setTranslateZ(zmap.map(truthZ));
        }
    }

    private void place(Box b, double x, double y, double zMin, double zMax) {
        double z0 = zmap.map(zMin);
        double z1 = zmap.map(zMax);
        b.setDepth(Math.max(1, z1 - z0));
        b.setTranslateX(x);
        b.setTranslateY(-y);
        b.setTranslateZ((z0 + z1) / 2);
        b.getProperties().put("z0", z0);
        MeshView wire = (MeshView) b.getProperties().get(WIRE);
        if (wire != null) {
            wire.setScaleZ(b.getDepth());
            wire.setTranslateX(b.getTranslateX());
            wire.setTranslateY(b.getTranslateY());
            wire.setTranslateZ(b.getTranslateZ());
        }
    }

    private void placeTrack() {
        double len = trackZ1 - trackZ0;
        track.setHeight(len);
        // a Cylinder is built along y: turn it onto z about its own centre
        track.getTransforms().setAll(trackRotate, new Rotate(90, Rotate.X_AXIS));
        track.setTranslateZ((trackZ0 + trackZ1) / 2);
        track.setTranslateX(0);
    }

    /**
     * Shows the beam track: a line from the first element to the ECAL front, turned by the track
     * angle about y. The angle is drawn {@code exaggeration} times larger (mrad angles are invisible).
     */
    public void setTrack(boolean visible, double angleMrad, double exaggeration) {
        track.setVisible(visible);
        trackRotate.setAngle(Math.toDegrees(angleMrad * 1e-3 * exaggeration));
        // keep the track's downstream end on the ECAL front at x = 0
        double half = (trackZ1 - trackZ0) / 2;
        track.setTranslateX(-half * Math.sin(Math.toRadians(trackRotate.getAngle())));
    }

    /** Shows the truth marker (a pin) at a true z, or hides it when {@code z} is NaN. */
    public void setTruth(double z) {
        truthZ = z;
        truthMarker.setVisible(!Double.isNaN(z));
        if (!Double.isNaN(z)) {
            truthMarker.setTranslateZ(zmap.map(z));
        }
    }

    public boolean truthVisible() {
        return truthMarker.isVisible();
    }

    /**
     * Colours every cell: {@code units[i]} is the colour-map position 0..1 of cell i, or a negative
     * value for an empty cell (drawn as a faint wire box). Only materials, draw modes and scales
     * change.
     */
    public void applyCells(double[] units, CellStyle style) {
        int top = palette.length - 1;
        for (int i = 0; i < cellBoxes.length; i++) {
            Box b = cellBoxes[i];
            double t = units[i];
            MeshView wire = wire(b);
            if (t < 0) {
                b.setVisible(false);
                wire.setVisible(true);
                continue;
            }
            wire.setVisible(false);
            b.setVisible(true);
            b.setMaterial(palette[(int) Math.round(t * top)]);
            double s = style == CellStyle.SIZE ? MIN_SIZE_SCALE + (1 - MIN_SIZE_SCALE) * Math.sqrt(t) : 1;
            b.setScaleX(s);
            b.setScaleY(s);
            double sz = style == CellStyle.TOWER ? Math.max(0.03, t) : 1;
            b.setScaleZ(sz);
            b.setTranslateZ(frontZ(b) + b.getDepth() * sz / 2);
        }
    }

    private static MeshView wire(Box b) {
        return (MeshView) b.getProperties().get(WIRE);
    }

    /** True if the cell is drawn as a faint empty wire box (its filled box hidden). */
    public boolean isDrawnEmpty(int index) {
        return !cellBoxes[index].isVisible() && wire(cellBoxes[index]).isVisible();
    }

    private static double frontZ(Box b) {
        return (double) b.getProperties().get("z0");
    }

    /** Lights the SRD cells in the electron window and the VETO counters above half a MIP. */
    public void applyCounters(double[] srdMeV, double[] vetoMip) {
        for (int i = 0; i < srdBoxes.size(); i++) {
            boolean hit = i < srdMeV.length && srdMeV[i] > SRD_MIN_MEV && srdMeV[i] < SRD_MAX_MEV;
            srdBoxes.get(i).setDrawMode(hit ? DrawMode.FILL : DrawMode.LINE);
        }
        for (int i = 0; i < vetoBoxes.size(); i++) {
            boolean hit = i < vetoMip.length && vetoMip[i] > VETO_HIT_MIP;
            Box b = vetoBoxes.get(i);
            b.setDrawMode(hit ? DrawMode.FILL : DrawMode.LINE);
            b.setMaterial(hit ? hitMaterial : passiveMaterial(ElementKind.VETO));
        }
    }

    /** Outlines one cell (global index) or none (-1). */
    public void highlightCell(int index) {
        if (index < 0 || index >= cellBoxes.length) {
            highlight.setVisible(false);
            return;
        }
        Box b = cellBoxes[index];
        Cell c = (Cell) b.getUserData();
        highlight.setWidth(c.size().x() * 1.02);
        highlight.setHeight(c.size().y() * 1.02);
        highlight.setDepth(b.getDepth() * 1.02);
        highlight.setTranslateX(b.getTranslateX());
        highlight.setTranslateY(b.getTranslateY());
        highlight.setTranslateZ(frontZ(b) + b.getDepth() / 2);
        highlight.setVisible(true);
    }

    /** Puts the camera to a preset view. */
    public void preset(CameraRig.Preset p) {
        lastPreset = p;
        rig.clearMoved();
        if (detector == null) {
            return;
        }
        double zFirst = zmap.map(detector.elements().get(0).zMin());
        double zLast =
                zmap.map(detector.elements().get(detector.elements().size() - 1).zMax());
        double aspect = Math.max(0.5, getWidth() > 0 ? getWidth() / Math.max(1, getHeight()) : 1.5);
        Element ecal = detector.ecal();
        Point3D ecalCentre = new Point3D(0, 0, (zmap.map(ecal.zMin()) + zmap.map(ecal.zMax())) / 2);
        Point3D all = new Point3D(0, 0, (zFirst + zLast) / 2);
        double length = zLast - zFirst;
        double calZ0 = zmap.map(ecal.zMin()) - OVERVIEW_UPSTREAM_MM;
        double calZ1 = zmap.map(detector.hcalModules().get(0).zMax());
        Point3D calorimeters = new Point3D(0, 0, (calZ0 + calZ1) / 2);
        switch (p) {
            case OVERVIEW -> rig.set(38, 24, calorimeters, CameraRig.fitDistance((calZ1 - calZ0) / aspect));
            case SIDE -> rig.set(90, 0, all, CameraRig.fitDistance(length / aspect));
            case TOP -> rig.set(90, 90, all, CameraRig.fitDistance(length / aspect));
            case BEAM_EYE -> {
                double d = CameraRig.fitDistance(2.2 * ecal.size().y())
                        + ecal.size().z() / 2;
                rig.set(0, 0, ecalCentre, d);
                // look from just upstream of the ECAL: clip the SRD, counters and track close to the eye
                rig.camera()
                        .setNearClip(
                                Math.max(CameraRig.NEAR_CLIP_MM, d - ecal.size().z() / 2 - BEAM_EYE_CLEARANCE_MM));
            }
            case ECAL_CLOSE_UP -> rig.set(
                    50, 25, ecalCentre, CameraRig.fitDistance(2.2 * ecal.size().z()));
        }
    }

    private void refitPreset() {
        if (!rig.moved() && getWidth() > 0 && getHeight() > 0) {
            preset(lastPreset);
        }
    }

    /** The preset last chosen. */
    public CameraRig.Preset lastPreset() {
        return lastPreset;
    }

    @Override
    protected void layoutChildren() {
        subScene.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** All nodes currently in the 3D scene (for tests that check nothing is rebuilt). */
    List<Node> sceneNodes() {
        List<Node> out = new ArrayList<>();
        out.addAll(passiveGroup.getChildren());
        out.addAll(cellGroup.getChildren());
        out.addAll(overlayGroup.getChildren());
        return out;
    }
}
