package org.darkscope.ui.display;

import java.util.Locale;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The tour's dark-photon animation, a side view along the beam: the electron enters the ECAL, emits
 * the A' at the event's emission depth, and the recoil electron's shower grows through the ECAL
 * depth with its mean GFLASH profile ({@link ShowerProfile}) while the A' leaves through VETO and
 * HCAL as a dashed line, unseen. Stop and Replay; it plays by itself only in a real window (not in
 * headless tests) unless {@value #AUTOPLAY_PROPERTY} says otherwise.
 */
final class ShowerAnimation extends VBox {
    /** System property: true / false forces playing on showing a step (default: not when headless). */
    static final String AUTOPLAY_PROPERTY = "darkscope.tour.animate";
    /** Length of one run of the animation [display choice: slow enough to follow while talking]. */
    static final Duration LENGTH = Duration.seconds(6);
    /** Fraction of the animation the incoming electron takes to reach the emission point. */
    static final double APPROACH = 0.15;

    final Canvas canvas = new Canvas(CANVAS_WIDTH, 170);
    final Label text = new Label();
    final Button stop = new Button("\u25A0 stop");
    final Button replay = new Button("\u21BB replay");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final Timeline timeline = new Timeline();
    private ShowerProfile profile;

    ShowerAnimation() {
        super(4);
        setId("tour-animation");
        setPadding(new Insets(4, 0, 4, 0));
        canvas.setId("tour-anim-canvas");
        text.setId("tour-anim-text");
        text.setWrapText(true);
        text.setMaxWidth(480);
        stop.setId("tour-anim-stop");
        replay.setId("tour-anim-replay");
        stop.setOnAction(e -> stop());
        replay.setOnAction(e -> replay());
        getChildren().addAll(canvas, text, new HBox(6, stop, replay));
        progress.addListener((o, a, b) -> draw());
        timeline.getKeyFrames()
                .setAll(
                        new KeyFrame(Duration.ZERO, new KeyValue(progress, 0)),
                        new KeyFrame(LENGTH, new KeyValue(progress, 1, Interpolator.LINEAR)));
        timeline.setOnFinished(e -> stop.setDisable(true));
        setVisible(false);
        setManaged(false);
        // the drawing follows the column's width (narrow at projector scale) instead of forcing the
        // column to 480 px and cutting the tour text at its right edge
        widthProperty().addListener((o, a, w) -> {
            double cw = Math.max(MIN_CANVAS_WIDTH, Math.min(CANVAS_WIDTH, w.doubleValue()));
            if (cw != canvas.getWidth()) {
                canvas.setWidth(cw);
                draw();
            }
        });
    }

    /** Width of the drawing at most (px) and at least (px, narrower columns scroll). */
    static final double CANVAS_WIDTH = 480;

    static final double MIN_CANVAS_WIDTH = 240;

    @Override
    protected double computeMinWidth(double height) {
        return MIN_CANVAS_WIDTH + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return Math.max(super.computePrefWidth(height) - canvas.getWidth() + MIN_CANVAS_WIDTH, computeMinWidth(height));
    }

    /** Plays by itself when a step is shown: in a real window, not under headless tests, unless the property says. */
    static boolean autoplay() {
        String p = System.getProperty(AUTOPLAY_PROPERTY);
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        return !Boolean.getBoolean("testfx.headless")
                && !"Headless".equalsIgnoreCase(System.getProperty("monocle.platform"));
    }

    /** Shows the animation for an event (drawn complete unless it plays); null hides it. */
    void show(ShowerProfile p) {
        timeline.stop();
        profile = p;
        setVisible(p != null);
        setManaged(p != null);
        if (p == null) {
            return;
        }
        if (autoplay()) {
            replay();
        } else {
            setProgress(1);
            stop.setDisable(true);
        }
    }

    void replay() {
        if (profile == null) {
            return;
        }
        timeline.stop();
        progress.set(0);
        stop.setDisable(false);
        timeline.playFromStart();
    }

    void stop() {
        timeline.stop();
        stop.setDisable(true);
    }

    boolean playing() {
        return timeline.getStatus() == javafx.animation.Animation.Status.RUNNING;
    }

    double progress() {
        return progress.get();
    }

    /** Puts the animation at a fraction 0..1 (stopped), e.g. for a screenshot mid-way. */
    void setProgress(double f) {
        timeline.stop();
        stop.setDisable(true);
        progress.set(Math.max(0, Math.min(1, f)));
        draw();
    }

    ShowerProfile profile() {
        return profile;
    }

    /** Depth [X0] the shower has reached at progress f. */
    double depthAt(double f) {
        if (profile == null || f <= APPROACH) {
            return profile == null ? 0 : profile.startX0() * Math.max(0, f) / APPROACH;
        }
        double g = (f - APPROACH) / (1 - APPROACH);
        return profile.startX0() + g * (profile.ecalDepthX0() - profile.startX0());
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(24, 26, 34));
        g.fillRect(0, 0, w, h);
        if (profile == null) {
            return;
        }
        double f = progress.get();
        double y0 = h * 0.48;
        double ecalX = 60;
        double ecalW = 240;
        double px = ecalW / profile.ecalDepthX0();
        double vetoX = ecalX + ecalW + 12;
        double hcalX = vetoX + 16;
        double hcalW = w - hcalX - 24;
        double half = h * 0.34;
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        // detector outlines
        g.setStroke(Color.rgb(150, 154, 170));
        g.setLineWidth(1);
        g.setLineDashes();
        g.strokeRect(ecalX, y0 - half, ecalW, 2 * half);
        g.setLineDashes(3, 3);
        g.strokeLine(ecalX + profile.preshowerX0() * px, y0 - half, ecalX + profile.preshowerX0() * px, y0 + half);
        g.setLineDashes();
        g.setStroke(Color.rgb(200, 140, 230));
        g.strokeRect(vetoX, y0 - half, 6, 2 * half);
        g.setStroke(Color.rgb(150, 154, 170));
        g.strokeRect(hcalX, y0 - half, hcalW, 2 * half);
        g.setFill(Color.rgb(200, 204, 216));
        g.fillText("ECAL (preshower | main)", ecalX + 2, y0 - half - 15);
        g.fillText("VETO", vetoX - 8, y0 + half + 2);
        g.fillText("HCAL", hcalX + 4, y0 - half - 15);
        // incoming electron up to the emission point
        double sx = ecalX + profile.startX0() * px;
        double reach = f <= APPROACH ? f / APPROACH : 1;
        g.setStroke(Color.rgb(120, 220, 255));
        g.setLineWidth(2);
        g.strokeLine(4, y0, 4 + reach * (sx - 4), y0);
        g.setFill(Color.rgb(120, 220, 255));
        g.fillText("e\u207B " + fmt(profile.recoilGeV() + profile.invisibleGeV()) + " GeV", 4, y0 + 4);
        if (f > APPROACH) {
            double t = depthAt(f);
            drawShower(g, ecalX, px, y0, half, t);
            // the A' leaves at a small angle, through everything, seen by nothing
            double g2 = (f - APPROACH) / (1 - APPROACH);
            double ex = sx + g2 * (w - sx);
            double ey = y0 - g2 * half * 0.55;
            g.setStroke(Color.rgb(255, 110, 255));
            g.setLineWidth(2);
            g.setLineDashes(7, 5);
            g.strokeLine(sx, y0, ex, ey);
            g.setLineDashes();
            g.setFill(Color.rgb(255, 110, 255));
            g.fillText(
                    "A' " + fmt(profile.invisibleGeV()) + " GeV (invisible)",
                    Math.min(ex, w - 170),
                    Math.max(2, ey - 16));
            text.setText(String.format(
                    Locale.ROOT,
                    "Recoil e\u207B shower at depth %.1f X\u2080: %.1f of %.1f GeV deposited (maximum at %.1f X\u2080). "
                            + "The A' carries %.1f GeV through VETO and HCAL without a trace.",
                    t,
                    profile.depositedUpTo(t),
                    profile.recoilGeV(),
                    profile.maximumX0(),
                    profile.invisibleGeV()));
        } else {
            text.setText("The beam electron enters the ECAL ...");
        }
    }

    /** The mean longitudinal profile from the emission point to depth t, mirrored about the axis. */
    private void drawShower(GraphicsContext g, double ecalX, double px, double y0, double half, double t) {
        double peak = profile.dEdt(profile.maximumX0());
        if (!(peak > 0)) {
            return;
        }
        int n = 120;
        double from = profile.startX0();
        double to = Math.min(t, profile.ecalDepthX0());
        if (to <= from) {
            return;
        }
        double[] xs = new double[2 * n + 2];
        double[] ys = new double[2 * n + 2];
        for (int i = 0; i <= n; i++) {
            double d = from + (to - from) * i / n;
            double hgt = 0.92 * half * profile.dEdt(d) / peak;
            xs[i] = ecalX + d * px;
            ys[i] = y0 - hgt;
            xs[2 * n + 1 - i] = xs[i];
            ys[2 * n + 1 - i] = y0 + hgt;
        }
        g.setFill(Color.rgb(255, 170, 40, 0.75));
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(Color.rgb(255, 214, 120));
        g.setLineWidth(1);
        g.strokePolygon(xs, ys, xs.length);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
