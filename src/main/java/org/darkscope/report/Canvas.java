package org.darkscope.report;

/**
 * What a figure is drawn on: pixel coordinates with y down, origin top-left. One implementation per
 * output format (SVG text, PDF through PDFBox, PNG through java.awt), so every format shows the same
 * layout. Text is Helvetica-like; its width is {@link TextMetrics#width}, the same for every back-end.
 */
public interface Canvas {
    /** A polyline (2 or more points); dash null for solid, else on/off lengths in pixels. */
    void polyline(double[] x, double[] y, int n, Rgb colour, double width, double[] dash);

    default void line(double x1, double y1, double x2, double y2, Rgb colour, double width, double[] dash) {
        polyline(new double[] {x1, x2}, new double[] {y1, y2}, 2, colour, width, dash);
    }

    void fillRect(double x, double y, double w, double h, Rgb colour);

    /** A filled polygon of n points (closed implicitly), e.g. the band between two curves. */
    void fillPolygon(double[] x, double[] y, int n, Rgb colour);

    void strokeRect(double x, double y, double w, double h, Rgb colour, double width);

    /** A filled circle. */
    void fillCircle(double cx, double cy, double r, Rgb colour);

    /**
     * Text with its anchor at (x, y): hAlign 0 left, 0.5 centre, 1 right; the baseline at y.
     * rotated: turned 90° counter-clockwise (for a y-axis label).
     */
    void text(String s, double x, double y, double size, double hAlign, boolean rotated, Rgb colour);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** Width of the text as this canvas draws it (default: Helvetica metrics, a little wide). */
    default double textWidth(String s, double size) {
        return TextMetrics.width(s, size) * 1.12;
    }
}
