package org.darkscope.io;

import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run files: Apache Parquet, one file per run (format in docs/run-file-format.md).
 *
 * <p>{@link #write} stores one flat non-nullable column per scalar (stored and derived) and per
 * cell, ZSTD-compressed, with the run metadata as JSON under {@link #KEY_RUN} and the schema version
 * under {@link #KEY_SCHEMA_VERSION}. Writing is atomic: a temporary file in the same directory is
 * renamed over the target only when complete.</p>
 *
 * <p>{@link #read} loads DarkScope files and files from pandas/polars/pyarrow/DuckDB with the same
 * column names; every problem surfaces as a {@link RunFileException} naming the file.</p>
 */
public final class RunFiles {
    /** Footer key of the run metadata JSON ({@link RunInfoJson}). */
    public static final String KEY_RUN = "darkscope.run";
    /** Footer key of the schema version (decimal integer). */
    public static final String KEY_SCHEMA_VERSION = "darkscope.schema_version";
    /** Name prefix of the temporary files of the atomic writer (watchers ignore them). */
    public static final String TEMP_PREFIX = ".darkscope-tmp-";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private RunFiles() {
    }

    public static RunData read(Path file) throws RunFileException {
        return read(file, Progress.NONE);
    }

    /** Reads a run; reports progress per row group and stops with {@link org.darkscope.task.CancelledException} when cancelled. */
    public static RunData read(Path file, Progress progress) throws RunFileException {
        return new ParquetRunReader(file).read(progress);
    }

    public static void write(RunData run, Path file) throws IOException {
        write(run, file, Progress.NONE);
    }

    /**
     * Writes a run atomically. On failure or cancellation the temporary file is deleted and any
     * existing file under the target name is left untouched.
     */
    public static void write(RunData run, Path file, Progress progress) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(String.valueOf(dir), null, "directory does not exist");
        }
        // not Files.createTempFile: that makes the file owner-only (0600); this one gets the usual umask
        Path tmp = dir.resolve(TEMP_PREFIX + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
        boolean done = false;
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(KEY_RUN, RunInfoJson.toJson(run.info()));
            meta.put(KEY_SCHEMA_VERSION, Integer.toString(Schema.VERSION));
            new ParquetRunWriter(run).write(tmp, meta, progress);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** True for names of the atomic writer's temporary files. */
    public static boolean isTempFile(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(TEMP_PREFIX);
    }
}
