package org.darkscope.ui.cuts;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.darkscope.analysis.Binning;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.DisplayBinning;
import org.darkscope.analysis.Histogram1D;

/**
 * One cut in the panel: an on/off switch with the cut's name and unit, a slider and a numeric field
 * per edge it uses, and its N-1 histogram with the cut lines. Slider moves and typed values go to
 * the view model; {@link #show(Cut)} brings the controls in line with the session without echoing back.
 */
public final class CutRow extends VBox {
    private final String name;
    private final CutsViewModel model;
    private final CheckBox enabled = new CheckBox();
    private final Edge minEdge;
    private final Edge maxEdge;
    private final MiniHistogram hist = new MiniHistogram(230, 42);
    private final Label error;
    private boolean updating;
    private Cut shown;

    /** Slider + field of one edge. */
    private final class Edge {
        final Slider slider = new Slider();
        final TextField field = new TextField();
        final HBox box;

        final boolean lower;
        final String help;
        /** The text last put into the field from the selection. */
        String lastShown = "";

        Edge(String which, Binning range, DoubleConsumer set) {
            lower = which.equals("min");
            help = (lower ? "Lower" : "Upper") + " edge of " + name + "; Enter applies";
            slider.setMin(range.lo());
            slider.setMax(range.hi());
            slider.setBlockIncrement((range.hi() - range.lo()) / 100);
            slider.setId("slider-" + name + "-" + which);
            field.setId("field-" + name + "-" + which);
            field.setPrefColumnCount(6);
            slider.setAccessibleText(name + " " + which);
            HBox.setHgrow(slider, Priority.ALWAYS);
            slider.valueProperty().addListener((o, a, v) -> {
                if (!updating) {
                    double r = round(v.doubleValue(), range);
                    String t = fmt(r);
                    if (!t.equals(field.getText())) {
                        field.setText(t);
                    }
                    set.accept(r);
                }
            });
            // a drag is one undo step
            slider.valueChangingProperty().addListener((o, a, changing) -> {
                if (changing) {
                    model.editor().beginGesture();
                } else {
                    model.editor().endGesture();
                }
            });
            field.setTooltip(new Tooltip(help));
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((o, a, f) -> {
                if (!f) {
                    commit();
                }
            });
            box = new HBox(4, new Label(which), slider, field);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        /** Applies the typed value, or refuses it (red border and message; the selection is unchanged). */
        void commit() {
            if (updating || shown == null) {
                return;
            }
            double current = lower ? shown.min() : shown.max();
            if (FieldError.isShown(field) || !field.getText().trim().equals(fmt(current))) {
                String err = model.typeEdge(name, lower, field.getText());
                if (err != null) {
                    FieldError.show(field, error, (lower ? "min" : "max") + ": " + err);
                    return;
                }
                // the field now shows the applied value: undo/redo may replace it even while focused
                lastShown = fmt(lower ? shown.min() : shown.max());
                field.setText(lastShown);
            }
            clearError();
        }

        void clearError() {
            FieldError.clear(field, error, help);
            Edge other = this == minEdge ? maxEdge : minEdge;
            if (other == null || !FieldError.isShown(other.field)) {
                error.setVisible(false);
                error.setManaged(false);
            }
        }

        void show(double v) {
            if (v < slider.getMin()) {
                slider.setMin(v);
            }
            if (v > slider.getMax()) {
                slider.setMax(v);
            }
            if (!slider.isValueChanging() && slider.getValue() != v) {
                slider.setValue(v);
            }
            String t = fmt(v);
            // a focused field keeps what the user is typing, but follows undo/redo when it shows the applied value
            boolean untouched = !field.isFocused() || field.getText().trim().equals(lastShown);
            if (untouched && !t.equals(field.getText())) {
                field.setText(t);
                FieldError.clear(field, null, help);
            }
            if (untouched) {
                lastShown = t;
            }
        }
    }

    public CutRow(CutsViewModel model, Cut cut) {
        this.model = model;
        this.name = cut.name();
        setId("cut-" + name);
        getStyleClass().add("cut-row");
        setSpacing(2);
        setPadding(new Insets(4, 6, 6, 6));
        Binning range = DisplayBinning.forCut(cut);
        enabled.setId("enable-" + name);
        enabled.setMnemonicParsing(false);
        enabled.setText(name + (cut.unit().isEmpty() ? "" : " [" + cut.unit() + "]"));
        enabled.setTooltip(new Tooltip(tooltipText(cut)));
        error = FieldError.messageLabel("error-" + name);
        enabled.selectedProperty().addListener((o, a, on) -> {
            if (!updating) {
                model.setEnabled(name, on);
            }
        });
        Label kind = new Label(cut.kind().jsonName());
        kind.getStyleClass().add("cut-kind");
        HBox head = new HBox(6, enabled, kind);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(head);
        minEdge = cut.kind().usesMin() ? new Edge("min", range, v -> model.setMin(name, v)) : null;
        maxEdge = cut.kind().usesMax() ? new Edge("max", range, v -> model.setMax(name, v)) : null;
        if (minEdge != null) {
            getChildren().add(minEdge.box);
        }
        if (maxEdge != null) {
            getChildren().add(maxEdge.box);
        }
        getChildren().add(error);
        hist.setId("nminus1-" + name);
        getChildren().add(hist);
        show(cut);
    }

    public String cutName() {
        return name;
    }

    /** Brings the controls to the cut's current state. */
    public void show(Cut cut) {
        updating = true;
        try {
            if (cut.equals(shown)) {
                return;
            }
            shown = cut;
            enabled.setSelected(cut.enabled());
            enabled.getTooltip().setText(tooltipText(cut));
            if (minEdge != null) {
                minEdge.show(cut.min());
                minEdge.slider.setDisable(!cut.enabled());
            }
            if (maxEdge != null) {
                maxEdge.show(cut.max());
                maxEdge.slider.setDisable(!cut.enabled());
            }
            hist.setCutLines(
                    cut.kind().usesMin() ? cut.min() : Double.NaN, cut.kind().usesMax() ? cut.max() : Double.NaN);
            boolean refused = (minEdge != null && FieldError.isShown(minEdge.field))
                    || (maxEdge != null && FieldError.isShown(maxEdge.field));
            if (!refused) {
                error.setVisible(false);
                error.setManaged(false);
            }
        } finally {
            updating = false;
        }
    }

    /** The test and the description, both generated from the current edges. */
    static String tooltipText(Cut cut) {
        return cut.column() + ": " + cut.describeTest() + "\n" + cut.describe();
    }

    /** The field of an edge (tests type into it as the user does). */
    public TextField field(boolean min) {
        return min ? (minEdge == null ? null : minEdge.field) : (maxEdge == null ? null : maxEdge.field);
    }

    /** The red message under the fields ("" and hidden when nothing is refused). */
    public Label errorLabel() {
        return error;
    }

    public void showNMinusOne(Histogram1D h) {
        hist.setHistogram(h);
    }

    public MiniHistogram histogram() {
        return hist;
    }

    public Slider slider(boolean min) {
        return min ? (minEdge == null ? null : minEdge.slider) : (maxEdge == null ? null : maxEdge.slider);
    }

    /** Slider values are rounded to 1/1000 of the slider range so that fields show short numbers. */
    static double round(double v, Binning range) {
        double step = (range.hi() - range.lo()) / 1000;
        double mag = Math.pow(10, Math.floor(Math.log10(step)));
        return Math.round(v / mag) * mag;
    }

    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
