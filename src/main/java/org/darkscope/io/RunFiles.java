package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;

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
    /**
     * Footer key of the SHA-256 (lower-case hex) of the UTF-8 bytes of the {@link #KEY_RUN} JSON.
     * Verified on read when present (files written before it existed have none and load).
     */
    public static final String KEY_RUN_SHA256 = "darkscope.run.sha256";
    /** Footer key of the schema version (decimal integer). */
    public static final String KEY_SCHEMA_VERSION = "darkscope.schema_version";
    /** Name prefix of the temporary files of the atomic writer (watchers ignore them). */
    public static final String TEMP_PREFIX = AtomicFiles.TEMP_PREFIX;

    private RunFiles() {}

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
        Map<String, String> meta = new LinkedHashMap<>();
        String json = RunInfoJson.toJson(run.info());
        meta.put(KEY_RUN, json);
        meta.put(KEY_RUN_SHA256, sha256(json));
        meta.put(KEY_SCHEMA_VERSION, Integer.toString(Schema.VERSION));
        AtomicFiles.write(file, tmp -> new ParquetRunWriter(run).write(tmp, meta, progress));
    }

    /**
     * What {@code info} shows without loading the events: the metadata, the event count and the
     * class mix.
     *
     * @param file         the run file
     * @param info         run metadata (defaults if the file has none)
     * @param events       number of events
     * @param classCounts  events per truth_class code (EventClass), empty if the file has no truth
     * @param hasMetadata  false for foreign files without DarkScope metadata
     * @param missingColumns optional columns the file does not have (defaults would be used)
     * @param valueCounts  NaN/+-Inf/negative-energy counts per column with any (see RunData.valueCounts)
     */
    public record Summary(
            Path file,
            RunInfo info,
            int events,
            Map<Integer, Long> classCounts,
            boolean hasMetadata,
            java.util.List<String> missingColumns,
            Map<String, RunData.ValueCounts> valueCounts) {
        public Summary {
            classCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(classCounts));
            missingColumns = java.util.List.copyOf(missingColumns);
            valueCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueCounts));
        }

        public Summary(Path file, RunInfo info, int events, Map<Integer, Long> classCounts, boolean hasMetadata) {
            this(file, info, events, classCounts, hasMetadata, java.util.List.of(), Map.of());
        }
    }

    /** Reads the metadata, event count and truth-class counts only (fast, little memory). */
    public static Summary summary(Path file) throws RunFileException {
        return new ParquetRunReader(file).summary();
    }

    /**
     * How reading this run obtains its derived summary columns (E_ECAL, E_HCAL, shape, ...), in
     * words: stored in the file and still matching its cells, or derived from the cells, and why.
     * From the footer alone (docs/run-file-format.md#derived-columns).
     */
    public static String derivation(Path file) throws RunFileException {
        return new ParquetRunReader(file).derivation().text;
    }

    /** SHA-256 of the UTF-8 bytes of a text, lower-case hex. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java", e);
        }
    }

    /**
     * Refuses the same run file given twice: the same file after following links, or two files with
     * the same content (equal size, then equal SHA-256). Throws a RunFileException naming both.
     */
    public static void requireDistinct(java.util.List<Path> files) throws RunFileException {
        for (int i = 0; i < files.size(); i++) {
            for (int j = 0; j < i; j++) {
                Path a = files.get(j);
                Path b = files.get(i);
                if (OutputFiles.sameFile(a, b)) {
                    throw new RunFileException(b, "given twice (also as " + a + "); each run may be counted only once");
                }
                if (sameContent(a, b)) {
                    throw new RunFileException(
                            b, "has the same content as " + a + "; the same run given twice would be counted twice");
                }
            }
        }
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            if (!java.nio.file.Files.isRegularFile(a)
                    || !java.nio.file.Files.isRegularFile(b)
                    || java.nio.file.Files.size(a) != java.nio.file.Files.size(b)) {
                return false;
            }
            return java.nio.file.Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false; // unreadable: the read reports it
        }
    }
}
