package org.darkscope.ui.display;

import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard of the event display: navigation (arrows, Home/End, Space) when the display has focus
 * (never while typing in a field), Ctrl+S / F12 logbook entry (F12 from anywhere in the window),
 * Ctrl+= / Ctrl+- text scale, F1 shortcut list, F11 own full-screen window.
 */
final class DisplayKeys {
    private final EventDisplayPane pane;

    DisplayKeys(EventDisplayPane pane) {
        this.pane = pane;
    }

    /** F12 anywhere in the window: a logbook entry (a scene filter). */
    void onWindowKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F12 && !e.isConsumed()) {
            pane.saveToLogbook();
            e.consume();
        }
    }

    /** Keys reaching the display (a filter on the pane and on its detached window). */
    void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.S && e.isShortcutDown() || e.getCode() == KeyCode.F12 && pane.isDetached()) {
            pane.saveToLogbook();
        } else if (e.isShortcutDown()
                && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            pane.setPresentationScale(pane.presentationScale() * EventDisplayPane.SCALE_STEP);
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            pane.setPresentationScale(pane.presentationScale() / EventDisplayPane.SCALE_STEP);
        } else if (e.getCode() == KeyCode.F1) {
            pane.help.setVisible(!pane.help.isVisible());
        } else if (e.getCode() == KeyCode.F11) {
            pane.toggleDetached();
        } else if (e.getTarget() instanceof TextInputControl || pane.run() == null || !navigate(e.getCode())) {
            return;
        }
        e.consume();
    }

    private boolean navigate(KeyCode code) {
        DisplayModel m = pane.model;
        switch (code) {
            case LEFT -> m.previous();
            case RIGHT -> m.next();
            case HOME -> m.first();
            case END -> m.last();
            case SPACE -> pane.nav.play.setSelected(!pane.nav.play.isSelected());
            default -> {
                return false;
            }
        }
        return true;
    }
}
