package org.darkscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The DarkScope window (placeholder until the application shell lands). */
public class DarkScopeApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("DarkScope");
        stage.setScene(new Scene(new Label("DarkScope"), 1400, 900));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
