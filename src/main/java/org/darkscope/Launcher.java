package org.darkscope;

import org.darkscope.cli.DarkScopeCli;

/**
 * Entry point of the runnable jar. Not a JavaFX Application subclass, so the shaded jar starts on
 * the class path. With no arguments, or only run files, it opens the window; anything else (a
 * sub-command, an option, a mistyped command) goes to the command line, which exits 2 with the list
 * of commands for an unknown one.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        LoggingConfig.apply();
        if (!DarkScopeCli.opensWindow(args)) {
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
