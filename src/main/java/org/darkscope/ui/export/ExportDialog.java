package org.darkscope.ui.export;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks which figure to export and at what pixel size (default 3840 x 2160). */
public final class ExportDialog {
    /** Default export size: 4K UHD. */
    public static final int DEFAULT_WIDTH = 3840;

    public static final int DEFAULT_HEIGHT = 2160;

    private ExportDialog() {}

    /** The answer for a figure: its name and the pixel size. */
    public record FigureChoice(String figure, int width, int height) {}

    /** Asks which figure to export and at what size (the format follows the file name: PNG, SVG or PDF). */
    public static Optional<FigureChoice> askFigure(Window owner, java.util.List<String> figures) {
        Dialog<FigureChoice> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export figure");
        d.setHeaderText("Export a figure at publication size (PNG at these pixels; SVG and PDF are vector)");
        ChoiceBox<String> which = new ChoiceBox<>();
        which.getItems().addAll(figures);
        which.getSelectionModel().selectFirst();
        which.setId("exportFigure");
        TextField w = new TextField(Integer.toString(DEFAULT_WIDTH));
        TextField h = new TextField(Integer.toString(DEFAULT_HEIGHT));
        w.setId("exportWidth");
        h.setId("exportHeight");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("figure"), which);
        g.addRow(1, new Label("width [px]"), w);
        g.addRow(2, new Label("height [px]"), h);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            int ww = Integer.parseInt(w.getText().trim());
            int hh = Integer.parseInt(h.getText().trim());
            return new FigureChoice(which.getValue(), ww, hh);
        });
        try {
            return d.showAndWait();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("width and height must be whole numbers of pixels");
        }
    }
}
