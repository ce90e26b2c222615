package org.darkscope.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Checks an output file before anything is computed or written, so that no command destroys an
 * input or an existing result, and an unusable output is reported before a long job runs.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** The output cannot be written; the message names the file and the reason. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Refuses (with a {@link RefusedException} naming the file) an output that is one of the inputs
     * (same file after following links, or the same file under another name), that already exists
     * unless {@code force}, that is a directory, or whose directory is missing or not writable.
     * Checks writability by creating and deleting a temporary file of ours in the directory.
     */
    public static void check(Path out, boolean force, Collection<Path> inputs) throws RefusedException {
        Path target = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && sameFile(target, in)) {
                throw new RefusedException(
                        "refusing to write " + out + ": it is the input file " + in + " (choose another output name)");
            }
        }
        if (Files.isDirectory(target)) {
            throw new RefusedException("cannot write " + out + ": it is a directory");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new RefusedException(out + " already exists; use --force to replace it");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new RefusedException("cannot write " + out + ": directory " + dir + " does not exist");
        }
        Path probe = dir.resolve(
                AtomicFiles.TEMP_PREFIX + "probe." + ProcessHandle.current().pid() + "."
                        + Long.toHexString(System.nanoTime() & Long.MAX_VALUE) + AtomicFiles.TEMP_SUFFIX);
        try {
            Files.createFile(probe);
        } catch (FileSystemException e) {
            throw new RefusedException(
                    "cannot write " + out + ": " + AtomicFiles.reason(e) + " (directory " + dir + ")");
        } catch (IOException e) {
            throw new RefusedException("cannot write " + out + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // could not create it either
            }
        }
    }

    /** True if both paths name the same existing file (links and other spellings followed). */
    public static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        } catch (IOException | SecurityException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
