package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.WeightedResult;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.event.EventClass;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;

/**
 * The numbers of the results panel as text, from the engine's result only: selected events, region
 * counts, signal efficiency per mass with its interval, background estimates with warnings, truth and
 * closure on simulation, the observed count once unblinded, and the limits of the session's
 * {@link AnalysisDefinition} (computed by {@link ResultLimits}, the one code path the command line
 * uses too). No toolkit: the window shows these lines and {@code analyse --session} prints them.
 */
public final class ResultsSummary {
    /** ABCD is flagged when |closure - 1| exceeds this on simulation (a sign of E_ECAL/E_HCAL correlation). */
    public static final double ABCD_CLOSURE_TOLERANCE = 0.5;

    private ResultsSummary() {}

    /** Lines available right after the evaluation (stage 1), without background MC lines. */
    public static List<SummaryLine> core(AnalysisResult r, List<RunData> data) {
        return core(r, data, List.of());
    }

    /**
     * Lines available right after the evaluation (stage 1).
     *
     * @param data       the runs shown as data (the background MC when no run is in the data role)
     * @param background the runs in the background-MC role: each gets its weighted-MC label and its
     *                   weighted counts (Σw ± √Σw²)
     */
    public static List<SummaryLine> core(AnalysisResult r, List<RunData> data, List<RunData> background) {
        List<WeightedResult> weightedData = new ArrayList<>();
        for (RunData d : data) {
            r.run(d).weighted().ifPresent(weightedData::add);
        }
        if (!data.isEmpty() && weightedData.size() == data.size()) {
            return coreWeighted(r, weightedData, background);
        }
        List<SummaryLine> out = new ArrayList<>();
        for (RunData d : data) {
            // an enriched sample in the data role: its events are not at physical rates (docs/decisions/0006)
            WeightedCounts.weightedLabel(d.info())
                    .ifPresent(
                            label -> out.add(
                                    new SummaryLine(
                                            "weighted-as-data-" + d.info().runNumber(),
                                            "run opened as data: " + d.displayName(),
                                            label,
                                            "weighted MC opened as data: its counts are simulated events, not physical rates (open it as background MC)")));
        }
        long selected = 0;
        long total = 0;
        boolean hidden = false;
        RegionCounts regions = RegionCounts.empty();
        for (RunData d : data) {
            // a hidden box: only what lies outside it (the box count must not be derivable)
            selected += r.run(d).selectedCount();
            total += r.run(d).cutFlow().total();
            hidden |= r.run(d).boxHidden();
            regions = regions.plus(r.run(d).regions());
        }
        // the box is hidden where the engine hides it (data-role runs of a blinded selection)
        selectionLines(out, selected, total, hidden, regions);
        // simulation: what the selected events are (truth class), for the data runs and background MC
        for (RunData d : data) {
            if (d.info().simulated()) {
                StringBuilder sb = new StringBuilder();
                for (EventClass c : EventClass.values()) {
                    long n = r.run(d).selectedCount(c);
                    if (n > 0) {
                        sb.append(sb.isEmpty() ? "" : ", ")
                                .append(c.label())
                                .append(' ')
                                .append(n);
                    }
                }
                String where = r.run(d).boxHidden()
                        ? "selected outside the box by truth class ("
                        : "selected by truth class (";
                out.add(SummaryLine.ok(
                        "classes-" + d.info().runNumber(),
                        where + d.displayName() + ")",
                        sb.isEmpty() ? "none" : sb.toString()));
            }
        }
        out.addAll(efficiencyLines(r));
        out.addAll(backgroundMcLines(r, background));
        if (!hidden) {
            long n = regions.count(Region.BOX);
            out.add(SummaryLine.ok("observed", "observed in the box", Long.toString(n)));
        } else {
            out.add(SummaryLine.ok("observed", "observed in the box", "blinded (Analysis → Unblind)"));
        }
        return out;
    }

