package org.darkscope.ui.display;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.darkscope.event.RunData;

/** Event navigation controls; the pane wires the actions. Controls carry ids for tests. */
public final class NavigationBar extends FlowPane {
    /** Default play interval: 50 ms = 20 events per second. */
    public static final int DEFAULT_PLAY_INTERVAL_MS = 50;

    final ComboBox<RunData> runBox = new ComboBox<>();
    final Button first = button("|\u25C0", "nav-first", "first event (Home)");
    final Button previous = button("\u25C0", "nav-prev", "previous event (Left)");
    final Button next = button("\u25B6", "nav-next", "next event (Right)");
    final Button last = button("\u25B6|", "nav-last", "last event (End)");
    final TextField jump = new TextField();
    final ToggleButton play = new ToggleButton("play");
    final Spinner<Integer> interval = new Spinner<>(10, 5000, DEFAULT_PLAY_INTERVAL_MS, 10);
    final ComboBox<BrowseFilter> filter = new ComboBox<>();
    final Label position = new Label("no run");
    /** Shows the display options when the pane is narrow (embedded); hidden when they fit beside. */
    final ToggleButton moreOptions = new ToggleButton("options");

    /** Widths at text scale 1 (px); they grow with the projector scale so the values stay readable. */
    private static final double RUN_WIDTH = 170;

    private static final double INTERVAL_WIDTH = 80;
    private static final double FILTER_WIDTH = 210;

    /** Scales the fixed widths with the text (projector scale), so "50" in the play interval is not cut. */
    void setTextScale(double s) {
        runBox.setPrefWidth(RUN_WIDTH * s);
        interval.setPrefWidth(INTERVAL_WIDTH * s);
        filter.setPrefWidth(FILTER_WIDTH * s);
    }

    public NavigationBar() {
        super(6, 4);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 6, 4, 6));
        runBox.setId("nav-run");
        runBox.setPrefWidth(RUN_WIDTH);
        runBox.setTooltip(new Tooltip("loaded runs"));
        jump.setId("nav-jump");
        jump.setPromptText("event or run:event");
        jump.setPrefColumnCount(9);
        jump.setTooltip(new Tooltip("jump to an event number (or run:event), Enter"));
        play.setId("nav-play");
        play.setTooltip(new Tooltip("play / pause (Space)"));
        interval.setId("nav-interval");
        interval.setEditable(true);
        interval.setPrefWidth(INTERVAL_WIDTH);
        interval.setTooltip(new Tooltip("play interval in ms (50 ms = 20 events/s)"));
        filter.setId("nav-filter");
        filter.setPrefWidth(FILTER_WIDTH);
        filter.setTooltip(new Tooltip("browse only these events"));
        position.setId("nav-position");
        moreOptions.setId("nav-options");
        moreOptions.setTooltip(
                new Tooltip(
                        "colour map, scale, cell style, mode, camera, labels, logbook, detach (always shown when wide or detached)"));
        moreOptions.setVisible(false);
        moreOptions.setManaged(false);
        getChildren()
                .addAll(
                        runBox,
                        first,
                        previous,
                        next,
                        last,
                        new Label("go to"),
                        jump,
                        play,
                        interval,
                        new Label("ms"),
                        new Label("browse"),
                        filter,
                        position,
                        moreOptions);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
