package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.event.RunData;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;

/**
 * Everything the results panel shows for a session: the summary lines and the cut flow table, from
 * one result, the session's runs with their roles and its analysis definition. The window builds it in
 * two stages (lines available at once, then the background and limit lines); {@code analyse --session}
 * builds it in one go with {@link #of}. Same code, same numbers.
 *
 * @param lines   summary lines, in the order shown
 * @param cutFlow the cut flow table
 */
public record SessionReport(List<SummaryLine> lines, CutFlowTableModel cutFlow) {
    public SessionReport {
        lines = List.copyOf(lines);
    }

    /** The whole report (background fits and limits included: slow-ish, not for the UI thread). */
    public static SessionReport of(AnalysisResult r, List<OpenRun> runs, AnalysisDefinition def) {
        List<SummaryLine> l = new ArrayList<>(coreLines(r, runs));
        l.addAll(detailLines(r, runs, def));
        return new SessionReport(l, cutFlow(r, runs));
    }

    /** Lines available right after the evaluation. */
    public static List<SummaryLine> coreLines(AnalysisResult r, List<OpenRun> runs) {
        return ResultsSummary.core(r, data(r, runs), backgroundMc(r, runs));
    }

    /** Background estimates and limits. */
    public static List<SummaryLine> detailLines(AnalysisResult r, List<OpenRun> runs, AnalysisDefinition def) {
        List<SummaryLine> l = new ArrayList<>(ResultsSummary.background(r, data(r, runs)));
        l.addAll(ResultsSummary.limits(r, data(r, runs), def));
        return l;
    }

    public static CutFlowTableModel cutFlow(AnalysisResult r, List<OpenRun> runs) {
        return CutFlowTableModel.of(r, data(r, runs), backgroundMc(r, runs));
    }

    /** The runs in the background MC role present in the result (their counts are weighted). */
    public static List<RunData> backgroundMc(AnalysisResult r, List<OpenRun> runs) {
        return present(
                r, runs.stream().filter(o -> o.role() == RunRole.BACKGROUND).toList());
    }

    /** The runs shown as data: the data-role runs present in the result, else the background MC runs. */
    public static List<RunData> data(AnalysisResult r, List<OpenRun> runs) {
        List<RunData> d =
                present(r, runs.stream().filter(o -> o.role() == RunRole.DATA).toList());
        return d.isEmpty()
                ? present(
                        r,
                        runs.stream()
                                .filter(o -> o.role() == RunRole.BACKGROUND)
                                .toList())
                : d;
    }

    private static List<RunData> present(AnalysisResult r, List<OpenRun> runs) {
        return runs.stream()
                .map(OpenRun::data)
                .filter(d -> r.runs().stream().anyMatch(x -> x.run() == d))
                .toList();
    }
}
