package org.darkscope.ui.display;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The teaching tour's controls and text. The pane drives it. */
public final class TourPanel extends VBox {
    final Label step = new Label();
    final Label title = new Label("Teaching tour");
    final Label body = new Label("Press 'start' to walk through five typical events.");
    final ComboBox<Double> mass = new ComboBox<>();
    final Button back = new Button("\u25C0 back");
    final Button next = new Button("start \u25B6");
    final Label status = new Label();
    final ShowerAnimation animation = new ShowerAnimation();

    public TourPanel() {
        super(6);
        setPadding(new Insets(6));
        step.setId("tour-step");
        title.setId("tour-title");
        // em: grows with the projector scale like the text under it
        title.setStyle("-fx-font-size: 1.17em; -fx-font-weight: bold;");
        title.setWrapText(true);
        body.setId("tour-body");
        body.setWrapText(true);
        body.setMaxWidth(480);
        mass.setId("tour-mass");
        mass.setPromptText("m_A' [MeV]");
        back.setId("tour-back");
        next.setId("tour-next");
        status.setId("tour-status");
        status.setWrapText(true);
        // the text is the lesson: wrapped and never cut to "..." (at projector scale it runs long)
        for (Label l : new Label[] {title, body, status}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Label massLabel = new Label("dark photon mass m_A' [MeV]");
        massLabel.setWrapText(true);
        massLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        mass.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox massRow = new HBox(6, massLabel, mass);
        massRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(step, title, body, massRow, new HBox(6, back, next), status, animation);
    }
}
