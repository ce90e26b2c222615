package org.darkscope.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.task.Progress;

/**
 * Writes a run's summary columns as CSV: a header row of column names (as in {@link
 * org.darkscope.event.Schema}), then one row per event; '.' as decimal separator whatever the
 * locale; floats in their shortest exact form. Optionally the cell columns too (then the file can
 * be read back with {@link CsvImport}). Written atomically.
 */
public final class CsvExport {
    private CsvExport() {}

    /** Summary (scalar) columns only. */
    public static void write(RunData run, Path file) throws IOException {
        write(run, file, false, Progress.NONE);
    }

    public static void write(RunData run, Path file, boolean includeCells, Progress progress) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
                writeTo(run, w, includeCells, progress);
            }
        });
    }

    static void writeTo(RunData run, Writer w, boolean includeCells, Progress progress) throws IOException {
        List<ColumnDef> scalars = run.schema().scalars();
        List<String> cellNames = run.schema().cellColumns();
        StringBuilder line = new StringBuilder(4096);
        for (ColumnDef c : scalars) {
            sep(line).append(c.name());
        }
        if (includeCells) {
            for (String c : cellNames) {
                sep(line).append(c);
            }
        }
        w.write(line.append('\n').toString());
        Object[] arrays = new Object[scalars.size()];
        for (int k = 0; k < arrays.length; k++) {
            arrays[k] = run.column(scalars.get(k).name()).toArray();
        }
        float[] cells = new float[run.cells().cellCount()];
        int n = run.size();
        for (int e = 0; e < n; e++) {
            if ((e & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.update((double) e / Math.max(1, n), "exporting event " + e + " of " + n);
            }
            line.setLength(0);
            for (Object a : arrays) {
                sep(line);
                if (a instanceof float[] f) {
                    line.append(f[e]);
                } else if (a instanceof int[] i) {
                    line.append(i[e]);
                } else {
                    line.append(((long[]) a)[e]);
                }
            }
            if (includeCells) {
                run.cells().read(e, cells);
                for (float v : cells) {
                    sep(line).append(v);
                }
            }
            w.write(line.append('\n').toString());
        }
        progress.update(1, "exported " + n + " events");
    }

    private static StringBuilder sep(StringBuilder b) {
        return b.length() == 0 || b.charAt(b.length() - 1) == '\n' ? b : b.append(',');
    }
}
