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
        // a new width re-wraps the text: the tab pane and the scrolling column must measure again
        widthProperty().addListener((o, a, w) -> requestLayout());
    }

    /**
     * The height of the wrapped text at the width the panel has once laid out. The tab pane asks without
     * a width, or at the panel's preferred width (wider than the column at projector scale), which
     * measures the text too short: the column then scrolled only to the middle of a long step, the
     * 'next' button out of reach.
     */
    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(getWidth() > 0 ? getWidth() : width);
    }

    private boolean remeasure;
    private double lastRemeasure = Double.NaN;

    /**
     * If the tab pane gave less height than the wrapped text needs at the width the panel got, its
     * ancestors measured before that width was known and keep it in their size caches: each is asked
     * to measure again after this layout pass (a request during it does not reach them).
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        javafx.scene.Parent p = getParent();
        if (!(p instanceof javafx.scene.layout.Region r) || remeasure) {
            return;
        }
        double need = computePrefHeight(getWidth());
        // once per width and text height: where the parent cannot grow, no endless re-layout
        double key = need * 100_003 + getWidth();
        if (r.getHeight() < need - 1 && key != lastRemeasure) {
            lastRemeasure = key;
            remeasure = true;
            javafx.application.Platform.runLater(() -> {
                for (javafx.scene.Parent a = this; a != null; a = a.getParent()) {
                    a.requestLayout();
                }
                remeasure = false;
            });
        }
    }

    @Override
    protected double computeMinHeight(double width) {
        return super.computeMinHeight(getWidth() > 0 ? getWidth() : width);
    }
}
