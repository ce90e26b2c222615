package org.darkscope.ui.display;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.TaskExecutor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * The event display: 3D detector, 2D cell maps, legend, navigation, event summary, shift-crew tools
 * and teaching tour, as one pane to embed in the main window.
 *
 * <p>What is shown lives in the toolkit-free {@link DisplayModel} (runs, event, browse lists,
 * blinding, mode, accumulation); this pane lays out the views and forwards the model's changes to
 * them. Redraws happen at most once per pulse (a pre-layout pulse listener) in {@link CellRedraw};
 * picking is in {@link Picking}; logbook images are rendered by {@link #renderLogbookImage} and
 * written on the background executor.</p>
 */
public class EventDisplayPane extends BorderPane {
    private static final System.Logger LOG = System.getLogger(EventDisplayPane.class.getName());
    /** The track angle is drawn this many times larger so mrad tilts can be seen [display choice]. */
    public static final double TRACK_ANGLE_EXAGGERATION = CellRedraw.TRACK_ANGLE_EXAGGERATION;
    /** Presentation scaling steps (Ctrl+= / Ctrl+-) and its bounds. */
    public static final double SCALE_STEP = 1.25;
    public static final double MIN_SCALE = 0.8;
    public static final double MAX_SCALE = 3.0;
    static final String SCALE_KEY = "presentationScale";
    /** Keyboard shortcuts, listed under F1. */
    public static final String SHORTCUTS = String.join("\n",
            "Left / Right   previous / next event",
            "Home / End     first / last event",
            "Space          play / pause",
            "F12            logbook entry (from anywhere in the window)",
            "Ctrl+S         logbook entry (while the display has focus)",
            "Ctrl+= / Ctrl+-  larger / smaller text (projector)",
            "F11            display in its own full-screen window",
            "F1             this list");

    final DisplayModel model = new DisplayModel();
    final DetectorView3D view3d = new DetectorView3D();
    final CellMapPanel cellMap = new CellMapPanel();
    final ColorLegend legend = new ColorLegend();
    final EventSummaryPanel summary = new EventSummaryPanel();
    final NavigationBar nav = new NavigationBar();
    final DisplayOptionsBar options = new DisplayOptionsBar();
    final ShiftToolsPanel shift = new ShiftToolsPanel();
    final TourPanel tourPanel = new TourPanel();
    final Label pickLabel = new Label();
    final Label truthLabel = new Label();
    final Label status = new Label();
    final Label help = new Label(SHORTCUTS);
    final Label counterLegend = new Label("SRD: yellow = hit in the e\u207B window (1-80 MeV), outline = no hit\n"
            + "VETO: orange = hit (> 0.5 MIP), violet outline = no hit\n"
            + "magenta pin: truth interaction point;  cyan line: beam track");
    final Label partLabels = new Label();
    final Label alarmText = new Label();
    final Button acknowledge = new Button("acknowledge");
    final HBox alarm = new HBox(8, alarmText, acknowledge);
    private final TabPane tabs = new TabPane();
    private final ReadOnlyIntegerWrapper currentEvent = new ReadOnlyIntegerWrapper(this, "currentEvent", -1);
    private final ObservableList<RunData> runs = FXCollections.observableArrayList();
    private final LogbookSaver logbook = new LogbookSaver();
    private final Timeline player = new Timeline();
    private final CellRedraw redraw;
    private final Picking picking;
    private final ShiftController shiftController;
    private final TourController tourController;
    private final StackPane centreStack;
    private final ScrollPane sideColumn;
    private final VBox top;
    private final EventHandler<KeyEvent> windowKeys = this::onWindowKey;

    private TaskExecutor background;
    private Preferences prefs;
    private Supplier<String> selectionCaption = () -> "selection: none (no analysis attached)";
    private Detector builtFor;
    private boolean dirty;
    private Scene pulseScene;
    private final Runnable pulseListener = this::applyIfDirty;
    private boolean updatingControls;
    private double presentationScale = 1;
    private Stage detached;

    public EventDisplayPane() {
        getStyleClass().add("event-display");
        java.net.URL css = EventDisplayPane.class.getResource("/css/event-display.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        applyScaleStyle();
        redraw = new CellRedraw(view3d, cellMap, legend, truthLabel);

        pickLabel.setId("pick-label");
        pickLabel.setStyle("-fx-background-color: rgba(15,16,22,0.85); -fx-text-fill: white; -fx-padding: 4 8 4 8;");
        pickLabel.setMouseTransparent(true);
        pickLabel.setVisible(false);
        truthLabel.setId("truth-label");
        truthLabel.setStyle("-fx-text-fill: #ff70ff; -fx-padding: 4 8 4 8;");
        truthLabel.setMouseTransparent(true);
        status.setId("status");
        status.setPadding(new Insets(2, 8, 2, 8));
        help.setId("shortcuts-help");
        help.setStyle("-fx-background-color: rgba(15,16,22,0.92); -fx-text-fill: white; -fx-padding: 10; -fx-font-family: monospace;");
        help.setVisible(false);
        help.setMouseTransparent(true);
        counterLegend.setId("counter-legend");
        counterLegend.setStyle("-fx-text-fill: #d8d8e0; -fx-background-color: rgba(15,16,22,0.7); -fx-padding: 3 6 3 6;");
        counterLegend.setMouseTransparent(true);
        partLabels.setId("part-labels");
        partLabels.setStyle("-fx-text-fill: #e8e8f0; -fx-background-color: rgba(15,16,22,0.7); -fx-padding: 3 6 3 6;");
        partLabels.setMouseTransparent(true);
        partLabels.setVisible(false);
        alarm.setId("alarm-banner");
        alarm.setAlignment(Pos.CENTER_LEFT);
        alarm.setPadding(new Insets(6, 10, 6, 10));
        alarm.setStyle("-fx-background-color: #c62828;");
        alarmText.setId("alarm-text");
        alarmText.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");
        alarmText.setWrapText(true);
        HBox.setHgrow(alarmText, Priority.ALWAYS);
        alarmText.setMaxWidth(Double.MAX_VALUE);
        acknowledge.setId("alarm-ack");
        acknowledge.setOnAction(e -> acknowledgeAlarm());
        alarm.setVisible(false);
        alarm.setManaged(false);

        StackPane centre = new StackPane(view3d, pickLabel, truthLabel, legend, counterLegend, partLabels, help);
        if (!Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D)) {
            // software pipeline: the 3D scene would stay blank; say why (the cell maps still work)
            Label no3d = new Label("3D view unavailable: JavaFX runs without a 3D pipeline here.\n"
                    + "Start with -Dprism.forceGPU=true (the launcher and mvn javafx:run do), or use the cell maps.");
            no3d.setId("no-3d");
            no3d.setWrapText(true);
            no3d.setStyle("-fx-text-fill: #e4e6ee; -fx-padding: 12;");
            centre.getChildren().add(1, no3d);
        }
        StackPane.setAlignment(pickLabel, Pos.TOP_LEFT);
        StackPane.setAlignment(truthLabel, Pos.TOP_RIGHT);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(counterLegend, Pos.BOTTOM_RIGHT);
        StackPane.setAlignment(partLabels, Pos.CENTER_RIGHT);
        StackPane.setMargin(legend, new Insets(8));
        StackPane.setMargin(counterLegend, new Insets(8));
        centre.setMinSize(200, 150);
        centre.setFocusTraversable(true);
        centre.setId("display-centre");
        centre.setOnMouseClicked(e -> centre.requestFocus());
        this.centreStack = centre;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("event", summary), new Tab("shift crew", shift), new Tab("tour", tourPanel));
        VBox right = new VBox(6, cellMap, tabs);
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setPrefViewportWidth(560);
        this.sideColumn = rightScroll;
        top = new VBox(alarm, nav, options);
        setTop(top);
        setBottom(status);
        // wide: cell maps and tabs beside the 3D view; narrow (embedded in the workbench): below it
        widthProperty().addListener((o, a, w) -> arrange(w.doubleValue()));
        arrange(getWidth());

        picking = new Picking(model, view3d, cellMap, pickLabel);
        shiftController = new ShiftController(this, shift);
        tourController = new TourController(this, tourPanel);
        model.addListener(new DisplayModel.Listener() {
            @Override
            public void runChanged(RunData r) { onRunChanged(r); }

            @Override
            public void runsChanged() { onRunsChanged(); }

            @Override
            public void eventChanged(int row) { onEventChanged(row); }

            @Override
            public void filtersChanged() { onFiltersChanged(); }

            @Override
            public void message(String text) { status.setText(text); }

            @Override
            public void modeChanged() { onModeChanged(); }
        });
        wireNavigation();
        wireOptions();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((o, oldScene, newScene) -> attachScene(oldScene, newScene));
    }

    /** Below this width the side column (cell maps, tabs) goes under the 3D view instead of beside it. */
    public static final double SIDE_BY_SIDE_MIN_WIDTH = 1000;
    private javafx.scene.control.SplitPane stacked;
    private Boolean sideBySide;

    private void arrange(double width) {
        if (detached != null) {
            return;
        }
        boolean wide = width <= 0 || width >= SIDE_BY_SIDE_MIN_WIDTH;
        if (sideBySide != null && sideBySide == wide) {
            return;
        }
        sideBySide = wide;
        if (wide) {
            if (stacked != null) {
                stacked.getItems().clear();
            }
            setCenter(centreStack);
            setRight(sideColumn);
        } else {
            setRight(null);
            setCenter(null);
            stacked = new javafx.scene.control.SplitPane(centreStack, sideColumn);
            stacked.setOrientation(javafx.geometry.Orientation.VERTICAL);
            stacked.setDividerPositions(0.55);
            setCenter(stacked);
        }
    }

    // ---------------------------------------------------------------- public API

    /** The toolkit-free model behind this pane. */
    public DisplayModel model() { return model; }

    /** Shows a run (adding it to the loaded runs if new) at its first browsable event. */
    public void setRun(RunData r) {
        if (r == null) {
            throw new IllegalArgumentException("run is null");
        }
        stopPlaying();
        model.setRun(r);
    }

    /** The run shown, or null. */
    public RunData run() { return model.run(); }

    /** All loaded runs (the run chooser, live follow and the tour use them); read-only. */
    public List<RunData> runs() { return model.runs(); }

    /** Adds a run to the loaded runs without showing it. */
    public void addRun(RunData r) { model.addRun(r); }

    /**
     * Shows the event at the given row of the current run. A row in a hidden (blinded) box is refused:
     * the shown event stays, the status line says why.
     */
    public void showEvent(int index) { model.showEvent(index); }

    /** Shows an event of any run (switching runs if needed), e.g. a point clicked in the energy plane. */
    public void showEvent(EventRef ref) { model.showEvent(ref); }

    /** Row index of the shown event (-1 when none). */
    public ReadOnlyIntegerProperty currentEventProperty() { return currentEvent.getReadOnlyProperty(); }

    /** Adds (or replaces) a named list of rows to browse and chooses it; a null list removes it. */
    public void setBrowseList(String name, int[] eventIndices) { model.setBrowseList(name, eventIndices); }

    /** Replaces every named list at once, keeping the list the user chose. */
    public void setBrowseLists(Map<String, int[]> lists) { model.setBrowseLists(lists); }

    /** Chooses the browse filter with this label (as shown in the filter box); false if none. */
    public boolean selectFilter(String label) { return model.selectFilter(label); }

    /** The engine's results: browse lists, failed cuts and blinding of their runs follow them. */
    public void setResults(List<RunResult> results) { model.setResults(results); }

    /** One analysis result at once (box, results, named lists of the shown run; null lists keep them): one rebuild. */
    public void applyAnalysis(SignalBox box, List<RunResult> results, Map<String, int[]> lists) {
        model.applyAnalysis(box, results, lists);
    }

    /** The box and regions for runs without a result (the link feeds the live selection's box). */
    public void setBox(SignalBox box) { model.setBox(box); }

    /** Which box is hidden for a run without an engine result (null: none). */
    public void setBlinding(Function<RunData, SignalBox> policy) { model.setBlinding(policy); }

    /** Which runs are data (alerts are raised for data only). */
    public void setDataRole(java.util.function.Predicate<RunData> isData) { model.setDataRole(isData); }

    /** The selection text of logbook captions (name, changes, blinded or not). */
    public void setSelectionCaption(Supplier<String> caption) {
        this.selectionCaption = caption == null ? () -> "selection: none" : caption;
    }

    /**
     * Evaluates the current selection on a run that the analysis does not hold (a followed file), for
     * its alerts; null (the default) counts every event in or near the box.
     */
    public void setEvaluator(Function<RunData, RunResult> evaluator) { shiftController.setEvaluator(evaluator); }

    /** Called with the event a tour step shows, e.g. to highlight its point in the energy plane. */
    public void setOnTourEvent(Consumer<EventRef> c) { tourController.setOnTourEvent(c); }

    /** Called whenever an event is shown (any run), e.g. to highlight it elsewhere. */
    public void setOnEventShown(Consumer<EventRef> c) {
        currentEvent.addListener((o, a, b) -> {
            if (run() != null && b.intValue() >= 0) {
                c.accept(new EventRef(run(), b.intValue()));
            }
        });
    }

    /** Reads run files for live follow (default: none; the lead passes io's reader). */
    public void setRunLoader(org.darkscope.session.RunReader loader) { shiftController.setLoader(loader); }

    /** Starts following a directory for new or replaced run files. */
    public void followDirectory(Path dir) { shiftController.follow(dir); }

    public void stopFollowing() { shiftController.stopFollowing(); }

    /** Where background work (logbook writes, accumulation) runs; default: one daemon thread. */
    public void setTaskExecutor(TaskExecutor executor) { this.background = executor; }

    TaskExecutor background() {
        if (background == null) {
            background = new BackgroundTaskExecutor("darkscope-display", 1);
        }
        return background;
    }

    /**
     * Where the logbook folder and the presentation scale are remembered (the application passes the
     * user's node; tests a throw-away one). Without it nothing is remembered.
     */
    public void setPreferences(Preferences p) {
        this.prefs = p;
        logbook.setPreferences(p);
        if (p != null) {
            applyPresentationScale(p.getDouble(SCALE_KEY, 1));
        }
    }

    /** Folder where F12 / Ctrl+S writes PNG files (not remembered: see {@link #setPreferences}). */
    public void setLogbookFolder(Path folder) { logbook.setFolder(folder); }

    public Path logbookFolder() { return logbook.folder(); }

    /** Snapshot of the 3D view with its legend and labels, scaled by {@code scale}. */
    public Image snapshotView(double s) {
        applyIfDirty();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(s, s));
        int w = (int) Math.ceil(centreStack.getWidth() * s);
        int h = (int) Math.ceil(centreStack.getHeight() * s);
        return centreStack.snapshot(p, new WritableImage(Math.max(1, w), Math.max(1, h)));
    }

    /** Caption of a logbook entry for the shown event: file, run, spill, event, time, selection. */
    public String logbookCaption() {
        RunData r = run();
        int e = model.currentEvent();
        if (r == null || e < 0) {
            return "";
        }
        String spill = r.has(Schema.SPILL) ? String.valueOf(r.ints(Schema.SPILL)[e]) : "-";
        String time = r.has(Schema.TIME) ? String.format(java.util.Locale.ROOT, "%.6f s", r.longs(Schema.TIME)[e] / 1e9) : "-";
        return String.format(java.util.Locale.ROOT, "%s   run %d   spill %s   event %d   t = %s%n%s   %s",
                r.displayName(), r.ints(Schema.RUN)[e], spill, r.ints(Schema.EVENT)[e], time, selectionCaption.get(),
                model.hiddenBox(r) != null ? "box BLINDED" : "box not blinded");
    }

    /**
     * Renders the logbook image: the 3D view (with legend, no controls) and the cell maps side by
     * side at {@code scale}, with the caption underneath. Rendered from the nodes, not a screen grab.
     */
    public Image renderLogbookImage(double scale) {
        applyIfDirty();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(javafx.scene.paint.Color.rgb(24, 26, 34));
        Image view = snapshotView(scale);
        Image maps = cellMap.snapshot(p, null);
        double gap = 8 * scale;
        double captionH = 48 * scale;
        double w = view.getWidth() + gap + maps.getWidth();
        double h = Math.max(view.getHeight(), maps.getHeight()) + captionH;
        javafx.scene.canvas.Canvas c = new javafx.scene.canvas.Canvas(w, h);
        var g = c.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.rgb(24, 26, 34));
        g.fillRect(0, 0, w, h);
        g.drawImage(view, 0, 0);
        g.drawImage(maps, view.getWidth() + gap, 0);
        g.setFill(javafx.scene.paint.Color.WHITE);
        g.setFont(javafx.scene.text.Font.font(13 * scale));
        double y = Math.max(view.getHeight(), maps.getHeight()) + 18 * scale;
        for (String line : logbookCaption().split("\\R")) {
            g.fillText(line, 8 * scale, y);
            y += 17 * scale;
        }
        return c.snapshot(null, null);
    }

    /**
     * Saves the logbook image (rendered at 2x) as PNG into the logbook folder, asking for the folder
     * the first time; the file is written on the background executor; reports in the status line.
     */
    public void saveToLogbook() {
        RunData r = run();
        int e = model.currentEvent();
        if (r == null || e < 0) {
            status.setText("nothing to save: no event shown");
            return;
        }
        if (logbook.folder() == null) {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle("Folder for logbook images (asked once)");
            java.io.File f = getScene() == null ? null : dc.showDialog(getScene().getWindow());
            if (f == null) {
                status.setText("no logbook folder chosen: nothing saved");
                return;
            }
            logbook.setFolder(f.toPath());
        }
        Image img = renderLogbookImage(2);
        int runNo = r.ints(Schema.RUN)[e];
        int evNo = r.ints(Schema.EVENT)[e];
        status.setText("saving logbook image ...");
        background().execute(() -> {
            String msg;
            try {
                msg = "saved " + logbook.save(img, runNo, evNo);
            } catch (IOException | RuntimeException ex) {
                msg = "could not save PNG to " + logbook.folder() + ": " + ex.getMessage();
                LOG.log(System.Logger.Level.WARNING, msg);
            }
            String m = msg;
            if (Platform.isFxApplicationThread()) {
                status.setText(m);
            } else {
                Platform.runLater(() -> status.setText(m));
            }
        });
    }

    /** Puts the camera to a preset. */
    public void cameraPreset(CameraRig.Preset p) { view3d.preset(p); }

    /** The 3D view (camera, cell nodes) for embedding code and tests. */
    public DetectorView3D detectorView() { return view3d; }

    /** Number of 3D/2D redraws so far (each is at most one per pulse). */
    public long redrawCount() { return redraw.count(); }

    /** Sets the fixed colour range (GeV) and switches the range mode to fixed. */
    public void setFixedRange(double min, double max) {
        redraw.scale.setFixedRange(min, max);
        options.min.setText(String.valueOf(min));
        options.max.setText(String.valueOf(max));
        options.range.setValue(EnergyScale.Range.FIXED);
        markDirty();
    }

    // ---------------------------------------------------------------- presentation

    /** Text and marker scale for a projector (1 = normal); remembered if preferences are set. */
    public double presentationScale() { return presentationScale; }

    public void setPresentationScale(double s) {
        double v = applyPresentationScale(s);
        if (prefs != null) {
            prefs.putDouble(SCALE_KEY, v);
        }
        status.setText(String.format(java.util.Locale.ROOT, "text scale %.0f %% (Ctrl+= / Ctrl+-)", 100 * v));
    }

    private double applyPresentationScale(double s) {
        double v = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
        presentationScale = v;
        applyScaleStyle();
        cellMap.setTextScale(v);
        legend.setTextScale(v);
        markDirty();
        return v;
    }

    private void applyScaleStyle() {
        // text colours are set here too: modena resolves them at the scene root, where the background is light
        setStyle("-fx-base: #353846; -fx-background: #262833; -fx-background-color: #262833; -fx-control-inner-background: #1d1f27; -fx-accent: #5a7bd8;"
                + " -fx-text-background-color: #e4e6ee; -fx-text-base-color: #e4e6ee; -fx-text-inner-color: #f0f1f5;"
                + String.format(java.util.Locale.ROOT, " -fx-font-size: %.1fpx;", 12 * presentationScale));
    }

    /** Shows the 3D view and side column in their own full-screen window (again: back into the pane). */
    public void toggleDetached() {
        if (detached != null) {
            detached.close();
            return;
        }
        setCenter(null);
        setRight(null);
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(centreStack, sideColumn);
        split.setDividerPositions(0.7);
        Label placeholder = new Label("The event display is in its own window (F11 or 'attach' brings it back).");
        placeholder.setId("detached-placeholder");
        placeholder.setWrapText(true);
        setCenter(placeholder);
        Stage st = new Stage();
        st.setTitle("DarkScope event display");
        BorderPane root = new BorderPane(split);
        root.setStyle(getStyle());
        root.getStylesheets().setAll(getStylesheets());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        st.setScene(new Scene(root, 1280, 800));
        st.setFullScreenExitHint("Esc leaves full screen; F11 puts the display back into the window");
        detached = st;
        options.detach.setText("attach");
        st.setOnHidden(e -> {
            split.getItems().clear();
            detached = null;
            sideBySide = null;
            setCenter(null);
            arrange(getWidth());
            options.detach.setText("detach");
            markDirty();
        });
        st.show();
        st.setFullScreen(true);
        markDirty();
    }

    /** True while the display is in its own window. */
    public boolean isDetached() { return detached != null; }

    /** Shows or hides the names of the detector parts beside the 3D view. */
    public void setPartLabelsVisible(boolean on) {
        options.labels.setSelected(on);
    }

    private void updatePartLabels() {
        RunData r = run();
        if (r == null) {
            partLabels.setText("");
            return;
        }
        StringBuilder sb = new StringBuilder("detector, beam from the left:\n");
        r.detector().elements().stream()
                .sorted(java.util.Comparator.comparingDouble(org.darkscope.geometry.Element::zMin))
                .forEach(el -> sb.append(String.format(java.util.Locale.ROOT, "%-12s z = %6.0f mm  (%s)%n",
                        el.name(), el.zMin(), el.kind().name().toLowerCase(java.util.Locale.ROOT))));
        partLabels.setText(sb.toString().strip());
    }

    // ---------------------------------------------------------------- model -> views

    private void onRunChanged(RunData r) {
        if (builtFor != r.detector()) {
            view3d.setDetector(r.detector(), options.compressed.isSelected());
            cellMap.setDetector(r.detector());
            cellMap.setTextScale(presentationScale);
            redraw.detectorChanged(r.detector());
            builtFor = r.detector();
            view3d.preset(CameraRig.Preset.OVERVIEW);
            updatePartLabels();
        }
        redraw.scale.setSharedMax(runMaxCell(r));
        updatingControls = true;
        try {
            nav.runBox.setValue(r);
        } finally {
            updatingControls = false;
        }
        shiftController.runChanged();
    }

    private void onRunsChanged() {
        List<RunData> now = model.runs();
        if (!runs.equals(now)) {
            updatingControls = true;
            try {
                runs.setAll(now);
                nav.runBox.setValue(model.run());
            } finally {
                updatingControls = false;
            }
        }
        tourController.runsChanged();
    }

    private void onEventChanged(int row) {
        currentEvent.set(row);
        RunData r = run();
        tourController.eventShown(r, row);
        if (r != null && row >= 0) {
            summary.show(r, row, model.regionLabel(r, row), model.failedCuts(r, row));
        }
        updatePosition();
        markDirty();
    }

    private void onFiltersChanged() {
        updatingControls = true;
        try {
            nav.filter.getItems().setAll(model.filters());
            nav.filter.setValue(model.filter());
        } finally {
            updatingControls = false;
        }
        updatePosition();
    }

    private void onModeChanged() {
        updatingControls = true;
        try {
            options.mode.setValue(model.mode());
        } finally {
            updatingControls = false;
        }
        markDirty();
    }

    /** Hottest cell of the run (sampling at most ~1e5 events) for the shared scale. */
    private static double runMaxCell(RunData r) {
        int stride = Math.max(1, r.size() / 100_000);
        float[] buf = new float[r.detector().cellCount()];
        double max = 0;
        for (int e = 0; e < r.size(); e += stride) {
            r.cells().read(e, buf);
            for (float v : buf) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    // ---------------------------------------------------------------- wiring

    private void wireNavigation() {
        nav.first.setOnAction(e -> model.first());
        nav.previous.setOnAction(e -> model.previous());
        nav.next.setOnAction(e -> model.next());
        nav.last.setOnAction(e -> model.last());
        nav.jump.setOnAction(e -> jump(nav.jump.getText()));
        nav.play.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                startPlaying();
            } else {
                player.stop();
                nav.play.setText("play");
            }
        });
        nav.interval.valueProperty().addListener((o, a, b) -> {
            if (nav.play.isSelected()) {
                startPlaying();
            }
        });
        nav.filter.valueProperty().addListener((o, a, f) -> {
            if (!updatingControls && f != null && f != model.filter()) {
                model.chooseFilter(f);
            }
        });
        nav.runBox.setItems(runs);
        nav.runBox.valueProperty().addListener((o, a, r) -> {
            if (!updatingControls && r != null && r != run()) {
                setRun(r);
            }
        });
        nav.runBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunData r) {
                return r == null ? "" : "run " + r.info().runNumber() + " (" + r.displayName() + ")";
            }

            @Override
            public RunData fromString(String s) {
                return null;
            }
        });
    }

    private void startPlaying() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(nav.interval.getValue()), e -> {
            if (run() != null) {
                model.nextWrapping();
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
        nav.play.setText("pause");
    }

    private void stopPlaying() {
        if (nav.play.isSelected()) {
            nav.play.setSelected(false);
        }
    }

    /**
     * Jumps to "EVENT" or "RUN:EVENT"; an event in a blinded box is refused with a message. Focus goes
     * back to the display, so arrows and Space navigate again.
     */
    void jump(String text) {
        model.jump(text);
        centreStack.requestFocus();
    }

    private void wireOptions() {
        options.colorMap.valueProperty().addListener((o, a, name) -> {
            redraw.setColorMap(name);
            markDirty();
        });
        options.mapping.valueProperty().addListener((o, a, m) -> {
            redraw.setMapping(m);
            markDirty();
        });
        options.range.valueProperty().addListener((o, a, r) -> {
            redraw.setRange(r);
            markDirty();
        });
        options.min.setOnAction(e -> applyFixedRange());
        options.max.setOnAction(e -> applyFixedRange());
        options.style.valueProperty().addListener((o, a, s) -> markDirty());
        options.mode.valueProperty().addListener((o, a, m) -> {
            if (updatingControls || m == null) {
                return;
            }
            model.setMode(m);
            if (m != DisplayMode.EVENT && model.accumulation() == null && run() != null) {
                shiftController.accumulate();
            }
        });
        options.compressed.selectedProperty().addListener((o, a, c) -> {
            view3d.setCompressed(c);
            view3d.preset(view3d.lastPreset());
            markDirty();
        });
        options.track.selectedProperty().addListener((o, a, c) -> markDirty());
        options.camera.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                view3d.preset(p);
            }
        });
        options.reset.setOnAction(e -> {
            options.camera.setValue(null);
            view3d.preset(CameraRig.Preset.OVERVIEW);
        });
        options.save.setOnAction(e -> saveToLogbook());
        options.labels.selectedProperty().addListener((o, a, on) -> partLabels.setVisible(on));
        options.detach.setOnAction(e -> toggleDetached());
    }

    private void applyFixedRange() {
        try {
            setFixedRange(Double.parseDouble(options.min.getText().strip()), Double.parseDouble(options.max.getText().strip()));
            status.setText("fixed colour range " + redraw.scale.fixedMin() + " .. " + redraw.scale.fixedMax() + " GeV");
        } catch (IllegalArgumentException e) {
            status.setText("bad range: " + e.getMessage());
        }
    }

    /** F12 anywhere in the window: a logbook entry. */
    private void onWindowKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F12 && !e.isConsumed()) {
            saveToLogbook();
            e.consume();
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.S && e.isShortcutDown()) {
            saveToLogbook();
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F12 && detached != null) {
            saveToLogbook();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            setPresentationScale(presentationScale * SCALE_STEP);
            e.consume();
            return;
        }
        if (e.isShortcutDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            setPresentationScale(presentationScale / SCALE_STEP);
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F1) {
            help.setVisible(!help.isVisible());
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F11) {
            toggleDetached();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || run() == null) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> model.previous();
            case RIGHT -> model.next();
            case HOME -> model.first();
            case END -> model.last();
            case SPACE -> nav.play.setSelected(!nav.play.isSelected());
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---------------------------------------------------------------- shift alarm

    /** Raises the alarm banner (red) until the crew acknowledges it. */
    void raiseAlarm(String text) {
        alarmText.setText(text);
        alarm.setVisible(true);
        alarm.setManaged(true);
    }

    /** The crew saw the alarm: the banner goes away. */
    public void acknowledgeAlarm() {
        alarm.setVisible(false);
        alarm.setManaged(false);
        status.setText("alarm acknowledged: " + alarmText.getText());
    }

    /** True while an alarm waits for acknowledgement. */
    public boolean alarmRaised() { return alarm.isVisible(); }

    // ---------------------------------------------------------------- package access

    CellAccumulation accumulation() { return model.accumulation(); }

    void setAccumulation(CellAccumulation acc) { model.setAccumulation(acc); }

    TourController tourController() { return tourController; }

    /** Shows tour step {@code i} (0-based) as if the user walked there. */
    public void tourStep(int i) { tourController.go(i); }

    /** Adds a note to the tour step's text (e.g. whether its point is ringed in the plane). */
    public void setTourNote(String note) { tourController.note(note); }

    /** Leaves the tour (its text is cleared), as when the user navigates away. */
    public void leaveTour() { tourController.leave(); }

    /** Simulates hovering a cell (global index; -1 for none): label and both highlights. */
    public void hoverCellForDisplay(int index) { picking.hover(index); }

    int[] browsedRows() { return model.browsedRows(); }

    void setStatus(String s) { status.setText(s); }

    TabPane tabs() { return tabs; }

    private void updatePosition() {
        RunData r = run();
        if (r == null) {
            nav.position.setText("no run");
            return;
        }
        int e = model.currentEvent();
        EventNavigator n = model.navigator();
        String ev = e < 0 ? "-" : "event " + r.ints(Schema.EVENT)[e];
        nav.position.setText(n.count() == 0 ? ev + "  (0 browsable)" : ev + "   " + (n.position() + 1) + " / " + n.count());
    }

    private void attachScene(Scene oldScene, Scene s) {
        if (pulseScene != null) {
            pulseScene.removePreLayoutPulseListener(pulseListener);
        }
        if (oldScene != null) {
            oldScene.removeEventFilter(KeyEvent.KEY_PRESSED, windowKeys);
        }
        pulseScene = s;
        if (s != null) {
            s.addPreLayoutPulseListener(pulseListener);
            s.addEventFilter(KeyEvent.KEY_PRESSED, windowKeys);
            markDirty();
        }
    }

    private void markDirty() {
        dirty = true;
        if (pulseScene != null || detached != null) {
            Platform.requestNextPulse();
        }
        if (detached != null) {
            Platform.runLater(this::applyIfDirty);
        }
    }

    /** Redraws the 3D and 2D views if something changed since the last pulse. */
    void applyIfDirty() {
        RunData r = run();
        int e = model.currentEvent();
        if (!dirty || r == null || e < 0) {
            return;
        }
        dirty = false;
        redraw.redraw(r, e, model.mode(), model.accumulation(), options.style.getValue(), options.track.isSelected());
        picking.update();
    }

    /** Root of the 3D view with its overlays (for focus tests). */
    Node centre() { return centreStack; }

    Region sideColumn() { return sideColumn; }
}
