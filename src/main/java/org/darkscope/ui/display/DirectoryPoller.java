package org.darkscope.ui.display;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls a directory for new or replaced run files ({@code *.parquet}). A file is reported once its
 * size and modification time have stayed the same for one poll (so a file being written is not read
 * half-way; writers that rename atomically are reported on the next poll). Reports arrive on the
 * poller's own daemon thread. Small and self-contained: polling works on every file system,
 * including network mounts where WatchService is unreliable.
 */
public final class DirectoryPoller implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DirectoryPoller.class.getName());
    /** Default poll interval [display choice]. */
    public static final long DEFAULT_INTERVAL_MS = 1000;

    private record Stamp(long size, long modified) { }

    private final Path dir;
    private final String suffix;
    private final Consumer<Path> onChanged;
    private final Map<Path, Stamp> reported = new HashMap<>();
    private final Map<Path, Stamp> pending = new HashMap<>();
    private final ScheduledExecutorService exec;
    private ScheduledFuture<?> task;

    public DirectoryPoller(Path dir, String suffix, Consumer<Path> onChanged) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        this.dir = dir;
        this.suffix = suffix;
        this.onChanged = onChanged;
        this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "darkscope-follow-" + dir.getFileName());
            t.setDaemon(true);
            return t;
        });
    }

    public Path directory() { return dir; }

    public void start(long intervalMs) {
        task = exec.scheduleWithFixedDelay(this::pollSafely, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            for (Path p : poll()) {
                onChanged.accept(p);
            }
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.WARNING, "polling " + dir + " failed: " + e);
        }
    }

    /** One poll: returns files that are new or changed and stable since the previous poll. */
    synchronized List<Path> poll() throws IOException {
        List<Path> ready = new ArrayList<>();
        Map<Path, Stamp> seen = new HashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path p : ds) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException gone) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                seen.put(p, new Stamp(a.size(), a.lastModifiedTime().toMillis()));
            }
        }
        for (Map.Entry<Path, Stamp> en : seen.entrySet()) {
            Path p = en.getKey();
            Stamp s = en.getValue();
            if (s.equals(reported.get(p))) {
                continue;
            }
            if (s.equals(pending.get(p))) {
                reported.put(p, s);
                pending.remove(p);
                ready.add(p);
            } else {
                pending.put(p, s);
            }
        }
        ready.sort(null);
        return ready;
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
        exec.shutdownNow();
    }
}