    /**
     * One line per signal run: the simulated efficiency (selected / generated) and, on its own line, the
     * external factor of the inefficiencies the simulation does not model (tracking, DAQ, ...:
     * {@link ExternalEfficiency}), never multiplied in silently: the line shows the factor and the product.
     */
    static List<SummaryLine> efficiencyLines(AnalysisResult r) {
        List<SummaryLine> out = new ArrayList<>();
        List<RunResult> runs = r.signalRuns();
        List<Efficiency> effs = r.efficiencies();
        if (effs.isEmpty()) {
            out.add(new SummaryLine(
                    "eff",
                    "signal efficiency",
                    "no signal run open",
                    "open a signal MC run (File → Add signal MC run…) to get the efficiency"));
        }
        for (int i = 0; i < effs.size(); i++) {
            Efficiency e = effs.get(i);
            // the same mass can come with two production processes: name the resonant one
            boolean annihilation = e.mix() != null && e.mix().contains("annihilation");
            String key = "eff-" + CutFlowTableModel.fmtMass(e.massMeV()).replace('.', '_')
                    + (annihilation ? "-annihilation" : "");
            String warn = e.total() == 0
                    ? "the signal run has no events"
                    : e.passed() == 0 ? "no signal event passes the selection" : "";
            out.add(new SummaryLine(
                    key,
                    String.format(
                            Locale.ROOT,
                            "efficiency, m_A' = %s MeV%s",
                            CutFlowTableModel.fmtMass(e.massMeV()),
                            annihilation ? " (e+e- annihilation)" : ""),
                    efficiencyText(e),
                    warn));
            ExternalEfficiency.of(runs.get(i).run().info())
                    .ifPresent(x -> out.add(
                            SummaryLine.ok(key + "-external", "  × not simulated: " + x.name(), externalValue(x, e))));
        }
        return out;
    }

    /** "na64-2016-2018 (tracking 0.83, veto 0.94, hcal 0.94, daq 0.93, trigger 0.95)". */
    public static String externalText(ExternalEfficiency x) {
        return x.describe();
    }

    /** "0.648 → 0.376 with it (not in the efficiency above; tracking 0.83, veto 0.94, ...)". */
    public static String externalValue(ExternalEfficiency x, Efficiency e) {
        StringBuilder sb = new StringBuilder();
        x.components().forEach((k, v) -> sb.append("; ").append(k).append(' ').append(fmt(v)));
        return String.format(
                Locale.ROOT,
                "%.3f → %s with it (not in the efficiency above%s)",
                x.value(),
                Double.isNaN(e.value()) ? "n/a" : String.format(Locale.ROOT, "%.3f", e.value() * x.value()),
                sb);
    }

