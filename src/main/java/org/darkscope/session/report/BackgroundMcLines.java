package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.ResultView.RunView;
import org.darkscope.analysis.WeightedCounts;

/**
 * The results panel's lines of the background-MC-role runs (weighted: Σw ± √Σw², docs/decisions/0006):
 * per run its label and weighted counts, and the stage-1 lines when the background MC stands in for
 * the data. Part of {@link ResultsSummary}, kept apart to keep that class readable; written against
 * {@link ResultView} like it, so that the result-file window shows these lines by the same code.
 */
final class BackgroundMcLines {
    private BackgroundMcLines() {}

    /**
     * Per background-MC-role run: what it is (its weighted-MC label: "weighted MC, rare classes boosted
     * ..."), its weighted selected events, box and sidebands (Σw ± √Σw²) and the box per EOT.
     */
    static List<SummaryLine> backgroundMcLines(List<RunView> background) {
        List<SummaryLine> out = new ArrayList<>();
        for (RunView b : background) {
            if (b.weighted().isEmpty()) {
                continue;
            }
            int n = b.info().runNumber();
            out.add(SummaryLine.ok("bkgmc-" + n, "background MC " + b.name(), runLabel(b)));
            out.addAll(weightedCountLines(b, "bkgmc-", "-" + n, "  "));
        }
        return out;
    }

    /** "weighted MC, rare classes boosted upstream x5, ... (80,000 events, EOT 2.52e+09)". */
    static String runLabel(RunView b) {
        return runLabel(b.weighted().orElseThrow().label(), b.events(), b.info().eot());
    }

    private static String runLabel(String label, long events, double eot) {
        return label + String.format(Locale.ROOT, " (%,d events, EOT %.3g)", events, eot);
    }

    private static List<SummaryLine> weightedCountLines(RunView b, String prefix, String suffix, String indent) {
        ResultView.Weighted w = b.weighted().orElseThrow();
        List<SummaryLine> out = new ArrayList<>();
        WeightedCounts.Sum sel = w.selected();
        out.add(SummaryLine.ok(
                prefix + "selected" + suffix,
                indent + "selected, weighted (Σw ± √Σw²)",
                CutFlowTableModel.sum(sel)
                        + String.format(
                                Locale.ROOT, "  (%,d events of %s)", sel.n(), CutFlowTableModel.sum(w.total()))));
        double eot = b.info().eot();
        for (Region reg : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            WeightedCounts.Sum s = w.region(reg);
            String v = CutFlowTableModel.sum(s) + String.format(Locale.ROOT, "  (%,d events)", s.n());
            if (reg == Region.BOX && eot > 0) {
                v += String.format(Locale.ROOT, " = %.3g ± %.2g per EOT", s.w() / eot, s.error() / eot);
            }
            out.add(SummaryLine.ok(prefix + "region-" + reg.name() + suffix, indent + reg.label() + ", weighted", v));
        }
        String key = prefix + "classes" + suffix;
        String label = indent + "selected by truth class, weighted";
        if (w.classes() == null) {
            out.add(new SummaryLine(
                    key, label, "—", "not in a result file: it keeps the weighted sums per class in each region"));
            return out;
        }
        StringBuilder sb = new StringBuilder();
        w.classes().forEach((c, s) -> sb.append(sb.isEmpty() ? "" : ", ")
                .append(c.label())
                .append(' ')
                .append(CutFlowTableModel.sum(s)));
        out.add(SummaryLine.ok(key, label, sb.isEmpty() ? "none" : sb.toString()));
        return out;
    }

    /**
     * Stage-1 lines when the background MC stands in for the data (no run in the data role): the same
     * keys as for data, with weighted counts (Σw ± √Σw²) and the weighted-MC label of each run.
     */
    static List<SummaryLine> coreWeighted(ResultView v, List<RunView> data, List<RunView> background) {
        List<SummaryLine> out = new ArrayList<>();
        WeightedCounts.Sum sel = WeightedCounts.Sum.ZERO;
        WeightedCounts.Sum total = WeightedCounts.Sum.ZERO;
        Map<Region, WeightedCounts.Sum> regions = new java.util.EnumMap<>(Region.class);
        for (RunView d : data) {
            ResultView.Weighted w = d.weighted().orElseThrow();
            sel = add(sel, w.selected());
            total = add(total, w.total());
            for (Region reg : Region.values()) {
                regions.merge(reg, w.region(reg), BackgroundMcLines::add);
            }
        }
        out.add(SummaryLine.ok(
                "selected",
                "selected background MC events (no data), weighted Σw ± √Σw²",
                CutFlowTableModel.sum(sel) + " of " + CutFlowTableModel.sum(total)
                        + String.format(Locale.ROOT, "  (%,d of %,d events)", sel.n(), total.n())));
        for (Region reg : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            out.add(SummaryLine.ok(
                    "region-" + reg.name(), reg.label() + ", weighted", CutFlowTableModel.sum(regions.get(reg))));
        }
        for (RunView d : data) {
            int n = d.info().runNumber();
            out.add(SummaryLine.ok("bkgmc-" + n, "background MC " + d.name(), runLabel(d)));
            out.addAll(weightedCountLines(d, "bkgmc-", "-" + n, "  ").stream()
                    .filter(l -> l.key().startsWith("bkgmc-classes") || l.key().startsWith("bkgmc-region-BOX"))
                    .toList());
        }
        out.addAll(ResultsSummary.efficiencyLines(v));
        List<RunView> others =
                background.stream().filter(b -> !data.contains(b)).toList();
        out.addAll(backgroundMcLines(others));
        out.add(new SummaryLine("observed", "observed in the box", "—", "no run is open as data: nothing is observed"));
        return out;
    }

    static WeightedCounts.Sum add(WeightedCounts.Sum a, WeightedCounts.Sum b) {
        return new WeightedCounts.Sum(a.w() + b.w(), a.w2() + b.w2(), a.n() + b.n());
    }
}
