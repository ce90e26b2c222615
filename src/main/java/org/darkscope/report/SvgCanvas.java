package org.darkscope.report;

import java.util.Locale;

/** A {@link Canvas} that writes SVG 1.1 text (vector; fonts by name, Helvetica/Arial/sans-serif). */
public final class SvgCanvas implements Canvas {
    private final StringBuilder sb = new StringBuilder();
    private final double w;
    private final double h;
    private int clips;
    private boolean clipOpen;

    public SvgCanvas(double w, double h) {
        this.w = w;
        this.h = h;
    }

    private static String n(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-6) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String paint(String attr, Rgb c) {
        String s = attr + "=\"" + c.hex() + "\"";
        if (c.a() < 1) {
            s += " " + attr + "-opacity=\"" + String.format(Locale.ROOT, "%.3f", c.a()) + "\"";
        }
        return s;
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    @Override
    public void polyline(double[] x, double[] y, int count, Rgb colour, double width, double[] dash) {
        sb.append("<polyline fill=\"none\" ")
                .append(paint("stroke", colour))
                .append(" stroke-width=\"")
                .append(n(width))
                .append("\" stroke-linejoin=\"round\"");
        if (dash != null) {
            sb.append(" stroke-dasharray=\"")
                    .append(n(dash[0]))
                    .append(',')
                    .append(n(dash[1]))
                    .append('"');
        }
        sb.append(" points=\"");
        for (int i = 0; i < count; i++) {
            sb.append(n(x[i])).append(',').append(n(y[i])).append(' ');
        }
        sb.append("\"/>\n");
    }

    @Override
    public void fillRect(double x, double y, double rw, double rh, Rgb colour) {
        if (rw <= 0 || rh <= 0) {
            return;
        }
        sb.append("<rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(rw))
                .append("\" height=\"")
                .append(n(rh))
                .append("\" ")
                .append(paint("fill", colour))
                .append("/>\n");
    }

    @Override
    public void fillPolygon(double[] x, double[] y, int count, Rgb colour) {
        if (count < 3) {
            return;
        }
        sb.append("<polygon points=\"");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : " ").append(n(x[i])).append(',').append(n(y[i]));
        }
        sb.append("\" ").append(paint("fill", colour)).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double rw, double rh, Rgb colour, double width) {
        sb.append("<rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(rw))
                .append("\" height=\"")
                .append(n(rh))
                .append("\" fill=\"none\" ")
                .append(paint("stroke", colour))
                .append(" stroke-width=\"")
                .append(n(width))
                .append("\"/>\n");
    }

    @Override
    public void fillCircle(double cx, double cy, double r, Rgb colour) {
        sb.append("<circle cx=\"")
                .append(n(cx))
                .append("\" cy=\"")
                .append(n(cy))
                .append("\" r=\"")
                .append(n(r))
                .append("\" ")
                .append(paint("fill", colour))
                .append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, double size, double hAlign, boolean rotated, Rgb colour) {
        String anchor = hAlign < 0.25 ? "start" : hAlign > 0.75 ? "end" : "middle";
        sb.append("<text x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" font-size=\"")
                .append(n(size))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" ")
                .append(paint("fill", colour));
        if (rotated) {
            sb.append(" transform=\"rotate(-90 ")
                    .append(n(x))
                    .append(' ')
                    .append(n(y))
                    .append(")\"");
        }
        sb.append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double cw, double ch) {
        unclip();
        String id = "c" + (clips++);
        sb.append("<clipPath id=\"")
                .append(id)
                .append("\"><rect x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(Math.max(0, cw)))
                .append("\" height=\"")
                .append(n(Math.max(0, ch)))
                .append("\"/></clipPath>\n<g clip-path=\"url(#")
                .append(id)
                .append(")\">\n");
        clipOpen = true;
    }

    @Override
    public void unclip() {
        if (clipOpen) {
            sb.append("</g>\n");
            clipOpen = false;
        }
    }

    /** The whole document. */
    public String document() {
        unclip();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element();
    }

    /** The svg element alone (for inlining in HTML). */
    public String element() {
        unclip();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + n(w) + "\" height=\"" + n(h)
                + "\" viewBox=\"0 0 " + n(w) + " " + n(h) + "\" font-family=\"Helvetica, Arial, sans-serif\">\n" + sb
                + "</svg>\n";
    }
}
