package org.darkscope.ui.shell;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.darkscope.session.RunRole;
import org.darkscope.ui.results.ResultFileWindow;

/**
 * The menu bar. File: open a run (Ctrl+O), add simulation, recent runs, selection save/load, export,
 * quit (Ctrl+Q). Items whose feature lives elsewhere (selection, export) call handlers set with
 * {@link #setAction}.
 */
public final class AppMenu {
    /** Items other views provide the action for. */
    public enum Action {
        SAVE_SELECTION,
        LOAD_SELECTION,
        EXPORT_PNG,
        EXPORT_CSV,
        SAVE_SESSION,
        OPEN_SESSION,
        UNBLIND,
        UNDO,
        REDO,
        EXPORT_REPORT
    }

    private final MenuBar bar = new MenuBar();
    private final Menu recent = new Menu("Open recent");
    private final java.util.EnumMap<Action, MenuItem> items = new java.util.EnumMap<>(Action.class);
    private final MainWindow window;
    private final MainViewModel model;

    AppMenu(MainWindow window, MainViewModel model) {
        this.window = window;
        this.model = model;
        bar.setId("menuBar");
        Menu file = new Menu("_File");
        file.setId("fileMenu");
        MenuItem open = item("Open run…", "openRun", "Shortcut+O");
        open.setOnAction(e -> window.chooseAndOpen(null));
        MenuItem addSignal = item("Add signal MC run…", "addSignal", "Shortcut+Shift+O");
        addSignal.setOnAction(e -> window.chooseAndOpen(RunRole.SIGNAL));
        MenuItem addBackground = item("Add background MC run…", "addBackground", null);
        addBackground.setOnAction(e -> window.chooseAndOpen(RunRole.BACKGROUND));
        MenuItem openResult = item("Open result…", "openResult", null);
        openResult.setOnAction(e -> chooseResult());
        recent.setId("recentMenu");
        model.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem quit = item("Quit", "quit", "Shortcut+Q");
        quit.setOnAction(e -> Platform.exit());
        Menu export = new Menu("Export");
        export.getItems()
                .addAll(
                        action(Action.EXPORT_PNG, "Figure (PNG, SVG, PDF)…", "exportPng", "Shortcut+E"),
                        action(Action.EXPORT_CSV, "Tables as CSV…", "exportCsv", null),
                        action(Action.EXPORT_REPORT, "Report (HTML + PDF)…", "exportReport", null));
        file.getItems()
                .addAll(
                        open,
                        addSignal,
                        addBackground,
                        recent,
                        openResult,
                        new SeparatorMenuItem(),
                        action(Action.OPEN_SESSION, "Open session…", "openSession", null),
                        action(Action.SAVE_SESSION, "Save session…", "saveSession", null),
                        new SeparatorMenuItem(),
                        action(Action.LOAD_SELECTION, "Load selection…", "loadSelection", "Shortcut+L"),
                        action(Action.SAVE_SELECTION, "Save selection…", "saveSelection", "Shortcut+S"),
                        new SeparatorMenuItem(),
                        export,
                        new SeparatorMenuItem(),
                        quit);
        Menu analysis = new Menu("_Analysis");
        analysis.setId("analysisMenu");
        analysis.getItems().add(action(Action.UNBLIND, "Unblind signal box…", "unblind", null));
        Menu edit = new Menu("_Edit");
        edit.setId("editMenu");
        edit.getItems()
                .addAll(
                        action(Action.UNDO, "Undo", "undo", "Shortcut+Z"),
                        action(Action.REDO, "Redo", "redo", "Shortcut+Shift+Z"));
        bar.getMenus().addAll(file, edit, analysis);
    }

    public MenuBar bar() {
        return bar;
    }

    /** Connects a menu item to its feature (and enables it). */
    public void setAction(Action a, Runnable r) {
        MenuItem i = items.get(a);
        i.setOnAction(e -> r.run());
        i.setDisable(false);
    }

    public MenuItem item(Action a) {
        return items.get(a);
    }

    private MenuItem action(Action a, String text, String id, String accel) {
        MenuItem i = item(text, id, accel);
        i.setDisable(true);
        items.put(a, i);
        return i;
    }

    private static MenuItem item(String text, String id, String accel) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (accel != null) {
            i.setAccelerator(KeyCombination.keyCombination(accel));
        }
        return i;
    }

    /** A result file of the Spark job (totals, no events) opens in its own window. */
    private void chooseResult() {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle("Open result");
        fc.getExtensionFilters()
                .addAll(
                        new javafx.stage.FileChooser.ExtensionFilter("Result files", "*.json"),
                        new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        java.io.File f = fc.showOpenDialog(window.window());
        if (f != null) {
            openResult(f.toPath());
        }
    }

    /**
     * Reads the result file on the application's task executor (status bar progress and Cancel; a
     * file that cannot be read goes to the error dialog) and shows it in its own window once read.
     */
    public ProgressTask<ResultFileWindow.Loaded> openResult(Path file) {
        return model.runTask(
                "Reading result " + file.getFileName(),
                p -> ResultFileWindow.read(file, p),
                loaded -> ResultFileWindow.show(window.window(), file, loaded));
    }

    private void rebuildRecent() {
        recent.getItems().clear();
        for (Path p : model.recentFiles()) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> window.open(p, null));
            recent.getItems().add(i);
        }
        if (model.recentFiles().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear list");
            clear.setOnAction(e -> model.clearRecent());
            recent.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }
}
