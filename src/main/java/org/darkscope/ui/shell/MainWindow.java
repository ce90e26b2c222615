package org.darkscope.ui.shell;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.darkscope.session.RunRole;
import org.darkscope.ui.table.EventTable;

/**
 * The one window, laid out as design.md's "Interface": cuts on the left, the (E_ECAL, E_HCAL) plane
 * in the centre, the event display on the right, results in tabs below (the first tab is the event
 * table), the menu on top and the status bar at the bottom. Views are put into their slots with
 * {@link #setCutPanel}, {@link #setPlane}, {@link #setEventDisplay} and {@link #addResultTab}.
 */
public final class MainWindow extends BorderPane {
    private final MainViewModel model;
    private final StackPane cutSlot = slot("cutSlot", "Cuts");
    private final StackPane planeSlot = slot("planeSlot", "(E_ECAL, E_HCAL) plane");
    private final StackPane displaySlot = slot("displaySlot", "Event display");
    private final TabPane results = new TabPane();
    private final EventTable eventTable = new EventTable();
    private final StatusBar statusBar = new StatusBar();
    private final javafx.scene.control.ChoiceBox<EventFilter> eventFilter = new javafx.scene.control.ChoiceBox<>();
    private final Label eventCount = new Label();
    private final AppMenu menu;
    private final SplitPane mainSplit;

    /**
     * Default position of the divider between the views on top and the result tabs: half the height
     * each, so the result plots get about 450 px at a 1600×1000 window (at 0.68 they got ~250 px, and
     * a two-chart tab under a toolbar only ~70 px each) and the plane and 3D display keep ~450 px.
     */
    public static final double DEFAULT_SPLIT = 0.5;

    public MainWindow(MainViewModel model) {
        this.model = model;
        setId("mainWindow");
        SplitPane top = new SplitPane(cutSlot, planeSlot, displaySlot);
        top.setId("topSplit");
        top.setDividerPositions(0.19, 0.53);
        SplitPane.setResizableWithParent(cutSlot, false);
        results.setId("resultTabs");
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        eventFilter.setId("eventFilter");
        eventFilter.getItems().addAll(EventFilter.values());
        eventFilter.getSelectionModel().selectFirst();
        javafx.scene.layout.HBox filterBar =
                new javafx.scene.layout.HBox(6, new Label("show"), eventFilter, eventCount);
        filterBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        filterBar.setPadding(new javafx.geometry.Insets(2, 4, 2, 4));
        eventCount.setId("eventCount");
        BorderPane eventsPane = new BorderPane(eventTable.view());
        eventsPane.setTop(filterBar);
        Tab events = new Tab("Events", eventsPane);
        events.setId("eventsTab");
        results.getTabs().add(events);
        SplitPane main = new SplitPane(top, results);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(DEFAULT_SPLIT);
        main.setId("mainSplit");
        mainSplit = main;
        menu = new AppMenu(this, model);
        setTop(menu.bar());
        setCenter(main);
        setBottom(statusBar);

        statusBar.setMessage(model.statusProperty().get());
        model.statusProperty().addListener((o, a, b) -> statusBar.setMessage(b));
        model.taskProperty().addListener((o, a, t) -> statusBar.showTask(t));
        model.dataRunProperty().addListener((o, a, r) -> eventTable.setRun(r));
        eventTable.setRun(model.dataRunProperty().get());
        eventTable.selectedEventProperty().addListener((o, a, ev) -> {
            if (ev != null) {
                model.pickedEventProperty().set(ev);
            }
        });
        model.setErrorHandler((title, e) -> Dialogs.showError(window(), title, e));
    }

    public MainViewModel model() {
        return model;
    }

    public AppMenu menu() {
        return menu;
    }

    public EventTable eventTable() {
        return eventTable;
    }

    /** The event list's filter choice (the workbench applies it to each result). */
    public javafx.scene.control.ChoiceBox<EventFilter> eventFilter() {
        return eventFilter;
    }

    /** Shows a subset of the data run's events in the table (null: all). */
    public void showEvents(int[] indices) {
        if (indices == null) {
            if (eventTable.run() != null
                    && eventTable.rowCount() != eventTable.run().size()) {
                eventTable.showAll();
            }
        } else {
            eventTable.showIndices(indices);
        }
        eventCount.setText(String.format(java.util.Locale.ROOT, "%,d events", eventTable.rowCount()));
    }

    public StatusBar statusBar() {
        return statusBar;
    }

    public TabPane resultTabs() {
        return results;
    }

    /** Where the divider between the views and the result tabs is (0 top … 1 bottom). */
    public double splitPosition() {
        return mainSplit.getDividers().get(0).getPosition();
    }

    /** Moves the divider between the views and the result tabs (kept within 0.1 … 0.9). */
    public void setSplitPosition(double position) {
        if (Double.isFinite(position)) {
            mainSplit.setDividerPositions(Math.max(0.1, Math.min(0.9, position)));
        }
    }

    /** Puts the 3D event display (org.darkscope.ui.display.EventDisplayPane) into the right slot. */
    public void setEventDisplay(Node node) {
        displaySlot.getChildren().setAll(node);
    }

    public void setCutPanel(Node node) {
        cutSlot.getChildren().setAll(node);
    }

    public void setPlane(Node node) {
        planeSlot.getChildren().setAll(node);
    }

    /** Adds a tab to the results area (after the existing ones). */
    public Tab addResultTab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.replaceAll("[^A-Za-z0-9]", ""));
        results.getTabs().add(t);
        return t;
    }

    Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Asks for a run file and opens it. */
    void chooseAndOpen(RunRole role) {
        FileChooser fc = new FileChooser();
        fc.setTitle(role == null ? "Open run" : "Add " + role.label() + " run");
        fc.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Parquet run files", "*.parquet"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        if (!model.recentFiles().isEmpty() && model.recentFiles().get(0).getParent() != null) {
            File dir = model.recentFiles().get(0).getParent().toFile();
            if (dir.isDirectory()) {
                fc.setInitialDirectory(dir);
            }
        }
        File f = fc.showOpenDialog(window());
        if (f != null) {
            open(f.toPath(), role);
        }
    }

    /** Opens a run file (menu, recent list, command line). */
    public void open(Path path, RunRole role) {
        model.openRun(path, role);
    }

    private static StackPane slot(String id, String title) {
        Label l = new Label(title);
        l.getStyleClass().add("slot-placeholder");
        StackPane p = new StackPane(l);
        p.setId(id);
        p.getStyleClass().add("view-slot");
        p.setMinSize(0, 0);
        return p;
    }
}
