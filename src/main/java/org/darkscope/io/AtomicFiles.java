package org.darkscope.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write to a temporary file in the target's directory, then rename it over the target in one step.
 *
 * <p>Temporary files are named {@code .darkscope-tmp-NAME.PID.RANDOM.part}. The ones being written
 * are deleted by a shutdown hook (normal exit, Ctrl+C, kill -TERM). Before each write, leftovers of
 * this naming pattern in the target directory are removed when they are stale: their process is no
 * longer running, or they are older than {@link #STALE_AGE} (kill -9, power loss).</p>
 */
final class AtomicFiles {
    /** Name prefix of temporary files (watchers ignore them). */
    static final String TEMP_PREFIX = ".darkscope-tmp-";

    static final String TEMP_SUFFIX = ".part";
    /** A temporary file of ours this old is removed whatever its process. */
    static final Duration STALE_AGE = Duration.ofHours(1);
    /** A temporary file of a dead process younger than this is left alone (clock skew, network file systems). */
    static final Duration DEAD_GRACE = Duration.ofSeconds(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    /** Writes the content of a temporary file. */
    @FunctionalInterface
    interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Calls {@code writer} on a fresh temporary path next to {@code file}, then moves it over
     * {@code file} atomically. If the writer throws (including cancellation), the temporary file is
     * deleted and {@code file} is untouched. File-system errors name {@code file} (never the
     * temporary path) and the operating system's reason.
     */
    static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        cleanStale(dir);
        installHook();
        // not Files.createTempFile: that makes the file owner-only (0600); this one gets the usual umask
        Path tmp = dir.resolve(TEMP_PREFIX + target.getFileName() + "."
                + ProcessHandle.current().pid() + "." + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE)
                + TEMP_SUFFIX);
        LIVE.add(tmp);
        boolean done = false;
        try {
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } catch (FileSystemException e) {
            throw renamed(e, target, dir);
        } catch (IOException e) {
            String m = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().replace(tmp.toString(), target.toString());
            throw new IOException(target + ": " + m, e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the directory went away or became read-only; the stale cleaner will find it
                }
            }
            LIVE.remove(tmp);
        }
    }

    /** The same failure, naming the target file and the operating system's reason. */
    private static FileSystemException renamed(FileSystemException e, Path target, Path dir) {
        String reason = reason(e);
        if (e instanceof AccessDeniedException) {
            FileSystemException r = new AccessDeniedException(
                    target.toString(),
                    null,
                    reason + (Files.isWritable(dir) ? "" : " (directory " + dir + " is not writable)"));
            r.initCause(e);
            return r;
        }
        FileSystemException r = e instanceof NoSuchFileException
                ? new NoSuchFileException(target.toString(), null, reason)
                : new FileSystemException(target.toString(), null, reason);
        r.initCause(e);
        return r;
    }

    /** The operating system's reason in plain words. */
    static String reason(FileSystemException e) {
        if (e.getReason() != null && !e.getReason().isBlank()) {
            return e.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "file exists";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        return e.getClass().getSimpleName();
    }

    static boolean isTemp(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(TEMP_PREFIX);
    }

    /**
     * Removes our own stale temporary files in {@code dir}: names {@code .darkscope-tmp-*.part} whose
     * process is dead (and which are older than a few seconds) or which are older than
     * {@link #STALE_AGE}. Never touches other files, nor temporary files this process is writing.
     *
     * @return the number of files removed
     */
    static int cleanStale(Path dir) {
        int removed = 0;
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : s) {
                if (LIVE.contains(p) || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                long age = now - Files.getLastModifiedTime(p).toMillis();
                long pid = ownerPid(p.getFileName().toString());
                boolean dead = pid > 0
                        && pid != ProcessHandle.current().pid()
                        && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                if (age > STALE_AGE.toMillis() || (dead && age > DEAD_GRACE.toMillis())) {
                    if (Files.deleteIfExists(p)) {
                        removed++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable directory: the write itself reports the problem
        }
        return removed;
    }

    /** The process id in a temporary file name, or -1 (names of older versions had none). */
    static long ownerPid(String name) {
        if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) {
            return -1;
        }
        String core = name.substring(0, name.length() - TEMP_SUFFIX.length());
        int r = core.lastIndexOf('.');
        if (r <= 0) {
            return -1;
        }
        int p = core.lastIndexOf('.', r - 1);
        if (p < 0) {
            return -1;
        }
        try {
            return Long.parseLong(core.substring(p + 1, r));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Temporary files being written now (for the shutdown hook and tests). */
    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (AtomicFiles.class) {
            if (hookInstalled) {
                return;
            }
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteLive, "darkscope-temp-cleanup"));
            } catch (IllegalStateException alreadyShuttingDown) {
                // nothing to install
            }
            hookInstalled = true;
        }
    }

    /** Deletes every temporary file still being written (the shutdown hook). */
    static void deleteLive() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort at exit
            }
        }
    }
}
