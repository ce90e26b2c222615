package org.darkscope.ui.display;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keyboard of the event display: navigation (arrows, Home/End, Space) when the display has focus
 * (never while typing in a field; Space never while a button has focus, so tour and other buttons can be
 * pressed with it), Ctrl+S / F12 logbook entry (F12 from anywhere in the window),
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
        } else if (ownsKey(e.getTarget(), e.getCode()) || pane.run() == null || !navigate(e.getCode())) {
            return;
        }
        e.consume();
    }

    /**
     * True if the focused control needs the key itself: text fields every key, a focused button (tour
     * back/next, play, options) or list Space, lists, sliders, combo boxes and tables their arrows. The
     * display (3D view, cell maps) and the side column's labels leave them to navigation.
     */
    static boolean ownsKey(Object target, KeyCode code) {
        if (target instanceof TextInputControl) {
            return true;
        }
        boolean usesArrows = target instanceof ListView
                || target instanceof TableView
                || target instanceof TreeView
                || target instanceof Slider
                || target instanceof ComboBoxBase
                || target instanceof ChoiceBox
                || target instanceof Spinner;
        if (code == KeyCode.SPACE) {
            return usesArrows || target instanceof ButtonBase;
        }
        return usesArrows;
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
