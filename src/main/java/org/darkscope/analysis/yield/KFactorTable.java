package org.darkscope.analysis.yield;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * K factor K(m) = σ_IWW / σ_ETL (docs/physics.md#a-strahlung: "make K a table, not a constant"), interpolated
 * linearly in log m and clamped at the ends. The default table is resources/yields/k-factor-etl.csv, computed by
 * {@link ExactTreeLevel#main} (docs/physics.md#a-strahlung-etl).
 */
public final class KFactorTable {
    /** Resource path of the default table. */
    public static final String DEFAULT_RESOURCE = "/yields/k-factor-etl.csv";

    private final double[] logMass;
    private final double[] k;

    public KFactorTable(double[] massGeV, double[] kValues) {
        if (massGeV.length != kValues.length || massGeV.length == 0) {
            throw new IllegalArgumentException("K table needs equal, non-empty columns");
        }
        logMass = new double[massGeV.length];
        for (int i = 0; i < massGeV.length; i++) {
            if (!(massGeV[i] > 0) || !(kValues[i] > 0)) {
                throw new IllegalArgumentException("K table row " + i + ": mass and K must be positive");
            }
            if (i > 0 && massGeV[i] <= massGeV[i - 1]) {
                throw new IllegalArgumentException("K table masses must increase (row " + i + ")");
            }
            logMass[i] = Math.log(massGeV[i]);
        }
        k = kValues.clone();
    }

    /** K = 1 at every mass (IWW). */
    public static KFactorTable unity() {
        return new KFactorTable(new double[] {1}, new double[] {1});
    }

    /** The table shipped in the jar. */
    public static KFactorTable defaultTable() {
        try (InputStream in = KFactorTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSV with a header line and columns mass_gev,k; '#' lines are comments. */
    public static KFactorTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    static KFactorTable parse(InputStream in, String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean header = true;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] p = line.split(",");
            try {
                rows.add(new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())});
            } catch (RuntimeException e) {
                throw new IOException(name + " line " + no + ": expected 'mass_gev,k', got '" + line + "'");
            }
        }
        double[] m = rows.stream().mapToDouble(x -> x[0]).toArray();
        double[] kk = rows.stream().mapToDouble(x -> x[1]).toArray();
        return new KFactorTable(m, kk);
    }

    /** K at mass m (GeV). */
    public double at(double massGeV) {
        double x = Math.log(massGeV);
        if (x <= logMass[0]) {
            return k[0];
        }
        int n = logMass.length;
        if (x >= logMass[n - 1]) {
            return k[n - 1];
        }
        int i = 1;
        while (logMass[i] < x) {
            i++;
        }
        double f = (x - logMass[i - 1]) / (logMass[i] - logMass[i - 1]);
        return k[i - 1] + f * (k[i] - k[i - 1]);
    }
}
