package org.darkscope.ui.display;

import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Presentation mode of the event display: text and marker scale for a projector (Ctrl+= / Ctrl+-,
 * remembered), and the display (3D view and side column) detached into its own full-screen window
 * (F11, or the 'detach' button; again to put it back).
 */
final class Presentation {
    static final String SCALE_KEY = "presentationScale";

    private final EventDisplayPane pane;
    private Preferences prefs;
    private double scale = 1;
    private Stage detached;
    private SplitPane stacked;
    private Boolean sideBySide;

    /**
     * Share of the narrow (embedded) display's height that the 3D view gets above the cell maps until
     * the split has a height; then the default leaves the cell maps (fitted to one row, numbers shown)
     * their full height ({@link #fitDivider}); the divider can be dragged anywhere.
     */
    static final double STACKED_3D_SHARE = 0.6;

    /** The 3D view keeps at least this share of the narrow split by default (the cell maps scroll). */
    static final double MIN_DEFAULT_3D_SHARE = 0.45;

    /** The narrow display's divider (kept in the session's view state). */
    private double stackedShare = STACKED_3D_SHARE;
    /** True once the user dragged the divider or a session set it: the default no longer moves it. */
    private boolean shareChosen;

    /** The divider the default fitting set last. */
    private double fittedShare = Double.NaN;

