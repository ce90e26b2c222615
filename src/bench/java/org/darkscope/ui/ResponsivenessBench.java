package org.darkscope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.session.BackgroundTaskExecutor;
import org.darkscope.session.RecentRuns;
import org.darkscope.session.Session;
import org.darkscope.session.SessionFile;
import org.darkscope.session.SessionListener;
import org.darkscope.ui.shell.MainViewModel;

/**
 * Benchmark (not a test): opens the given runs in the real window, then drags the momentum cut's
 * lower-edge slider with the OS-level JavaFX robot back and forth, one mouse step per pulse, for
 * {@code bench.frames} pulses. Records the gaps between pulses (FX thread busy time, {@link FrameMonitor})
 * and, for every result shown, the time from the slider change that produced its selection to the
 * result reaching the session on the FX thread. Writes a report to the first argument.
 * Run under Xvfb: {@code xvfb-run java -cp ... org.darkscope.ui.ResponsivenessBench$Run out.txt run.parquet [signal.parquet...]}
 */
public class ResponsivenessBench extends Application {
    /** -Dbench.byValue=true: set the slider value each pulse instead of moving the mouse. */
    private static final boolean BY_VALUE = Boolean.getBoolean("bench.byValue");

    private final Map<Selection, Long> changedAt = Collections.synchronizedMap(new IdentityHashMap<>());
    private final List<Double> latencies = new ArrayList<>();
    private final List<Double> evalMillis = new ArrayList<>();

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        Path out = Path.of(args.get(0));
        Session session = new Session();
        MainViewModel model = new MainViewModel(
                session, DarkScopeApp.defaultReader(), new BackgroundTaskExecutor("loader", 1), RecentRuns.inMemory());
        Workbench wb = Workbench.create(model);
        Scene scene = new Scene(wb.window(), 1500, 950);
        scene.getStylesheets().add(DarkScopeApp.stylesheet());
        stage.setScene(scene);
        stage.show();
        session.addListener(new SessionListener() {
            @Override
            public void selectionChanged(Session s) {
                changedAt.put(s.selection(), System.nanoTime());
            }

            @Override
            public void resultChanged(Session s) {
                AnalysisResult r = s.result();
                if (r == null) {
                    return;
                }
                Long t = changedAt.get(r.selection());
                if (t != null) {
                    latencies.add((System.nanoTime() - t) / 1e6);
                    evalMillis.add(r.stats().nanos() / 1e6);
                }
            }
        });
        long t0 = System.nanoTime();
        model.openRuns(
                args.subList(1, args.size()).stream()
                        .map(a -> new SessionFile.RunEntry(Path.of(a), null))
                        .toList(),
                () -> {
                    double openS = (System.nanoTime() - t0) / 1e9;
                    // let the first evaluation and the details settle, then drag
                    javafx.animation.PauseTransition p =
                            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(8));
                    p.setOnFinished(e -> drag(wb, out, openS));
                    p.play();
                });
    }

    private void drag(Workbench wb, Path out, double openSeconds) {
        int frames = Integer.getInteger("bench.frames", 300);
        Slider s = (Slider) wb.window().lookup("#slider-momentum-min");
        Node thumb = s.lookup(".thumb");
        Bounds b = thumb.localToScreen(thumb.getBoundsInLocal());
        double x0 = (b.getMinX() + b.getMaxX()) / 2;
        double y0 = (b.getMinY() + b.getMaxY()) / 2;
        Robot robot = new Robot();
        FrameMonitor monitor = new FrameMonitor(100_000);
        latencies.clear();
        evalMillis.clear();
        if (!BY_VALUE) {
            robot.mouseMove(x0, y0);
            robot.mousePress(MouseButton.PRIMARY);
        }
        monitor.start();
        cpuAtStart = threadCpu();
        long[] start = {0};
        new AnimationTimer() {
            int i;

            @Override
            public void handle(long now) {
                if (start[0] == 0) {
                    start[0] = now;
                }
                i++;
                // triangle wave of +-60 px around the start, 2 px per pulse
                int phase = i % 120;
                double dx = phase < 60 ? 2 * phase : 2 * (120 - phase);
                if (BY_VALUE) {
                    // no robot: the slider value is set as a drag would (isolates the robot's own cost)
                    s.setValueChanging(true);
                    s.setValue(s.getMin() + (s.getMax() - s.getMin()) * (0.3 + 0.2 * dx / 120));
                } else {
                    robot.mouseMove(x0 + dx, y0);
                }
                if (i >= frames) {
                    if (!BY_VALUE) {
                        robot.mouseRelease(MouseButton.PRIMARY);
                    }
                    s.setValueChanging(false);
                    stop();
                    double dragS = (now - start[0]) / 1e9;
                    javafx.animation.PauseTransition settle =
                            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
                    settle.setOnFinished(e -> report(wb, out, monitor, dragS, openSeconds));
                    settle.play();
                }
            }
        }.start();
    }

    private Map<String, Long> cpuAtStart;

    /** CPU time (ns) of the FX, render and analysis threads by name. */
    private static Map<String, Long> threadCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> m = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (n.contains("JavaFX Application")
                    || n.contains("GtkNativeMainLoop")
                    || n.contains("QuantumRenderer")
                    || n.startsWith("analysis")
                    || n.startsWith("darkscope-analysis")) {
                m.merge(
                        n.startsWith("darkscope-analysis") ? "engine pool" : n,
                        Math.max(0, mx.getThreadCpuTime(t.getId())),
                        Long::sum);
            }
        }
        return m;
    }

    private void report(Workbench wb, Path out, FrameMonitor m, double dragSeconds, double openSeconds) {
        m.stop();
        Map<String, Long> cpuEnd = threadCpu();
        List<Double> lat = new ArrayList<>(latencies);
        Collections.sort(lat);
        List<Double> ev = new ArrayList<>(evalMillis);
        Collections.sort(ev);
        StringBuilder sb = new StringBuilder();
        int events = wb.model().session().runs().stream()
                .mapToInt(r -> r.data().size())
                .sum();
        sb.append(String.format(
                Locale.ROOT,
                "runs: %s (%,d events), opened in %.1f s%n",
                wb.model().session().runs().stream().map(r -> r.name()).toList(),
                events,
                openSeconds));
        sb.append(String.format(
                Locale.ROOT,
                "drag: %.1f s, %d pulses recorded, pulse gap median %.1f ms, p99 %.1f ms, max %.1f ms, gaps > 50 ms: %d, > 33 ms: %d%n",
                dragSeconds,
                m.frames(),
                m.percentileMillis(50),
                m.percentileMillis(99),
                m.maxGapMillis(),
                m.gapsLongerThan(50),
                m.gapsLongerThan(33)));
        sb.append(String.format(
                Locale.ROOT,
                "selection changes during drag -> results shown: %d shown; slider change to numbers in session: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                lat.size(),
                pct(lat, 50),
                pct(lat, 90),
                pct(lat, 100)));
        sb.append(String.format(
                Locale.ROOT,
                "engine evaluation per shown result: median %.1f ms, max %.1f ms; scheduler computed %d, discarded %d%n",
                pct(ev, 50),
                pct(ev, 100),
                wb.service().coreScheduler().computedCount(),
                wb.service().coreScheduler().discardedCount()));
        sb.append(String.format(Locale.ROOT, "CPU during drag+3 s settle (%.1f s wall): ", dragSeconds + 3));
        for (var e : cpuEnd.entrySet()) {
            long d = e.getValue() - cpuAtStart.getOrDefault(e.getKey(), 0L);
            sb.append(String.format(Locale.ROOT, "%s %.2f s; ", e.getKey(), d / 1e9));
        }
        sb.append(String.format(
                Locale.ROOT,
                "%nFX thread CPU per pulse: %.1f ms; load average at end: %.1f on %d cores%n",
                (cpuEnd.entrySet().stream()
                                        .filter(e -> e.getKey().contains("Gtk")
                                                || e.getKey().contains("JavaFX Application"))
                                        .mapToLong(e -> e.getValue() - cpuAtStart.getOrDefault(e.getKey(), 0L))
                                        .sum()
                                / 1e6)
                        / Math.max(1, m.frames()),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        try {
            Files.writeString(out, sb.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        wb.close();
        Platform.exit();
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p / 100 * sorted.size()) - 1));
        return sorted.get(i);
    }

    /** Plain main for a class-path launch. */
    public static final class Run {
        public static void main(String[] args) {
            Application.launch(ResponsivenessBench.class, args);
        }
    }
}
