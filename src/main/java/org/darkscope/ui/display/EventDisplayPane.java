package org.darkscope.ui.display;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.util.Duration;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.Element;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The event display: 3D detector, 2D cell maps, legend, navigation, event summary, shift-crew tools
 * and teaching tour, as one self-contained pane to embed in the main window.
 *
 * <p>Showing an event updates the summary at once and marks the 3D and 2D views dirty; they are
 * redrawn at most once per pulse (a pre-layout pulse listener), from nodes created once per
 * geometry. All numbers shown come from the {@link RunData}, never from scene nodes.</p>
 */
public class EventDisplayPane extends BorderPane {
    private static final System.Logger LOG = System.getLogger(EventDisplayPane.class.getName());
    /** The track angle is drawn this many times larger so mrad tilts can be seen [display choice]. */
    public static final double TRACK_ANGLE_EXAGGERATION = 20;

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
    private final TabPane tabs = new TabPane();

    private final ReadOnlyIntegerWrapper currentEvent = new ReadOnlyIntegerWrapper(this, "currentEvent", -1);
    private final ObservableList<RunData> runs = FXCollections.observableArrayList();
    private final EventNavigator navigator = new EventNavigator();
    private final EnergyScale scale = new EnergyScale();
    private final EnergyScale accScale = new EnergyScale();
    private final RegionRules regions = new RegionRules();
    private final Map<String, int[]> externalLists = new LinkedHashMap<>();
    private final LogbookSaver logbook = new LogbookSaver();
    private final Timeline player = new Timeline();
    private final ShiftController shiftController;
    private final TourController tourController;

    private RunData run;
    private Detector builtFor;
    private ColorMap colorMap = ColorMap.load(ColorMap.VIRIDIS);
    private float[] cellBuffer = new float[0];
    private double[] units = new double[0];
    private boolean dirty;
    private int pickedCell = -1;
    private CellAccumulation accumulation;
    private IntFunction<String> regionClassifier;
    private Function<Integer, List<String>> failingCuts = i -> List.of();
    private Scene pulseScene;
    private final Runnable pulseListener = this::applyIfDirty;
    private boolean updatingFilters;
    private long updates;

