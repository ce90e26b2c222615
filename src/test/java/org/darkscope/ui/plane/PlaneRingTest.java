package org.darkscope.ui.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.Axis;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The ring around the event shown in 3D is never cut by the plot edge (issue 13: E_HCAL = 0). */
@ExtendWith(ApplicationExtension.class)
class PlaneRingTest {
    private EnergyPlaneView view;

    @Start
    void start(Stage stage) {
        view = new EnergyPlaneView();
        stage.setScene(new Scene(view, 900, 650));
        stage.show();
        BoxEdges box = new BoxEdges(50, 1, 80, 100);
        view.boxProperty().set(box);
        int[] c = new int[12];
        c[6] = 500;
        view.setSnapshot(new PlaneSnapshot(new Grid2D(12, 0, 120, 1, 0, 1, c), null, null, box, Map.of(), false));
    }

    /** The plot area in the ring's coordinates: from the axes' pixel ranges. */
    private double[] plotArea() {
        Axis x = view.chart().getXAxis();
        Axis y = view.chart().getYAxis();
        double x0 = x.getDisplayPosition(x.getMin());
        double x1 = x.getDisplayPosition(x.getMax());
        double y0 = y.getDisplayPosition(y.getMin());
        double y1 = y.getDisplayPosition(y.getMax());
        return new double[] {Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)};
    }

    private void assertWholeRingInside(FxRobot robot, double ecal, double hcal) {
        robot.interact(() -> view.highlight(new double[] {ecal, hcal}));
        WaitForAsyncUtils.waitForFxEvents();
        Circle ring = view.overlay().marker();
        double[] a = new double[4];
        Bounds[] b = new Bounds[1];
        robot.interact(() -> {
            System.arraycopy(plotArea(), 0, a, 0, 4);
            b[0] = ring.getBoundsInParent();
        });
        assertTrue(ring.isVisible());
        assertTrue(
                b[0].getMinX() >= a[0] - 0.5
                        && b[0].getMaxX() <= a[1] + 0.5
                        && b[0].getMinY() >= a[2] - 0.5
                        && b[0].getMaxY() <= a[3] + 0.5,
                "ring " + b[0] + " inside the plot x " + a[0] + ".." + a[1] + ", y " + a[2] + ".." + a[3]
                        + " for E_ECAL " + ecal + ", E_HCAL " + hcal);
    }

    @Test
    void anEventAtEhcalZeroIsRingedWholeInsideThePlot(FxRobot robot) {
        robot.interact(() -> view.setLogHcal(false));
        assertWholeRingInside(robot, 60, 0);
        // the ring still sits over the event's E_ECAL
        double x = view.chart().getXAxis().getDisplayPosition(60);
        assertEquals(x, view.overlay().marker().getCenterX(), 0.5);
        robot.interact(() -> view.setLogHcal(true));
        assertWholeRingInside(robot, 60, 0);
        assertWholeRingInside(robot, 0, 0);
        assertWholeRingInside(robot, 500, 500);
    }

    @Test
    void anEventInsideThePlotIsRingedWhereItLies(FxRobot robot) {
        robot.interact(() -> view.setLogHcal(false));
        assertWholeRingInside(robot, 60, 40);
        assertEquals(
                view.chart().getXAxis().getDisplayPosition(60),
                view.overlay().marker().getCenterX(),
                0.5);
        assertEquals(
                view.chart().getYAxis().getDisplayPosition(40),
                view.overlay().marker().getCenterY(),
                0.5);
    }
}
