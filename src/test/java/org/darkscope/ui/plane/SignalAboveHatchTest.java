package org.darkscope.ui.plane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The signal MC is drawn above the hatch of the blinded box (the hatch hides data, not simulation),
 * with its own legend entry; data inside the box stay hidden.
 */
class SignalAboveHatchTest extends FxTestBase {
    private EnergyPlaneView view;
    private Stage stage;

    /** Signal MC in one cell inside the box: 20 < E_ECAL < 30 GeV, 0 < E_HCAL < 1 GeV. */
    private static Grid2D signalInBox() {
        int[] c = new int[12];
        c[2] = 100;
        return new Grid2D(12, 0, 120, 1, 0, 1, c);
    }

    /** Data in the same cell (must stay hidden while blinded) and one cell in sideband C. */
    private static Grid2D dataInBoxAndC() {
        int[] c = new int[12];
        c[2] = 500;
        c[6] = 500;
        return new Grid2D(12, 0, 120, 1, 0, 1, c);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        view = new EnergyPlaneView();
        stage.setScene(new Scene(view, 900, 650));
        stage.show();
        view.setLogHcal(true);
        BoxEdges box = new BoxEdges(50, 1, 80, 100);
        view.boxProperty().set(box);
        view.setSnapshot(new PlaneSnapshot(
                dataInBoxAndC(), null, signalInBox(), box, Map.of(PlaneRegion.BOX, PlaneSnapshot.HIDDEN), true));
    }

    private Color pixelAt(FxRobot robot, double ecal, double hcal) {
        WaitForAsyncUtils.waitForFxEvents();
        Color[] out = new Color[1];
        robot.interact(() -> {
            var chart = view.chart();
            double x = chart.getXAxis().getDisplayPosition(ecal);
            double y = chart.getYAxis().getDisplayPosition(hcal);
            Point2D p = view.overlay().signalLayer().localToScene(x, y);
            WritableImage img = stage.getScene().snapshot(null);
            out[0] = img.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
        });
        return out[0];
    }

    private static boolean orange(Color c) {
        return c.getRed() - c.getBlue() > 0.25 && c.getRed() > 0.7;
    }

    @Test
    void signalLayerIsAboveTheHatchInTheSceneGraph() {
        Node layer = view.overlay().signalLayer();
        Node hatch = view.overlay().boxRectangle();
        assertSame(hatch.getParent(), layer.getParent(), "both in the overlay's pane");
        var siblings = layer.getParent().getChildrenUnmodifiable();
        assertTrue(siblings.indexOf(layer) > siblings.indexOf(hatch), "signal layer drawn after (above) the hatch");
        assertTrue(
                view.overlay().boxRectangle().getFill() instanceof javafx.scene.paint.ImagePattern,
                "box hatched while blinded");
    }

    @Test
    void signalShowsInsideTheHatchedBoxButDataDoNot(FxRobot robot) {
        Color withSignal = pixelAt(robot, 25, 0.3);
        assertTrue(orange(withSignal), "signal MC visible inside the blinded box: " + withSignal);
        assertTrue(view.overlay().signalLegend().isVisible());
        assertEquals("signal MC", view.overlay().signalLegend().getText());
        robot.clickOn("#showSignal");
        Color hatchOnly = pixelAt(robot, 25, 0.3);
        assertFalse(orange(hatchOnly), "without the overlay the box shows only the hatch: " + hatchOnly);
        assertEquals(hatchOnly.getRed(), hatchOnly.getBlue(), 0.02, "the hatch is grey: no data colour under it");
        assertFalse(view.overlay().signalLegend().isVisible(), "legend entry goes with the overlay");
        // data outside the box (sideband C) is drawn as before
        Color c = pixelAt(robot, 65, 0.3);
        assertNotEquals(Color.WHITE, c);
    }
}
