package org.darkscope.ui.exclusion;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A published curve typed in by the user: CSV with two columns, mass in MeV and the limit (ε or y);
 * an optional header line and lines starting with # are skipped.
 */
public final class CurveCsv {
    private CurveCsv() {}

    /** Returns {x[], y[]}; throws with the file name and line number on a malformed line. */
    public static double[][] read(Path file) throws IOException {
        org.darkscope.analysis.yield.PublishedCurve c = org.darkscope.analysis.yield.PublishedCurve.read(file);
        return new double[][] {c.massMeV(), c.limit()};
    }
}
