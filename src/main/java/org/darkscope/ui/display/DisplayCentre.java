package org.darkscope.ui.display;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The 3D view with what is drawn over it: the pick text, the truth label, the colour legend, the
 * SRD/VETO legend, the detector part names and the F1 shortcut list. Takes focus on a click, so
 * navigation keys navigate.
 */
final class DisplayCentre extends StackPane {
    final Label pickLabel = overlay(
            "pick-label", "-fx-background-color: rgba(15,16,22,0.85); -fx-text-fill: white; -fx-padding: 4 8 4 8;");
    final Label truthLabel = overlay("truth-label", "-fx-text-fill: #ff70ff; -fx-padding: 4 8 4 8;");
    final Label help = overlay(
            "shortcuts-help",
            "-fx-background-color: rgba(15,16,22,0.92); -fx-text-fill: white; -fx-padding: 10; -fx-font-family: monospace;");
    final Label counterLegend = overlay(
            "counter-legend",
            "-fx-text-fill: #d8d8e0; -fx-background-color: rgba(15,16,22,0.7); -fx-padding: 3 6 3 6;");
    final PartLabels partLabels;
    private final javafx.scene.layout.FlowPane bottom = new javafx.scene.layout.FlowPane();

    DisplayCentre(DetectorView3D view3d, ColorLegend legend, String shortcuts) {
        partLabels = new PartLabels(view3d);
        // the colour legend and the SRD/VETO legend share the bottom edge: side by side where they fit,
        // one above the other where they do not (projector scale, narrow window), never overlapping
        bottom.getChildren().addAll(legend, counterLegend);
        bottom.setHgap(16);
        bottom.setVgap(6);
        bottom.setAlignment(Pos.BOTTOM_LEFT);
        bottom.setPadding(new Insets(8));
        bottom.setMouseTransparent(true);
        bottom.setPickOnBounds(false);
        bottom.prefWrapLengthProperty().bind(widthProperty().subtract(16));
        bottom.setMinSize(0, 0);
        getChildren().addAll(view3d, partLabels, pickLabel, truthLabel, bottom, help);
        help.setText(shortcuts);
        help.setVisible(false);
        counterLegend.setText("SRD: yellow = hit in the e\u207B window (1-80 MeV), outline = no hit\n"
                + "VETO: orange = hit (> 0.5 MIP), violet outline = no hit\n"
                + "magenta pin: truth interaction point;  cyan line: beam track");
        pickLabel.setVisible(false);
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            // software pipeline: the 3D scene would stay blank; say why (the cell maps still work)
            Label no3d = new Label("3D view unavailable: JavaFX runs without a 3D pipeline here.\n"
                    + "Start with -Dprism.forceGPU=true (the launcher and mvn javafx:run do), or use the cell maps.");
            no3d.setId("no-3d");
            no3d.setWrapText(true);
            no3d.setStyle("-fx-text-fill: #e4e6ee; -fx-padding: 12;");
            getChildren().add(1, no3d);
        }
        StackPane.setAlignment(pickLabel, Pos.TOP_LEFT);
        StackPane.setAlignment(truthLabel, Pos.TOP_RIGHT);
        StackPane.setAlignment(bottom, Pos.BOTTOM_LEFT);
        setMinSize(200, 150);
        setFocusTraversable(true);
        setId("display-centre");
        setOnMouseClicked(e -> requestFocus());
    }

    private static Label overlay(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.setStyle(style);
        l.setMouseTransparent(true);
        return l;
    }
}
