package org.darkscope;

import org.darkscope.cli.DarkScopeCli;

/**
 * Entry point of the runnable jar. Not a JavaFX Application subclass, so the shaded jar starts on
 * the class path. With no arguments (or only a run file) it opens the window; with a sub-command it
 * runs that command without a window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (DarkScopeCli.isCommand(args)) {
            System.exit(DarkScopeCli.run(args));
        }
        org.darkscope.ui.DarkScopeApp.main(args);
    }
}
