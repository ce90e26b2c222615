package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.Histogram2D;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.ResultView.RunView;

/**
 * What the window shows for a result file (File → Open result…): the summary lines and the cut flow
 * table of the results panel, made by the same code ({@link ResultsSummary}, {@link CutFlowTableModel})
 * from the totals of a {@link MergedResult} seen through {@link ResultView} (the adapter {@code analyse}
 * and {@code darkscope result} share), weighted background-MC columns (Σw ± √Σw²) included; and the
 * plane of the runs shown as data. No per-event parts (a result file holds no events).
 * {@code darkscope result} prints the same numbers.
 *
 * @param lines   summary lines, in the order shown
 * @param cutFlow the cut flow table
 */
public record ResultFileReport(List<SummaryLine> lines, CutFlowTableModel cutFlow) {
    public ResultFileReport {
        lines = List.copyOf(lines);
    }

    /** The cut flow table's header. */
    public List<String> header() {
        return cutFlow.header();
    }

    /** The cut flow table's rows ("all events" first). */
    public List<List<String>> rows() {
        return cutFlow.rows();
    }

    /** The runs shown as data: the data-role runs (not signal), else the background MC runs. */
    public static List<MergedResult.Run> data(MergedResult r) {
        List<MergedResult.Run> d = r.runs().stream()
                .filter(x -> x.role() == MergedResult.Role.DATA && !x.isSignal())
                .toList();
        return d.isEmpty()
                ? r.runs().stream()
                        .filter(x -> x.role() == MergedResult.Role.BACKGROUND)
                        .toList()
                : d;
    }

    /** The plane of the runs shown as data (null if none). */
    public static Histogram2D dataPlane(MergedResult r) {
        Histogram2D h = null;
        for (MergedResult.Run x : data(r)) {
            h = h == null ? r.plane(x) : h.plus(r.plane(x));
        }
        return h;
    }

    /** The plane of the signal runs (null if none). */
    public static Histogram2D signalPlane(MergedResult r) {
        Histogram2D h = null;
        for (MergedResult.Run x : r.signalRuns()) {
            h = h == null ? r.plane(x) : h.plus(r.plane(x));
        }
        return h;
    }

    /** Region counts of the runs shown as data (box hidden if any of them is blinded). */
    public static RegionCounts dataRegions(MergedResult r) {
        RegionCounts c = RegionCounts.empty();
        for (MergedResult.Run x : data(r)) {
            c = c.plus(r.regions(x));
        }
        return c;
    }

    /** The report for the given analysis definition (background fits and limits: not for the UI thread). */
    public static ResultFileReport of(MergedResult r, AnalysisDefinition def) {
        ResultView v = ResultView.of(r);
        List<RunView> all = v.runs(); // in the order of r.runs()
        List<MergedResult.Run> shownAsData = data(r);
        List<RunView> data = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            MergedResult.Run run = r.runs().get(i);
            if (shownAsData.stream().anyMatch(d -> d == run)) {
                data.add(all.get(i));
            }
        }
        List<RunView> background = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (r.runs().get(i).role() == MergedResult.Role.BACKGROUND) {
                background.add(all.get(i));
            }
        }
        List<SummaryLine> out = new ArrayList<>();
        long events = r.runs().stream().mapToLong(MergedResult.Run::events).sum();
        out.add(SummaryLine.ok(
                "runs",
                "runs in the result",
                String.format(
                        Locale.ROOT,
                        "%d (%d data, %d background MC, %d signal); %,d events",
                        r.runs().size(),
                        r.runs().stream()
                                .filter(x -> x.isData() && !x.isSignal())
                                .count(),
                        background.size(),
                        r.signalRuns().size(),
                        events)));
        // the lines and the cut flow of the results panel, by its code (ResultsSummary, CutFlowTableModel)
        ResultsSummary.core(v, data, background).stream()
                .map(ResultFileReport::forFile)
                .forEach(out::add);
        out.add(SummaryLine.ok(
                "eot", "electrons on target (data and background runs)", String.format(Locale.ROOT, "%.4g", r.eot())));
        if (v.hasBackground()) {
            out.addAll(ResultsSummary.background(v, data));
        }
        out.addAll(ResultsSummary.limits(v, data, def));
        return new ResultFileReport(out, CutFlowTableModel.of(v, data, background));
    }

    /** A panel line whose advice is a menu of the session (unblind, add a run) said for a file instead. */
    private static SummaryLine forFile(SummaryLine l) {
        return switch (l.key()) {
            case "observed" -> l.value().startsWith("blinded")
                    ? SummaryLine.ok(l.key(), l.label(), "blinded (the result was made blinded)")
                    : l;
            case "eff" -> new SummaryLine(l.key(), l.label(), "no signal run in the result", "");
            default -> l;
        };
    }
}
