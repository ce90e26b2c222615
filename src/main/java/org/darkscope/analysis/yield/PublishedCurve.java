package org.darkscope.analysis.yield;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A published limit curve (ε or y versus mass in MeV) read from a CSV with two columns, an optional
 * header and '#' comments, and interpolated linearly in log-log to compare a computed limit with it.
 *
 * @param massMeV ascending masses (MeV)
 * @param limit   limit at each mass (&gt; 0)
 */
public record PublishedCurve(double[] massMeV, double[] limit) {
    public PublishedCurve {
        if (massMeV.length != limit.length || massMeV.length < 2) {
            throw new IllegalArgumentException("a curve needs at least two points");
        }
    }

    /** Reads the CSV; the message names the file and line of a malformed line. */
    public static PublishedCurve read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> pts = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                first = i;
                break;
            }
        }
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
                if (!(x > 0) || !(y > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new NumberFormatException("values must be positive for a log-log plot");
                }
                pts.add(new double[] {x, y});
            } catch (NumberFormatException e) {
                if (pts.isEmpty() && i == first) {
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
        return new PublishedCurve(x, y);
    }

    /** The curve at a mass, log-log interpolated; NaN outside its mass range. */
    public double at(double mMeV) {
        if (!(mMeV >= massMeV[0]) || !(mMeV <= massMeV[massMeV.length - 1])) {
            return Double.NaN;
        }
        int i = 1;
        while (i < massMeV.length - 1 && massMeV[i] < mMeV) {
            i++;
        }
        if (massMeV[i] == massMeV[i - 1]) {
            return limit[i];
        }
        double f = (Math.log(mMeV) - Math.log(massMeV[i - 1])) / (Math.log(massMeV[i]) - Math.log(massMeV[i - 1]));
        return Math.exp(Math.log(limit[i - 1]) + f * (Math.log(limit[i]) - Math.log(limit[i - 1])));
    }

    /** computed / published at a mass (NaN outside the curve or without a computed value). */
    public double ratio(double mMeV, double computed) {
        return computed / at(mMeV);
    }
}
