package org.darkscope.testsupport;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.CurrentThreadTaskExecutor;
import org.darkscope.session.RecentRuns;
import org.darkscope.session.RunReader;
import org.darkscope.session.Session;
import org.darkscope.ui.DarkScopeApp;
import org.darkscope.ui.FxTaskExecutor;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start-up every TestFX test repeats: a test class extends this, builds its view in a
 * {@code @Start} method and calls {@link #show}. It gets an in-memory recent-runs list (the user's
 * preferences are never touched), a reader that refuses files for tests that add runs directly, and
 * an executor that runs work on the calling thread, so a gesture's result is there when it returns.
 * Headless under Monocle in {@code mvn verify}; under Xvfb with {@code -Pxvfb} (the tests tagged
 * {@code gpu}, which need the ES2 pipeline for real 3D: the profile only changes the JVM arguments, so
 * the same base class serves both).
 */
@ExtendWith(ApplicationExtension.class)
public abstract class FxTestBase {
    /** Recent runs kept in memory, fresh for each test instance. */
    protected final RecentRuns recentRuns = RecentRuns.inMemory();
    /** Runs background work at once on the calling thread (deterministic order). */
    protected final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

    /** Puts {@code root} in a scene of the given size with the application's stylesheet and shows it. */
    protected static Scene show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(DarkScopeApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** Runs {@code c} on the FX thread and waits (at most 20 s) for its result. */
    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code r} on the FX thread, waits for it and for the events it queued. */
    public static void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A reader for tests that add runs directly: opening a file fails with a message saying so. */
    protected static RunReader noFiles() {
        return (path, progress) -> {
            throw new IOException("no files in this test: " + path);
        };
    }

    /**
     * A workbench on a new session, built as the application builds it except for the threads: stage 1
     * (counts, cut flow, efficiency) on the calling thread, so it is on screen when a gesture returns;
     * stage 2 (fits, limits) on a background worker as in the application, delivered on the FX thread.
     * Runs are added directly ({@link #noFiles()}); close it after the test.
     */
    protected Workbench workbench() {
        MainViewModel model = new MainViewModel(new Session(), noFiles(), now, recentRuns);
        return Workbench.create(model, now, new BackgroundTaskExecutor("test-details", 1), new FxTaskExecutor());
    }
}
