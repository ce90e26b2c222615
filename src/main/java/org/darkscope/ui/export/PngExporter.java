package org.darkscope.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Writes a view as a PNG of a chosen pixel size (e.g. 3840x2160), not just its size on screen: the
 * view is laid out at a logical size of at most {@link #MAX_LOGICAL_WIDTH} wide with the requested
 * aspect ratio (so text keeps a readable size relative to the picture), snapshotted through a scale
 * transform up to the requested pixels, then given back its size in the window. Must run on the FX thread.
 */
public final class PngExporter {
    /** Logical width a view is laid out at for export; larger images are scaled up from it. */
    public static final double MAX_LOGICAL_WIDTH = 1600;

    private PngExporter() {}

    /** The view as an image of exactly {@code width} x {@code height} pixels. */
    public static WritableImage snapshot(Region view, int width, int height) {
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("image size " + width + "x" + height + " outside 1..16384");
        }
        double scale = Math.max(1.0, width / MAX_LOGICAL_WIDTH);
        double lw = width / scale;
        double lh = height / scale;
        double oldW = view.getWidth();
        double oldH = view.getHeight();
        try {
            view.resize(lw, lh);
            view.applyCss();
            view.layout();
            layoutDescendants(view);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            p.setTransform(Transform.scale(width / lw, height / lh));
            WritableImage img = new WritableImage(width, height);
            return view.snapshot(p, img);
        } finally {
            view.resize(oldW, oldH);
            view.layout();
            view.requestLayout();
        }
    }

    /** Writes the view as a PNG (temporary file, then rename: never a half-written picture). */
    public static void write(Region view, int width, int height, Path file) throws IOException {
        WritableImage img = snapshot(view, width, height);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".darkscope-png-", ".tmp");
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void layoutDescendants(javafx.scene.Parent p) {
        for (javafx.scene.Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.Parent c) {
                c.layout();
            }
        }
    }
}