    public EventDisplayPane() {
        getStyleClass().add("event-display");
        // text colours are set here too: modena resolves them at the scene root, where the background is light
        setStyle("-fx-base: #353846; -fx-background: #262833; -fx-background-color: #262833; -fx-control-inner-background: #1d1f27; -fx-accent: #5a7bd8;"
                + " -fx-text-background-color: #e4e6ee; -fx-text-base-color: #e4e6ee; -fx-text-inner-color: #f0f1f5;");
        java.net.URL css = EventDisplayPane.class.getResource("/css/event-display.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        view3d.setColorMap(colorMap);
        cellMap.setColorMap(colorMap);
        accScale.setEmptyThreshold(0);

        pickLabel.setId("pick-label");
        pickLabel.setStyle("-fx-background-color: rgba(15,16,22,0.85); -fx-text-fill: white; -fx-padding: 4 8 4 8;");
        pickLabel.setMouseTransparent(true);
        pickLabel.setVisible(false);
        truthLabel.setId("truth-label");
        truthLabel.setStyle("-fx-text-fill: #ff70ff; -fx-padding: 4 8 4 8;");
        truthLabel.setMouseTransparent(true);
        status.setId("status");
        status.setPadding(new Insets(2, 8, 2, 8));
        StackPane centre = new StackPane(view3d, pickLabel, truthLabel, legend);
        if (!javafx.application.Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D)) {
            // software pipeline: the 3D scene would stay blank; say why (the cell maps still work)
            Label no3d = new Label("3D view unavailable: JavaFX runs without a 3D pipeline here.\n"
                    + "Start with -Dprism.forceGPU=true (the launcher and mvn javafx:run do), or use the cell maps.");
            no3d.setId("no-3d");
            no3d.setWrapText(true);
            no3d.setStyle("-fx-text-fill: #e4e6ee; -fx-padding: 12;");
            centre.getChildren().add(no3d);
        }
        StackPane.setAlignment(pickLabel, Pos.TOP_LEFT);
        StackPane.setAlignment(truthLabel, Pos.TOP_RIGHT);
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(8));
        centre.setMinSize(200, 150);
        this.centreStack = centre;
        setCenter(centre);
        setTop(new VBox(nav, options));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("event", summary), new Tab("shift crew", shift), new Tab("tour", tourPanel));
        VBox right = new VBox(6, cellMap, tabs);
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setPrefViewportWidth(560);
        this.sideColumn = rightScroll;
        setBottom(status);
        // wide: cell maps and tabs beside the 3D view; narrow (embedded in the workbench): below it
        widthProperty().addListener((o, a, w) -> arrange(w.doubleValue()));
        arrange(getWidth());

        shiftController = new ShiftController(this, shift);
        tourController = new TourController(this, tourPanel);
        wireNavigation();
        wireOptions();
        wirePicking();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        sceneProperty().addListener((o, oldScene, newScene) -> attachPulse(newScene));
    }

    private final StackPane centreStack;
    private final ScrollPane sideColumn;
    /** Below this width the side column (cell maps, tabs) goes under the 3D view instead of beside it. */
    public static final double SIDE_BY_SIDE_MIN_WIDTH = 1000;
    private javafx.scene.control.SplitPane stacked;
    private Boolean sideBySide;

    private void arrange(double width) {
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

    /** Shows a run (adding it to the loaded runs if new) at its first browsable event. */
    public void setRun(RunData r) {
        if (r == null) {
            throw new IllegalArgumentException("run is null");
        }
        boolean added = !runs.contains(r);
        if (added) {
            runs.add(r);
        }
        stopPlaying();
        this.run = r;
        if (builtFor != r.detector()) {
            buildFor(r.detector());
        }
        accumulation = null;
        if (options.mode.getValue() != DisplayMode.EVENT) {
            options.mode.setValue(DisplayMode.EVENT);
        }
        externalLists.clear();
        // the shown event belonged to the previous run: it is no row of this one until one is shown
        currentEvent.set(-1);
        scale.setSharedMax(runMaxCell(r));
        navigator.setRunSize(r.size());
        nav.runBox.setValue(r);
        rebuildFilters();
        shiftController.runChanged();
        if (added) {
            tourController.runsChanged();
        }
        if (r.size() > 0) {
            showEvent(navigator.first());
        } else {
            currentEvent.set(-1);
            status.setText(r.displayName() + " holds no events");
        }
    }

    /** The run shown, or null. */
    public RunData run() { return run; }

    /** All loaded runs (the run chooser, live follow and the tour use them). */
    public ObservableList<RunData> runs() { return runs; }

    /** Adds a run to the loaded runs without showing it. */
    public void addRun(RunData r) {
        if (!runs.contains(r)) {
            runs.add(r);
            tourController.runsChanged();
        }
    }

    /** Shows the event at the given row of the current run. */
    public void showEvent(int index) {
        if (run == null) {
            throw new IllegalStateException("no run set");
        }
        if (index < 0 || index >= run.size()) {
            throw new IndexOutOfBoundsException("event row " + index + " outside 0.." + (run.size() - 1));
        }
        if (navigator.contains(index)) {
            navigator.goTo(index);
        }
        currentEvent.set(index);
        String region = regionClassifier != null ? regionClassifier.apply(index)
                : regions.label(run.value(Schema.ECAL, index), run.value(Schema.HCAL, index), run.info().beamEnergy());
        summary.show(run, index, region, failingCuts.apply(index));
        updatePosition();
        markDirty();
    }

    /** Shows an event of any run (switching runs if needed), e.g. a point clicked in the energy plane. */
    public void showEvent(EventRef ref) {
        if (ref.run() != run) {
            setRun(ref.run());
        }
        showEvent(ref.index());
    }

    /** Row index of the shown event (-1 when none). */
    public ReadOnlyIntegerProperty currentEventProperty() { return currentEvent.getReadOnlyProperty(); }

    /**
     * Adds (or replaces) a named list of event rows to browse, e.g. "passing selection", and makes it
     * the active browse filter. A null list removes it.
     */
    public void setBrowseList(String name, int[] eventIndices) {
        if (eventIndices == null) {
            externalLists.remove(name);
        } else {
            externalLists.put(name, eventIndices.clone());
        }
        rebuildFilters();
        if (eventIndices != null) {
            selectFilter("list: " + name);
        }
    }

    /** Chooses the browse filter with this label (as shown in the filter box); false if none. */
    /**
     * Replaces every list from the analysis at once (each new result), keeping the filter the user
     * chose, now with its new contents, and the shown event if it is still in it.
     */
    public void setBrowseLists(java.util.Map<String, int[]> lists) {
        BrowseFilter chosen = nav.filter.getValue();
        String chosenLabel = chosen == null ? null : chosen.label().replaceFirst(" \\(\\d[\\d,]*\\)$", "");
        boolean wasFirst = chosen == null || nav.filter.getItems().indexOf(chosen) == 0;
        externalLists.clear();
        lists.forEach((k, v) -> externalLists.put(k, v.clone()));
        rebuildFilters();
        if (!wasFirst && chosenLabel != null) {
            selectFilter(chosenLabel);
        }
    }

    public boolean selectFilter(String label) {
        for (BrowseFilter f : nav.filter.getItems()) {
            if (f.label().equals(label) || f.label().startsWith(label + " (")) {
                nav.filter.setValue(f);
                return true;
            }
        }
        return false;
    }

    /** Replaces the built-in region label of the summary (e.g. by the analysis engine's regions). */
    public void setRegionClassifier(IntFunction<String> classifier) {
        this.regionClassifier = classifier;
        refreshSummary();
    }

    /** Supplies the names of the cuts an event fails (default: none). */
    public void setFailingCutsSupplier(Function<Integer, List<String>> supplier) {
        this.failingCuts = supplier == null ? i -> List.of() : supplier;
        refreshSummary();
    }

    /** Signal-box edges for the built-in regions and alerts (the lead feeds the live selection). */
    public void setBoxEdges(double ecalEdgeGeV, double hcalEdgeGeV) {
        regions.setBoxEdges(ecalEdgeGeV, hcalEdgeGeV);
        if (run != null) {
            BrowseFilter f = nav.filter.getValue();
            rebuildFilters();
            if (f != null) {
                selectFilter(f.label().replaceAll(" \\(\\d+\\)$", ""));
            }
            shiftController.runChanged();
            refreshSummary();
        }
    }

    /** Called with the event a tour step shows, e.g. to highlight its point in the energy plane. */
    public void setOnTourEvent(Consumer<EventRef> c) { tourController.setOnTourEvent(c); }

    /** Called whenever an event is shown (any run), e.g. to highlight it elsewhere. */
    public void setOnEventShown(Consumer<EventRef> c) {
        currentEvent.addListener((o, a, b) -> {
            if (run != null && b.intValue() >= 0) {
                c.accept(new EventRef(run, b.intValue()));
            }
        });
    }

    /** Reads run files for live follow (default: none; the lead passes io's reader). */
    public void setRunLoader(RunLoader loader) { shiftController.setLoader(loader); }

    /** Starts following a directory for new or replaced run files. */
    public void followDirectory(Path dir) { shiftController.follow(dir); }

    public void stopFollowing() { shiftController.stopFollowing(); }

    /** Folder where Ctrl+S / F12 writes PNG files. */
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

    /** Saves the whole pane as PNG into the logbook folder; reports the file in the status line. */
    public void saveToLogbook() {
        if (run == null) {
            status.setText("nothing to save: no run shown");
            return;
        }
        applyIfDirty();
        Image img = snapshot(null, null);
        int e = currentEvent.get();
        int runNo = run.ints(Schema.RUN)[e];
        int evNo = run.ints(Schema.EVENT)[e];
        Thread t = new Thread(() -> {
            String msg;
            try {
                Path p = logbook.save(img, runNo, evNo);
                msg = "saved " + p;
            } catch (IOException | RuntimeException ex) {
                msg = "could not save PNG to " + logbook.folder() + ": " + ex.getMessage();
                LOG.log(System.Logger.Level.WARNING, msg);
            }
            String m = msg;
            Platform.runLater(() -> status.setText(m));
        }, "darkscope-logbook");
        t.setDaemon(true);
        t.start();
    }

    /** Puts the camera to a preset. */
    public void cameraPreset(CameraRig.Preset p) { view3d.preset(p); }

    /** The 3D view (camera, cell nodes) for embedding code and tests. */
    public DetectorView3D detectorView() { return view3d; }

    /** Number of 3D/2D redraws so far (each is at most one per pulse). */
    public long redrawCount() { return updates; }

    // ---------------------------------------------------------------- building

    private void buildFor(Detector d) {
        view3d.setDetector(d, options.compressed.isSelected());
        cellMap.setDetector(d);
        cellBuffer = new float[d.cellCount()];
        units = new double[d.cellCount()];
        builtFor = d;
        view3d.preset(CameraRig.Preset.OVERVIEW);
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

    private void rebuildFilters() {
        updatingFilters = true;
        try {
            List<BrowseFilter> fs = BrowseFilter.standard(run, regions, externalLists);
            nav.filter.getItems().setAll(fs);
            nav.filter.setValue(fs.get(0));
            navigator.setList(null);
        } finally {
            updatingFilters = false;
        }
        updatePosition();
    }

    // ---------------------------------------------------------------- wiring

    private void wireNavigation() {
        nav.first.setOnAction(e -> go(navigator.first()));
        nav.previous.setOnAction(e -> go(navigator.previous()));
        nav.next.setOnAction(e -> go(navigator.next()));
        nav.last.setOnAction(e -> go(navigator.last()));
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
            if (updatingFilters || f == null || run == null) {
                return;
            }
            navigator.setList(f.rows().get());
            if (navigator.count() == 0) {
                status.setText("no events in '" + f.label() + "'");
                updatePosition();
                return;
            }
            status.setText("browsing " + f.label());
            go(navigator.contains(currentEvent.get()) ? currentEvent.get() : navigator.current());
        });
        nav.runBox.setItems(runs);
        nav.runBox.valueProperty().addListener((o, a, r) -> {
            if (r != null && r != run) {
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

    private void go(int row) {
        if (row >= 0) {
            showEvent(row);
        }
    }

    private void startPlaying() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(nav.interval.getValue()), e -> {
            if (run != null && navigator.count() > 0) {
                go(navigator.nextWrapping());
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

    /** Jumps to "EVENT" (event number of the shown run) or "RUN:EVENT" (a loaded run). */
    void jump(String text) {
        if (run == null) {
            return;
        }
        String t = text.strip();
        try {
            RunData target = run;
            String ev = t;
            int colon = t.indexOf(':');
            if (colon >= 0) {
                int runNo = Integer.parseInt(t.substring(0, colon).strip());
                target = runs.stream().filter(r -> r.info().runNumber() == runNo).findFirst().orElse(null);
                if (target == null) {
                    status.setText("run " + runNo + " is not loaded");
                    return;
                }
                ev = t.substring(colon + 1);
            }
            int evNo = Integer.parseInt(ev.strip());
            int[] numbers = target.ints(Schema.EVENT);
            int row = -1;
            for (int i = 0; i < numbers.length; i++) {
                if (numbers[i] == evNo) {
                    row = i;
                    break;
                }
            }
            if (row < 0) {
                status.setText("no event " + evNo + " in run " + target.info().runNumber());
                return;
            }
            if (target != run) {
                setRun(target);
            }
            showEvent(row);
            status.setText("event " + evNo);
        } catch (NumberFormatException e) {
            status.setText("type an event number or run:event, not '" + t + "'");
        }
    }

    private void wireOptions() {
        options.colorMap.valueProperty().addListener((o, a, name) -> {
            colorMap = ColorMap.load(name);
            view3d.setColorMap(colorMap);
            cellMap.setColorMap(colorMap);
            markDirty();
        });
        options.mapping.valueProperty().addListener((o, a, m) -> {
            scale.setMapping(m);
            markDirty();
        });
        options.range.valueProperty().addListener((o, a, r) -> {
            scale.setRange(r);
            markDirty();
        });
        options.min.setOnAction(e -> applyFixedRange());
        options.max.setOnAction(e -> applyFixedRange());
        options.style.valueProperty().addListener((o, a, s) -> markDirty());
        options.mode.valueProperty().addListener((o, a, m) -> {
            if (m != DisplayMode.EVENT && accumulation == null && run != null) {
                shiftController.accumulate();
            }
            markDirty();
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
    }

    /** Sets the fixed colour range (GeV) and switches the range mode to fixed. */
    public void setFixedRange(double min, double max) {
        scale.setFixedRange(min, max);
        options.min.setText(String.valueOf(min));
        options.max.setText(String.valueOf(max));
        options.range.setValue(EnergyScale.Range.FIXED);
        markDirty();
    }

    private void applyFixedRange() {
        try {
            setFixedRange(Double.parseDouble(options.min.getText().strip()), Double.parseDouble(options.max.getText().strip()));
            status.setText("fixed colour range " + scale.fixedMin() + " .. " + scale.fixedMax() + " GeV");
        } catch (IllegalArgumentException e) {
            status.setText("bad range: " + e.getMessage());
        }
    }

    private void wirePicking() {
        view3d.setOnCellHover(this::hoverCell);
        cellMap.setOnCellHover(this::hoverCell);
        view3d.setOnCellClick(this::pickCell);
        cellMap.setOnCellClick(this::pickCell);
        view3d.setOnElementClick(this::pickElement);
    }

    private void hoverCell(int index) {
        view3d.highlightCell(index);
        cellMap.highlight(index);
        if (index >= 0) {
            pickedCell = index;
            updatePickText();
        }
    }

    /** A click pins the cell and adds the summary of its subdetector. */
    private void pickCell(int index) {
        hoverCell(index);
        if (index >= 0 && run != null && currentEvent.get() >= 0 && options.mode.getValue() == DisplayMode.EVENT) {
            Cell c = run.detector().cells().get(index);
            Element el = run.detector().element(c.layer().elementName());
            pickLabel.setText(pickLabel.getText() + "\n" + PickText.element(run, currentEvent.get(), el));
        }
    }

    private void pickElement(Element e) {
        if (run == null || currentEvent.get() < 0) {
            return;
        }
        pickedCell = -1;
        pickLabel.setText(PickText.element(run, currentEvent.get(), e));
        pickLabel.setVisible(true);
    }

    private void updatePickText() {
        if (run == null || pickedCell < 0 || currentEvent.get() < 0) {
            return;
        }
        Cell c = run.detector().cells().get(pickedCell);
        DisplayMode m = options.mode.getValue();
        pickLabel.setText(m != DisplayMode.EVENT && accumulation != null
                ? PickText.accumulated(accumulation, c) : PickText.cell(run, currentEvent.get(), c));
        pickLabel.setVisible(true);
    }

    private void onKey(KeyEvent e) {
        if ((e.getCode() == KeyCode.S && e.isShortcutDown()) || e.getCode() == KeyCode.F12) {
            saveToLogbook();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || run == null) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> go(navigator.previous());
            case RIGHT -> go(navigator.next());
            case HOME -> go(navigator.first());
            case END -> go(navigator.last());
            case SPACE -> nav.play.setSelected(!nav.play.isSelected());
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---------------------------------------------------------------- redraw

    void setAccumulation(CellAccumulation acc) {
        this.accumulation = acc;
        markDirty();
    }

    CellAccumulation accumulation() { return accumulation; }

    TourController tourController() { return tourController; }

    /** Shows tour step {@code i} (0-based) as if the user walked there. */
    public void tourStep(int i) { tourController.go(i); }

    /** Simulates hovering a cell (global index; -1 for none): label and both highlights. */
    public void hoverCellForDisplay(int index) { hoverCell(index); }

    RegionRules regions() { return regions; }

    int[] browsedRows() {
        BrowseFilter f = nav.filter.getValue();
        return f == null ? null : f.rows().get();
    }

    void setStatus(String s) { status.setText(s); }

    TabPane tabs() { return tabs; }

    private void refreshSummary() {
        if (run != null && currentEvent.get() >= 0) {
            showEvent(currentEvent.get());
        }
    }

    private void updatePosition() {
        if (run == null) {
            nav.position.setText("no run");
            return;
        }
        int e = currentEvent.get();
        String ev = e < 0 ? "-" : "event " + run.ints(Schema.EVENT)[e];
        nav.position.setText(navigator.count() == 0 ? ev + "  (0 browsable)"
                : ev + "   " + (navigator.position() + 1) + " / " + navigator.count());
    }

    private void attachPulse(Scene s) {
        if (pulseScene != null) {
            pulseScene.removePreLayoutPulseListener(pulseListener);
        }
        pulseScene = s;
        if (s != null) {
            s.addPreLayoutPulseListener(pulseListener);
            markDirty();
        }
    }

    private void markDirty() {
        dirty = true;
        if (pulseScene != null) {
            Platform.requestNextPulse();
        }
    }

    /** Redraws the 3D and 2D views if something changed since the last pulse. */
    void applyIfDirty() {
        if (!dirty || run == null || currentEvent.get() < 0) {
            return;
        }
        dirty = false;
        updates++;
        int e = currentEvent.get();
        DisplayMode mode = options.mode.getValue();
        boolean acc = mode != DisplayMode.EVENT && accumulation != null;
        EnergyScale s = acc ? accScale : scale;
        float[] values;
        if (acc) {
            float[] src = mode == DisplayMode.OCCUPANCY ? accumulation.occupancy() : accumulation.meanEnergy();
            values = cellBuffer;
            float f = mode == DisplayMode.OCCUPANCY ? 100f : 1f;
            for (int i = 0; i < values.length; i++) {
                values[i] = src[i] * f;
            }
        } else {
            run.cells().read(e, cellBuffer);
            values = cellBuffer;
        }
        s.fit(values);
        for (int i = 0; i < values.length; i++) {
            units[i] = s.unit(values[i]);
        }
        CellStyle style = options.style.getValue();
        view3d.applyCells(units, style);
        DisplayMode shown = acc ? mode : DisplayMode.EVENT;
        cellMap.apply(units, values, shown.format(), shown.unit(), shown == DisplayMode.EVENT);
        legend.update(colorMap, s, shown.quantity(), shown.unit());
        Detector d = run.detector();
        double[] srd = new double[d.srdCellCount()];
        for (int i = 0; i < srd.length; i++) {
            srd[i] = run.value(Schema.srd(i), e);
        }
        double[] veto = new double[d.vetoCount()];
        for (int i = 0; i < veto.length; i++) {
            veto[i] = run.value(Schema.veto(i), e);
        }
        view3d.applyCounters(srd, veto);
        view3d.setTrack(options.track.isSelected() && !acc, run.value(Schema.ANGLE, e), TRACK_ANGLE_EXAGGERATION);
        EventClass c = run.truthClass(e);
        boolean truth = run.info().simulated() && !acc;
        boolean marker = truth && (c.isSignal() || c == EventClass.UPSTREAM);
        view3d.setTruth(marker ? run.value(Schema.TRUTH_Z, e) : Double.NaN);
        truthLabel.setText(!truth ? "" : "truth: " + c.label()
                + (run.ints(Schema.TRUTH_PILEUP)[e] != 0 ? " + pile-up" : "")
                + (marker ? String.format("  (pin: z = %.0f mm)", run.value(Schema.TRUTH_Z, e)) : ""));
        updatePickText();
    }
}
