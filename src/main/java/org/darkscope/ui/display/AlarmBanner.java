package org.darkscope.ui.display;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The shift crew's alarm: a red banner above the display (and, if switched on, a chime) when a
 * followed file brings events in or near the signal box; it stays until the crew acknowledges it.
 */
final class AlarmBanner extends HBox {
    final Label text = new Label();
    final Button acknowledge = new Button("acknowledge");
    private final AlarmSound sound = new AlarmSound();
    private boolean soundOn;
    private Consumer<String> onAcknowledged = s -> {};

    AlarmBanner() {
        super(8);
        getChildren().addAll(text, acknowledge);
        setId("alarm-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
        setStyle("-fx-background-color: #c62828;");
        text.setId("alarm-text");
        text.setStyle("-fx-text-fill: white; -fx-font-weight: bold;");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        // the message wraps and gives way; the button keeps its whole word at any scale
        text.setMinWidth(0);
        acknowledge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        acknowledge.setId("alarm-ack");
        acknowledge.setOnAction(e -> acknowledge());
        setVisible(false);
        setManaged(false);
    }

    void setOnAcknowledged(Consumer<String> c) {
        onAcknowledged = c;
    }

    /** Sound with the banner (default off: a control room may not want it). */
    void setSoundOn(boolean on) {
        soundOn = on;
    }

    boolean soundOn() {
        return soundOn;
    }

    AlarmSound sound() {
        return sound;
    }

    /** Shows the banner (and chimes if asked) until acknowledged. */
    void raise(String message) {
        text.setText(message);
        setVisible(true);
        setManaged(true);
        if (soundOn) {
            sound.play();
        }
    }

    void acknowledge() {
        setVisible(false);
        setManaged(false);
        onAcknowledged.accept(text.getText());
    }

    boolean raised() {
        return isVisible();
    }
}
