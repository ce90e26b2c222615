package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Histogram2D;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.event.EventClass;

/**
 * What the window shows for a result file (File → Open result…): summary lines and a cut flow table
 * made from the totals of a {@link MergedResult} the way {@link ResultsSummary} and
 * {@link CutFlowTableModel} make them from an evaluation, and the plane of the runs shown as data.
 * No per-event parts (a result file holds no events). {@code darkscope result} prints the same numbers.
 *
 * @param lines   summary lines, in the order shown
 * @param header  cut flow table header
 * @param rows    cut flow table rows ("all events" first)
 */
public record ResultFileReport(List<SummaryLine> lines, List<String> header, List<List<String>> rows) {
    public ResultFileReport {
        lines = List.copyOf(lines);
        header = List.copyOf(header);
        rows = List.copyOf(rows);
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
        List<SummaryLine> out = new ArrayList<>();
        List<MergedResult.Run> data = data(r);
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
                        r.runs().stream()
                                .filter(x -> x.role() == MergedResult.Role.BACKGROUND)
                                .count(),
                        r.signalRuns().size(),
                        events)));
        long selected = 0;
        long total = 0;
        boolean hidden = false;
        for (MergedResult.Run d : data) {
            selected += r.selected(d);
            total += d.totals().total();
            hidden |= d.boxHidden();
        }
        RegionCounts regions = dataRegions(r);
        ResultsSummary.selectionLines(out, selected, total, hidden, regions);
        for (MergedResult.Run d : data) {
            if (d.isSimulated()) {
                StringBuilder sb = new StringBuilder();
                for (EventClass c : EventClass.values()) {
                    long n = d.totals().selected(c);
                    if (n > 0) {
                        sb.append(sb.isEmpty() ? "" : ", ")
                                .append(c.label())
                                .append(' ')
                                .append(n);
                    }
                }
                String where =
                        d.boxHidden() ? "selected outside the box by truth class (" : "selected by truth class (";
                out.add(SummaryLine.ok(
                        "classes-" + d.info().runNumber(),
                        where + d.name() + ")",
                        sb.isEmpty() ? "none" : sb.toString()));
            }
        }
        out.add(SummaryLine.ok(
                "eot", "electrons on target (data and background runs)", String.format(Locale.ROOT, "%.4g", r.eot())));
        List<Efficiency> effs = r.efficiencies();
        if (effs.isEmpty()) {
            out.add(new SummaryLine("eff", "signal efficiency", "no signal run in the result", ""));
        }
        for (Efficiency e : effs) {
            boolean annihilation = e.mix() != null && e.mix().contains("annihilation");
            out.add(SummaryLine.ok(
                    "eff-" + CutFlowTableModel.fmtMass(e.massMeV()).replace('.', '_')
                            + (annihilation ? "-annihilation" : ""),
                    String.format(
                            Locale.ROOT,
                            "efficiency, m_A' = %s MeV%s",
                            CutFlowTableModel.fmtMass(e.massMeV()),
                            annihilation ? " (e+e- annihilation)" : ""),
                    ResultsSummary.efficiencyText(e)));
        }
        out.add(SummaryLine.ok(
                "observed", "observed in the box", hidden ? "blinded" : Long.toString(regions.count(Region.BOX))));
        if (!r.backgroundRuns().isEmpty()) {
            out.addAll(ResultsSummary.background(r.background()));
        }
        ResultLimits.Summary s = r.limits(def.settings());
        BackgroundEstimate e = s.background();
        String cl = AnalysisDefinition.percent(def.cl());
        out.add(new SummaryLine(
                "limit-background",
                "background for the limit (" + AnalysisDefinition.name(def.background()) + ")",
                e.available() ? e.describe() : "—",
                e.available() ? "" : e.reason()));
        if (e.available()) {
            out.add(SummaryLine.ok(
                    "limit-expected",
                    "expected " + cl + "% CL limit on signal events",
                    String.format(
                            Locale.ROOT,
                            "%.3f  (%s)",
                            s.expectedLimit(),
                            def.limitMethod().cliName())));
            out.add(SummaryLine.ok(
                    "limit-observed",
                    "observed " + cl + "% CL limit on signal events",
                    s.observed() < 0
                            ? "blinded"
                            : String.format(Locale.ROOT, "%.3f  (n = %d)", s.upperLimit(), s.observed())));
        }
        return new ResultFileReport(out, cutFlowHeader(r, hidden), cutFlowRows(r));
    }

    private static List<String> cutFlowHeader(MergedResult r, boolean hidden) {
        List<String> h = new ArrayList<>(
                hidden
                        ? List.of("cut", "data outside the box: events", "data: kept by cut")
                        : List.of("cut", "data: events", "data: kept by cut"));
        for (MergedResult.Run s : r.signalRuns()) {
            h.add("signal " + CutFlowTableModel.fmtMass(s.info().signalMassMeV()) + " MeV "
                    + s.info().mix() + ": eff.");
        }
        for (MergedResult.Run b : r.runs()) {
            if (b.role() == MergedResult.Role.BACKGROUND) {
                h.add("bkg MC " + b.name());
            }
        }
        return h;
    }

    private static List<List<String>> cutFlowRows(MergedResult r) {
        CutFlow dataFlow = null;
        for (MergedResult.Run d : data(r)) {
            dataFlow = dataFlow == null ? r.cutFlow(d) : dataFlow.plus(r.cutFlow(d));
        }
        List<MergedResult.Run> signals = r.signalRuns();
        List<MergedResult.Run> bgs = r.runs().stream()
                .filter(b -> b.role() == MergedResult.Role.BACKGROUND)
                .toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> first =
                new ArrayList<>(List.of("all events", dataFlow == null ? "" : Long.toString(dataFlow.total()), ""));
        for (MergedResult.Run s : signals) {
            first.add(s.totals().total() == 0 ? "" : "1");
        }
        for (MergedResult.Run b : bgs) {
            first.add(Long.toString(b.totals().total()));
        }
        rows.add(first);
        for (var cut : r.selection().enabledCuts()) {
            List<String> row = new ArrayList<>();
            row.add(cut.name());
            if (dataFlow != null) {
                CutFlow.Row dr = dataFlow.row(cut.name());
                row.add(Long.toString(dr.after()));
                row.add(CutFlowTableModel.pct(dr.relative()));
            } else {
                row.add("");
                row.add("");
            }
            for (MergedResult.Run s : signals) {
                CutFlow f = r.cutFlow(s);
                row.add(
                        f.total() == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "%.4f",
                                        (double) f.row(cut.name()).after() / f.total()));
            }
            for (MergedResult.Run b : bgs) {
                row.add(Long.toString(r.cutFlow(b).row(cut.name()).after()));
            }
            rows.add(row);
        }
        return rows;
    }
}
