package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.shape.Box;
import javafx.stage.Stage;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.testsupport.DisplayRuns;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real 3D rendering (run under Xvfb with -Pxvfb, -Dprism.forceGPU=true): the pixels of the hottest
 * ECAL cell carry the top colour of the map, and they do not when the cell is empty.
 */
@Tag("gpu")
class EventDisplayRenderTest extends FxTestBase {
    /** Per-channel tolerance when matching a rendered colour (8-bit rounding, antialiasing). */
    private static final double TOLERANCE = 6 / 255.0;

    private static final int MIN_PIXELS = 40;

    private final Detector det = GeometryLoader.defaultDetector();
    private final Cell hot = det.ecalMain().cell(3, 2);
    private EventDisplayPane pane;

    @Start
    void start(Stage stage) {
        pane = new EventDisplayPane();
        show(stage, pane, 1400, 900);
        pane.setRun(knownRun());
    }

    /** Event 0: one hot ECAL tower (60 GeV main, 3 GeV preshower) with a 10 GeV neighbour; event 1: only HCAL energy. */
    private RunData knownRun() {
        int nc = det.cellCount();
        float[] block = new float[2 * nc];
        block[hot.index()] = 60f;
        block[det.ecalPreshower().cell(3, 2).index()] = 3f;
        block[det.ecalMain().cell(3, 3).index()] = 10f;
        block[nc + det.hcalModules().get(0).cell(1, 1).index()] = 20f;
        float[] p = {100f, 100f};
        RunData.Builder b =
                RunData.builder(DisplayRuns.info(9, Double.NaN), det, 2).column(Schema.P, p);
        for (int i = 0; i < det.srdCellCount(); i++) {
            b.column(Schema.srd(i), new float[] {50f, 50f});
        }
        for (int i = 0; i < det.vetoCount(); i++) {
            b.column(Schema.veto(i), new float[2]);
        }
        return b.cells(new ArrayCellStore(block, nc)).source("render-test").build();
    }

    /** Counts pixels of the top colour inside the screen projection of the hot cell. */
    private int topColourPixelsOnHotCell(Image img) {
        Box node = pane.detectorView().cellNode(hot.index());
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 8; corner++) {
            Point3D local = new Point3D(
                    (corner & 1) == 0 ? -node.getWidth() / 2 : node.getWidth() / 2,
                    (corner & 2) == 0 ? -node.getHeight() / 2 : node.getHeight() / 2,
                    (corner & 4) == 0 ? -node.getDepth() / 2 : node.getDepth() / 2);
            Point3D scene = node.localToScene(local, true);
            Point2D p = pane.detectorView().getParent().sceneToLocal(scene.getX(), scene.getY());
            minX = Math.min(minX, p.getX());
            maxX = Math.max(maxX, p.getX());
            minY = Math.min(minY, p.getY());
            maxY = Math.max(maxY, p.getY());
        }
        assertTrue(
                maxX - minX > 10 && maxY - minY > 10,
                "hot cell projects to a visible area: " + minX + ".." + maxX + ", " + minY + ".." + maxY);
        Color top = ColorMap.load(ColorMap.VIRIDIS).top();
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = (int) Math.max(0, minY); y < Math.min(img.getHeight(), maxY); y++) {
            for (int x = (int) Math.max(0, minX); x < Math.min(img.getWidth(), maxX); x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - top.getRed()) <= TOLERANCE
                        && Math.abs(c.getGreen() - top.getGreen()) <= TOLERANCE
                        && Math.abs(c.getBlue() - top.getBlue()) <= TOLERANCE) {
                    n++;
                }
            }
        }
        return n;
    }

    private Image render(int event) {
        fx(() -> {
            pane.showEvent(event);
            pane.cameraPreset(CameraRig.Preset.ECAL_CLOSE_UP);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> pane.snapshotView(1));
    }

    @Test
    void hottestEcalCellIsDrawnInTheTopColour() throws Exception {
        Image hotEvent = render(0);
        assertEquals(fx(() -> pane.detectorView().getParent().getLayoutBounds().getWidth()), hotEvent.getWidth(), 1.0);
        int hotPixels = fx(() -> topColourPixelsOnHotCell(hotEvent));
        Image quiet = render(1);
        int quietPixels = fx(() -> topColourPixelsOnHotCell(quiet));
        String keep = System.getProperty("render.test.png");
        if (keep != null) {
            javax.imageio.ImageIO.write(
                    javafx.embed.swing.SwingFXUtils.fromFXImage(hotEvent, null), "png", new java.io.File(keep));
        }
        System.getLogger(EventDisplayRenderTest.class.getName())
                .log(
                        System.Logger.Level.INFO,
                        "top-colour pixels on the hot cell: " + hotPixels + " (hot event), " + quietPixels
                                + " (quiet event)");
        assertTrue(hotPixels >= MIN_PIXELS, "top-colour pixels on the hot cell: " + hotPixels);
        assertEquals(0, quietPixels, "no top colour on the cell when it is empty (event 1)");
    }
}
