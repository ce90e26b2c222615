package org.darkscope.ui.display;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers shared by the display's TestFX tests. */
final class DisplayTestSupport {
    private DisplayTestSupport() {}

    static EventDisplayPane show(Stage stage) {
        EventDisplayPane pane = new EventDisplayPane();
        stage.setScene(new Scene(pane, 1240, 760));
        stage.show();
        return pane;
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Forces the pending 3D/2D redraw (normally done on the next pulse). */
    static void flush(EventDisplayPane pane) {
        fx(() -> {
            Platform.requestNextPulse();
            pane.applyIfDirty();
        });
    }
}
