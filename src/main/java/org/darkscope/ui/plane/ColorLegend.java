package org.darkscope.ui.plane;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Vertical legend of the log colour scale: the ramp with decade ticks labelled in events per bin. */
public final class ColorLegend extends Region {
    private final Canvas canvas = new Canvas();
    private double max = 1;
    private String title = "events / bin";

    public ColorLegend() {
        setId("colorLegend");
        getChildren().add(canvas);
        setMinWidth(70);
        setPrefWidth(70);
    }

    public void setMax(double m) {
        if (m != max) {
            max = m;
            draw();
        }
    }

    public double max() {
        return max;
    }

    public void setTitle(String t) {
        title = t;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (h < 60) {
            return;
        }
        double top = 30;
        double bottom = h - 40;
        double barX = 8;
        double barW = 16;
        int steps = 120;
        for (int i = 0; i < steps; i++) {
            double t = (double) i / (steps - 1);
            int rgb = LogColorScale.rgbAt(t);
            g.setFill(Color.rgb((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255));
            double y = bottom - (bottom - top) * (i + 1) / steps;
            g.fillRect(barX, y, barW, (bottom - top) / steps + 1);
        }
        g.setStroke(Color.gray(0.3));
        g.strokeRect(barX, top, barW, bottom - top);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        LogColorScale s = new LogColorScale(max);
        for (double v = 1; v <= Math.max(max, 1) * 1.0001; v *= 10) {
            double y = bottom - (bottom - top) * Math.max(0, s.position(v));
            g.strokeLine(barX + barW, y, barX + barW + 4, y);
            g.fillText(
                    v >= 1e4 ? String.format("1e%d", (int) Math.round(Math.log10(v))) : String.valueOf((long) v),
                    barX + barW + 6,
                    y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 2, 6);
        g.fillText("log scale", 2, h - 30);
    }
}
