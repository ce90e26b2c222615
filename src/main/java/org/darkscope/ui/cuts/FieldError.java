package org.darkscope.ui.cuts;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The one way a number field says "refused": a red border on the field, the reason in its tooltip
 * and in a red message label next to it. Used by the cut fields and the box fields of the plane.
 */
public final class FieldError {
    /** Style class of a field holding refused input. */
    public static final String INVALID = "invalid-input";
    /** Inline style of the red border (independent of the stylesheet). */
    public static final String BORDER = "-fx-border-color: red; -fx-border-width: 1.5;";

    private FieldError() {}

    /** A message label, hidden until there is an error. */
    public static Label messageLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error-message");
        l.setStyle("-fx-text-fill: #c00000; -fx-font-size: 0.9em;");
        l.setWrapText(true);
        l.setVisible(false);
        l.setManaged(false);
        return l;
    }

    /** Marks the field refused with {@code message}. */
    public static void show(TextField f, Label messageLabel, String message) {
        f.setStyle(BORDER);
        if (!f.getStyleClass().contains(INVALID)) {
            f.getStyleClass().add(INVALID);
        }
        tooltip(f).setText(message);
        if (messageLabel != null) {
            messageLabel.setText(message);
            messageLabel.setVisible(true);
            messageLabel.setManaged(true);
        }
    }

    /** Clears the mark; the tooltip goes back to {@code help}. */
    public static void clear(TextField f, Label messageLabel, String help) {
        f.setStyle("");
        f.getStyleClass().remove(INVALID);
        tooltip(f).setText(help);
        if (messageLabel != null) {
            messageLabel.setText("");
            messageLabel.setVisible(false);
            messageLabel.setManaged(false);
        }
    }

    /** True if the field is marked refused. */
    public static boolean isShown(TextField f) {
        return f.getStyleClass().contains(INVALID);
    }

    private static Tooltip tooltip(TextField f) {
        if (f.getTooltip() == null) {
            f.setTooltip(new Tooltip());
        }
        return f.getTooltip();
    }
}
