package org.darkscope.ui.results;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** The results summary: one line per number, with a warning icon and its explanation where a method is unreliable. */
public final class ResultsPanel extends ScrollPane {
    private final GridPane grid = new GridPane();
    private final ResultsViewModel model;

    public ResultsPanel(ResultsViewModel model) {
        this.model = model;
        setId("resultsPanel");
        grid.setHgap(12);
        grid.setVgap(3);
        grid.setPadding(new Insets(6));
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(330);
        grid.getColumnConstraints().addAll(c0, new ColumnConstraints(), new ColumnConstraints());
        setContent(grid);
        setFitToWidth(true);
        model.lines().addListener((ListChangeListener<SummaryLine>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        int row = 0;
        if (model.lines().isEmpty()) {
            grid.add(new Label("Open a run to see results."), 0, 0);
            return;
        }
        for (SummaryLine l : model.lines()) {
            Label name = new Label(l.label());
            Label value = new Label(l.value());
            value.setId("result-" + l.key());
            value.setStyle("-fx-font-family: monospace;");
            grid.add(name, 0, row);
            grid.add(value, 1, row);
            if (l.hasWarning()) {
                Label w = new Label("⚠ " + l.warning());
                w.setId("warn-" + l.key());
                w.getStyleClass().add("warning-icon");
                w.setTooltip(new Tooltip(l.warning()));
                grid.add(w, 2, row);
            }
            row++;
        }
    }
}
