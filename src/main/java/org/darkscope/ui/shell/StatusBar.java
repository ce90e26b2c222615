package org.darkscope.ui.shell;

import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Bottom line of the window: a message, and while a task runs its progress bar and a Cancel button. */
public final class StatusBar extends HBox {
    private final Label message = new Label("Ready");
    private final Label taskMessage = new Label();
    private final ProgressBar bar = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");

    public StatusBar() {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(2, 8, 2, 8));
        message.setId("statusMessage");
        bar.setId("loadProgress");
        cancel.setId("cancelTask");
        bar.setPrefWidth(200);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(message, grow, taskMessage, bar, cancel);
        showTask(null);
    }

    public void setMessage(String text) {
        message.setText(text);
    }

    public String getMessage() {
        return message.getText();
    }

    /** Shows the task's progress until it ends; null hides the progress part. */
    public void showTask(Worker<?> task) {
        boolean on = task != null;
        bar.setVisible(on);
        bar.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
        taskMessage.setVisible(on);
        taskMessage.setManaged(on);
        bar.progressProperty().unbind();
        taskMessage.textProperty().unbind();
        if (on) {
            bar.progressProperty().bind(task.progressProperty());
            taskMessage.textProperty().bind(task.messageProperty());
            cancel.setOnAction(e -> task.cancel());
        }
    }
}
