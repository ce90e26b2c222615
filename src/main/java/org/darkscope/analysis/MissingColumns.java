package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.darkscope.event.RunData;

/**
 * Refuses a selection whose enabled cuts test a column that a run's file did not have (its values
 * would be defaults, so the cut would pass or fail every event without saying so). The command line
 * calls it before analysing; the window can call it before evaluating.
 */
public final class MissingColumns {
    private MissingColumns() {}

    /** One problem per (cut, run): "cut 'track-chi2' needs column 'chi2', which run.parquet does not have". */
    public static List<String> problems(Selection selection, Collection<RunData> runs) {
        List<String> out = new ArrayList<>();
        for (Cut c : selection.enabledCuts()) {
            for (RunData run : runs) {
                for (String col : c.columns(run::has)) {
                    if (run.missingColumns().contains(col)) {
                        out.add("cut '" + c.name() + "' needs column '" + col + "', which " + run.displayName()
                                + " does not have (disable the cut or add the column)");
                    }
                }
            }
        }
        return out;
    }

    /** Throws an IllegalArgumentException with the first problem (and how many more). */
    public static void require(Selection selection, Collection<RunData> runs) {
        List<String> p = problems(selection, runs);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(p.get(0) + (p.size() > 1 ? " (and " + (p.size() - 1) + " more)" : ""));
        }
    }
}
