package org.darkscope.ui;

import org.darkscope.ui.shell.MainViewModel;
import org.darkscope.ui.shell.MainWindow;

/** Assembles the window: the shell plus the workbench views wired to the session. */
public final class Workbench {
    private Workbench() {
    }

    public static MainWindow build(MainViewModel model) {
        return new MainWindow(model);
    }
}
