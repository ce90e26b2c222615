package org.darkscope.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.darkscope.analysis.yield.PublishedCurve;

/**
 * Published limit curves shipped in the jar (resources/published, see its SOURCE.md for where every
 * number comes from) and user CSV files, both read by {@link PublishedCurve#read}.
 */
public final class PublishedCurves {
    /** The NA64 electron-beam 90 % CL limit on ε, 2016-2022, 9.37e11 EOT (PRL 131 (2023) 161801). */
    public static final String NA64E_2016_2022 = "na64e-2016-2022";
    /** Electrons on target of that result (the paper's abstract). */
    public static final double NA64E_2016_2022_EOT = 9.37e11;
    /** Built-in name to resource path and a label for legends. */
    private static final Map<String, String[]> BUILT_IN = Map.of(
            NA64E_2016_2022,
            new String[] {"/published/na64e-2016-2022-epsilon.csv", "NA64 2016-2022 (9.37e11 EOT), published"});

    private PublishedCurves() {}

    /** A curve with the name to show for it. */
    public record Named(String label, PublishedCurve curve) {}

    /** The built-in curve of that name. */
    public static Named builtIn(String name) throws IOException {
        String[] r = BUILT_IN.get(name);
        if (r == null) {
            throw new IOException(
                    "no built-in curve '" + name + "' (built in: " + String.join(", ", BUILT_IN.keySet()) + ")");
        }
        Path tmp = Files.createTempFile("darkscope-curve-", ".csv");
        try (InputStream in = PublishedCurves.class.getResourceAsStream(r[0])) {
            if (in == null) {
                throw new IOException("the built-in curve " + r[0] + " is missing from the program");
            }
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return new Named(r[1], PublishedCurve.read(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A built-in name, or a CSV file (mass_MeV, limit). */
    public static Named resolve(String nameOrFile) throws IOException {
        if (BUILT_IN.containsKey(nameOrFile)) {
            return builtIn(nameOrFile);
        }
        Path p = Path.of(nameOrFile);
        return new Named(p.getFileName().toString(), PublishedCurve.read(p));
    }
}
