package org.darkscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.darkscope.io.RunFiles;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.RecentRuns;
import org.darkscope.session.RunReader;
import org.darkscope.session.Session;
import org.darkscope.session.SessionFile;
import org.darkscope.session.TaskExecutor;
import org.darkscope.ui.shell.MainViewModel;
import org.darkscope.ui.shell.MainWindow;

/**
 * The DarkScope window. Command-line arguments that are not options are run files to open.
 * {@link #main} is called by the jar's Launcher and by {@code mvn javafx:run}.
 */
public class DarkScopeApp extends Application {
    private TaskExecutor loader;
    private MainWindow window;
    private Workbench workbench;
    private EventDisplayLink display;

    @Override
    public void start(Stage stage) {
        loader = new BackgroundTaskExecutor("run-loader", 1);
        MainViewModel model = new MainViewModel(new Session(), defaultReader(), loader, RecentRuns.forUser());
        workbench = Workbench.create(model);
        window = workbench.window();
        display = EventDisplayLink.attach(workbench);
        // as large as the screen allows (the workbench has four linked views), at most 1920x1200
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window, Math.min(1920, screen.getWidth()), Math.min(1200, screen.getHeight()));
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("DarkScope");
        stage.setScene(scene);
        stage.show();
        FxWatchdog.startIfAsked();
        List<Path> files = runArguments(getParameters().getUnnamed());
        if (!files.isEmpty()) {
            // one after the other; the role comes from each run's metadata (signal MC or data)
            model.openRuns(
                    files.stream().map(p -> new SessionFile.RunEntry(p, null)).toList(), () -> {});
        } else if (!Boolean.getBoolean("darkscope.empty")) {
            openDefault(model);
        }
    }

    /**
     * The embedded default: the shipped sample runs (physics as data, signal runs as signal MC, the
     * calibration run added to the event display's run list for the tour), or runs simulated on the fly if none are found.
     */
    private void openDefault(MainViewModel model) {
        Path dir = DefaultRuns.findSampleDir();
        if (dir != null) {
            try {
                model.openRuns(DefaultRuns.sampleEntries(dir), () -> {
                    Path calibration = dir.resolve(DefaultRuns.CALIBRATION_FILE);
                    if (java.nio.file.Files.isRegularFile(calibration)) {
                        model.runTask(
                                "Loading the calibration run for the tour", p -> RunFiles.read(calibration, p), run -> {
                                    display.display().addRun(run);
                                    model.setStatus(
                                            startupStatus(display.display().run(), run));
                                });
                    }
                });
                return;
            } catch (java.io.IOException e) {
                model.setStatus("Cannot list " + dir + ": " + e.getMessage() + "; simulating instead");
            }
        }
        model.runTask("Simulating a physics run and a 20 MeV signal run", DefaultRuns::simulateFallback, runs -> {
            model.addRun(runs.get(0), org.darkscope.session.RunRole.DATA);
            for (int i = 1; i < runs.size(); i++) {
                model.addRun(runs.get(i), org.darkscope.session.RunRole.SIGNAL);
            }
        });
    }

    /**
     * The start-up status: what the event display really shows (the data run the link put there), and
     * that the calibration run is only in its run list, for the tour.
     */
    static String startupStatus(org.darkscope.event.RunData shown, org.darkscope.event.RunData calibration) {
        String what = shown == null
                ? "no run yet"
                : shown.displayName() + " (run " + shown.info().runNumber() + ")";
        return "Sample runs open; the event display shows " + what + "; " + calibration.displayName()
                + " is in its run list (tour: e-m shower)";
    }

    @Override
    public void stop() {
        if (loader != null) {
            loader.shutdown();
        }
        if (workbench != null) {
            workbench.close();
        }
    }

    /** The application stylesheet's URL. */
    public static String stylesheet() {
        return DarkScopeApp.class.getResource("/css/darkscope.css").toExternalForm();
    }

    /** Reads Parquet run files. */
    public static RunReader defaultReader() {
        return RunFiles::read;
    }

    /** The run files named on the command line. */
    static List<Path> runArguments(List<String> unnamed) {
        return unnamed.stream().map(Path::of).toList();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
