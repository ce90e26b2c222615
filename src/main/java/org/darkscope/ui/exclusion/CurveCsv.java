package org.darkscope.ui.exclusion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A published curve typed in by the user: CSV with two columns, mass in MeV and the limit (ε or y);
 * an optional header line and lines starting with # are skipped.
 */
public final class CurveCsv {
    private CurveCsv() {
    }

    /** Returns {x[], y[]}; throws with the file name and line number on a malformed line. */
    public static double[][] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("[,;\\s]+");
            try {
                if (f.length < 2) {
                    throw new NumberFormatException("two columns expected");
                }
                double x = Double.parseDouble(f[0]);
                double y = Double.parseDouble(f[1]);
                if (!(x > 0) || !(y > 0)) {
                    throw new NumberFormatException("values must be positive for a log-log plot");
                }
                pts.add(new double[]{x, y});
            } catch (NumberFormatException e) {
                if (pts.isEmpty() && i == firstContentLine(lines)) {
                    continue; // header
                }
                throw new IOException(file + " line " + (i + 1) + ": '" + l + "': " + e.getMessage());
            }
        }
        if (pts.size() < 2) {
            throw new IOException(file + ": fewer than two points (expected lines 'mass_MeV,limit')");
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new double[][]{x, y};
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }
}
