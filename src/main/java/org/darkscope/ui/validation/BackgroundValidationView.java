package org.darkscope.ui.validation;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * "Validate background": runs the coverage study of {@code validate-background} on the session's
 * selection (pseudo-experiments simulated with different seeds, every background method applied) with
 * progress and cancel, and shows per method the bias, the pull mean and width and the coverage. The
 * state lives in {@link BackgroundValidationViewModel}.
 */
public final class BackgroundValidationView extends BorderPane {
    private final BackgroundValidationViewModel model;
    private final TextField experiments = new TextField();
    private final TextField events = new TextField();
    private final TextField mcEvents = new TextField();
    private final TextField seed = new TextField();
    private final Button run = new Button("_Validate background");
    private final Button cancel = new Button("_Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final Label command = new Label();
    private final TableView<BackgroundValidationViewModel.Row> table = new TableView<>();

    /** A view of the given view model, which alone reads the session and runs the study. */
    public BackgroundValidationView(BackgroundValidationViewModel model) {
        this.model = model;
        setId("backgroundValidation");
        experiments.setId("validationExperiments");
        events.setId("validationEvents");
        mcEvents.setId("validationMcEvents");
        seed.setId("validationSeed");
        run.setId("validateBackground");
        cancel.setId("cancelValidation");
        progress.setId("validationProgress");
        message.setId("validationMessage");
        command.setId("validationCommand");
        table.setId("validationTable");
        experiments.setText(model.experiments());
        events.setText(model.events());
        mcEvents.setText(model.mcEvents());
        seed.setText(model.seed());
        for (TextField f : new TextField[] {experiments, events, mcEvents, seed}) {
            f.setPrefColumnCount(6);
        }
        experiments.setTooltip(new Tooltip("pseudo-experiments (the target needs at least 50)"));
        events.setTooltip(new Tooltip("physics events per pseudo-experiment (at physical rates)"));
        mcEvents.setTooltip(new Tooltip("events of the weighted background-mc simulation per experiment"));
        run.setOnAction(e -> {
            model.setExperiments(experiments.getText());
            model.setEvents(events.getText());
            model.setMcEvents(mcEvents.getText());
            model.setSeed(seed.getText());
            model.start();
        });
        run.setDefaultButton(true);
        cancel.setOnAction(e -> model.cancel());
        progress.setPrefWidth(200);
        FlowPane bar = new FlowPane(
                8,
                4,
                new Label("experiments"),
                experiments,
                new Label("events"),
                events,
                new Label("MC events"),
                mcEvents,
                new Label("seed"),
                seed,
                run,
                cancel,
                progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        message.setWrapText(true);
        VBox top = new VBox(4, bar, message, command);
        top.setPadding(new Insets(4));
        setTop(top);
        table.getColumns().add(column("method", BackgroundValidationViewModel.Row::method, 130));
        table.getColumns().add(column("used", BackgroundValidationViewModel.Row::used, 70));
        table.getColumns().add(column("mean bias", BackgroundValidationViewModel.Row::bias, 170));
        table.getColumns().add(column("pull mean", BackgroundValidationViewModel.Row::pullMean, 80));
        table.getColumns().add(column("pull width", BackgroundValidationViewModel.Row::pullWidth, 80));
        table.getColumns().add(column("coverage ±1σ", BackgroundValidationViewModel.Row::coverage, 115));
        table.getColumns().add(column("target", BackgroundValidationViewModel.Row::target, 70));
        table.setPlaceholder(
                new Label("press Validate background: pseudo-experiments are simulated with the current selection"));
        setCenter(table);
        model.addListener(this::refresh);
        refresh();
    }

    public BackgroundValidationViewModel model() {
        return model;
    }

    private static TableColumn<BackgroundValidationViewModel.Row, String> column(
            String name, Function<BackgroundValidationViewModel.Row, String> f, double width) {
        TableColumn<BackgroundValidationViewModel.Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void refresh() {
        run.setDisable(model.running());
        cancel.setDisable(!model.running());
        progress.setProgress(model.running() ? model.fraction() : model.rows().isEmpty() ? 0 : 1);
        message.setText(model.message());
        command.setText(model.command().isEmpty() ? "" : "same numbers: " + model.command());
        table.getItems().setAll(model.rows());
    }
}
