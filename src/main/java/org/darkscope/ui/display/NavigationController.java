package org.darkscope.ui.display;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * Wires the navigation bar to the model: run choice (named by run number and file), first /
 * previous / next / last, go-to, play with its interval, browse list, and the position text.
 */
final class NavigationController {
    private final EventDisplayPane pane;
    private final NavigationBar nav;
    private final ObservableList<RunData> runs = FXCollections.observableArrayList();
    private final Timeline player = new Timeline();
    /** True while the controls are set from the model (their listeners must not act then). */
    private boolean updating;

    NavigationController(EventDisplayPane pane) {
        this.pane = pane;
        this.nav = pane.nav;
        DisplayModel model = pane.model;
        nav.first.setOnAction(e -> model.first());
        nav.previous.setOnAction(e -> model.previous());
        nav.next.setOnAction(e -> model.next());
        nav.last.setOnAction(e -> model.last());
        nav.jump.setOnAction(e -> pane.jump(nav.jump.getText()));
        nav.play.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                startPlaying();
            } else {
                player.stop();
                nav.play.setText("play");
            }
        });
        nav.interval.valueProperty().addListener((o, a, b) -> {
            if (nav.play.isSelected()) {
                startPlaying();
            }
        });
        nav.filter.valueProperty().addListener((o, a, f) -> {
            if (!updating && f != null && f != model.filter()) {
                model.chooseFilter(f);
            }
        });
        nav.runBox.setItems(runs);
        nav.runBox.valueProperty().addListener((o, a, r) -> {
            if (!updating && r != null && r != pane.run()) {
                pane.setRun(r);
            }
        });
        nav.runBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunData r) {
                return r == null ? "" : "run " + r.info().runNumber() + " (" + r.displayName() + ")";
            }

            @Override
            public RunData fromString(String s) {
                return null;
            }
        });
    }

    private void startPlaying() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(nav.interval.getValue()), e -> {
            if (pane.run() != null) {
                pane.model.nextWrapping();
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        player.play();
        nav.play.setText("pause");
    }

    void stopPlaying() {
        if (nav.play.isSelected()) {
            nav.play.setSelected(false);
        }
    }

    /** The shown run changed: the run choice follows. */
    void runChanged(RunData r) {
        updating = true;
        try {
            nav.runBox.setValue(r);
        } finally {
            updating = false;
        }
    }

    /** The loaded runs changed: the run choice lists them. */
    void runsChanged(List<RunData> now) {
        if (!runs.equals(now)) {
            updating = true;
            try {
                runs.setAll(now);
                nav.runBox.setValue(pane.run());
            } finally {
                updating = false;
            }
        }
    }

    void filtersChanged() {
        updating = true;
        try {
            nav.filter.getItems().setAll(pane.model.filters());
            nav.filter.setValue(pane.model.filter());
        } finally {
            updating = false;
        }
        updatePosition();
    }

    /** "event N   k / n" of the browsed list. */
    void updatePosition() {
        RunData r = pane.run();
        if (r == null) {
            nav.position.setText("no run");
            return;
        }
        int e = pane.model.currentEvent();
        EventNavigator n = pane.model.navigator();
        String ev = e < 0 ? "-" : "event " + r.column(Schema.EVENT).getInt(e);
        nav.position.setText(
                n.count() == 0 ? ev + "  (0 browsable)" : ev + "   " + (n.position() + 1) + " / " + n.count());
    }
}
