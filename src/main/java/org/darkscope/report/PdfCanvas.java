package org.darkscope.report;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * A {@link Canvas} on one page of a PDF document (Apache PDFBox): vector paths and real text. The
 * page is w x h pixels at 96 dpi (w * 0.75 points wide). Text uses DejaVu Sans when the system has it
 * (embedded as a subset, Greek letters included), else Helvetica with non-Latin letters spelled out.
 */
public final class PdfCanvas implements Canvas, Closeable {
    /** Points per pixel at 96 dpi. */
    public static final float PT_PER_PX = 0.75f;

    private static final String[] UNICODE_FONTS = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf"
    };

    private final PDDocument doc;
    private final PDPageContentStream cs;
    private final double h;
    private final PDFont font;
    private final boolean unicode;
    private final Map<Double, PDExtendedGraphicsState> alphas = new HashMap<>();
    private boolean clipped;

    /** Adds a page of w x h pixels to the document and draws on it until {@link #close()}. */
    public PdfCanvas(PDDocument doc, double w, double h) throws IOException {
        this.doc = doc;
        this.h = h;
        PDPage page = new PDPage(new PDRectangle((float) (w * PT_PER_PX), (float) (h * PT_PER_PX)));
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        cs.transform(new Matrix(PT_PER_PX, 0, 0, PT_PER_PX, 0, 0));
        PDFont f = null;
        for (String p : UNICODE_FONTS) {
            File file = new File(p);
            if (file.isFile()) {
                try {
                    f = PDType0Font.load(doc, file);
                    break;
                } catch (IOException e) {
                    f = null;
                }
            }
        }
        unicode = f != null;
        font = f != null ? f : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    private float y(double v) {
        return (float) (h - v);
    }

    private void alpha(double a) throws IOException {
        PDExtendedGraphicsState gs = alphas.computeIfAbsent(a, k -> {
            PDExtendedGraphicsState s = new PDExtendedGraphicsState();
            s.setNonStrokingAlphaConstant((float) (double) k);
            s.setStrokingAlphaConstant((float) (double) k);
            return s;
        });
        cs.setGraphicsStateParameters(gs);
    }

    private void colours(Rgb c) throws IOException {
        cs.setStrokingColor(c.r() / 255f, c.g() / 255f, c.b() / 255f);
        cs.setNonStrokingColor(c.r() / 255f, c.g() / 255f, c.b() / 255f);
        alpha(c.a());
    }

    @Override
    public void polyline(double[] x, double[] yy, int n, Rgb colour, double width, double[] dash) {
        try {
            colours(colour);
            cs.setLineWidth((float) width);
            cs.setLineDashPattern(dash == null ? new float[0] : new float[] {(float) dash[0], (float) dash[1]}, 0);
            cs.moveTo((float) x[0], y(yy[0]));
            for (int i = 1; i < n; i++) {
                cs.lineTo((float) x[i], y(yy[i]));
            }
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fillPolygon(double[] x, double[] yy, int n, Rgb colour) {
        if (n < 3) {
            return;
        }
        try {
            colours(colour);
            cs.moveTo((float) x[0], y(yy[0]));
            for (int i = 1; i < n; i++) {
                cs.lineTo((float) x[i], y(yy[i]));
            }
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fillRect(double x, double yy, double w, double hh, Rgb colour) {
        if (w <= 0 || hh <= 0) {
            return;
        }
        try {
            colours(colour);
            cs.addRect((float) x, y(yy + hh), (float) w, (float) hh);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void strokeRect(double x, double yy, double w, double hh, Rgb colour, double width) {
        try {
            colours(colour);
            cs.setLineWidth((float) width);
            cs.setLineDashPattern(new float[0], 0);
            cs.addRect((float) x, y(yy + hh), (float) w, (float) hh);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fillCircle(double cx, double cy, double r, Rgb colour) {
        try {
            colours(colour);
            float k = 0.5523f * (float) r;
            float x0 = (float) cx;
            float y0 = y(cy);
            float rr = (float) r;
            cs.moveTo(x0 + rr, y0);
            cs.curveTo(x0 + rr, y0 + k, x0 + k, y0 + rr, x0, y0 + rr);
            cs.curveTo(x0 - k, y0 + rr, x0 - rr, y0 + k, x0 - rr, y0);
            cs.curveTo(x0 - rr, y0 - k, x0 - k, y0 - rr, x0, y0 - rr);
            cs.curveTo(x0 + k, y0 - rr, x0 + rr, y0 - k, x0 + rr, y0);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text the font can show: with Helvetica, letters outside Latin-1 are spelled out. */
    String printable(String s) {
        if (unicode) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            String r =
                    switch (ch) {
                        case 'ε' -> "eps";
                        case 'χ' -> "chi";
                        case 'α' -> "alpha";
                        case 'σ' -> "sigma";
                        case 'μ' -> "mu";
                        case '′' -> "'";
                        case '≤' -> "<=";
                        case '≥' -> ">=";
                        case '→' -> "->";
                        case '√' -> "sqrt";
                        default -> ch < 256 || ch == '–' || ch == '—' || ch == '…' ? String.valueOf(ch) : "?";
                    };
            b.append(r);
        }
        return b.toString();
    }

    @Override
    public void text(String s, double x, double yy, double size, double hAlign, boolean rotated, Rgb colour) {
        try {
            String t = printable(s);
            double tw = font.getStringWidth(t) / 1000 * size;
            colours(colour);
            cs.beginText();
            cs.setFont(font, (float) size);
            if (rotated) {
                Matrix m = Matrix.getRotateInstance(Math.PI / 2, (float) x, y(yy));
                m.translate((float) (-hAlign * tw), 0);
                cs.setTextMatrix(m);
            } else {
                cs.setTextMatrix(Matrix.getTranslateInstance((float) (x - hAlign * tw), y(yy)));
            }
            cs.showText(t);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double textWidth(String s, double size) {
        try {
            return font.getStringWidth(printable(s)) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return TextMetrics.width(s, size);
        }
    }

    @Override
    public void clip(double x, double yy, double w, double hh) {
        try {
            unclip();
            cs.saveGraphicsState();
            cs.addRect((float) x, y(yy + hh), (float) Math.max(0, w), (float) Math.max(0, hh));
            cs.clip();
            clipped = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void unclip() {
        if (clipped) {
            try {
                cs.restoreGraphicsState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            clipped = false;
        }
    }

    @Override
    public void close() throws IOException {
        unclip();
        cs.close();
    }

    public PDDocument document() {
        return doc;
    }
}
