package org.darkscope.ui.display;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Shift-crew controls: follow a directory, alert list, accumulation. The pane wires the actions. */
public final class ShiftToolsPanel extends VBox {
    final TextField followPath = new TextField();
    final Button choose = new Button("...");
    final ToggleButton follow = new ToggleButton("follow");
    final CheckBox showNewest = new CheckBox("show newest run");
    final Label followStatus = new Label("not following");
    final ListView<ShiftAlerts.Alert> alerts = new ListView<>();
    final Label alertTitle = new Label("alerts of followed files: selected events in or near the signal box");
    final Button accumulate = new Button("accumulate over browsed events");
    final ProgressBar accProgress = new ProgressBar(0);
    final Label accResult = new Label();
    final SpillTrendView trends = new SpillTrendView();
    final CheckBox alarmSound = new CheckBox("alarm sound");
    final javafx.scene.control.ComboBox<org.darkscope.event.RunData> dqReference =
            new javafx.scene.control.ComboBox<>();

    public ShiftToolsPanel() {
        super(6);
        setPadding(new Insets(6));
        followPath.setId("shift-path");
        followPath.setPromptText("directory with *.parquet run files");
        HBox.setHgrow(followPath, Priority.ALWAYS);
        choose.setId("shift-choose");
        follow.setId("shift-follow");
        follow.setTooltip(new Tooltip("poll the directory for new or replaced run files"));
        showNewest.setId("shift-newest");
        showNewest.setSelected(true);
        followStatus.setId("shift-status");
        followStatus.setWrapText(true);
        // wrapped, never cut to "...": a warning or a list of cell names must be read in full
        for (Label l : new Label[] {followStatus, alertTitle, accResult}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        alerts.setId("shift-alerts");
        alerts.setPrefHeight(180);
        alertTitle.setWrapText(true);
        alertTitle.setId("shift-alert-title");
        alerts.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            {
                // two lines, wrapped at the list's width: file, run, spill, event, time and both energies
                // readable without scrolling sideways
                setWrapText(true);
                setPrefWidth(0);
                setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(ShiftAlerts.Alert a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.twoLines());
                setStyle(empty || a == null || !a.inBox() ? "" : "-fx-text-fill: #ff8a80;");
            }
        });
        alarmSound.setId("shift-alarm-sound");
        alarmSound.setTooltip(new Tooltip("a chime with the red alarm banner (off by default)"));
        dqReference.setId("shift-dq-reference");
        dqReference.setTooltip(
                new Tooltip(
                        "data quality over the whole run: compare each cell with this run (as 'dq --reference REF'), or with the shower model run with the run's own settings (as 'dq RUN'; symmetric cells for a run without simulation settings)"));
        dqReference.getItems().add(null);
        accumulate.setId("shift-accumulate");
        accProgress.setId("shift-acc-progress");
        accProgress.setMaxWidth(Double.MAX_VALUE);
        accResult.setId("shift-acc-result");
        accResult.setWrapText(true);
        // the button and its label in full; the reference chooser gives way (its tooltip and list show the names)
        accumulate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dqReference.setMinWidth(120);
        getChildren()
                .addAll(
                        new Label("follow a directory live"),
                        new HBox(4, followPath, choose, follow),
                        new HBox(12, showNewest, alarmSound),
                        followStatus,
                        alertTitle,
                        alerts,
                        dqRow(),
                        accProgress,
                        accResult,
                        trends);
    }

    private HBox dqRow() {
        Label vs = new Label("DQ vs");
        vs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(6, accumulate, vs, dqReference);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(dqReference, javafx.scene.layout.Priority.ALWAYS);
        return row;
    }
}
