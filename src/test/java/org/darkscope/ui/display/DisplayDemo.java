package org.darkscope.ui.display;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.DisplayRuns;

/**
 * Standalone event display for screenshots and manual checks. Run
 * {@code java -cp <test class path> org.darkscope.ui.display.DisplayDemo$Main [run.parquet ...]}.
 * Arguments: run files to load (default: synthetic runs). System properties:
 * {@code demo.event=N} row to show, {@code demo.preset=SIDE|TOP|BEAM_EYE|ECAL_CLOSE_UP},
 * {@code demo.follow=DIR} follow a directory (shift tab), {@code demo.help=true} the F1 shortcut list,
 * {@code demo.labels=true} detector part labels, {@code demo.detach=true} the display in its own full-screen window,
 * {@code demo.animation=0.5} the tour's shower animation stopped at that fraction (with {@code demo.tour=5}), {@code demo.scale=1.5} presentation scale, {@code demo.snapshot=FILE.png} write a PNG of the
 * window after {@code demo.delay} ms (default 2500) and exit.
 */
public final class DisplayDemo extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        EventDisplayPane pane = new EventDisplayPane();
        pane.setRunLoader(RunFiles::read);
        List<RunData> runs = new ArrayList<>();
        for (String a : getParameters().getRaw()) {
            runs.add(RunFiles.read(Path.of(a)));
        }
        if (runs.isEmpty()) {
            runs.add(DisplayRuns.mixed(1001, 2000, 42));
            runs.add(DisplayRuns.signal(2001, 200, 43, 16.7));
        }
        for (RunData r : runs.subList(1, runs.size())) {
            pane.addRun(r);
        }
        pane.setRun(runs.get(0));
        stage.setTitle("DarkScope event display demo");
        stage.setScene(new Scene(pane, 1560, 960));
        stage.show();
        String ev = System.getProperty("demo.event");
        if (ev != null) {
            pane.showEvent(Integer.parseInt(ev));
        }
        String preset = System.getProperty("demo.preset");
        if (preset != null) {
            Platform.runLater(() -> pane.cameraPreset(CameraRig.Preset.valueOf(preset)));
        }
        String style = System.getProperty("demo.style");
        if (style != null) {
            pane.options.style.setValue(CellStyle.valueOf(style));
        }
        String map = System.getProperty("demo.colormap");
        if (map != null) {
            pane.options.colorMap.setValue(map);
        }
        if (Boolean.getBoolean("demo.log")) {
            pane.options.mapping.setValue(EnergyScale.Mapping.LOG);
        }
        String tour = System.getProperty("demo.tour");
        if (tour != null) {
            pane.tourStep(Integer.parseInt(tour));
            pane.tabs().getSelectionModel().select(2);
        }
        String hover = System.getProperty("demo.hover");
        if (hover != null) {
            pane.hoverCellForDisplay(pane.run().detector().cell(hover).index());
        }
        String mode = System.getProperty("demo.mode");
        if (mode != null) {
            pane.tabs().getSelectionModel().select(1);
            pane.shift.accumulate.fire();
            Platform.runLater(() -> pane.options.mode.setValue(DisplayMode.valueOf(mode)));
        }
        String follow = System.getProperty("demo.follow");
        if (follow != null) {
            pane.setRunLoader(org.darkscope.io.RunFiles::read);
            pane.tabs().getSelectionModel().select(1);
            pane.followDirectory(Path.of(follow));
        }
        if (Boolean.getBoolean("demo.help")) {
            pane.help.setVisible(true);
        }
        if (Boolean.getBoolean("demo.labels")) {
            pane.setPartLabelsVisible(true);
        }
        String scale = System.getProperty("demo.scale");
        if (scale != null) {
            pane.setPresentationScale(Double.parseDouble(scale));
        }
        String anim = System.getProperty("demo.animation");
        if (anim != null) {
            Platform.runLater(() -> pane.setTourAnimationProgress(Double.parseDouble(anim)));
        }
        if (Boolean.getBoolean("demo.detach")) {
            Platform.runLater(pane::toggleDetached);
        }
        String snap = System.getProperty("demo.snapshot");
        if (snap != null) {
            long delay = Long.getLong("demo.delay", 2500);
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    try {
                        WritableImage img = stage.getScene().snapshot(null);
                        ImageIO.write(
                                SwingFXUtils.fromFXImage(img, null),
                                "png",
                                Path.of(snap).toFile());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    Platform.exit();
                });
            });
            t.setDaemon(true);
            t.start();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }

    /** Entry point for a plain class path (the java launcher refuses Application main classes there). */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            Application.launch(DisplayDemo.class, args);
        }
    }
}
