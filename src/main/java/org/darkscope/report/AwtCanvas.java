package org.darkscope.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A {@link Canvas} on a java.awt Graphics2D (raster images for PNG): antialiased, sans-serif. */
public final class AwtCanvas implements Canvas {
    private final Graphics2D g;

    public AwtCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    private static Color col(Rgb c) {
        return new Color(c.r(), c.g(), c.b(), (int) Math.round(c.a() * 255));
    }

    private void stroke(double width, double[] dash) {
        float[] d = dash == null ? null : new float[] {(float) dash[0], (float) dash[1]};
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f));
    }

    @Override
    public void polyline(double[] x, double[] y, int n, Rgb colour, double width, double[] dash) {
        if (n == 2) {
            stroke(width, dash);
            g.setColor(col(colour));
            g.draw(new Line2D.Double(x[0], y[0], x[1], y[1]));
            return;
        }
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(x[i], y[i]);
        }
        stroke(width, dash);
        g.setColor(col(colour));
        g.draw(p);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgb colour) {
        if (w <= 0 || h <= 0) {
            return;
        }
        g.setColor(col(colour));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillPolygon(double[] x, double[] y, int n, Rgb colour) {
        if (n < 3) {
            return;
        }
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(x[i], y[i]);
        }
        p.closePath();
        g.setColor(col(colour));
        g.fill(p);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgb colour, double width) {
        stroke(width, null);
        g.setColor(col(colour));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillCircle(double cx, double cy, double r, Rgb colour) {
        g.setColor(col(colour));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void text(String s, double x, double y, double size, double hAlign, boolean rotated, Rgb colour) {
        g.setFont(font(size));
        g.setColor(col(colour));
        double tw = textWidth(s, size);
        AffineTransform old = g.getTransform();
        if (rotated) {
            g.rotate(-Math.PI / 2, x, y);
        }
        g.drawString(s, (float) (x - hAlign * tw), (float) y);
        g.setTransform(old);
    }

    private static Font font(double size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont((float) size);
    }

    @Override
    public double textWidth(String s, double size) {
        return font(size).getStringBounds(s, g.getFontRenderContext()).getWidth();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, Math.max(0, w), Math.max(0, h)));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }
}
