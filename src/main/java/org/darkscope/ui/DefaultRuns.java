package org.darkscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.darkscope.event.RunData;
import org.darkscope.session.RunRole;
import org.darkscope.session.SessionFile;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;

/**
 * What the window opens when it is started without run files, so a new user sees a populated
 * display at once: the shipped sample runs ({@code sample-runs/}: the physics run plus its signal
 * companions; the calibration run goes to the event display only, for the tour's e-m shower), or,
 * when no sample runs are found, a small physics run and one signal run simulated on the fly.
 */
public final class DefaultRuns {
    /** Folder of the shipped sample runs, relative to the working directory (the repository root). */
    public static final String SAMPLE_DIR = "sample-runs";

    public static final String PHYSICS_FILE = "physics.parquet";
    public static final String CALIBRATION_FILE = "calibration.parquet";
    /** The weighted background simulation the MC transfer factor is taken from. */
    public static final String BACKGROUND_MC_FILE = "background-mc.parquet";
    /** Size of the physics run simulated when no sample runs are found (a few seconds on 2 cores). */
    public static final int FALLBACK_PHYSICS_EVENTS = 100_000;

    public static final int FALLBACK_SIGNAL_EVENTS = 10_000;
    /** A' mass of the fallback signal run (MeV). */
    public static final double FALLBACK_SIGNAL_MASS_MEV = 20;

    private DefaultRuns() {}

    /** The sample-run folder: {@code -Ddarkscope.samples=DIR}, else ./sample-runs, else next to the jar; null if none. */
    public static Path findSampleDir() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("darkscope.samples");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of(SAMPLE_DIR));
        try {
            Path jar = Path.of(DefaultRuns.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = jar.getParent();
            for (int up = 0; up < 2 && dir != null; up++, dir = dir.getParent()) {
                candidates.add(dir.resolve(SAMPLE_DIR));
            }
        } catch (Exception ignored) {
            // no code source (unusual class loader): only the working directory is tried
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve(PHYSICS_FILE))) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /**
     * Physics run first (as data), the weighted background MC (if shipped) in the background role, then
     * the signal runs in mass order.
     */
    public static List<SessionFile.RunEntry> sampleEntries(Path dir) throws IOException {
        List<SessionFile.RunEntry> out = new ArrayList<>();
        out.add(new SessionFile.RunEntry(dir.resolve(PHYSICS_FILE), RunRole.DATA));
        if (Files.isRegularFile(dir.resolve(BACKGROUND_MC_FILE))) {
            out.add(new SessionFile.RunEntry(dir.resolve(BACKGROUND_MC_FILE), RunRole.BACKGROUND));
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith("signal-")
                            && p.getFileName().toString().endsWith(".parquet"))
                    .sorted(java.util.Comparator.comparingDouble(DefaultRuns::massOf)
                            .thenComparing(Path::toString))
                    .forEach(p -> out.add(new SessionFile.RunEntry(p, RunRole.SIGNAL)));
        }
        return out;
    }

    /** The mass in a sample file name such as signal-brem-20mev.parquet (large if none). */
    static double massOf(Path p) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)mev")
                .matcher(p.getFileName().toString());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.MAX_VALUE;
    }

    /** Simulates the fallback runs: a physics run and one A'-strahlung signal run. */
    public static List<RunData> simulateFallback(Progress progress) {
        Progress first = sub(progress, 0, 0.85);
        RunData physics = Simulator.simulate(
                SimConfig.defaults(Mix.PHYSICS)
                        .withEvents(FALLBACK_PHYSICS_EVENTS)
                        .withSeed(1),
                first);
        RunData signal = Simulator.simulate(
                SimConfig.defaults(Mix.SIGNAL_BREM)
                        .withMassMeV(FALLBACK_SIGNAL_MASS_MEV)
                        .withEvents(FALLBACK_SIGNAL_EVENTS)
                        .withSeed(3),
                sub(progress, 0.85, 1));
        return List.of(physics, signal);
    }

    private static Progress sub(Progress p, double from, double to) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                p.update(from + (to - from) * fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
    }
}
