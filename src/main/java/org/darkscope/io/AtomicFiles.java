package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/** Write to a temporary file in the target's directory, then rename it over the target in one step. */
final class AtomicFiles {
    /** Name prefix of temporary files (watchers ignore them). */
    static final String TEMP_PREFIX = ".darkscope-tmp-";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content of a temporary file. */
    @FunctionalInterface
    interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Calls {@code writer} on a fresh temporary path next to {@code file}, then moves it over
     * {@code file} atomically. If the writer throws (including cancellation), the temporary file is
     * deleted and {@code file} is untouched.
     */
    static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "directory does not exist");
        }
        // not Files.createTempFile: that makes the file owner-only (0600); this one gets the usual umask
        Path tmp = dir.resolve(TEMP_PREFIX + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        boolean done = false;
        try {
            writer.write(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static boolean isTemp(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(TEMP_PREFIX);
    }
}
