package org.darkscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.event.EventView;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.TaskExecutor;
import org.darkscope.ui.cuts.CutPanel;
import org.darkscope.ui.cuts.CutsViewModel;
import org.darkscope.ui.plane.EnergyPlaneView;
import org.darkscope.ui.plane.PlaneViewModel;
import org.darkscope.ui.results.CutFlowView;
import org.darkscope.ui.results.ResultsPanel;
import org.darkscope.ui.results.ResultsViewModel;
import org.darkscope.ui.shell.AppMenu;
import org.darkscope.ui.shell.Dialogs;
import org.darkscope.ui.shell.EventFilter;
import org.darkscope.ui.shell.MainViewModel;
import org.darkscope.ui.shell.MainWindow;

/**
 * Assembles the window: the shell plus the workbench views, each bound to its view model, all view
 * models on one {@link org.darkscope.session.Session} kept evaluated by an {@link AnalysisService}.
 *
 * <p>About 600 lines: the composition root. It creates every view with its view model, wires them to
 * the menu and to each other (plane pick → display, table row → display) and holds the window's
 * export actions; each part is a few lines, and splitting them would scatter the wiring.</p>
 */
public final class Workbench implements AutoCloseable {
    private final MainViewModel model;
    private final MainWindow window;
    private final AnalysisService service;
    private final PlaneViewModel plane;
    private final EnergyPlaneView planeView;
    private final CutsViewModel cuts;
    private final CutPanel cutPanel;
    private final ResultsViewModel results;
    private final ResultsPanel resultsPanel;
    private final CutFlowView cutFlowView;
    private final TaskExecutor worker;
    private final TaskExecutor detailsWorker;
    private final org.darkscope.ui.distributions.DistributionsView distributions;
    private final org.darkscope.ui.fits.SidebandFitView fits;
    private final org.darkscope.ui.exclusion.ExclusionView exclusion;
    private final org.darkscope.ui.validation.BackgroundValidationView validation;

    private Workbench(MainViewModel model, TaskExecutor worker, TaskExecutor detailsWorker, TaskExecutor deliver) {
        this.model = model;
        this.worker = worker;
        this.detailsWorker = detailsWorker;
        this.window = new MainWindow(model);
        this.service =
                new AnalysisService(model.session(), new AnalysisEngine(List.of()), worker, detailsWorker, deliver);
        this.plane = new PlaneViewModel(model.session(), service);
        this.planeView = new EnergyPlaneView();
        this.cuts = new CutsViewModel(model.session());
        this.cutPanel = new CutPanel(cuts);
        this.results = new ResultsViewModel(model.session(), service);
        this.resultsPanel = new ResultsPanel(results);
        this.cutFlowView = new CutFlowView(results);
        this.distributions = new org.darkscope.ui.distributions.DistributionsView(
                new org.darkscope.ui.distributions.DistributionsViewModel(model.session(), detailsWorker, deliver));
        this.fits = new org.darkscope.ui.fits.SidebandFitView(
                new org.darkscope.ui.fits.SidebandFitViewModel(model.session()));
        this.exclusion = new org.darkscope.ui.exclusion.ExclusionView(
                new org.darkscope.ui.exclusion.ExclusionViewModel(model.session(), detailsWorker, deliver));
        // the coverage study runs for minutes: its own thread in the application, the given executor in tests
        this.validation = new org.darkscope.ui.validation.BackgroundValidationView(
                new org.darkscope.ui.validation.BackgroundValidationViewModel(
                        model.session(),
                        detailsWorker instanceof BackgroundTaskExecutor
                                ? new BackgroundTaskExecutor("background-validation", 1)
                                : detailsWorker,
                        deliver));
        wire();
    }

    private static final javafx.scene.input.KeyCombination UNDO =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Z");
    private static final javafx.scene.input.KeyCombination REDO =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final javafx.scene.input.KeyCombination REDO_Y =
            javafx.scene.input.KeyCombination.keyCombination("Shortcut+Y");

    /** Quiet time after the latest evaluation before fits and limits start (ms): keeps them out of a drag. */
    public static final long DETAILS_DELAY_MS = 150;

    /** The workbench with the analysis on a background thread and results delivered on the FX thread. */
    public static Workbench create(MainViewModel model) {
        Workbench w = new Workbench(
                model,
                new BackgroundTaskExecutor("analysis", 1),
                new BackgroundTaskExecutor("analysis-details", 1),
                new FxTaskExecutor());
        w.service.setDetailsDelayMillis(DETAILS_DELAY_MS);
        // log E_HCAL by default: the 1 GeV box is a few pixels high on a linear axis
        w.planeView.setLogHcal(true);
        return w;
    }

