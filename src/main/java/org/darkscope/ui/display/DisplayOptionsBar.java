package org.darkscope.ui.display;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** Display options: colour map, scale, cell style, z compression, camera, mode, PNG. */
public final class DisplayOptionsBar extends FlowPane {
    final ComboBox<String> colorMap = new ComboBox<>();
    final ComboBox<EnergyScale.Mapping> mapping = new ComboBox<>();
    final ComboBox<EnergyScale.Range> range = new ComboBox<>();
    final TextField min = new TextField("0");
    final TextField max = new TextField("50");
    final ComboBox<CellStyle> style = new ComboBox<>();
    final ComboBox<DisplayMode> mode = new ComboBox<>();
    final CheckBox compressed = new CheckBox("compressed z");
    final CheckBox track = new CheckBox("track");
    final ComboBox<CameraRig.Preset> camera = new ComboBox<>();
    final Button reset = new Button("reset view");
    final Button save = new Button("logbook");
    final ComboBox<Integer> logbookScale = new ComboBox<>();
    final CheckBox labels = new CheckBox("labels");
    final Button detach = new Button("detach");

    public DisplayOptionsBar() {
        super(6, 4);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 6, 4, 6));
        colorMap.getItems().addAll(ColorMap.VIRIDIS, ColorMap.INFERNO);
        colorMap.setValue(ColorMap.VIRIDIS);
        colorMap.setId("opt-colormap");
        mapping.getItems().addAll(EnergyScale.Mapping.values());
        mapping.setValue(EnergyScale.Mapping.LINEAR);
        mapping.setId("opt-mapping");
        range.getItems().addAll(EnergyScale.Range.values());
        range.setValue(EnergyScale.Range.AUTO_EVENT);
        range.setId("opt-range");
        min.setPrefColumnCount(4);
        max.setPrefColumnCount(4);
        min.setId("opt-min");
        max.setId("opt-max");
        min.setTooltip(new Tooltip("fixed range: minimum (GeV), Enter"));
        max.setTooltip(new Tooltip("fixed range: maximum (GeV), Enter"));
        style.getItems().addAll(CellStyle.values());
        style.setValue(CellStyle.SIZE);
        style.setId("opt-style");
        mode.getItems().addAll(DisplayMode.values());
        mode.setValue(DisplayMode.EVENT);
        mode.setId("opt-mode");
        compressed.setSelected(true);
        compressed.setId("opt-compressed");
        track.setSelected(true);
        track.setId("opt-track");
        camera.getItems().addAll(CameraRig.Preset.values());
        camera.setPromptText("camera");
        camera.setId("opt-camera");
        reset.setId("opt-reset");
        save.setId("opt-save");
        save.setTooltip(new Tooltip(
                "logbook entry: the 3D view and cell maps with a caption, as PNG (F12 anywhere, Ctrl+S here)"));
        logbookScale.getItems().setAll(LogbookSaver.SCALES);
        logbookScale.setValue(LogbookSaver.DEFAULT_SCALE);
        logbookScale.setId("opt-logbook-scale");
        logbookScale.setTooltip(
                new Tooltip("resolution of logbook images: 1x, 2x or 4x the size on screen (remembered)"));
        logbookScale.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : s + "\u00D7";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("\u00D7", "").strip());
            }
        });
        labels.setId("opt-labels");
        labels.setTooltip(new Tooltip("names of the detector parts in the 3D view"));
        detach.setId("opt-detach");
        detach.setTooltip(new Tooltip("the display in its own full-screen window (F11); F1 lists all shortcuts"));
        getChildren()
                .addAll(
                        colorMap,
                        mapping,
                        range,
                        new Label("min"),
                        min,
                        new Label("max"),
                        max,
                        style,
                        mode,
                        compressed,
                        track,
                        labels,
                        camera,
                        reset,
                        save,
                        logbookScale,
                        detach);
    }
}
