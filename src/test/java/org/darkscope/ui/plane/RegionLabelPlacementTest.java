package org.darkscope.ui.plane;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The region counts of the energy plane sit inside the visible part of their own region, or are
 * hidden, at every zoom and axis mode: "box: blinded" disappears with the box, and no two counts overlap.
 */
@ExtendWith(ApplicationExtension.class)
class RegionLabelPlacementTest {
    private static final BoxEdges BOX = new BoxEdges(50, 1, 80, 100);
    private EnergyPlaneView view;

    @Start
    void start(Stage stage) {
        view = new EnergyPlaneView();
        stage.setScene(new Scene(view, 900, 650));
        stage.show();
        view.boxProperty().set(BOX);
        Map<PlaneRegion, Long> counts = new EnumMap<>(PlaneRegion.class);
        counts.put(PlaneRegion.BOX, PlaneSnapshot.HIDDEN);
        counts.put(PlaneRegion.A, 27071L);
        counts.put(PlaneRegion.C, 1234L);
        counts.put(PlaneRegion.D, 98765L);
        view.setSnapshot(
                new PlaneSnapshot(new Grid2D(12, 0, 120, 1, 0, 1, new int[12]), null, null, BOX, counts, true));
    }

    /** The region's data rectangle in the overlay's pixels, cut to the plot, computed here from the axes. */
    private static double[] expectedRegion(PlaneRegion r, Axis x, Axis y) {
        double ex0 = x.getMin();
        double ex1 = BOX.ecalMax();
        double hy0 = y.getMin();
        double hy1 = BOX.hcalMax();
        switch (r) {
            case A -> {
                hy0 = BOX.hcalMax();
                hy1 = BOX.hcalSidebandMax();
            }
            case C -> {
                ex0 = BOX.ecalMax();
                ex1 = BOX.ecalTrigger();
            }
            case D -> {
                ex0 = BOX.ecalMax();
                ex1 = BOX.ecalTrigger();
                hy0 = BOX.hcalMax();
                hy1 = BOX.hcalSidebandMax();
            }
            default -> {}
        }
        // clamp the data ranges to the axis ranges before converting (a log axis has no position for 0)
        ex0 = Math.max(ex0, x.getMin());
        ex1 = Math.min(ex1, x.getMax());
        hy0 = Math.max(hy0, y.getMin());
        hy1 = Math.min(hy1, y.getMax());
        if (!(ex1 > ex0) || !(hy1 > hy0)) {
            return null;
        }
        double xa = x.getDisplayPosition(ex0);
        double xb = x.getDisplayPosition(ex1);
        double ya = y.getDisplayPosition(hy0);
        double yb = y.getDisplayPosition(hy1);
        return new double[] {Math.min(xa, xb), Math.min(ya, yb), Math.max(xa, xb), Math.max(ya, yb)};
    }

    private List<String> problems(FxRobot robot, String state) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.overlay().layoutChildren());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> out = new ArrayList<>();
        List<Bounds> shown = new ArrayList<>();
        robot.interact(() -> {
            Axis x = view.chart().getXAxis();
            Axis y = view.chart().getYAxis();
            for (PlaneRegion r : PlaneRegion.values()) {
                Label l = view.overlay().label(r);
                if (!l.isVisible()) {
                    continue;
                }
                Bounds b = l.getBoundsInParent();
                double[] e = expectedRegion(r, x, y);
                if (e == null) {
                    out.add(state + ": " + l.getText() + " shown although its region is off-screen");
                    continue;
                }
                if (b.getMinX() < e[0] - 0.5
                        || b.getMaxX() > e[2] + 0.5
                        || b.getMinY() < e[1] - 0.5
                        || b.getMaxY() > e[3] + 0.5) {
                    out.add(state + ": " + l.getText() + " at " + b + " outside its region " + Arrays.toString(e));
                }
                for (Bounds o : shown) {
                    if (o.intersects(b)) {
                        out.add(state + ": " + l.getText() + " overlaps another count");
                    }
                }
                shown.add(b);
            }
        });
        return out;
    }

    private void setAxes(FxRobot robot, boolean log, double x0, double x1, double y0, double y1) {
        robot.interact(() -> {
            view.setLogHcal(log);
            ((DefaultNumericAxis) view.chart().getXAxis()).set(x0, x1);
            ((DefaultNumericAxis) view.chart().getYAxis()).set(y0, y1);
            view.chart().getXAxis().forceRedraw();
            view.chart().getYAxis().forceRedraw();
            view.chart().layoutChildren();
        });
    }

    private boolean boxLabelVisible(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        boolean[] v = new boolean[1];
        robot.interact(() -> v[0] = view.overlay().label(PlaneRegion.BOX).isVisible());
        return v[0];
    }

    @Test
    void countsStayInTheirVisibleRegionAtEveryZoom(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        double[][] states = {
            {1, 0, 120, 0.05, 120}, // default log
            {0, 0, 120, 0, 120}, // linear
            {0, 60, 120, 0, 120}, // zoomed right of the box: box and A off-screen
            {1, 0, 120, 2, 120}, // log, above the box edge: box and C off-screen
            {0, 0, 30, 0, 120}, // zoomed into the box's E_ECAL range: C and D off-screen
            {1, 45, 55, 0.5, 2}, // tight zoom around the box corner
        };
        for (double[] s : states) {
            setAxes(robot, s[0] == 1, s[1], s[2], s[3], s[4]);
            problems.addAll(problems(robot, Arrays.toString(s)));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void blindedBoxLabelGoesWithTheBox(FxRobot robot) {
        setAxes(robot, true, 0, 120, 0.05, 120);
        problems(robot, "default");
        assertTrue(boxLabelVisible(robot), "'box: blinded' visible while the box is on screen");
        setAxes(robot, false, 60, 120, 0, 120);
        problems(robot, "zoomed");
        assertFalse(boxLabelVisible(robot), "'box: blinded' hidden while the box is off-screen");
    }
}
