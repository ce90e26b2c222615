package org.darkscope.ui.display;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.transform.Transform;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * Logbook entries of the event display: an image rendered from the nodes (the 3D view with its
 * legend and the cell maps, no controls) with a caption (file, run, spill, event, time, selection,
 * blinded or not), at the resolution the user chose (1x, 2x, 4x; remembered), written as PNG into
 * the folder chosen once, on the task executor.
 */
final class LogbookController {
    private static final System.Logger LOG = System.getLogger(LogbookController.class.getName());
    private static final Color BACKGROUND = Color.rgb(24, 26, 34);

    private final EventDisplayPane pane;
    final LogbookSaver saver = new LogbookSaver();
    private Supplier<String> selectionCaption = () -> "selection: none (no analysis attached)";

    LogbookController(EventDisplayPane pane) {
        this.pane = pane;
        DisplayOptionsBar o = pane.options;
        o.logbookScale.setValue(saver.scale());
        o.logbookScale.valueProperty().addListener((obs, a, s) -> {
            if (s != null && s != saver.scale()) {
                saver.setScale(s);
                pane.setStatus("logbook images at " + s + "x the size on screen");
            }
        });
        o.save.setOnAction(e -> save());
    }

    void setPreferences(java.util.prefs.Preferences p) {
        saver.setPreferences(p);
        pane.options.logbookScale.setValue(saver.scale());
    }

    void setSelectionCaption(Supplier<String> caption) {
        selectionCaption = caption == null ? () -> "selection: none" : caption;
    }

    /** Snapshot of the 3D view with its legend and labels, scaled by {@code s}. */
    Image snapshotView(double s) {
        pane.applyIfDirty();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(s, s));
        var centre = pane.centre();
        int w = (int) Math.ceil(centre.getLayoutBounds().getWidth() * s);
        int h = (int) Math.ceil(centre.getLayoutBounds().getHeight() * s);
        return centre.snapshot(p, new WritableImage(Math.max(1, w), Math.max(1, h)));
    }

    /** Caption for the shown event: file, run, spill, event, time, selection, blinded or not. */
    String caption() {
        DisplayModel model = pane.model;
        RunData r = model.run();
        int e = model.currentEvent();
        if (r == null || e < 0) {
            return "";
        }
        CellAccumulation acc = model.accumulation();
        if (model.mode() != DisplayMode.EVENT && acc != null) {
            // the picture is the accumulation, not the event under it: say so, with the DQ verdict
            String dq = acc.quality() == null
                    ? ""
                    : "%nDQ: " + acc.quality().summary().replace("%", "%%");
            return String.format(
                    Locale.ROOT,
                    "%s   run %d   %s accumulated over %d events%n%s   %s" + dq,
                    r.displayName(),
                    r.info().runNumber(),
                    model.mode().quantity(),
                    acc.events(),
                    selectionCaption.get(),
                    model.hiddenBox(r) != null ? "box BLINDED" : "box not blinded");
        }
        String spill =
                r.has(Schema.SPILL) ? String.valueOf(r.column(Schema.SPILL).getInt(e)) : "-";
        String time = r.has(Schema.TIME)
                ? String.format(Locale.ROOT, "%.6f s", r.column(Schema.TIME).getLong(e) / 1e9)
                : "-";
        return String.format(
                Locale.ROOT,
                "%s   run %d   spill %s   event %d   t = %s%n%s   %s",
                r.displayName(),
                r.column(Schema.RUN).getInt(e),
                spill,
                r.column(Schema.EVENT).getInt(e),
                time,
                selectionCaption.get(),
                model.hiddenBox(r) != null ? "box BLINDED" : "box not blinded");
    }

    /** The 3D view and the cell maps side by side at {@code scale}, the caption underneath. */
    Image render(double scale) {
        pane.applyIfDirty();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        p.setFill(BACKGROUND);
        Image view = snapshotView(scale);
        Image maps = pane.cellMap.snapshot(p, null);
        double gap = 8 * scale;
        String[] lines = caption().split("\\R");
        double captionH = (14 + 17 * lines.length) * scale;
        double w = view.getWidth() + gap + maps.getWidth();
        double h = Math.max(view.getHeight(), maps.getHeight()) + captionH;
        Canvas c = new Canvas(w, h);
        var g = c.getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.drawImage(view, 0, 0);
        g.drawImage(maps, view.getWidth() + gap, 0);
        g.setFill(Color.WHITE);
        g.setFont(Font.font(13 * scale));
        double y = Math.max(view.getHeight(), maps.getHeight()) + 18 * scale;
        for (String line : lines) {
            g.fillText(line, 8 * scale, y);
            y += 17 * scale;
        }
        return c.snapshot(null, null);
    }

    /** Renders at the chosen resolution and writes the PNG on the task executor; asks for the folder once. */
    void save() {
        DisplayModel model = pane.model;
        RunData r = model.run();
        int e = model.currentEvent();
        if (r == null || e < 0) {
            pane.setStatus("nothing to save: no event shown");
            return;
        }
        if (saver.folder() == null) {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle("Folder for logbook images (asked once)");
            java.io.File f = pane.getScene() == null
                    ? null
                    : dc.showDialog(pane.getScene().getWindow());
            if (f == null) {
                pane.setStatus("no logbook folder chosen: nothing saved");
                return;
            }
            saver.setFolder(f.toPath());
        }
        int scale = saver.scale();
        Image img = render(scale);
        int runNo = r.column(Schema.RUN).getInt(e);
        int evNo = r.column(Schema.EVENT).getInt(e);
        pane.setStatus("saving logbook image (" + scale + "x) ...");
        pane.background().execute(() -> {
            String msg;
            try {
                msg = "saved " + saver.save(img, runNo, evNo) + " (" + (int) img.getWidth() + "x"
                        + (int) img.getHeight() + " px)";
            } catch (IOException | RuntimeException ex) {
                msg = "could not save PNG to " + saver.folder() + ": " + ex.getMessage();
                LOG.log(System.Logger.Level.WARNING, msg);
            }
            String m = msg;
            if (Platform.isFxApplicationThread()) {
                pane.setStatus(m);
            } else {
                Platform.runLater(() -> pane.setStatus(m));
            }
        });
    }
}
