package org.darkscope.ui;

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

import java.nio.file.Path;
import java.util.List;

/**
 * The DarkScope window. Command-line arguments that are not options are run files to open.
 * {@link #main} is called by the jar's Launcher and by {@code mvn javafx:run}.
 */
public class DarkScopeApp extends Application {
    private TaskExecutor loader;
    private MainWindow window;
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        loader = new BackgroundTaskExecutor("run-loader", 1);
        MainViewModel model = new MainViewModel(new Session(), defaultReader(), loader, RecentRuns.forUser());
        workbench = Workbench.create(model);
        window = workbench.window();
        Scene scene = new Scene(window, 1500, 950);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle("DarkScope");
        stage.setScene(scene);
        stage.show();
        List<Path> files = runArguments(getParameters().getUnnamed());
        if (!files.isEmpty()) {
            // one after the other; the role comes from each run's metadata (signal MC or data)
            model.openRuns(files.stream().map(p -> new SessionFile.RunEntry(p, null)).toList(), () -> { });
        }
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
