package org.darkscope.report;

import java.util.Locale;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;

/**
 * Names that tell runs apart in headers and legends: "signal brem 225 MeV" vs "signal annihilation
 * 225 MeV", "MC physics run 3", or the data file name.
 */
public final class RunLabels {
    private RunLabels() {}

    public static String of(RunData run) {
        return of(run.info(), run.displayName());
    }

    /** The same from a run's metadata and display name (a run kept as totals, in a result file). */
    public static String of(RunInfo i, String displayName) {
        if (i.isSignal()) {
            String process = i.mix() == null ? "" : i.mix().replaceFirst("^signal-?", "");
            return "signal " + (process.isEmpty() ? "" : process + " ") + mass(i.signalMassMeV()) + " MeV";
        }
        if (i.simulated()) {
            return "MC " + (i.mix() == null || i.mix().isEmpty() ? "" : i.mix() + " ") + "run " + i.runNumber();
        }
        return "data " + displayName;
    }

    /** A mass without trailing zeros: 225, 16.7. */
    public static String mass(double m) {
        if (m == Math.rint(m)) {
            return Long.toString((long) m);
        }
        return String.format(Locale.ROOT, "%.4g", m).replaceFirst("0+$", "").replaceFirst("\\.$", "");
    }
}
