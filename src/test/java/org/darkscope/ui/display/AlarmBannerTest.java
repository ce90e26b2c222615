package org.darkscope.ui.display;

import static org.darkscope.ui.display.DisplayTestSupport.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The alarm banner at projector scale in a narrow display: the long message wraps, and the
 * "acknowledge" button keeps its whole word (it was drawn as "..." in the embedded display at 195 %).
 */
class AlarmBannerTest extends FxTestBase {
    private AlarmBanner banner;

    @Start
    void start(Stage stage) {
        banner = new AlarmBanner();
        VBox root = new VBox(banner);
        root.setStyle("-fx-font-size: 24px;");
        show(stage, root, 520, 300);
    }

    @Test
    void theAcknowledgeButtonIsNeverCutAndTheMessageWraps(FxRobot robot) {
        fx(() -> banner.raise("run-000315-upstream.parquet: 5 new selected events in or near the signal box "
                + "(run 315, newest: spill 18 event 17023)"));
        String drawn = fx(() -> ((Text) banner.acknowledge.lookup(".text")).getText());
        assertEquals("acknowledge", drawn, "the button shows its whole word");
        double right = fx(() -> banner.acknowledge
                .localToScene(banner.acknowledge.getBoundsInLocal())
                .getMaxX());
        assertTrue(right <= 520.5, "the button is inside the window: " + right);
        assertTrue(fx(() -> banner.text.getHeight() > 2 * banner.text.getFont().getSize()), "the message wraps");
        robot.clickOn("#alarm-ack");
        assertTrue(!fx(() -> banner.raised()), "acknowledged by a click");
    }
}
