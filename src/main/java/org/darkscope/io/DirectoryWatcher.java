package org.darkscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows a directory (for the shift crew: the run being taken) and reports every new or replaced
 * complete {@code *.parquet} file once. Polls, so it works on network file systems too. A file is
 * complete when it starts and ends with the Parquet magic number, its footer length points inside
 * the file and the footer parses, and its size, time and identity did not change between two polls
 * (a half-written or preallocated file is not reported until it is complete); temporary files of
 * DarkScope's atomic writer are ignored. Files already present at {@link #start()} are not reported
 * unless asked. A reported file that is deleted (or stops being complete) is reported to the
 * optional removal callback, so the follower can drop its run.
 *
 * <p>The callback runs on the watcher's own daemon thread; it must hand work to the UI thread itself.</p>
 */
public final class DirectoryWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DirectoryWatcher.class.getName());
    /** Default polling interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final Path dir;
    private final Consumer<Path> callback;
    private final Consumer<Path> removed;
    private final Duration interval;
    private final boolean reportExisting;
    /** Last reported signature per file. */
    private final Map<Path, Signature> reported = new HashMap<>();
    /** Signature seen at the previous poll, for files not yet reported in that state. */
    private final Map<Path, Signature> pending = new HashMap<>();

    private ScheduledExecutorService executor;
    private boolean baselineDone;

    private record Signature(long size, long modified, Object key) {}

    public DirectoryWatcher(Path dir, Consumer<Path> callback) {
        this(dir, callback, DEFAULT_INTERVAL, false);
    }

    /**
     * @param reportExisting also report the complete files present when watching starts
     */
    public DirectoryWatcher(Path dir, Consumer<Path> callback, Duration interval, boolean reportExisting) {
        this(dir, callback, interval, reportExisting, p -> {});
    }

    /**
     * @param removed told (on the watcher thread) when a reported file was deleted, renamed away or
     *                replaced by an incomplete one
     */
    public DirectoryWatcher(
            Path dir, Consumer<Path> callback, Duration interval, boolean reportExisting, Consumer<Path> removed) {
        this.removed = Objects.requireNonNull(removed);
        this.dir = Objects.requireNonNull(dir);
        this.callback = Objects.requireNonNull(callback);
        this.interval = interval;
        this.reportExisting = reportExisting;
    }

    public Path directory() {
        return dir;
    }

    /** Starts polling on a daemon thread. */
    public synchronized void start() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "darkscope-watch-" + dir.getFileName());
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling; no callback runs after this returns (except one already running). */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException | IOException e) {
            LOG.log(System.Logger.Level.WARNING, "watching " + dir + ": " + e.getMessage(), e);
        }
    }

    /** One poll: reports the files that became complete since the last one. Visible for tests. */
    synchronized void poll() throws IOException {
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.parquet")) {
            for (Path p : s) {
                if (AtomicFiles.isTemp(p)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // vanished between listing and reading
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                present.add(p);
                Signature sig = new Signature(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
                if (!baselineDone && !reportExisting) {
                    reported.put(p, sig);
                    continue;
                }
                if (sig.equals(reported.get(p))) {
                    pending.remove(p);
                    continue;
                }
                if (sig.equals(pending.get(p)) && isComplete(p, sig.size())) {
                    reported.put(p, sig);
                    pending.remove(p);
                    report(p);
                } else {
                    pending.put(p, sig);
                    if (reported.containsKey(p) && !isComplete(p, sig.size())) {
                        // being rewritten in place: the old run is gone until the new one is complete
                        reported.remove(p);
                        reportRemoved(p);
                    }
                }
            }
        }
        baselineDone = true;
        for (Path gone : new java.util.ArrayList<>(reported.keySet())) {
            if (!present.contains(gone)) {
                reported.remove(gone);
                reportRemoved(gone);
            }
        }
        pending.keySet().retainAll(present);
    }

    private void reportRemoved(Path p) {
        try {
            removed.accept(p);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "removal callback for " + p + " failed: " + e.getMessage(), e);
        }
    }

    private void report(Path p) {
        try {
            callback.accept(p);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "callback for " + p + " failed: " + e.getMessage(), e);
        }
    }

    /** Magic at both ends, a footer length that fits, and a footer that parses. */
    static boolean isComplete(Path p, long size) {
        if (size < 12) {
            return false;
        }
        byte[] head = new byte[4];
        byte[] tail = new byte[8];
        try (SeekableByteChannel ch = Files.newByteChannel(p)) {
            readFully(ch, head);
            ch.position(size - 8);
            readFully(ch, tail);
        } catch (IOException e) {
            return false;
        }
        if (!Arrays.equals(head, MAGIC) || !Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
            return false;
        }
        long footer = ByteBuffer.wrap(tail, 0, 4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .getInt()
                & 0xFFFFFFFFL;
        if (footer == 0 || footer + 12 > size) {
            return false;
        }
        try (var r = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(p))) {
            return r.getFooter() != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void readFully(SeekableByteChannel ch, byte[] dst) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // until full or end of file
        }
    }
}
