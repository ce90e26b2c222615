package org.darkscope.ui.display;

import javafx.application.Platform;
import org.darkscope.testsupport.FxTestBase;

/**
 * What the display's TestFX tests need beyond {@link FxTestBase}: forcing the pane's pending redraw,
 * which is package-private. {@link #fx} forwards to the base class for the tests that still import it
 * statically from here.
 */
final class DisplayTestSupport {
    private DisplayTestSupport() {}

    /** Runs on the FX thread and waits for the result (see {@link FxTestBase#fx(java.util.concurrent.Callable)}). */
    static <T> T fx(java.util.concurrent.Callable<T> c) {
        return FxTestBase.fx(c);
    }

    static void fx(Runnable r) {
        FxTestBase.fx(r);
    }

    /** Forces the pending 3D/2D redraw (normally done on the next pulse). */
    static void flush(EventDisplayPane pane) {
        fx(() -> {
            Platform.requestNextPulse();
            pane.applyIfDirty();
        });
    }
}
