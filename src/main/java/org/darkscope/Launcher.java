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
        LoggingConfig.apply();
        if (DarkScopeCli.isCommand(args)) {
            System.exit(DarkScopeCli.run(args));
        }
        // ES2 even on drivers JavaFX does not list (Mesa under Xvfb, VMs): otherwise the 3D view stays
        // empty there. An explicit -Dprism.forceGPU=false wins.
        if (System.getProperty("prism.forceGPU") == null) {
            System.setProperty("prism.forceGPU", "true");
        }
        org.darkscope.ui.DarkScopeApp.main(args);
    }
}
