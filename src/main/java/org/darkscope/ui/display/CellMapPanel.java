package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;

/**
 * 2D heat maps of the calorimeter layers (ECAL preshower and main, each HCAL module) with the
 * value written in every cell, seen from upstream (row 0 at the bottom, column 0 on the left). Built
 * once per geometry; updates only change texts and backgrounds from a cached palette. Hovering a
 * cell reports its global index so the 3D view can highlight it, and vice versa.
 */
public final class CellMapPanel extends FlowPane {
    private static final double ECAL_CELL_PX = 34;
    private static final double HCAL_CELL_PX = 40;
    private static final Border NORMAL = new Border(
            new BorderStroke(Color.rgb(60, 60, 70), BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(0.5)));
    private static final Border HIGHLIGHT = new Border(
            new BorderStroke(Color.WHITE, BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(2.5)));
    private static final Background EMPTY =
            new Background(new BackgroundFill(Color.rgb(40, 42, 50), CornerRadii.EMPTY, Insets.EMPTY));

    private Label[] cellLabels = new Label[0];
    /**
     * Text colour of each cell number as an inline style (0 empty: grey, 1 light, 2 dark), so that no
     * stylesheet's label rule (the dark theme colours every label light) can turn black-on-yellow into
     * white-on-yellow, embedded or detached; set only when it changes.
     */
    private byte[] fillState = new byte[0];

    private String cellFont = "";
    private static final String[] CELL_FILLS = {
        " -fx-text-fill: #8c8c8c;", " -fx-text-fill: white;", " -fx-text-fill: black;"
    };

    private void setFill(int i, int state) {
        if (fillState[i] != state) {
            fillState[i] = (byte) state;
            cellLabels[i].setStyle(cellFont + CELL_FILLS[state]);
        }
    }

    private final List<Label> layerTitles = new ArrayList<>();
    private List<CellLayer> layers = List.of();
    private Background[] palette = new Background[0];
    private Color[] textColours = new Color[0];
    private int highlighted = -1;
    private double textScale = 1;
    /** Cell numbers are written at this size (px) at scale 1. */
    public static final double CELL_FONT_PX = 10;

    private IntConsumer onHover = i -> {};
    private IntConsumer onClick = i -> {};

