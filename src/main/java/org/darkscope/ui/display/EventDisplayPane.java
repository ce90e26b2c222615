package org.darkscope.ui.display;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.RunData;
import org.darkscope.geometry.Detector;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.TaskExecutor;

/**
 * The event display: 3D detector, 2D cell maps, legend, navigation, event summary, shift-crew tools
 * and teaching tour, as one pane to embed in the main window.
 *
 * <p>What is shown lives in the toolkit-free {@link DisplayModel}; this pane lays out the views and
 * forwards the model's changes to them. The parts: {@link NavigationController} (navigation bar,
 * play), {@link CellRedraw} (at most once per pulse), {@link Picking}, {@link LogbookController}
 * (logbook images written on the task executor), {@link Presentation} (projector scale, detached
 * full-screen window), {@link DisplayKeys}, {@link AlarmBanner}, {@link PartLabels},
 * {@link ShiftController} and {@link TourController}.</p>
 *
 * <p>About 610 lines: the composition root of the display. Behaviour lives in the classes above;
 * what is left is laying them out and forwarding the model's changes, which reads best in one place.</p>
 */
public class EventDisplayPane extends BorderPane {
    /** The track angle is drawn this many times larger so mrad tilts can be seen [display choice]. */
    public static final double TRACK_ANGLE_EXAGGERATION = CellRedraw.TRACK_ANGLE_EXAGGERATION;
    /** Presentation scaling steps (Ctrl+= / Ctrl+-) and its bounds. */
    public static final double SCALE_STEP = 1.25;

