package org.darkscope.ui.results;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.session.report.SummaryLine;

/**
 * The results summary: one line per number, with a warning icon and its explanation where a method is
 * unreliable. Above the numbers, the analysis definition the limits follow: background method, limit
 * method and confidence level (stored in the session; {@code analyse --session} uses the same).
 */
public final class ResultsPanel extends ScrollPane {
    /** Confidence levels offered (a session with another one adds it). */
    static final java.util.List<Double> LEVELS = java.util.List.of(0.6827, 0.9, 0.95, 0.99);

    private final GridPane grid = new GridPane();
    private final ResultsViewModel model;
    private final ComboBox<BackgroundChoice> background = new ComboBox<>();
    private final ComboBox<LimitMethod> limitMethod = new ComboBox<>();
    private final ComboBox<Double> cl = new ComboBox<>();
    private boolean updating;

    public ResultsPanel(ResultsViewModel model) {
        this.model = model;
        setId("resultsPanel");
        grid.setHgap(12);
        grid.setVgap(3);
        grid.setPadding(new Insets(6));
        ColumnConstraints c0 = new ColumnConstraints();
        // as wide as the longest label: a fixed minimum let a long label run into the value column
        // when the grid was squeezed to the window's width
        c0.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(c0, new ColumnConstraints(), new ColumnConstraints());
        setContent(new VBox(4, definitionBar(), grid));
        setFitToWidth(true);
        model.lines().addListener((ListChangeListener<SummaryLine>) c -> rebuild());
        rebuild();
    }

    /** The controls of the analysis definition, kept in step with the session (through the view model). */
    private HBox definitionBar() {
        background.setId("backgroundMethod");
        background.getItems().setAll(BackgroundChoice.values());
        background.setConverter(converter(AnalysisDefinition::name));
        limitMethod.setId("limitMethod");
        limitMethod.getItems().setAll(LimitMethod.values());
        limitMethod.setConverter(converter(LimitMethod::cliName));
        cl.setId("confidenceLevel");
        cl.setConverter(converter(c -> AnalysisDefinition.percent(c) + " %"));
        show(model.definitionProperty().get());
        background.valueProperty().addListener((o, a, b) -> edit(d -> d.withBackground(b), b));
        limitMethod.valueProperty().addListener((o, a, m) -> edit(d -> d.withLimitMethod(m), m));
        cl.valueProperty().addListener((o, a, c) -> edit(d -> d.withCl(c), c));
        model.definitionProperty().addListener((o, a, d) -> show(d));
        HBox bar = new HBox(
                8, new Label("Limits: background"), background, new Label("method"), limitMethod, new Label("CL"), cl);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 6, 0, 6));
        return bar;
    }

    private <T> void edit(java.util.function.UnaryOperator<AnalysisDefinition> f, T value) {
        if (!updating && value != null) {
            model.editDefinition(f);
        }
    }

    private void show(AnalysisDefinition d) {
        updating = true;
        try {
            java.util.List<Double> levels = new java.util.ArrayList<>(LEVELS);
            if (!levels.contains(d.cl())) {
                levels.add(d.cl());
                levels.sort(null);
            }
            if (!cl.getItems().equals(levels)) {
                cl.getItems().setAll(levels);
            }
            background.setValue(d.background());
            limitMethod.setValue(d.limitMethod());
            cl.setValue(d.cl());
        } finally {
            updating = false;
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null; // not editable
            }
        };
    }

    private final java.util.List<String> shownKeys = new java.util.ArrayList<>();
    private final java.util.Map<String, Label[]> labels = new java.util.HashMap<>();

    /**
     * Updates the texts in place when the same lines are shown (the usual case while a slider moves);
     * builds new nodes only when the set of lines changes, so a result costs no CSS pass of new nodes.
     */
    private void rebuild() {
        java.util.List<String> keys =
                model.lines().stream().map(SummaryLine::key).toList();
        if (!keys.equals(shownKeys)) {
            build();
            return;
        }
        for (SummaryLine l : model.lines()) {
            Label[] ls = labels.get(l.key());
            set(ls[0], l.label());
            if (!ls[0].getTooltip().getText().equals(l.label())) {
                ls[0].getTooltip().setText(l.label());
            }
            set(ls[1], l.value());
            set(ls[2], l.hasWarning() ? "⚠ " + l.warning() : "");
            ls[2].setVisible(l.hasWarning());
            if (l.hasWarning()
                    && (ls[2].getTooltip() == null
                            || !ls[2].getTooltip().getText().equals(l.warning()))) {
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
            name.setId("label-" + l.key());
            // the label column is as wide as its longest text (the warning column gives way); the
            // full text is on hover too, for a window narrower than that
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(l.label()));
            Label value = new Label(l.value());
            value.setId("result-" + l.key());
            value.setStyle("-fx-font-family: monospace;");
            // a number is never cut to "...": the warning column gives way instead (its text is in the tooltip)
            value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label w = new Label(l.hasWarning() ? "⚠ " + l.warning() : "");
            w.setId("warn-" + l.key());
            w.getStyleClass().add("warning-icon");
            w.setVisible(l.hasWarning());
            if (l.hasWarning()) {
                w.setTooltip(new Tooltip(l.warning()));
            }
            grid.addRow(row++, name, value, w);
            labels.put(l.key(), new Label[] {name, value, w});
            shownKeys.add(l.key());
        }
    }
}