    public CellMapPanel() {
        setHgap(10);
        setVgap(8);
        setPadding(new Insets(6));
        setPrefWrapLength(520);
        setStyle("-fx-background-color: #1d1f27;");
        // a click on the maps gives the display the keyboard (arrows, Space navigate), as on the 3D view
        setFocusTraversable(true);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    public void setOnCellHover(IntConsumer c) {
        onHover = c;
    }

    public void setOnCellClick(IntConsumer c) {
        onClick = c;
    }

    public void setColorMap(ColorMap map) {
        palette = new Background[map.levels()];
        textColours = new Color[map.levels()];
        for (int i = 0; i < palette.length; i++) {
            Color c = map.color(i);
            palette[i] = new Background(new BackgroundFill(c, CornerRadii.EMPTY, Insets.EMPTY));
            double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            textColours[i] = lum > 0.5 ? Color.BLACK : Color.WHITE;
        }
    }

    /** Scales cells and their numbers for a projector (1 = normal); rebuilds the grids. */
    public void setTextScale(double s) {
        if (s == textScale) {
            return;
        }
        textScale = s;
        fitPx = fittedCellPx();
        if (detector != null) {
            setDetector(detector);
        }
    }

    public double textScale() {
        return textScale;
    }

    private Detector detector;

    /**
     * Smallest cell width (px at scale 1) when cells are fitted to a width: a number such as "43.94" at
     * {@link #CELL_FONT_PX} px still fits in it.
     */
    public static final double MIN_FIT_CELL_PX = 32;
    /** Cell height over width: natural, and fitted (flatter, the numbers still fit). */
    private static final double ASPECT = 0.72;

    private static final double FIT_ASPECT = 0.6;

    private double fitWidth;
    private double fitPx;

    /**
     * Narrow (embedded) display: cells sized so that every layer fits in one row of this width (px), down
     * to {@link #MIN_FIT_CELL_PX} (then the layers wrap); 0 for the natural sizes. Rebuilds the grids if
     * the cell size changes and returns true then (the values must be shown again).
     */
    public boolean setFitWidth(double w) {
        fitWidth = Math.max(0, w);
        double px = fittedCellPx();
        if (Math.abs(px - fitPx) < 1) {
            return false;
        }
        fitPx = px;
        if (detector != null) {
            setDetector(detector);
        }
        return true;
    }

    /** The fitted cell width (px, scale included), or 0 for the natural sizes. */
    private double fittedCellPx() {
        if (fitWidth <= 0 || detector == null) {
            return 0;
        }
        // the ECAL layers side by side, the small (HCAL) layers two by two beside them
        List<CellLayer> ls = detector.calorimeterLayers();
        int columns = 0;
        int small = 0;
        for (CellLayer l : ls) {
            if (l.nx() > 3) {
                columns += l.nx();
            } else {
                small = Math.max(small, l.nx());
            }
        }
        columns += 2 * small;
        int blocks = (int) ls.stream().filter(l -> l.nx() > 3).count() + (small > 0 ? 1 : 0);
        Insets in = getPadding();
        double free = fitWidth - in.getLeft() - in.getRight() - getHgap() * (blocks - 1 + (small > 0 ? 1 : 0)) - 2;
        double px = Math.floor(free / Math.max(1, columns));
        return Math.max(MIN_FIT_CELL_PX * textScale, Math.min(ECAL_CELL_PX * textScale, px));
    }

    /** Cell width of a layer (px). */
    private double cellPx(CellLayer l) {
        double natural = (l.nx() > 3 ? ECAL_CELL_PX : HCAL_CELL_PX) * textScale;
        return fitPx > 0 ? Math.min(natural, fitPx) : natural;
    }

    /** Builds one grid per calorimeter layer of the detector. */
    public void setDetector(Detector d) {
        boolean first = detector == null;
        detector = d;
        if (first && fitWidth > 0) {
            fitPx = fittedCellPx();
        }
        detector = d;
        getChildren().clear();
        layerTitles.clear();
        layers = d.calorimeterLayers();
        // fitted: the small layers two by two in one block, so every layer is in one row
        FlowPane smallGroup = null;
        if (fitPx > 0) {
            smallGroup = new FlowPane(getHgap(), getVgap());
            smallGroup.setPrefWrapLength(2 * 3 * Math.min(fitPx, HCAL_CELL_PX * textScale) + getHgap());
        }
        cellLabels = new Label[d.cellCount()];
        fillState = new byte[d.cellCount()];
        for (CellLayer l : layers) {
            double px = cellPx(l);
            double aspect = fitPx > 0 ? FIT_ASPECT : ASPECT;
            GridPane grid = new GridPane();
            for (Cell c : l.cells()) {
                Label lab = new Label();
                lab.setId("map-" + c.name());
                lab.setMinSize(px, px * aspect);
                lab.setPrefSize(px, px * aspect);
                lab.setMaxSize(px, px * aspect);
                lab.setAlignment(Pos.CENTER);
                cellFont = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", CELL_FONT_PX * textScale);
                lab.setStyle(cellFont + CELL_FILLS[0]);
                lab.setBorder(NORMAL);
                lab.setBackground(EMPTY);
                int idx = c.index();
                lab.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> onHover.accept(idx));
                lab.addEventHandler(MouseEvent.MOUSE_EXITED, e -> onHover.accept(-1));
                lab.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> onClick.accept(idx));
                grid.add(lab, c.col(), l.ny() - 1 - c.row());
                cellLabels[idx] = lab;
            }
            Label title = new Label(l.prefix());
            title.setId("maptitle-" + l.prefix());
            title.setStyle(String.format(
                    java.util.Locale.ROOT, "-fx-text-fill: #d0d0d8; -fx-font-size: %.1fpx;", 12 * textScale));
            layerTitles.add(title);
            VBox box = new VBox(2, title, grid);
            if (smallGroup != null && l.nx() <= 3) {
                smallGroup.getChildren().add(box);
            } else {
                getChildren().add(box);
            }
        }
        if (smallGroup != null && !smallGroup.getChildren().isEmpty()) {
            getChildren().add(smallGroup);
        }
    }

    /**
     * Shows values: {@code units[i]} is the colour-map position (negative = empty), {@code values[i]}
     * the number written in the cell, {@code format} its format (e.g. "%.2f"); {@code sums} adds each
     * layer's sum to its title (meaningful for energies, not for occupancies).
     */
    public void apply(double[] units, float[] values, String format, String unitName, boolean sums) {
        int top = palette.length - 1;
        for (int i = 0; i < cellLabels.length; i++) {
            Label lab = cellLabels[i];
            double t = units[i];
            if (t < 0) {
                lab.setBackground(EMPTY);
                setFill(i, 0);
                lab.setText(values[i] == 0 ? "" : String.format(format, values[i]));
            } else {
                int level = (int) Math.round(t * top);
                lab.setBackground(palette[level]);
                setFill(i, textColours[level] == Color.BLACK ? 2 : 1);
                lab.setText(String.format(format, values[i]));
            }
        }
        for (int k = 0; k < layers.size(); k++) {
            CellLayer l = layers.get(k);
            double sum = 0;
            for (int c = 0; c < l.size(); c++) {
                sum += values[l.firstIndex() + c];
            }
            layerTitles
                    .get(k)
                    .setText(
                            sums
                                    ? l.prefix()
                                            + (fitPx > 0 ? " \u03a3 " : "   \u03a3 ")
                                            + String.format(format, sum)
                                            // fitted: the unit is in the colour legend, the title fits its grid
                                            + (fitPx > 0 ? "" : " " + unitName)
                                    : l.prefix() + (fitPx > 0 ? " [" : "   [") + unitName + "]");
        }
    }

    /** Outlines one cell (global index), or none with -1. */
    public void highlight(int index) {
        if (highlighted >= 0 && highlighted < cellLabels.length) {
            cellLabels[highlighted].setBorder(NORMAL);
        }
        highlighted = index;
        if (index >= 0 && index < cellLabels.length) {
            cellLabels[index].setBorder(HIGHLIGHT);
        }
    }

    public int highlighted() {
        return highlighted;
    }

    /** The label of a cell (global index), for tests. */
    public Label cellLabel(int index) {
        return cellLabels[index];
    }
}
