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

    private final java.util.List<String> shownKeys = new java.util.ArrayList<>();
    private final java.util.Map<String, Label[]> labels = new java.util.HashMap<>();

    /**
     * Updates the texts in place when the same lines are shown (the usual case while a slider moves);
     * builds new nodes only when the set of lines changes, so a result costs no CSS pass of new nodes.
     */
    private void rebuild() {
        java.util.List<String> keys = model.lines().stream().map(SummaryLine::key).toList();
        if (!keys.equals(shownKeys)) {
            build();
            return;
        }
        for (SummaryLine l : model.lines()) {
            Label[] ls = labels.get(l.key());
            set(ls[0], l.label());
            set(ls[1], l.value());
            set(ls[2], l.hasWarning() ? "⚠ " + l.warning() : "");
            ls[2].setVisible(l.hasWarning());
            if (l.hasWarning() && (ls[2].getTooltip() == null || !ls[2].getTooltip().getText().equals(l.warning()))) {
                ls[2].setTooltip(new Tooltip(l.warning()));
            }
        }
    }

    private static void set(Label l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    private void build() {
        grid.getChildren().clear();
        labels.clear();
        shownKeys.clear();
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
            Label w = new Label(l.hasWarning() ? "⚠ " + l.warning() : "");
            w.setId("warn-" + l.key());
            w.getStyleClass().add("warning-icon");
            w.setVisible(l.hasWarning());
            if (l.hasWarning()) {
                w.setTooltip(new Tooltip(l.warning()));
            }
            grid.addRow(row++, name, value, w);
            labels.put(l.key(), new Label[]{name, value, w});
            shownKeys.add(l.key());
        }
    }
}
