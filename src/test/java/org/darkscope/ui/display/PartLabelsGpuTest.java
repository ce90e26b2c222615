package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The names of the detector parts sit over their parts in the 3D view (projected through the
 * camera), inside the view, none covering another. Needs a 3D pipeline: {@code -Pxvfb} under Xvfb.
 */
@Tag("gpu")
class PartLabelsGpuTest extends FxTestBase {
    private EventDisplayPane pane;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1240, 760);
        pane.setRun(DisplayRuns.mixed(1009, 30, 2));
    }

    @Test
    void thePartNamesSitOverTheirPartsInBeamOrder(FxRobot robot) {
        assumeTrue(Platform.isSupported(ConditionalFeature.SCENE3D), "needs a 3D pipeline (-Pxvfb)");
        robot.clickOn("#opt-labels");
        WaitForAsyncUtils.waitForFxEvents();
        Bounds view =
                fx(() -> pane.detectorView().localToScene(pane.detectorView().getLayoutBounds()));
        List<Bounds> shown = new ArrayList<>();
        var det = pane.run().detector();
        for (var el : det.elements()) {
            Label l = robot.lookup("#part-label-" + el.name()).queryAs(Label.class);
            if (!l.isVisible()) {
                continue;
            }
            Bounds b = fx(() -> l.localToScene(l.getLayoutBounds()));
            assertTrue(view.contains(b.getCenterX(), b.getCenterY()), el.name() + " at " + b + " inside " + view);
            assertTrue(shown.stream().noneMatch(o -> o.intersects(b)), el.name() + " covers another name");
            shown.add(b);
        }
        for (String part : List.of(det.ecal().name(), "HCAL0", "VETO")) {
            assertTrue(robot.lookup("#part-label-" + part).query().isVisible(), part + " is named");
        }
        // the ECAL's name is next to the ECAL: its label centre lies over the projected ECAL cells' column
        Bounds ecalCell = fx(() -> pane.detectorView()
                .cellNode(det.ecalMain().firstIndex() + det.ecalMain().centralLocalIndex())
                .localToScene(
                        pane.detectorView()
                                .cellNode(det.ecalMain().firstIndex()
                                        + det.ecalMain().centralLocalIndex())
                                .getBoundsInLocal(),
                        true));
        Bounds ecalLabel = fx(() -> robot.lookup("#part-label-ECAL")
                .queryAs(Label.class)
                .localToScene(
                        robot.lookup("#part-label-ECAL").queryAs(Label.class).getLayoutBounds()));
        assertTrue(
                Math.abs(ecalLabel.getCenterX() - ecalCell.getCenterX()) < 150,
                "ECAL name at x " + ecalLabel.getCenterX() + ", ECAL centre cell at x " + ecalCell.getCenterX());
        // the beam runs through the ECAL before the HCAL: in the overview the ECAL's name is upstream (left)
        double hcalX = fx(() -> robot.lookup("#part-label-HCAL0")
                .queryAs(Label.class)
                .localToScene(0, 0)
                .getX());
        assertTrue(
                ecalLabel.getMinX() < hcalX, "ECAL label at x " + ecalLabel.getMinX() + " left of HCAL0 at " + hcalX);
    }
}
