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
        title.setStyle("-fx-font-size: 14px; -fx-font-weight: bold;");
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
        getChildren()
                .addAll(
                        step,
                        title,
                        body,
                        new HBox(6, new Label("dark photon mass m_A' [MeV]"), mass),
                        new HBox(6, back, next),
                        status,
                        animation);
    }
}