    public static final double MIN_SCALE = 0.8;
    public static final double MAX_SCALE = 3.0;
    static final String SCALE_KEY = Presentation.SCALE_KEY;
    /** Below this width the side column (cell maps, tabs) goes under the 3D view instead of beside it. */
    public static final double SIDE_BY_SIDE_MIN_WIDTH = 1000;
    /** Keyboard shortcuts, listed under F1. */
    public static final String SHORTCUTS = String.join(
            "\n",
            "Left / Right   previous / next event",
            "Home / End     first / last event",
            "Space          play / pause",
            "F12            logbook entry (from anywhere in the window)",
            "Ctrl+S         logbook entry (while the display has focus)",
            "Ctrl+= / Ctrl+-  larger / smaller text (projector)",
            "F11            display in its own full-screen window (again: back)",
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
    private final DisplayCentre centreStack = new DisplayCentre(view3d, legend, SHORTCUTS);
    final Label pickLabel = centreStack.pickLabel;
    final Label truthLabel = centreStack.truthLabel;
    final Label help = centreStack.help;
    final Label counterLegend = centreStack.counterLegend;
    final PartLabels partLabels = centreStack.partLabels;
    final Label status = new Label();
    final AlarmBanner alarm = new AlarmBanner();
    private final TabPane tabs = new TabPane();
    private final ReadOnlyIntegerWrapper currentEvent = new ReadOnlyIntegerWrapper(this, "currentEvent", -1);
    private final CellRedraw redraw = new CellRedraw(view3d, cellMap, legend, truthLabel);
    private final Picking picking;
    private final NavigationController navigation;
    private final DisplayKeys keys = new DisplayKeys(this);
    private final Presentation presentation = new Presentation(this);
    private final LogbookController logbook;
    private final OptionsController optionsController;
    private final ShiftController shiftController;
    private final TourController tourController;
    private final ScrollPane sideColumn;
    private final VBox topBox = new VBox(alarm, nav, options);
    private final EventHandler<KeyEvent> windowKeys = keys::onWindowKey;
    private final Runnable pulseListener = this::applyIfDirty;

    private TaskExecutor background;
    private Detector builtFor;
    private boolean dirty;
    private Scene pulseScene;

    public EventDisplayPane() {
        getStyleClass().add("event-display");
        java.net.URL css = EventDisplayPane.class.getResource("/css/event-display.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        status.setId("status");
        status.setPadding(new Insets(2, 8, 2, 8));
        alarm.setOnAcknowledged(text -> status.setText("alarm acknowledged: " + text));

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("event", summary), new Tab("shift crew", shift), new Tab("tour", tourPanel));
        sideColumn = new ScrollPane(new VBox(6, cellMap, tabs));
        sideColumn.setFitToWidth(true);
        sideColumn.setPrefViewportWidth(560);
        setTop(topBox);
        setBottom(status);
        // wide: cell maps and tabs beside the 3D view; narrow (embedded in the workbench): below it
        widthProperty().addListener((o, a, w) -> presentation.arrange(w.doubleValue()));
        presentation.arrange(getWidth());

        picking = new Picking(model, view3d, cellMap, pickLabel);
        navigation = new NavigationController(this);
        logbook = new LogbookController(this);
        shiftController = new ShiftController(this, shift);
        tourController = new TourController(this, tourPanel);
        // browse lists of a big run are built off the JavaFX thread and handed back to it (issue 15)
        model.setListExecutors(
                new BackgroundTaskExecutor("display-lists", 1),
                work -> {
                    if (javafx.application.Platform.isFxApplicationThread()) {
                        work.run();
                    } else {
                        javafx.application.Platform.runLater(work);
                    }
                },
                DisplayModel.ASYNC_ABOVE);
        model.addListener(new DisplayModel.Listener() {
            @Override
            public void runChanged(RunData r) {
                onRunChanged(r);
            }

            @Override
            public void runsChanged() {
                navigation.runsChanged(model.runs());
                tourController.runsChanged();
                shiftController.runsChanged();
            }

            @Override
            public void eventChanged(int row) {
                onEventChanged(row);
            }

            @Override
            public void filtersChanged() {
                navigation.filtersChanged();
            }

            @Override
            public void message(String text) {
                status.setText(text);
            }

            @Override
            public void modeChanged() {
                onModeChanged();
            }
        });
        optionsController = new OptionsController(this, redraw);
        addEventFilter(KeyEvent.KEY_PRESSED, keys::onKey);
        sceneProperty().addListener((o, oldScene, newScene) -> attachScene(oldScene, newScene));
    }

    // ---------------------------------------------------------------- public API

    /** The toolkit-free model behind this pane. */
    public DisplayModel model() {
        return model;
    }

    /** Shows a run (adding it to the loaded runs if new) at its first browsable event. */
    public void setRun(RunData r) {
        if (r == null) {
            throw new IllegalArgumentException("run is null");
        }
        navigation.stopPlaying();
        model.setRun(r);
    }

    /** The run shown, or null. */
    public RunData run() {
        return model.run();
    }

    /** All loaded runs (the run chooser, live follow and the tour use them); read-only. */
    public List<RunData> runs() {
        return model.runs();
    }

    /** Adds a run to the loaded runs without showing it. */
    public void addRun(RunData r) {
        model.addRun(r);
    }

    /**
     * Shows the event at the given row of the current run. A row in a hidden (blinded) box is refused:
     * the shown event stays, the status line says why.
     */
    public void showEvent(int index) {
        model.showEvent(index);
    }

    /** Shows an event of any run (switching runs if needed), e.g. a point clicked in the energy plane. */
    public void showEvent(EventRef ref) {
        model.showEvent(ref);
    }

    /** Row index of the shown event (-1 when none). */
    public ReadOnlyIntegerProperty currentEventProperty() {
        return currentEvent.getReadOnlyProperty();
    }

    /** Adds (or replaces) a named list of rows to browse and chooses it; a null list removes it. */
    public void setBrowseList(String name, int[] eventIndices) {
        model.setBrowseList(name, eventIndices);
    }

    /** Replaces every named list at once, keeping the list the user chose. */
    public void setBrowseLists(Map<String, int[]> lists) {
        model.setBrowseLists(lists);
    }

    /** Chooses the browse filter with this label (as shown in the filter box); false if none. */
    public boolean selectFilter(String label) {
        return model.selectFilter(label);
    }

    /** The engine's results: browse lists, failed cuts and blinding of their runs follow them. */
    public void setResults(List<RunResult> results) {
        model.setResults(results);
    }

    /** One analysis result at once (box, results, named lists of the shown run; null lists keep them): one rebuild. */
    public void applyAnalysis(SignalBox box, List<RunResult> results, Map<String, int[]> lists) {
        model.applyAnalysis(box, results, lists);
    }

    /** The box and regions for runs without a result (the link feeds the live selection's box). */
    public void setBox(SignalBox box) {
        model.setBox(box);
    }

    /** Which box is hidden for a run without an engine result (null: none). */
    public void setBlinding(Function<RunData, SignalBox> policy) {
        model.setBlinding(policy);
    }

    /** Which runs are data (alerts are raised for data only). */
    public void setDataRole(java.util.function.Predicate<RunData> isData) {
        model.setDataRole(isData);
    }

    /** The selection text of logbook captions (name, changes, blinded or not). */
    public void setSelectionCaption(Supplier<String> caption) {
        logbook.setSelectionCaption(caption);
    }

    /**
     * Evaluates the current selection on a run that the analysis does not hold (a followed file), for
     * its alerts; null (the default) counts every event in or near the box.
     */
    public void setEvaluator(Function<RunData, RunResult> evaluator) {
        shiftController.setEvaluator(evaluator);
    }

    /** Called with the event a tour step shows, e.g. to highlight its point in the energy plane. */
    public void setOnTourEvent(Consumer<EventRef> c) {
        tourController.setOnTourEvent(c);
    }

    /** Called whenever an event is shown (any run), e.g. to highlight it elsewhere. */
    public void setOnEventShown(Consumer<EventRef> c) {
        currentEvent.addListener((o, a, b) -> {
            if (run() != null && b.intValue() >= 0) {
                c.accept(new EventRef(run(), b.intValue()));
            }
        });
    }

    /** Reads run files for live follow (default: none; the lead passes io's reader). */
    public void setRunLoader(org.darkscope.session.RunReader loader) {
        shiftController.setLoader(loader);
    }

    /** Starts following a directory for new or replaced run files. */
    public void followDirectory(Path dir) {
        shiftController.follow(dir);
    }

    public void stopFollowing() {
        shiftController.stopFollowing();
    }

    /** Where background work (logbook writes, accumulation) runs; default: one daemon thread. */
    public void setTaskExecutor(TaskExecutor executor) {
        this.background = executor;
    }

    TaskExecutor background() {
        if (background == null) {
            background = new BackgroundTaskExecutor("darkscope-display", 1);
        }
        return background;
    }

    /**
     * Where the logbook folder and resolution, the presentation scale and the alarm-sound choice are
     * remembered (the application passes the user's node; tests a throw-away one).
     */
    public void setPreferences(Preferences p) {
        logbook.setPreferences(p);
        presentation.setPreferences(p);
        shiftController.setPreferences(p);
    }

    /** Folder where F12 / Ctrl+S writes PNG files (not remembered: see {@link #setPreferences}). */
    public void setLogbookFolder(Path folder) {
        logbook.saver.setFolder(folder);
    }

    public Path logbookFolder() {
        return logbook.saver.folder();
    }

    /** Resolution of logbook images: 1, 2 or 4 times the size on screen (remembered with preferences). */
    public void setLogbookScale(int s) {
        options.logbookScale.setValue(s);
    }

    public int logbookScale() {
        return logbook.saver.scale();
    }

    /** Snapshot of the 3D view with its legend and labels, scaled by {@code scale}. */
    public Image snapshotView(double s) {
        return logbook.snapshotView(s);
    }

    /** Caption of a logbook entry for the shown event: file, run, spill, event, time, selection. */
    public String logbookCaption() {
        return logbook.caption();
    }

    /** The logbook image: the 3D view and the cell maps side by side at {@code scale}, the caption underneath. */
    public Image renderLogbookImage(double scale) {
        return logbook.render(scale);
    }

    /** Saves the logbook image at the chosen resolution into the logbook folder (asked for once). */
    public void saveToLogbook() {
        logbook.save();
    }

    /** Puts the camera to a preset. */
    public void cameraPreset(CameraRig.Preset p) {
        view3d.preset(p);
    }

    /** The 3D view (camera, cell nodes) for embedding code and tests. */
    public DetectorView3D detectorView() {
        return view3d;
    }

    /** Number of 3D/2D redraws so far (each is at most one per pulse). */
    public long redrawCount() {
        return redraw.count();
    }

    /** Sets the fixed colour range (GeV) and switches the range mode to fixed. */
    public void setFixedRange(double min, double max) {
        optionsController.setFixedRange(min, max);
    }

    /** Text and marker scale for a projector (1 = normal); remembered if preferences are set. */
    public double presentationScale() {
        return presentation.scale();
    }

    /** Layout settings kept with a session: the embedded display's divider and its options toggle. */
    public Map<String, String> viewState() {
        return presentation.viewState();
    }

    /** Restores {@link #viewState()}; unknown or bad entries are ignored. */
    public void applyViewState(Map<String, String> m) {
        presentation.applyViewState(m);
    }

    public void setPresentationScale(double s) {
        presentation.setScale(s);
    }

    /** Shows the 3D view and side column in their own full-screen window (again: back into the pane). */
    public void toggleDetached() {
        presentation.toggleDetached();
    }

    /** True while the display is in its own window. */
    public boolean isDetached() {
        return presentation.isDetached();
    }

    /** The detached window, or null. */
    public javafx.stage.Stage detachedWindow() {
        return presentation.detachedStage();
    }

    /** Shows or hides the names of the detector parts in the 3D view. */
    public void setPartLabelsVisible(boolean on) {
        options.labels.setSelected(on);
    }

    /** Sounds a chime with the alarm banner (default off). */
    public void setAlarmSound(boolean on) {
        shift.alarmSound.setSelected(on);
    }

    /** The crew saw the alarm: the banner goes away. */
    public void acknowledgeAlarm() {
        alarm.acknowledge();
    }

    /** True while an alarm waits for acknowledgement. */
    public boolean alarmRaised() {
        return alarm.raised();
    }

    /** Shows tour step {@code i} (0-based) as if the user walked there. */
    public void tourStep(int i) {
        tourController.go(i);
    }

    /** Adds a note to the tour step's text (e.g. whether its point is ringed in the plane). */
    public void setTourNote(String note) {
        tourController.note(note);
    }

    /** Leaves the tour (its text is cleared), as when the user navigates away. */
    public void leaveTour() {
        tourController.leave();
    }

    /** Puts the tour's shower animation at a fraction 0..1 of its run (stopped), e.g. for a screenshot. */
    public void setTourAnimationProgress(double f) {
        tourPanel.animation.setProgress(f);
    }

    /** Simulates hovering a cell (global index; -1 for none): label and both highlights. */
    public void hoverCellForDisplay(int index) {
        picking.hover(index);
    }

    // ---------------------------------------------------------------- model -> views

    private void onRunChanged(RunData r) {
        if (builtFor != r.detector()) {
            view3d.setDetector(r.detector(), options.compressed.isSelected());
            cellMap.setDetector(r.detector());
            cellMap.setTextScale(presentation.scale());
            redraw.detectorChanged(r.detector());
            builtFor = r.detector();
            view3d.preset(CameraRig.Preset.OVERVIEW);
            partLabels.rebuild();
        }
        if (r.size() > DisplayModel.ASYNC_ABOVE) {
            // reads cells of up to 10^5 events: on the background thread for a big run (issue 15)
            background().execute(() -> {
                double max = CellRedraw.runMaxCell(r);
                javafx.application.Platform.runLater(() -> {
                    if (run() == r) {
                        redraw.scale.setSharedMax(max);
                        markDirty();
                    }
                });
            });
        } else {
            redraw.scale.setSharedMax(CellRedraw.runMaxCell(r));
        }
        summary.showRun(r);
        navigation.runChanged(r);
        shiftController.runChanged();
    }

    private void onEventChanged(int row) {
        currentEvent.set(row);
        RunData r = run();
        tourController.eventShown(r, row);
        if (r != null && row >= 0) {
            summary.show(r, row, model.regionLabel(r, row), model.failedCuts(r, row));
        }
        navigation.updatePosition();
        markDirty();
    }

    private void onModeChanged() {
        if (options.mode.getValue() != model.mode()) {
            options.mode.setValue(model.mode());
        }
        markDirty();
    }

    /**
     * Jumps to "EVENT" or "RUN:EVENT"; an event in a blinded box is refused with a message. Focus goes
     * back to the display, so arrows and Space navigate again.
     */
    void jump(String text) {
        model.jump(text);
        centreStack.requestFocus();
    }

    // ---------------------------------------------------------------- package access

    CellAccumulation accumulation() {
        return model.accumulation();
    }

    void setAccumulation(CellAccumulation acc) {
        model.setAccumulation(acc);
    }

    TourController tourController() {
        return tourController;
    }

    ShiftController shiftController() {
        return shiftController;
    }

    DisplayKeys keys() {
        return keys;
    }

    int[] browsedRows() {
        return model.browsedRows();
    }

    void setStatus(String s) {
        status.setText(s);
    }

    TabPane tabs() {
        return tabs;
    }

    /** Raises the alarm banner (red, and the chime if switched on) until the crew acknowledges it. */
    void raiseAlarm(String text) {
        alarm.raise(text);
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

    void markDirty() {
        dirty = true;
        if (pulseScene != null || isDetached()) {
            Platform.requestNextPulse();
        }
        if (isDetached()) {
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
    Node centre() {
        return centreStack;
    }

    Region sideColumn() {
        return sideColumn;
    }

    VBox topBox() {
        return topBox;
    }
}
