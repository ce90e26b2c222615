package org.darkscope.analysis.yield;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relic-density target lines y(m_χ) for scalar, Majorana and pseudo-Dirac χ (docs/physics.md#yields),
 * read from resources/relic-targets/*.csv (m_χ in GeV; rows unsorted in the files, sorted here).
 * Source: the ESPP2026-PPG/Quasi-elastic-DM repository (see resources/relic-targets/SOURCE.md).
 */
public final class RelicTargets {
    /** A line, sorted by mass. */
    public record Line(String name, double[] massGeV, double[] y) {
        /** y at m_χ (GeV), log-log interpolation; NaN outside the line's mass range. */
        public double at(double m) {
            if (m < massGeV[0] || m > massGeV[massGeV.length - 1]) {
                return Double.NaN;
            }
            int i = Arrays.binarySearch(massGeV, m);
            if (i >= 0) {
                return y[i];
            }
            int hi = -i - 1;
            int lo = hi - 1;
            double f = (Math.log(m) - Math.log(massGeV[lo])) / (Math.log(massGeV[hi]) - Math.log(massGeV[lo]));
            return Math.exp(Math.log(y[lo]) + f * (Math.log(y[hi]) - Math.log(y[lo])));
        }
    }

    public static final List<String> NAMES = List.of("scalar", "majorana", "pseudodirac");

    private static volatile Map<String, Line> lines;

    private RelicTargets() {}

    /** Every line by name (scalar, majorana, pseudodirac). */
    public static Map<String, Line> all() {
        Map<String, Line> l = lines;
        if (l == null) {
            Map<String, Line> m = new LinkedHashMap<>();
            for (String n : NAMES) {
                m.put(n, load(n));
            }
            l = java.util.Collections.unmodifiableMap(m);
            lines = l;
        }
        return l;
    }

    public static Line line(String name) {
        Line l = all().get(name);
        if (l == null) {
            throw new IllegalArgumentException("no relic line '" + name + "' (have " + NAMES + ")");
        }
        return l;
    }

    private static Line load(String name) {
        String path = "/relic-targets/" + name + ".csv";
        try (InputStream in = RelicTargets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.split(",");
                rows.add(new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())});
            }
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            // drop duplicate masses (keep the first)
            List<double[]> u = new ArrayList<>();
            for (double[] row : rows) {
                if (u.isEmpty() || row[0] > u.get(u.size() - 1)[0]) {
                    u.add(row);
                }
            }
            return new Line(
                    name,
                    u.stream().mapToDouble(x -> x[0]).toArray(),
                    u.stream().mapToDouble(x -> x[1]).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
