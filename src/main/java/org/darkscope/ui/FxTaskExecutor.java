package org.darkscope.ui;

import javafx.application.Platform;
import org.darkscope.session.TaskExecutor;

/** Runs work on the JavaFX application thread (where results are delivered to the session). */
public final class FxTaskExecutor implements TaskExecutor {
    @Override
    public void execute(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
