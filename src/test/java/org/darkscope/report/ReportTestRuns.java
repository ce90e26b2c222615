package org.darkscope.report;

import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.testsupport.ClassMixRuns;

/** Synthetic data, background and signal runs evaluated as the window does (data role blinded). */
final class ReportTestRuns {
    static final RunData DATA = ClassMixRuns.data(20000, 11);
    static final RunData BREM = ClassMixRuns.signal(4000, 12, 225);
    /** The same mass as BREM, another process: the two must be told apart in headers. */
    static final RunData ANNIHILATION = withMix(ClassMixRuns.signal(4000, 13, 225), "signal-annihilation");

    private ReportTestRuns() {}

    static RunData withMix(RunData r, String mix) {
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
    static AnalysisResult evaluate(Selection sel) {
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, BREM, ANNIHILATION))) {
            return e.evaluate(sel, r -> r == DATA, org.darkscope.task.Progress.NONE);
        }
    }
}
