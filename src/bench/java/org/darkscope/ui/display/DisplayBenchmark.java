package org.darkscope.ui.display;

import java.util.Arrays;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.darkscope.event.RunData;
import org.darkscope.testsupport.DisplayRuns;

/**
 * Event-switch benchmark (not a unit test): time of showEvent + the pulse redraw over many events,
 * then playing at 20 events/s with the pulse intervals recorded. Results go to the log (System.Logger).
 * Run: {@code java -cp <test class path> org.darkscope.ui.display.DisplayBenchmark$Main}
 * (under xvfb-run with -Dprism.forceGPU=true for real 3D).
 */
public final class DisplayBenchmark extends Application {
    private static final System.Logger LOG = System.getLogger(DisplayBenchmark.class.getName());
    private static final int EVENTS = 3000;
    /** Size of the run used to time setRun (property bench.runsize). */
    private static final int RUN_SIZE = Integer.getInteger("bench.runsize", 200_000);

    private static final double PLAY_SECONDS = 6;

    @Override
    public void start(Stage stage) {
        EventDisplayPane pane = new EventDisplayPane();
        RunData big = DisplayRuns.mixed(3000, RUN_SIZE, 98);
        long s0 = System.nanoTime();
        pane.setRun(big);
        LOG.log(
                System.Logger.Level.INFO,
                String.format(
                        "setRun of %d events (regions, alerts, shared scale): %.0f ms",
                        RUN_SIZE, (System.nanoTime() - s0) / 1e6));
        RunData run = DisplayRuns.mixed(3001, EVENTS, 99);
        pane.setRun(run);
        s0 = System.nanoTime();
        pane.setRun(big);
        LOG.log(
                System.Logger.Level.INFO,
                String.format("setRun again (scene already built): %.0f ms", (System.nanoTime() - s0) / 1e6));
        pane.setRun(run);
        if (Boolean.getBoolean("bench.noright")) {
            pane.setRight(null);
        }
        stage.setScene(new Scene(pane, 1560, 960));
        stage.show();
        Platform.runLater(() -> {
            // warm-up
            for (int i = 0; i < 300; i++) {
                pane.showEvent(i);
                pane.applyIfDirty();
            }
            long[] ns = new long[EVENTS];
            for (int i = 0; i < EVENTS; i++) {
                long t0 = System.nanoTime();
                pane.showEvent(i);
                pane.applyIfDirty();
                ns[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ns);
            LOG.log(
                    System.Logger.Level.INFO,
                    String.format(
                            "showEvent+redraw over %d events: median %.3f ms, p99 %.3f ms, max %.3f ms",
                            EVENTS, ns[EVENTS / 2] / 1e6, ns[EVENTS * 99 / 100] / 1e6, ns[EVENTS - 1] / 1e6));
            orbitAndMeasure(pane, () -> playAndMeasure(pane));
        });
    }

    /** Render cost alone: turn the camera a little every pulse for a few seconds, count frames. */
    private void orbitAndMeasure(EventDisplayPane pane, Runnable then) {
        long t0 = System.nanoTime();
        int[] frames = {0};
        long[] last = {0};
        long[] worst = {0};
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                CameraRig rig = pane.detectorView().rig();
                rig.set(rig.yaw() + 0.5, rig.pitch(), new javafx.geometry.Point3D(0, 0, 28000), rig.distance());
                if (last[0] != 0) {
                    worst[0] = Math.max(worst[0], now - last[0]);
                }
                last[0] = now;
                frames[0]++;
                if (now - t0 > 4e9) {
                    stop();
                    double secs = (now - t0) / 1e9;
                    LOG.log(
                            System.Logger.Level.INFO,
                            String.format(
                                    "orbiting camera (render only): %.1f frames/s, longest frame gap %.1f ms",
                                    frames[0] / secs, worst[0] / 1e6));
                    then.run();
                }
            }
        }.start();
    }

    private void playAndMeasure(EventDisplayPane pane) {
        pane.showEvent(0);
        int startEvent = pane.currentEventProperty().get();
        long[] last = {0};
        long[] worst = {0};
        int[] frames = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    worst[0] = Math.max(worst[0], now - last[0]);
                }
                last[0] = now;
                frames[0]++;
            }
        };
        long redraws0 = pane.redrawCount();
        long t0 = System.nanoTime();
        timer.start();
        pane.nav.play.setSelected(true);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep((long) (PLAY_SECONDS * 1000));
            } catch (InterruptedException e) {
                return;
            }
            Platform.runLater(() -> {
                pane.nav.play.setSelected(false);
                timer.stop();
                double secs = (System.nanoTime() - t0) / 1e9;
                int shown = pane.currentEventProperty().get() - startEvent;
                LOG.log(
                        System.Logger.Level.INFO,
                        String.format(
                                "playing at %d ms interval for %.1f s: %.1f events/s shown, %d redraws, %.1f frames/s, longest frame gap %.1f ms",
                                NavigationBar.DEFAULT_PLAY_INTERVAL_MS,
                                secs,
                                shown / secs,
                                pane.redrawCount() - redraws0,
                                frames[0] / secs,
                                worst[0] / 1e6));
                Platform.exit();
            });
        });
        t.setDaemon(true);
        t.start();
    }

    /** Entry point for a plain class path. */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            Application.launch(DisplayBenchmark.class, args);
        }
    }
}
