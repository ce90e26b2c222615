package org.darkscope.testsupport;

import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;

/**
 * Class-mix data and two signal runs of the same mass (brem and annihilation), evaluated as the window
 * does (data role blinded): the inputs of the report and figure tests.
 */
public final class ReportRuns {
    public static final RunData DATA = ClassMixRuns.data(20000, 11);
    public static final RunData BREM = ClassMixRuns.signal(4000, 12, 225);
    /** The same mass as BREM, another process: the two must be told apart in headers. */
    public static final RunData ANNIHILATION = withMix(ClassMixRuns.signal(4000, 13, 225), "signal-annihilation");

    private ReportRuns() {}

    public static RunData withMix(RunData r, String mix) {
        RunInfo i = r.info();
        RunInfo n = new RunInfo(
                i.runNumber() + 1,
                i.beamEnergy(),
                i.eot(),
                i.intensity(),
                i.geometryVersion(),
                i.simulated(),
                mix,
                i.seed(),
                i.signalMassMeV(),
                Map.of(),
                i.schemaVersion(),
                i.description());
        RunData.Builder b = RunData.builder(n, r.detector(), r.size());
        r.columns().forEach(b::column);
        return b.cells(r.cells()).source("synthetic-" + mix).build();
    }

    /** Evaluates the selection with DATA in the data role (its box hidden while the selection is blinded). */
    public static AnalysisResult evaluate(Selection sel) {
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, BREM, ANNIHILATION))) {
            return e.evaluate(sel, r -> r == DATA, org.darkscope.task.Progress.NONE);
        }
    }
}
