package org.darkscope.ui.cuts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.darkscope.analysis.Histogram1D;

/** A small histogram (log counts) with the cut edges drawn as red lines: the N-1 view of one cut. */
public final class MiniHistogram extends Canvas {
    private Histogram1D hist;
    private double min = Double.NaN;
    private double max = Double.NaN;

    public MiniHistogram(double w, double h) {
        super(w, h);
        getStyleClass().add("mini-histogram");
        draw();
    }

    public void setHistogram(Histogram1D h) {
        hist = h;
        draw();
    }

    public Histogram1D histogram() {
        return hist;
    }

    public void setCutLines(double lo, double hi) {
        min = lo;
        max = hi;
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.gray(0.75));
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        if (hist == null) {
            g.setFill(Color.gray(0.55));
            g.fillText("N-1: waiting", 6, h / 2 + 4);
            return;
        }
        long maxC = 1;
        for (int i = 0; i < hist.bins(); i++) {
            maxC = Math.max(maxC, hist.count(i));
        }
        double lmax = Math.log10(maxC + 1.0);
        double bw = w / hist.bins();
        g.setFill(Color.rgb(70, 100, 170));
        for (int i = 0; i < hist.bins(); i++) {
            long c = hist.count(i);
            if (c > 0) {
                double bh = (h - 4) * Math.log10(c + 1.0) / lmax;
                g.fillRect(i * bw, h - 2 - bh, Math.max(1, bw - 0.3), bh);
            }
        }
        g.setStroke(Color.CRIMSON);
        g.setLineWidth(1.5);
        for (double v : new double[] {min, max}) {
            if (!Double.isNaN(v)) {
                double x = (v - hist.binning().lo())
                        / (hist.binning().hi() - hist.binning().lo())
                        * w;
                if (x >= 0 && x <= w) {
                    g.strokeLine(x, 0, x, h);
                }
            }
        }
        g.setLineWidth(1);
    }
}
