package org.darkscope.ui.display;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Writes snapshots as PNG files into a logbook folder (default {@code ~/darkscope-logbook/}). */
public final class LogbookSaver {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private Path folder = Path.of(System.getProperty("user.home"), "darkscope-logbook");

    public Path folder() { return folder; }

    public void setFolder(Path f) { this.folder = f; }

    /** Saves the image as {@code darkscope-run<R>-event<E>-<time>.png}; returns the file written. */
    public Path save(Image image, int run, int event) throws IOException {
        Files.createDirectories(folder);
        String name = String.format("darkscope-run%d-event%d-%s.png", run, event, LocalDateTime.now().format(STAMP));
        Path target = folder.resolve(name);
        Path tmp = folder.resolve(name + ".part");
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
            throw new IOException("no PNG writer available");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
