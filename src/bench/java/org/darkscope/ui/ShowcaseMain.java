package org.darkscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.RecentRuns;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.shell.MainViewModel;

/**
 * Opens the window on a run (a file argument, or a synthetic run), waits, writes a PNG of the scene
 * and exits. For looking at the UI under Xvfb: {@code java -cp ... org.darkscope.ui.ShowcaseMain$Run out.png [run.parquet]}.
 */
public class ShowcaseMain extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        String out = args.isEmpty() ? "/tmp/darkscope.png" : args.get(0);
        MainViewModel model = new MainViewModel(
                new Session(),
                DarkScopeApp.defaultReader(),
                new BackgroundTaskExecutor("loader", 1),
                RecentRuns.inMemory());
        Workbench w = Workbench.create(model);
        EventDisplayLink.attach(w);
        Scene scene = new Scene(w.window(), 1600, 1000);
        scene.getStylesheets().add(DarkScopeApp.stylesheet());
        stage.setScene(scene);
        stage.setTitle("DarkScope showcase");
        stage.show();
        if (args.size() > 1) {
            model.openRuns(
                    args.subList(1, args.size()).stream()
                            .map(a -> new org.darkscope.session.SessionFile.RunEntry(Path.of(a), null))
                            .toList(),
                    () -> {});
        } else {
            model.addRun(RunFixtures.random(200_000, 1), RunRole.DATA);
        }
        if (args.size() <= 1) {
            model.addRun(RunFixtures.signal(20_000, 16.7, 2), RunRole.SIGNAL);
        }
        w.planeView().setLogHcal(Boolean.getBoolean("showcase.log"));
        PauseTransition wait =
                new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("showcase.wait", "6"))));
        wait.setOnFinished(e -> {
            write(scene, out);
            java.util.List<String> tabs = java.util.Arrays.stream(
                            System.getProperty("showcase.tabs", "").split(","))
                    .filter(t -> !t.isBlank())
                    .toList();
            snapshotTabs(w, scene, out, tabs, 0);
        });
        wait.play();
    }

    /** Selects each listed result tab in turn, waits for its (lazily computed) content, writes a PNG. */
    private static void snapshotTabs(Workbench w, Scene scene, String out, java.util.List<String> tabs, int i) {
        if (i >= tabs.size()) {
            Platform.exit();
            return;
        }
        String t = tabs.get(i);
        w.window().resultTabs().getSelectionModel().select(Integer.parseInt(t));
        PauseTransition p =
                new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("showcase.tabwait", "4"))));
        p.setOnFinished(e -> {
            write(scene, out.replace(".png", "-tab" + t + ".png"));
            snapshotTabs(w, scene, out, tabs, i + 1);
        });
        p.play();
    }

    private static void write(Scene scene, String file) {
        try {
            WritableImage img = scene.snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(file));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Starts from a plain class so the class path launch works without the module path. */
    public static final class Run {
        public static void main(String[] args) {
            Application.launch(ShowcaseMain.class, args);
        }
    }
}
