package org.darkscope.testsupport;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.darkscope.ui.DarkScopeApp;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The base class starts a real stage: a click reaches the control, and the helpers behave as documented. */
class FxTestBaseTest extends FxTestBase {
    private Scene scene;

    @Start
    void start(Stage stage) {
        Label out = new Label("not clicked");
        out.setId("out");
        Button b = new Button("Click");
        b.setId("click");
        b.setOnAction(e -> out.setText("clicked"));
        scene = show(stage, new VBox(b, out), 300, 200);
    }

    @Test
    void aClickReachesTheShownScene(FxRobot robot) {
        robot.clickOn("#click");
        assertEquals("clicked", robot.lookup("#out").queryLabeled().getText());
        assertTrue(scene.getStylesheets().contains(DarkScopeApp.stylesheet()));
    }

    @Test
    void helpersAreIsolatedAndDeterministic() {
        assertTrue(recentRuns.list().isEmpty());
        int[] order = new int[1];
        now.execute(() -> order[0] = 1);
        assertEquals(1, order[0], "the executor runs the work before returning");
        Exception e = assertThrows(java.io.IOException.class, () -> noFiles().read(Path.of("x.parquet"), null));
        assertTrue(e.getMessage().contains("x.parquet"));
    }
}