    private static String fmt(double v) {
        String t = String.format(Locale.ROOT, "%.4f", v);
        return t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * Per background-MC-role run: what it is (its weighted-MC label: "weighted MC, rare classes boosted
     * ..."), its weighted selected events, box and sidebands (Σw ± √Σw²) and the box per EOT.
     */
    static List<SummaryLine> backgroundMcLines(AnalysisResult r, List<RunData> background) {
        List<SummaryLine> out = new ArrayList<>();
        for (RunData b : background) {
            WeightedResult w = r.run(b).weighted().orElse(null);
            if (w == null) {
                continue;
            }
            int n = b.info().runNumber();
            out.add(SummaryLine.ok("bkgmc-" + n, "background MC " + b.displayName(), runLabel(w)));
            out.addAll(weightedCountLines(w, "bkgmc-", "-" + n, "  "));
        }
        return out;
    }

    /** "weighted MC, rare classes boosted upstream x5, ... (80,000 events, EOT 2.52e+09)". */
    public static String runLabel(WeightedResult w) {
        RunData b = w.run();
        return w.label().orElse(w.hasWeights() ? "weighted MC" : "unweighted simulation")
                + String.format(
                        Locale.ROOT,
                        " (%,d events, EOT %.3g)",
                        b.size(),
                        b.info().eot());
    }

    private static List<SummaryLine> weightedCountLines(WeightedResult w, String prefix, String suffix, String indent) {
        List<SummaryLine> out = new ArrayList<>();
        WeightedCounts.Sum sel = w.selected();
        out.add(SummaryLine.ok(
                prefix + "selected" + suffix,
                indent + "selected, weighted (Σw ± √Σw²)",
                CutFlowTableModel.sum(sel)
                        + String.format(
                                Locale.ROOT, "  (%,d events of %s)", sel.n(), CutFlowTableModel.sum(w.total()))));
        double eot = w.run().info().eot();
        for (Region reg : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            WeightedCounts.Sum s = w.region(reg);
            String v = CutFlowTableModel.sum(s) + String.format(Locale.ROOT, "  (%,d events)", s.n());
            if (reg == Region.BOX && eot > 0) {
                v += String.format(Locale.ROOT, " = %.3g ± %.2g per EOT", s.w() / eot, s.error() / eot);
            }
            out.add(SummaryLine.ok(prefix + "region-" + reg.name() + suffix, indent + reg.label() + ", weighted", v));
        }
        StringBuilder sb = new StringBuilder();
        for (EventClass c : w.classes()) {
            sb.append(sb.isEmpty() ? "" : ", ")
                    .append(c.label())
                    .append(' ')
                    .append(CutFlowTableModel.sum(w.selected(c)));
        }
        out.add(SummaryLine.ok(
                prefix + "classes" + suffix,
                indent + "selected by truth class, weighted",
                sb.isEmpty() ? "none" : sb.toString()));
        return out;
    }

    /**
     * Stage-1 lines when the background MC stands in for the data (no run in the data role): the same
     * keys as for data, with weighted counts (Σw ± √Σw²) and the weighted-MC label of each run.
     */
    private static List<SummaryLine> coreWeighted(
            AnalysisResult r, List<WeightedResult> data, List<RunData> background) {
        List<SummaryLine> out = new ArrayList<>();
        WeightedCounts.Sum sel = WeightedCounts.Sum.ZERO;
        WeightedCounts.Sum total = WeightedCounts.Sum.ZERO;
        Map<Region, WeightedCounts.Sum> regions = new java.util.EnumMap<>(Region.class);
        for (WeightedResult w : data) {
            sel = add(sel, w.selected());
            total = add(total, w.total());
            for (Region reg : Region.values()) {
                regions.merge(reg, w.region(reg), ResultsSummary::add);
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
        for (WeightedResult w : data) {
            int n = w.run().info().runNumber();
            out.add(SummaryLine.ok("bkgmc-" + n, "background MC " + w.run().displayName(), runLabel(w)));
            out.addAll(weightedCountLines(w, "bkgmc-", "-" + n, "  ").stream()
                    .filter(l -> l.key().startsWith("bkgmc-classes") || l.key().startsWith("bkgmc-region-BOX"))
                    .toList());
        }
        out.addAll(efficiencyLines(r));
        List<RunData> others = background.stream()
                .filter(b -> data.stream().noneMatch(w -> w.run() == b))
                .toList();
        out.addAll(backgroundMcLines(r, others));
        out.add(new SummaryLine("observed", "observed in the box", "—", "no run is open as data: nothing is observed"));
        return out;
    }

    private static WeightedCounts.Sum add(WeightedCounts.Sum a, WeightedCounts.Sum b) {
        return new WeightedCounts.Sum(a.w() + b.w(), a.w2() + b.w2(), a.n() + b.n());
    }

    /** "0.6234 (+0.0050 −0.0051, 68% Clopper-Pearson; 6234/10000)". */
    public static String efficiencyText(Efficiency e) {
        if (Double.isNaN(e.value())) {
            return "n/a";
        }
        return String.format(
                Locale.ROOT,
                "%.4f  [%.4f, %.4f] %.0f%% %s  (%d/%d)",
                e.value(),
                e.lower(),
                e.upper(),
                100 * e.cl(),
                e.method().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.passed(),
                e.total());
    }

    /**
     * Lines of the background estimates (stage 2); when the background MC stands in for the data (the
     * runs shown as data are all in the background-MC role), the true background in the box is its
     * weighted sum (Σw ± √Σw²), not a count of enriched events.
     */
    public static List<SummaryLine> background(AnalysisResult r, List<RunData> data) {
        List<SummaryLine> out = new ArrayList<>(background(r.background()));
        List<WeightedResult> ws = new ArrayList<>();
        for (RunData d : data) {
            r.run(d).weighted().ifPresent(ws::add);
        }
        if (ws.isEmpty() || ws.size() != data.size()) {
            return out;
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).key().equals("bkg-truth")) {
                WeightedCounts.Sum all = WeightedCounts.Sum.ZERO;
                StringBuilder per = new StringBuilder();
                for (EventClass c : EventClass.values()) {
                    if (!c.isBackground()) {
                        continue;
                    }
                    WeightedCounts.Sum s = WeightedCounts.Sum.ZERO;
                    for (WeightedResult w : ws) {
                        s = add(s, w.region(c, Region.BOX));
                    }
                    if (s.n() > 0) {
                        all = add(all, s);
                        per.append(per.isEmpty() ? "" : ", ")
                                .append(c.label())
                                .append(' ')
                                .append(CutFlowTableModel.sum(s));
                    }
                }
                out.set(
                        i,
                        SummaryLine.ok(
                                "bkg-truth",
                                "true background in box (weighted simulation, Σw ± √Σw²)",
                                CutFlowTableModel.sum(all)
                                        + String.format(Locale.ROOT, "  (%,d events)", all.n())
                                        + (per.isEmpty() ? "" : "  (" + per + ")")));
            }
        }
        return out;
    }

    /** Lines of the background estimates (stage 2). */
    public static List<SummaryLine> background(BackgroundSummary b) {
        List<SummaryLine> out = new ArrayList<>();
        out.add(estimate("bkg-C", "background in box: sideband C fit (E_ECAL)", b.sidebandC(), b));
        out.add(estimate("bkg-A", "background in box: sideband A fit (E_HCAL)", b.sidebandA(), b));
        SummaryLine abcd = estimate("bkg-ABCD", "background in box: ABCD", b.abcd(), b);
        OptionalDouble cl = b.closure(b.abcd());
        if (abcd.warning().isEmpty() && cl.isPresent() && Math.abs(cl.getAsDouble() - 1) > ABCD_CLOSURE_TOLERANCE) {
            abcd = new SummaryLine(
                    abcd.key(),
                    abcd.label(),
                    abcd.value(),
                    "ABCD does not close on simulation: E_ECAL and E_HCAL are correlated for this background (region II)");
        } else if (abcd.warning().isEmpty() && !b.abcd().note().isEmpty()) {
            abcd = new SummaryLine(
                    abcd.key(), abcd.label(), abcd.value(), b.abcd().note());
        }
        out.add(abcd);
        if (b.simulated()) {
            StringBuilder per = new StringBuilder();
            for (Map.Entry<EventClass, Long> e : b.truthInBox().entrySet()) {
                per.append(per.isEmpty() ? "" : ", ")
                        .append(e.getKey().label())
                        .append(' ')
                        .append(e.getValue());
            }
            out.add(SummaryLine.ok(
                    "bkg-truth",
                    "true background in box (simulation)",
                    b.truthTotal() + (per.isEmpty() ? "" : "  (" + per + ")")));
        }
        return out;
    }

    /**
     * The estimate the limits use with the default definition, or null if it is unavailable.
     *
     * @deprecated the background for the limit is the session's {@link AnalysisDefinition#background()},
     * picked by {@link ResultLimits#compute}; kept for callers outside the results panel
     */
    @Deprecated
    public static BackgroundEstimate chosen(BackgroundSummary b) {
        BackgroundEstimate e = AnalysisDefinition.defaults().background().pick(b);
        return e.available() ? e : null;
    }

    /**
     * The limit lines: the background the definition picks, the expected and (once unblinded) the
     * observed upper limit on signal events, all from {@link ResultLimits#compute} with the
     * definition's settings. Slow-ish: call off the UI thread.
     *
     * @param data the runs shown as data (their box count is the observed number)
     */
    public static List<SummaryLine> limits(AnalysisResult r, List<RunData> data, AnalysisDefinition def) {
        List<SummaryLine> out = new ArrayList<>();
        ResultLimits.Summary s = ResultLimits.compute(r, def.settings());
        BackgroundEstimate e = s.background();
        String cl = AnalysisDefinition.percent(def.cl());
        String method = def.limitMethod().cliName();
        out.add(new SummaryLine(
                "limit-background",
                "background for the limit (" + AnalysisDefinition.name(def.background()) + ")",
                e.available() ? e.describe() : "—",
                e.available() ? "" : e.reason()));
        if (def.background() == org.darkscope.analysis.BackgroundChoice.MC_TRANSFER
                || def.background() == org.darkscope.analysis.BackgroundChoice.ABCD_CORRECTED) {
            // the MC-based methods take the background-MC-role runs with their weights: say what they are
            StringBuilder sb = new StringBuilder();
            for (RunResult rr : r.runs()) {
                rr.weighted().ifPresent(w -> sb.append(sb.isEmpty() ? "" : "; ")
                        .append(rr.run().displayName())
                        .append(": ")
                        .append(w.label().orElse(w.hasWeights() ? "weighted MC" : "unweighted simulation")));
            }
            if (!sb.isEmpty()) {
                out.add(SummaryLine.ok("limit-background-mc", "  background MC it uses", sb.toString()));
            }
        }
        if (!e.available()) {
            out.add(new SummaryLine(
                    "limit-expected",
                    "expected " + cl + "% CL limit on signal events",
                    "—",
                    "no background estimate is available for the method " + AnalysisDefinition.name(def.background())));
            return out;
        }
        String basis = String.format(
                Locale.ROOT,
                "  (%s, b = %.3g ± %.2g from %s)",
                method,
                Math.max(0, e.value()),
                Double.isFinite(e.totalError()) ? e.totalError() : 0,
                e.method());
        out.add(SummaryLine.ok(
                "limit-expected",
                "expected " + cl + "% CL limit on signal events",
                String.format(Locale.ROOT, "%.3f", s.expectedLimit()) + basis));
        boolean hidden = data.stream().anyMatch(d -> r.run(d).boxHidden());
        if (hidden) {
            out.add(SummaryLine.ok("limit-observed", "observed " + cl + "% CL limit on signal events", "blinded"));
        } else if (s.observed() < 0) {
            out.add(new SummaryLine(
                    "limit-observed",
                    "observed " + cl + "% CL limit on signal events",
                    "—",
                    "no run is open as data: no observed count"));
        } else {
            out.add(SummaryLine.ok(
                    "limit-observed",
                    "observed " + cl + "% CL limit on signal events",
                    String.format(Locale.ROOT, "%.3f  (n = %d)", s.upperLimit(), s.observed()) + basis));
        }
        return out;
    }

    private static SummaryLine estimate(String key, String label, BackgroundEstimate e, BackgroundSummary b) {
        if (!e.available()) {
            return new SummaryLine(key, label, "—", e.reason().isEmpty() ? "cannot be computed" : e.reason());
        }
        String v = e.describe();
        OptionalDouble c = b.closure(e);
        if (c.isPresent()) {
            v += String.format(Locale.ROOT, "   closure %.2f", c.getAsDouble());
        }
        String warn = "";
        long rejected = e.fits().stream().filter(f -> !f.accepted()).count();
        if (!e.fits().isEmpty() && rejected == e.fits().size()) {
            warn = "every fit failed or was rejected";
        } else if (rejected > 0) {
            warn = rejected + " of " + e.fits().size() + " fits rejected (see Sideband fits)";
        }
        return new SummaryLine(key, label, v, warn);
    }

    /**
     * The "selected data events" line and the box/A/C/D counts, as the window shows them for an
     * evaluation and for a result file: the box reads "blinded" wherever it is hidden.
     */
    static void selectionLines(List<SummaryLine> out, long selected, long total, boolean hidden, RegionCounts regions) {
        out.add(SummaryLine.ok(
                "selected",
                hidden ? "selected data events outside the box" : "selected data events",
                String.format(Locale.ROOT, "%d of %d", selected, total)));
        for (Region reg : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            long n = regions.count(reg);
            String v = reg == Region.BOX && (hidden || n == RegionCounts.HIDDEN) ? "blinded" : Long.toString(n);
            out.add(SummaryLine.ok("region-" + reg.name(), reg.label(), v));
        }
    }
}
