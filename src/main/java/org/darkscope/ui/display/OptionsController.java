package org.darkscope.ui.display;

/**
 * Wires the display options bar: colour map, linear/log, range (fixed min/max), cell style, mode
 * (accumulating on demand), compressed z, track, camera, part labels, detach.
 */
final class OptionsController {
    private final EventDisplayPane pane;
    private final DisplayOptionsBar options;
    private final CellRedraw redraw;

    OptionsController(EventDisplayPane pane, CellRedraw redraw) {
        this.pane = pane;
        this.options = pane.options;
        this.redraw = redraw;
        DetectorView3D view3d = pane.view3d;
        options.colorMap.valueProperty().addListener((o, a, name) -> {
            redraw.setColorMap(name);
            pane.markDirty();
        });
        options.mapping.valueProperty().addListener((o, a, m) -> {
            redraw.setMapping(m);
            pane.markDirty();
        });
        options.range.valueProperty().addListener((o, a, r) -> {
            redraw.setRange(r);
            pane.markDirty();
        });
        options.min.setOnAction(e -> applyFixedRange());
        options.max.setOnAction(e -> applyFixedRange());
        options.style.valueProperty().addListener((o, a, s) -> pane.markDirty());
        options.mode.valueProperty().addListener((o, a, m) -> {
            DisplayModel model = pane.model;
            if (m == null || m == model.mode()) {
                return;
            }
            model.setMode(m);
            if (m != DisplayMode.EVENT && model.accumulation() == null && pane.run() != null) {
                pane.shiftController().accumulate();
            }
        });
        options.compressed.selectedProperty().addListener((o, a, c) -> {
            view3d.setCompressed(c);
            view3d.preset(view3d.lastPreset());
            pane.markDirty();
        });
        options.track.selectedProperty().addListener((o, a, c) -> pane.markDirty());
        options.camera.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                view3d.preset(p);
            }
        });
        options.reset.setOnAction(e -> {
            options.camera.setValue(null);
            view3d.preset(CameraRig.Preset.OVERVIEW);
        });
        options.labels.selectedProperty().addListener((o, a, on) -> pane.partLabels.setVisible(on));
        options.detach.setOnAction(e -> pane.toggleDetached());
    }

    /** Sets the fixed colour range (in the shown map's unit: GeV, or % for occupancy) and switches to it. */
    void setFixedRange(double min, double max) {
        redraw.setFixedRange(min, max);
        options.min.setText(String.valueOf(min));
        options.max.setText(String.valueOf(max));
        options.range.setValue(EnergyScale.Range.FIXED);
        pane.markDirty();
    }

    private void applyFixedRange() {
        try {
            setFixedRange(
                    Double.parseDouble(options.min.getText().strip()),
                    Double.parseDouble(options.max.getText().strip()));
            pane.setStatus("fixed colour range " + redraw.scale.fixedMin() + " .. " + redraw.scale.fixedMax() + " "
                    + pane.model().mode().unit());
        } catch (IllegalArgumentException e) {
            pane.setStatus("bad range: " + e.getMessage());
        }
    }
}
