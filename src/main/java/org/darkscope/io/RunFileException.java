package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run file could not be read. The message always reads {@code "<file name>: <problem>"} in plain
 * words, ready to be shown to a user as it is.
 */
public class RunFileException extends IOException {
    private final transient Path file;
    private final String problem;

    public RunFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public RunFileException(Path file, String problem, Throwable cause) {
        super(name(file) + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** The problem without the file name. */
    public String problem() {
        return problem;
    }

    static String name(Path file) {
        Path n = file == null ? null : file.getFileName();
        return n == null ? String.valueOf(file) : n.toString();
    }
}
