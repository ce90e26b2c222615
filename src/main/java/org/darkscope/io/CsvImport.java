package org.darkscope.io;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;

/**
 * Reads a small run (teaching files) from CSV: a header row with DarkScope column names, then one
 * row per event with numbers ('.' decimal). The cell columns and the required scalar columns must
 * be present; other stored columns take their defaults; derived columns in the file are ignored and
 * recomputed from the cells; unknown columns are ignored. Lines starting with '#' are comments.
 * Empty fields and "nan" count as missing and become 0. Every problem is a {@link RunFileException}
 * naming the file and, for bad rows, the line number.
 */
public final class CsvImport {
    private static final System.Logger LOG = System.getLogger(CsvImport.class.getName());

    private CsvImport() {}

    public static RunData read(Path file) throws RunFileException {
        return read(file, GeometryLoader.defaultDetector());
    }

    public static RunData read(Path file, Detector detector) throws RunFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RunFileException(file, "file not found");
        } catch (MalformedInputException e) {
            throw new RunFileException(file, "not a text (UTF-8) file");
        } catch (IOException e) {
            throw new RunFileException(file, "cannot be read (" + ParquetRunReader.plain(e) + ")", e);
        }
        int headerLine = 0;
        while (headerLine < lines.size() && skip(lines.get(headerLine))) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new RunFileException(file, "file is empty (no header row)");
        }
        String[] header = split(lines.get(headerLine).replace("\uFEFF", ""));
        Schema schema = Schema.of(detector);
        List<String> cellNames = schema.cellColumns();
        Map<String, Integer> cellIndex = new HashMap<>();
        for (int i = 0; i < cellNames.size(); i++) {
            cellIndex.put(cellNames.get(i), i);
        }
        // per file column: a stored scalar, a cell, or ignored
        ColumnDef[] scalarOf = new ColumnDef[header.length];
        int[] cellOf = new int[header.length];
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < header.length; k++) {
            String name = header[k];
            cellOf[k] = -1;
            if (seen.put(name, k) != null && !name.isEmpty()) {
                throw new RunFileException(file, "line " + (headerLine + 1) + ": column '" + name + "' appears twice");
            }
            if (cellIndex.containsKey(name)) {
                cellOf[k] = cellIndex.get(name);
            } else if (schema.hasColumn(name) && schema.column(name).kind() != ColumnDef.Kind.DERIVED) {
                scalarOf[k] = schema.column(name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ColumnDef c : schema.stored()) {
            if (c.kind() == ColumnDef.Kind.REQUIRED && !seen.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        for (String c : cellNames) {
            if (!seen.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new RunFileException(
                    file,
                    "required column '" + missing.get(0) + "' is missing"
                            + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
        }

        List<Integer> rows = new ArrayList<>();
        for (int l = headerLine + 1; l < lines.size(); l++) {
            if (!skip(lines.get(l))) {
                rows.add(l);
            }
        }
        int n = rows.size();
        int nc = detector.cellCount();
        Map<String, Object> arrays = new HashMap<>();
        for (int k = 0; k < header.length; k++) {
            if (scalarOf[k] != null) {
                arrays.put(
                        header[k],
                        switch (scalarOf[k].type()) {
                            case INT -> new int[n];
                            case LONG -> new long[n];
                            case FLOAT -> new float[n];
                        });
            }
        }
        float[] block = new float[n * nc];
        long nulls = 0;
        for (int e = 0; e < n; e++) {
            int lineNo = rows.get(e) + 1;
            String[] f = split(lines.get(rows.get(e)));
            if (f.length != header.length) {
                throw new RunFileException(
                        file, "line " + lineNo + ": expected " + header.length + " values, found " + f.length);
            }
            for (int k = 0; k < f.length; k++) {
                if (scalarOf[k] == null && cellOf[k] < 0) {
                    continue;
                }
                String v = f[k];
                if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null")) {
                    nulls++;
                    continue;
                }
                try {
                    if (cellOf[k] >= 0) {
                        block[e * nc + cellOf[k]] = Float.parseFloat(v);
                    } else {
                        Object a = arrays.get(header[k]);
                        if (a instanceof float[] fa) {
                            fa[e] = Float.parseFloat(v);
                        } else if (a instanceof int[] ia) {
                            ia[e] = Math.toIntExact(integer(v));
                        } else {
                            ((long[]) a)[e] = integer(v);
                        }
                    }
                } catch (NumberFormatException | ArithmeticException ex) {
                    throw new RunFileException(
                            file,
                            "line " + lineNo + ": column '" + header[k] + "': '" + v + "' is not "
                                    + (scalarOf[k] != null && scalarOf[k].type() != org.darkscope.event.ColumnType.FLOAT
                                            ? "an integer"
                                            : "a number"));
                }
            }
        }
        if (nulls > 0) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0}: {1} empty values replaced by 0",
                    RunFileException.name(file),
                    nulls);
        }
        int runNumber = arrays.get(Schema.RUN) instanceof int[] r && r.length > 0 ? r[0] : 0;
        RunInfo info = RunInfo.data(runNumber, detector.beamEnergy(), n)
                .withDescription(
                        "imported from CSV " + RunFileException.name(file) + "; EOT set to the number of events");
        RunData.Builder b = RunData.builder(info, detector, n).source(file.toString());
        arrays.forEach(b::column);
        return b.cells(new ArrayCellStore(block, nc)).build();
    }

    /** Integer value; accepts "12" and "12.0" (pandas writes ints with missing values as floats). */
    private static long integer(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(v);
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new NumberFormatException(v);
            }
            return (long) d;
        }
    }

    private static boolean skip(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    /** Splits on commas; trims blanks and one pair of surrounding double quotes per field. */
    static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            f[i] = s;
        }
        return f;
    }
}