    /** The workbench with given executors (tests pass same-thread executors: deterministic). */
    public static Workbench create(MainViewModel model, TaskExecutor worker, TaskExecutor deliver) {
        return new Workbench(model, worker, worker, deliver);
    }

    /** The workbench with stage-2 work (fits, limits, histograms, exclusion) on its own executor. */
    public static Workbench create(
            MainViewModel model, TaskExecutor worker, TaskExecutor detailsWorker, TaskExecutor deliver) {
        return new Workbench(model, worker, detailsWorker, deliver);
    }

    /** Shortcut: the window of a new workbench. */
    public static MainWindow build(MainViewModel model) {
        return create(model).window();
    }

    private void wire() {
        window.setPlane(planeView);
        window.setCutPanel(cutPanel);
        window.addResultTab("Cut flow", cutFlowView);
        window.addResultTab("Results", resultsPanel);
        window.addResultTab("Distributions", distributions);
        window.addResultTab("Sideband fits", fits);
        window.addResultTab("Exclusion", exclusion);
        window.addResultTab("Background check", validation);
        window.resultTabs().getSelectionModel().select(2);
        planeView.boxProperty().bindBidirectional(plane.boxProperty());
        // the exclusion is computed only while its tab is shown (it is the slowest view)
        window.resultTabs()
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, t) -> exclusion.setActive(t != null && t.getContent() == exclusion));
        plane.snapshotProperty().addListener((o, a, s) -> planeView.setSnapshot(s));
        planeView.setOnPick(p -> {
            EventView ev = plane.pick(p);
            if (ev != null) {
                model.pickedEventProperty().set(ev);
                window.eventTable().select(ev.index());
                model.setStatus("picked event " + ev.eventNumber() + " of run " + ev.runNumber()
                        + String.format(
                                java.util.Locale.ROOT, " (E_ECAL %.2f, E_HCAL %.2f GeV)", ev.ecal(), ev.hcal()));
            }
        });
        model.session().addListener(new org.darkscope.session.SessionListener() {
            @Override
            public void analysisFailed(org.darkscope.session.Session s, Exception error) {
                model.setStatus("analysis failed: " + error.getMessage());
            }
        });
        window.eventFilter().valueProperty().addListener((o, a, b) -> applyEventFilter());
        model.session().addListener(new org.darkscope.session.SessionListener() {
            @Override
            public void resultChanged(org.darkscope.session.Session s) {
                applyEventFilter();
            }
        });
        // undo/redo of cut and box changes; a drag of a box edge is one step
        cuts.editor().addOnMessage(model::setStatus);
        planeView.overlay().dragActiveProperty().addListener((o, a, on) -> {
            if (on) {
                cuts.editor().beginGesture();
            } else {
                cuts.editor().endGesture();
            }
        });
        window.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e)) {
                cuts.editor().undo();
                e.consume();
            } else if (REDO.match(e) || REDO_Y.match(e)) {
                cuts.editor().redo();
                e.consume();
            }
        });
        cutPanel.setOnSave(this::saveSelection);
        cutPanel.setOnLoad(this::loadSelection);
        AppMenu menu = window.menu();
        menu.setAction(AppMenu.Action.SAVE_SELECTION, this::saveSelection);
        menu.setAction(AppMenu.Action.LOAD_SELECTION, this::loadSelection);
        menu.setAction(AppMenu.Action.UNBLIND, this::toggleBlinding);
        menu.setAction(AppMenu.Action.UNDO, () -> cuts.editor().undo());
        menu.setAction(AppMenu.Action.REDO, () -> cuts.editor().redo());
        Runnable undoTexts = () -> {
            var ed = cuts.editor();
            menu.item(AppMenu.Action.UNDO).setText(ed.canUndo() ? "Undo " + ed.undoText() : "Undo");
            menu.item(AppMenu.Action.UNDO).setDisable(!ed.canUndo());
            menu.item(AppMenu.Action.REDO).setText(ed.canRedo() ? "Redo " + ed.redoText() : "Redo");
            menu.item(AppMenu.Action.REDO).setDisable(!ed.canRedo());
        };
        cuts.editor().addOnChange(undoTexts);
        undoTexts.run();
        model.session().addListener(new org.darkscope.session.SessionListener() {
            @Override
            public void blindingChanged(org.darkscope.session.Session s) {
                menu.item(AppMenu.Action.UNBLIND)
                        .setText(s.isBlinded() ? "Unblind signal box…" : "Blind the signal box again");
            }
        });
        menu.setAction(AppMenu.Action.SAVE_SESSION, () -> {
            File f = chooser("Save session").showSaveDialog(window.getScene().getWindow());
            if (f != null) {
                saveSession(f.toPath());
            }
        });
        menu.setAction(AppMenu.Action.OPEN_SESSION, () -> {
            File f = chooser("Open session").showOpenDialog(window.getScene().getWindow());
            if (f != null) {
                openSession(f.toPath());
            }
        });
        menu.setAction(AppMenu.Action.EXPORT_PNG, this::exportPng);
        menu.setAction(AppMenu.Action.EXPORT_CSV, this::exportCsv);
        menu.setAction(AppMenu.Action.EXPORT_REPORT, this::exportReport);
    }

    /** Names of the figures File → Export offers, in menu order ("whole window" is a PNG screenshot). */
    public List<String> exportableFigures() {
        List<String> l = new java.util.ArrayList<>(figures().keySet());
        l.add(WHOLE_WINDOW);
        return l;
    }

    /** The screenshot entry of the export dialog. */
    public static final String WHOLE_WINDOW = "whole window (PNG screenshot)";

    private java.util.Map<String, java.util.function.Supplier<org.darkscope.report.Figure>> figures() {
        return org.darkscope.ui.export.FigureExport.figures(model.session(), planeView.isLogHcal(), exclusion.points());
    }

    private void exportPng() {
        try {
            var choice = org.darkscope.ui.export.ExportDialog.askFigure(
                    window.getScene().getWindow(), exportableFigures());
            if (choice.isEmpty()) {
                return;
            }
            String name = choice.get().figure();
            FileChooser fc = new FileChooser();
            fc.setTitle("Export " + name);
            fc.setInitialFileName(name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png");
            if (WHOLE_WINDOW.equals(name)) {
                fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            } else {
                fc.getExtensionFilters()
                        .addAll(
                                new FileChooser.ExtensionFilter("PNG", "*.png"),
                                new FileChooser.ExtensionFilter("SVG (vector)", "*.svg"),
                                new FileChooser.ExtensionFilter("PDF (vector)", "*.pdf"));
            }
            File f = fc.showSaveDialog(window.getScene().getWindow());
            if (f != null
                    && org.darkscope.ui.export.Overwrite.confirm(
                            window.getScene().getWindow(), List.of(f.toPath()))) {
                exportFigure(name, choice.get().width(), choice.get().height(), f.toPath());
            }
        } catch (RuntimeException e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot export the figure", e);
        }
    }

    /**
     * Writes a figure (a name of {@link #exportableFigures}) drawn off-screen at the given size, in the
     * format of the file's extension (.png, .svg, .pdf), by the same code as {@code darkscope plot}.
     */
    public void exportFigure(String name, int width, int height, Path file) {
        try {
            if (WHOLE_WINDOW.equals(name)) {
                org.darkscope.ui.export.PngExporter.write(window, width, height, file);
            } else {
                var fig = figures().get(name);
                if (fig == null) {
                    throw new IllegalArgumentException("no figure '" + name + "' (open a run first)");
                }
                org.darkscope.report.FigureFiles.write(fig.get(), file, width, height);
            }
            model.setStatus("wrote " + name + " (" + width + "x" + height + ") to " + file);
        } catch (Exception e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot write " + file, e);
        }
    }

    private void exportReport() {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("Directory for report.html, report.pdf and the CSV tables");
        File d = dc.showDialog(window.getScene().getWindow());
        if (d != null
                && org.darkscope.ui.export.Overwrite.confirm(
                        window.getScene().getWindow(), org.darkscope.ui.export.Overwrite.reportTargets(d.toPath()))) {
            exportReport(d.toPath());
        }
    }

    /**
     * Writes the analysis report of the current session (as {@code darkscope report}) into dir. The
     * inputs are taken on the UI thread; the exclusion curve (when not already computed), the figures,
     * the HTML and the PDF are made on the loader with the status bar's progress and Cancel, so the
     * window stays responsive. Returns the task (null if there is nothing to report).
     */
    public org.darkscope.ui.shell.ProgressTask<List<Path>> exportReport(Path dir) {
        var s = model.session();
        var r = s.details() != null ? s.details() : s.result();
        if (r == null) {
            Dialogs.showError(
                    window.getScene().getWindow(),
                    "Cannot write the report to " + dir,
                    new IllegalStateException("nothing evaluated yet: open a run first"));
            return null;
        }
        List<org.darkscope.report.ReportFiles.RunFile> files = new java.util.ArrayList<>();
        for (var or : s.runs()) {
            if (r.runs().stream().anyMatch(x -> x.run() == or.data())) {
                files.add(new org.darkscope.report.ReportFiles.RunFile(
                        or.data(), or.path(), or.role().label()));
            }
        }
        List<org.darkscope.analysis.yield.ExclusionPoint> shown = List.copyOf(exclusion.points());
        return model.runTask(
                "Writing the report",
                progress -> {
                    List<org.darkscope.analysis.yield.ExclusionPoint> curve = r.backgroundRuns()
                                    .isEmpty()
                            ? List.of()
                            : !shown.isEmpty()
                                    ? shown
                                    : org.darkscope.ui.exclusion.ExclusionInputs.from(
                                                    r,
                                                    Double.NaN,
                                                    org.darkscope.analysis.yield.ExclusionRequest.DEFAULT_ALPHA_D,
                                                    org.darkscope.analysis.ResultLimits.observed(r))
                                            .compute();
                    return org.darkscope.report.ReportFiles.write(
                            r, files, curve, org.darkscope.report.ReportFiles.version(), dir);
                },
                written -> model.setStatus(
                        "report written: " + written.get(0) + " and " + (written.size() - 1) + " more file(s)"));
    }

    private void exportCsv() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export cut flow and results as CSV");
        fc.setInitialFileName("cutflow.csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(window.getScene().getWindow());
        if (f != null
                && org.darkscope.ui.export.Overwrite.confirm(
                        window.getScene().getWindow(), org.darkscope.ui.export.Overwrite.csvTargets(f.toPath()))) {
            exportCsv(f.toPath());
        }
    }

    /**
     * Writes machine-readable tables (one number per cell): the cut flow to {@code file}, and next to it
     * NAME-efficiencies.csv, NAME-events.csv (the event table as filtered), NAME-exclusion.csv (when
     * there is a background estimate) and the readable results summary NAME-results.csv.
     */
    public void exportCsv(Path file) {
        try {
            var r = model.session().details() != null
                    ? model.session().details()
                    : model.session().result();
            if (r == null) {
                throw new IllegalStateException("nothing evaluated yet: open a run first");
            }
            String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
            org.darkscope.report.CsvTables.cutFlow(r).write(file);
            org.darkscope.report.CsvTables.efficiencies(r).write(file.resolveSibling(name + "-efficiencies.csv"));
            var table = window.eventTable();
            if (table.run() != null) {
                int[] shown = new int[table.rowCount()];
                for (int i = 0; i < shown.length; i++) {
                    shown[i] = table.eventAt(i);
                }
                org.darkscope.report.CsvTables.events(table.run(), shown, org.darkscope.ui.table.EventTable.COLUMNS)
                        .write(file.resolveSibling(name + "-events.csv"));
            }
            if (!r.backgroundRuns().isEmpty() && !exclusion.points().isEmpty()) {
                org.darkscope.report.CsvTables.exclusion(
                                exclusion.points(), r.selection().blinded())
                        .write(file.resolveSibling(name + "-exclusion.csv"));
            }
            Path summary = file.resolveSibling(name + "-results.csv");
            List<List<String>> rows = results.lines().stream()
                    .map(l -> List.of(l.key(), l.label(), l.value(), l.warning()))
                    .toList();
            new org.darkscope.report.CsvTables(List.of("key", "quantity", "value", "warning"), rows).write(summary);
            model.setStatus("wrote " + file + " and the tables next to it");
        } catch (Exception e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot write " + file, e);
        }
    }

    /** View settings stored with a session. */
    public java.util.Map<String, String> viewState() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(planeView.viewState());
        m.putAll(exclusion.viewState());
        m.put(
                "window.tab",
                Integer.toString(window.resultTabs().getSelectionModel().getSelectedIndex()));
        m.put("window.split", String.format(java.util.Locale.ROOT, "%.4f", window.splitPosition()));
        for (ViewState v : moreViewState) {
            m.putAll(v.save().get());
        }
        return m;
    }

    /** View settings of a part attached from outside (the event display): saved and restored with the rest. */
    public record ViewState(
            java.util.function.Supplier<java.util.Map<String, String>> save,
            java.util.function.Consumer<java.util.Map<String, String>> restore) {}

    private final List<ViewState> moreViewState = new java.util.ArrayList<>();

    public void addViewState(ViewState v) {
        moreViewState.add(v);
    }

    public void applyViewState(java.util.Map<String, String> m) {
        planeView.applyViewState(m);
        exclusion.applyViewState(m);
        try {
            window.resultTabs().getSelectionModel().select(Integer.parseInt(m.getOrDefault("window.tab", "0")));
        } catch (NumberFormatException e) {
            // keep the current tab
        }
        try {
            if (m.containsKey("window.split")) {
                window.setSplitPosition(Double.parseDouble(m.get("window.split")));
            }
        } catch (NumberFormatException e) {
            // keep the current layout
        }
        for (ViewState v : moreViewState) {
            v.restore().accept(m);
        }
    }

    /** Writes runs, selection and view settings; errors in a dialog. */
    public void saveSession(Path file) {
        try {
            org.darkscope.session.SessionFile.of(model.session(), viewState()).write(file);
            model.setStatus("session saved to " + file);
        } catch (Exception e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot save the session to " + file, e);
        }
    }

    /** Reopens a session: its runs (read in the background), its selection, then its view settings. */
    public void openSession(Path file) {
        try {
            var sf = org.darkscope.session.SessionFile.read(file);
            sf.restoreInto(model.session()); // selection, blinding log, analysis definition
            model.openRuns(sf.runs(), () -> {
                applyViewState(sf.view());
                model.setStatus("session " + file.getFileName() + " reopened: "
                        + sf.runs().size() + " run(s)");
            });
        } catch (Exception e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot open the session " + file, e);
        }
    }

    /** Shows in the event table the events the filter asks for, from the latest result. */
    void applyEventFilter() {
        EventFilter f = window.eventFilter().getValue();
        var r = model.session().result();
        var data = model.dataRunProperty().get();
        if (f == null
                || f == EventFilter.ALL
                || r == null
                || data == null
                || r.runs().stream().noneMatch(x -> x.run() == data)) {
            window.showEvents(null);
            return;
        }
        window.showEvents(f.events(r.run(data)));
    }

    /** Asks for confirmation, then unblinds (or blinds again). */
    public void toggleBlinding() {
        if (model.session().isBlinded()) {
            if (Dialogs.confirmUnblind(
                    window.getScene().getWindow(),
                    "Unblind the signal box?",
                    "The events in the signal box and their count will be shown. Unblind only once the selection"
                            + " and the background estimate are final.")) {
                model.session().setBlinded(false);
                model.setStatus("signal box unblinded");
            }
        } else {
            model.session().setBlinded(true);
            model.setStatus("signal box blinded");
        }
    }

    private void saveSelection() {
        File f = chooser("Save selection").showSaveDialog(window.getScene().getWindow());
        if (f != null) {
            saveSelection(f.toPath());
        }
    }

    private void loadSelection() {
        File f = chooser("Load selection").showOpenDialog(window.getScene().getWindow());
        if (f != null) {
            loadSelection(f.toPath());
        }
    }

    public void saveSelection(Path file) {
        try {
            cuts.save(file);
            model.setStatus("selection saved to " + file);
        } catch (Exception e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot save the selection to " + file, e);
        }
    }

    public void loadSelection(Path file) {
        try {
            cuts.load(file);
            model.setStatus("selection loaded from " + file);
        } catch (Exception e) {
            Dialogs.showError(window.getScene().getWindow(), "Cannot load the selection " + file, e);
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Selection (JSON)", "*.json"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }

    public MainWindow window() {
        return window;
    }

    public MainViewModel model() {
        return model;
    }

    public AnalysisService service() {
        return service;
    }

    public PlaneViewModel plane() {
        return plane;
    }

    public EnergyPlaneView planeView() {
        return planeView;
    }

    public CutsViewModel cuts() {
        return cuts;
    }

    public CutPanel cutPanel() {
        return cutPanel;
    }

    public ResultsViewModel results() {
        return results;
    }

    public ResultsPanel resultsPanel() {
        return resultsPanel;
    }

    public CutFlowView cutFlowView() {
        return cutFlowView;
    }

    public org.darkscope.ui.distributions.DistributionsView distributions() {
        return distributions;
    }

    public org.darkscope.ui.fits.SidebandFitView fits() {
        return fits;
    }

    public org.darkscope.ui.exclusion.ExclusionView exclusion() {
        return exclusion;
    }

    public org.darkscope.ui.validation.BackgroundValidationView validation() {
        return validation;
    }

    @Override
    public void close() {
        service.close();
        worker.shutdown();
        detailsWorker.shutdown();
    }
}
