package org.darkscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Window exports ask before replacing an existing file; Cancel (and Enter) keep it. */
@ExtendWith(ApplicationExtension.class)
class OverwriteTest {
    private Stage stage;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("window")), 400, 300));
        stage.show();
    }

    private CompletableFuture<Boolean> ask(List<Path> targets) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(Overwrite.confirm(stage, targets)));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void nothingIsAskedWhenNoFileExists() throws Exception {
        assertTrue(ask(List.of(tmp.resolve("new.png"))).get(10, TimeUnit.SECONDS));
    }

    @Test
    void anExistingFileIsReplacedOnlyIfTheUserSaysSo(FxRobot robot) throws Exception {
        Path old = Files.writeString(tmp.resolve("cutflow.csv"), "precious");
        List<Path> targets = Overwrite.csvTargets(old);
        assertEquals(tmp.resolve("cutflow-results.csv"), targets.get(4));
        // Enter: the default button is Cancel
        CompletableFuture<Boolean> a = ask(targets);
        DialogPane d = robot.lookup("#overwrite-dialog").queryAs(DialogPane.class);
        assertTrue(d.getContentText().contains(old.toString()), d.getContentText());
        assertFalse(d.getContentText().contains("cutflow-events.csv"), "only files that exist are listed");
        robot.type(KeyCode.ENTER);
        assertFalse(a.get(10, TimeUnit.SECONDS));
        // Cancel
        a = ask(targets);
        robot.clickOn("Cancel");
        assertFalse(a.get(10, TimeUnit.SECONDS));
        // Replace
        a = ask(targets);
        robot.clickOn("Replace");
        assertTrue(a.get(10, TimeUnit.SECONDS));
        assertEquals("precious", Files.readString(old), "asking never touches the file");
    }
}
