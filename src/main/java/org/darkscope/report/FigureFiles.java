package org.darkscope.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A figure as PNG (exact pixel size), SVG or PDF, chosen by the file extension. Files are written to a
 * temporary file and renamed into place, so no half-written figure is ever left behind.
 */
public final class FigureFiles {
    /** Largest width or height accepted. */
    public static final int MAX_SIZE = 16384;

    /** Output formats. */
    public enum Format {
        PNG,
        SVG,
        PDF;

        /** The format of a file name's extension; a clear message for any other. */
        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".png")) {
                return PNG;
            } else if (n.endsWith(".svg")) {
                return SVG;
            } else if (n.endsWith(".pdf")) {
                return PDF;
            }
            throw new IllegalArgumentException(file + ": unknown figure format (use .png, .svg or .pdf)");
        }
    }

    private FigureFiles() {}

    static void checkSize(int w, int h) {
        if (w < 50 || h < 50 || w > MAX_SIZE || h > MAX_SIZE) {
            throw new IllegalArgumentException("figure size " + w + "x" + h + " outside 50..." + MAX_SIZE + " pixels");
        }
    }

    /** Parses "WxH" (e.g. 3840x2160). */
    public static int[] parseSize(String s) {
        String[] p = s.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length != 2) {
                throw new NumberFormatException();
            }
            int w = Integer.parseInt(p[0].trim());
            int h = Integer.parseInt(p[1].trim());
            checkSize(w, h);
            return new int[] {w, h};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + s + "': expected WIDTHxHEIGHT in pixels, e.g. 3840x2160");
        }
    }

    /** The figure as an opaque RGB image of exactly w x h pixels. */
    public static BufferedImage image(Figure f, int w, int h) {
        checkSize(w, h);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            FigureRenderer.render(f, new AwtCanvas(g), w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    public static byte[] png(Figure f, int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image(f, w, h), "png", out)) {
            throw new IOException("no PNG writer available");
        }
        return out.toByteArray();
    }

    /** The figure as an SVG document (w x h user units). */
    public static String svg(Figure f, int w, int h) {
        checkSize(w, h);
        SvgCanvas c = new SvgCanvas(w, h);
        FigureRenderer.render(f, c, w, h);
        return c.document();
    }

    /** The svg element alone, to inline in an HTML page. */
    public static String svgElement(Figure f, int w, int h) {
        checkSize(w, h);
        SvgCanvas c = new SvgCanvas(w, h);
        FigureRenderer.render(f, c, w, h);
        return c.element();
    }

    /** Figures as a PDF, one page each. */
    public static byte[] pdf(List<Figure> figures, int w, int h) throws IOException {
        checkSize(w, h);
        try (PDDocument doc = new PDDocument()) {
            for (Figure f : figures) {
                addPage(doc, f, w, h);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Draws the figure on a new page of the document. */
    public static void addPage(PDDocument doc, Figure f, int w, int h) throws IOException {
        try (PdfCanvas c = new PdfCanvas(doc, w, h)) {
            FigureRenderer.render(f, c, w, h);
        }
    }

    /** Writes the figure in the format of the file's extension. */
    public static void write(Figure f, Path file, int w, int h) throws IOException {
        Format fmt = Format.of(file);
        byte[] bytes =
                switch (fmt) {
                    case PNG -> png(f, w, h);
                    case SVG -> svg(f, w, h).getBytes(StandardCharsets.UTF_8);
                    case PDF -> pdf(List.of(f), w, h);
                };
        writeAtomically(file, bytes);
    }

    /** Writes bytes to a temporary file next to the target, then renames it into place. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such directory");
        }
        Path tmp = Files.createTempFile(dir, ".darkscope-", ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                o.write(bytes);
            }
            try {
                // a temporary file is private (rw-------); a figure is meant to be shared
                Files.setPosixFilePermissions(
                        tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
