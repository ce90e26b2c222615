package org.darkscope.ui.display;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Writes logbook images as PNG files into the folder the user chose once. The folder is remembered
 * in the given preferences node (tests pass a throw-away node, never the user's).
 */
public final class LogbookSaver {
    static final String FOLDER_KEY = "logbookFolder";
    static final String SCALE_KEY = "logbookScale";
    /** Resolutions offered for logbook images: 1x, 2x or 4x the size on screen. */
    public static final java.util.List<Integer> SCALES = java.util.List.of(1, 2, 4);
    /** Default resolution: 2x, sharp on a high-density screen and in a printed logbook. */
    public static final int DEFAULT_SCALE = 2;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private Preferences prefs;
    private Path folder;
    private int scale = DEFAULT_SCALE;

    /** A saver without remembered folder (one must be set before saving). */
    public LogbookSaver() {}

    /** Uses (and remembers into) this preferences node. */
    public void setPreferences(Preferences p) {
        this.prefs = p;
        String f = p == null ? null : p.get(FOLDER_KEY, null);
        folder = f == null ? null : Path.of(f);
        int sc = p == null ? DEFAULT_SCALE : p.getInt(SCALE_KEY, DEFAULT_SCALE);
        scale = SCALES.contains(sc) ? sc : DEFAULT_SCALE;
    }

    /** The chosen resolution (a factor of {@link #SCALES}). */
    public int scale() {
        return scale;
    }

    /** Sets the resolution (1, 2 or 4), remembered if preferences are set. */
    public void setScale(int s) {
        if (!SCALES.contains(s)) {
            throw new IllegalArgumentException("logbook resolution " + s + "x: choose one of " + SCALES);
        }
        scale = s;
        if (prefs != null) {
            prefs.putInt(SCALE_KEY, s);
        }
    }

    /** The chosen folder, or null if none was chosen yet. */
    public Path folder() {
        return folder;
    }

    /** Sets the folder (and remembers it if preferences are set). */
    public void setFolder(Path f) {
        this.folder = f;
        if (prefs != null && f != null) {
            prefs.put(FOLDER_KEY, f.toString());
        }
    }

    /** Saves the image as {@code darkscope-run<R>-event<E>-<time>.png}; returns the file written. */
    public Path save(Image image, int run, int event) throws IOException {
        if (folder == null) {
            throw new IOException("no logbook folder chosen");
        }
        Files.createDirectories(folder);
        String name = String.format(
                "darkscope-run%d-event%d-%s.png",
                run, event, LocalDateTime.now().format(STAMP));
        Path target = folder.resolve(name);
        Path tmp = folder.resolve(name + ".part");
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