    /** View settings for the session: the narrow display's divider and whether its options are open. */
    java.util.Map<String, String> viewState() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(SPLIT_STATE, String.format(Locale.ROOT, "%.4f", stackedShare));
        m.put(OPTIONS_STATE, Boolean.toString(pane.nav.moreOptions.isSelected()));
        return m;
    }

    void applyViewState(java.util.Map<String, String> m) {
        // the options first: opening them changes the split's height, the divider is set after
        if (m.containsKey(OPTIONS_STATE)) {
            pane.nav.moreOptions.setSelected(Boolean.parseBoolean(m.get(OPTIONS_STATE)));
        }
        try {
            if (m.containsKey(SPLIT_STATE)) {
                double v = Double.parseDouble(m.get(SPLIT_STATE));
                if (v > 0 && v < 1) {
                    stackedShare = v;
                    shareChosen = true;
                    if (stacked != null && !stacked.getDividers().isEmpty()) {
                        stacked.setDividerPositions(v);
                    }
                }
            }
        } catch (NumberFormatException e) {
            // keep the current divider
        }
    }

    static final String SPLIT_STATE = "display.split";
    static final String OPTIONS_STATE = "display.options";

    Presentation(EventDisplayPane pane) {
        this.pane = pane;
        applyStyle();
        pane.nav.moreOptions.selectedProperty().addListener((o, a, b) -> showOptions());
    }

    private boolean fitting;

    private boolean narrow() {
        return detached == null && Boolean.FALSE.equals(sideBySide);
    }

    private void fitCells() {
        if (!fitting) {
            // narrow: the cell maps fit the column's width in one row, so their numbers are readable
            fitting = true;
            pane.sideColumn().widthProperty().addListener((o, a, w) -> fitCells());
            pane.cellMap.heightProperty().addListener((o, a, h) -> fitDivider());
        }
        // the vertical scroll bar's room is kept free
        double w = narrow() ? pane.sideColumn().getWidth() - 16 : 0;
        if (pane.cellMap.setFitWidth(w)) {
            pane.markDirty();
        }
        fitDivider();
    }

    /**
     * The narrow split's default divider: the cell maps get the height of their row (numbers shown), the
     * 3D view the rest but at least {@link #MIN_DEFAULT_3D_SHARE}; untouched once the user moved it.
     */
    private void fitDivider() {
        if (!narrow() || stacked == null || shareChosen || stacked.getDividers().isEmpty()) {
            return;
        }
        double h = stacked.getHeight();
        if (h <= 0) {
            return;
        }
        double maps = Math.max(
                        pane.cellMap.getHeight(),
                        pane.cellMap.prefHeight(Math.max(1, pane.sideColumn().getWidth() - 16)))
                + 4;
        double share = Math.max(MIN_DEFAULT_3D_SHARE, Math.min(0.9, 1 - maps / h));
        fittedShare = share;
        stackedShare = share;
        stacked.setDividerPositions(share);
    }

    /**
     * Narrow: the option bar folds behind the 'options' toggle of the navigation bar, so the bars
     * take two rows instead of five and the height goes to the 3D view; wide or detached: always shown.
     */
    private void compact(boolean narrow) {
        pane.nav.moreOptions.setVisible(narrow);
        pane.nav.moreOptions.setManaged(narrow);
        compactBars = narrow;
        showOptions();
    }

    private boolean compactBars;

    private void showOptions() {
        boolean shown = !compactBars || pane.nav.moreOptions.isSelected();
        pane.options.setVisible(shown);
        pane.options.setManaged(shown);
    }

    void setPreferences(Preferences p) {
        prefs = p;
        if (p != null) {
            apply(p.getDouble(SCALE_KEY, 1));
        }
    }

    double scale() {
        return scale;
    }

    /** Sets (and remembers) the scale, bounded to [MIN_SCALE, MAX_SCALE]. */
    void setScale(double s) {
        double v = apply(s);
        if (prefs != null) {
            prefs.putDouble(SCALE_KEY, v);
        }
        pane.setStatus(String.format(Locale.ROOT, "text scale %.0f %% (Ctrl+= / Ctrl+-)", 100 * v));
    }

    private double apply(double s) {
        double v = Math.max(EventDisplayPane.MIN_SCALE, Math.min(EventDisplayPane.MAX_SCALE, s));
        scale = v;
        applyStyle();
        pane.cellMap.setTextScale(v);
        pane.legend.setTextScale(v);
        pane.nav.setTextScale(v);
        pane.markDirty();
        return v;
    }

    /** The dark style, with the text size of the scale (text colours set here: modena resolves them at the root). */
    String style() {
        return "-fx-base: #353846; -fx-background: #262833; -fx-background-color: #262833; -fx-control-inner-background: #1d1f27; -fx-accent: #5a7bd8;"
                + " -fx-text-background-color: #e4e6ee; -fx-text-base-color: #e4e6ee; -fx-text-inner-color: #f0f1f5;"
                // a selected row of a list without focus (an alert clicked, then the display used):
                // modena's light grey bar under the light text would make the row unreadable
                + " -fx-selection-bar-non-focused: #3d4a6b;"
                + String.format(Locale.ROOT, " -fx-font-size: %.1fpx;", 12 * scale);
    }

    private void applyStyle() {
        pane.setStyle(style());
        if (detached != null) {
            detached.getScene().getRoot().setStyle(style());
        }
    }

    boolean isDetached() {
        return detached != null;
    }

    /** Wide: cell maps and tabs beside the 3D view; narrow (embedded in the workbench): below it. */
    void arrange(double width) {
        if (detached != null) {
            return;
        }
        boolean wide = width <= 0 || width >= EventDisplayPane.SIDE_BY_SIDE_MIN_WIDTH;
        if (sideBySide != null && sideBySide == wide) {
            return;
        }
        sideBySide = wide;
        compact(!wide);
        if (stacked != null) {
            stacked.getItems().clear();
        }
        pane.setRight(null);
        pane.setCenter(null);
        if (wide) {
            pane.setCenter(pane.centre());
            pane.setRight(pane.sideColumn());
        } else {
            // the divider free over (nearly) the whole height: neither part's minimum holds it
            ((javafx.scene.layout.Region) pane.centre()).setMinHeight(40);
            pane.sideColumn().setMinHeight(0);
            stacked = new SplitPane(pane.centre(), pane.sideColumn());
            stacked.setOrientation(javafx.geometry.Orientation.VERTICAL);
            stacked.setDividerPositions(stackedShare);
            stacked.getDividers().get(0).positionProperty().addListener((o, a, v) -> stackedShare = v.doubleValue());
            // a drag of the divider (not the default fitting nor the split's own adjustments) is the user's choice
            stacked.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
                if (Math.abs(stackedShare - fittedShare) > 1e-3) {
                    shareChosen = true;
                }
            });
            stacked.heightProperty().addListener((o, a, v) -> fitDivider());
            pane.setCenter(stacked);
        }
        fitCells();
    }

    /** The window of the detached display, or null. */
    Stage detachedStage() {
        return detached;
    }

    /** Moves the display into its own full-screen window, or back into the pane. */
    void toggleDetached() {
        if (detached != null) {
            detached.close();
            return;
        }
        pane.setCenter(null);
        pane.setRight(null);
        if (stacked != null) {
            stacked.getItems().clear();
        }
        compact(false);
        SplitPane split = new SplitPane(pane.centre(), pane.sideColumn());
        split.setDividerPositions(0.7);
        Label placeholder = new Label("The event display is in its own window (F11 or 'attach' brings it back).");
        placeholder.setId("detached-placeholder");
        placeholder.setWrapText(true);
        pane.setCenter(placeholder);
        Stage st = new Stage();
        st.setTitle("DarkScope event display");
        BorderPane root = new BorderPane(split);
        // the controls go along: navigation, options and the alarm banner work in full screen too
        pane.setTop(null);
        root.setTop(pane.topBox());
        root.setId("detached-display");
        root.setStyle(style());
        root.getStylesheets().setAll(pane.getStylesheets());
        root.addEventFilter(KeyEvent.KEY_PRESSED, pane.keys()::onKey);
        // the whole screen even where the window manager ignores full-screen requests
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        st.setScene(new Scene(root, screen.getWidth(), screen.getHeight()));
        st.setX(screen.getMinX());
        st.setY(screen.getMinY());
        st.setFullScreenExitHint("Esc leaves full screen; F11 puts the display back into the window");
        detached = st;
        pane.options.detach.setText("attach");
        st.setOnHidden(e -> {
            split.getItems().clear();
            root.setTop(null);
            detached = null;
            pane.options.detach.setText("detach");
            pane.setTop(pane.topBox());
            sideBySide = null;
            pane.setCenter(null);
            arrange(pane.getWidth());
            pane.markDirty();
        });
        st.show();
        st.setFullScreen(true);
        pane.markDirty();
    }
}
