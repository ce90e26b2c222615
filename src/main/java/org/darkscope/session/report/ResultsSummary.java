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
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.ResultView.RunView;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.event.EventClass;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;

/**
 * The numbers of the results panel as text, from the engine's result only: selected events, region
 * counts, signal efficiency per mass with its interval, background estimates with warnings, truth and
 * closure on simulation, the observed count once unblinded, and the limits of the session's
 * {@link AnalysisDefinition} (computed by {@link ResultLimits}, the one code path the command line
 * uses too). No toolkit: the window shows these lines and {@code analyse --session} prints them.
 * Written against {@link ResultView}, so that the result-file window ({@link ResultFileReport}) shows
 * the lines of the totals of a result file by this same code; the {@link AnalysisResult} methods adapt.
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
        ResultView v = ResultView.of(r);
        List<RunView> all = v.runs();
        return core(v, views(r, all, data), views(r, all, background));
    }

    /**
     * The views of these runs of an evaluation ({@code all}: {@code ResultView.of(r).runs()}, in the
     * order of {@code r.runs()}), in the order given.
     */
    static List<RunView> views(AnalysisResult r, List<RunView> all, List<RunData> runs) {
        List<RunView> out = new ArrayList<>();
        for (RunData d : runs) {
            for (int i = 0; i < r.runs().size(); i++) {
                if (r.runs().get(i).run() == d) {
                    out.add(all.get(i));
                }
            }
        }
        return out;
    }

    /**
     * Stage-1 lines of an evaluation or of the totals of a result file (one code for the results panel
     * and the result-file window).
     *
     * @param data       the runs shown as data (the background MC when no run is in the data role)
     * @param background the runs in the background-MC role (elements of {@code v.runs()})
     */
    public static List<SummaryLine> core(ResultView v, List<RunView> data, List<RunView> background) {
        if (allWeighted(data)) {
            return BackgroundMcLines.coreWeighted(v, data, background);
        }
        List<SummaryLine> out = new ArrayList<>();
        for (RunView d : data) {
            // an enriched sample in the data role: its events are not at physical rates (docs/decisions/0006)
            WeightedCounts.weightedLabel(d.info())
                    .ifPresent(
                            label -> out.add(
                                    new SummaryLine(
                                            "weighted-as-data-" + d.info().runNumber(),
                                            "run opened as data: " + d.name(),
                                            label,
                                            "weighted MC opened as data: its counts are simulated events, not physical rates (open it as background MC)")));
        }
        long selected = 0;
        long total = 0;
        boolean hidden = false;
        RegionCounts regions = RegionCounts.empty();
        for (RunView d : data) {
            // a hidden box: only what lies outside it (the box count must not be derivable)
            selected += d.cutFlow().selected();
            total += d.cutFlow().total();
            hidden |= d.boxHidden();
            regions = regions.plus(d.regions());
        }
        // the box is hidden where the engine hides it (data-role runs of a blinded selection)
        selectionLines(out, selected, total, hidden, regions);
        // simulation: what the selected events are (truth class), for the data runs and background MC
        for (RunView d : data) {
            if (d.isSimulated()) {
                StringBuilder sb = new StringBuilder();
                for (EventClass c : EventClass.values()) {
                    long n = d.selected(c);
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
        out.addAll(efficiencyLines(v));
        out.addAll(BackgroundMcLines.backgroundMcLines(background));
        if (!hidden) {
            long n = regions.count(Region.BOX);
            out.add(SummaryLine.ok("observed", "observed in the box", Long.toString(n)));
        } else {
            out.add(SummaryLine.ok("observed", "observed in the box", "blinded (Analysis → Unblind)"));
        }
        return out;
    }

    /** True if there are runs shown as data and all are background MC (weighted): it stands in for the data. */
    static boolean allWeighted(List<RunView> data) {
        return !data.isEmpty() && data.stream().allMatch(d -> d.weighted().isPresent());
    }

    /**
     * One line per signal run: the simulated efficiency (selected / generated) and, on its own line, the
     * external factor of the inefficiencies the simulation does not model (tracking, DAQ, ...:
     * {@link ExternalEfficiency}), never multiplied in silently: the line shows the factor and the product.
     */
    static List<SummaryLine> efficiencyLines(ResultView v) {
        List<SummaryLine> out = new ArrayList<>();
        List<RunInfo> infos = v.signalInfos();
        List<Efficiency> effs = v.efficiencies();
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
            ExternalEfficiency.of(infos.get(i))
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
        ResultView v = ResultView.of(r);
        return background(v, views(r, v.runs(), data));
    }

    /** The same for an evaluation or the totals of a result file ({@code data}: elements of {@code v.runs()}). */
    public static List<SummaryLine> background(ResultView v, List<RunView> data) {
        List<SummaryLine> out = new ArrayList<>(background(v.background()));
        if (!allWeighted(data)) {
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
                    for (RunView d : data) {
                        s = BackgroundMcLines.add(
                                s, d.weighted().orElseThrow().box().getOrDefault(c, WeightedCounts.Sum.ZERO));
                    }
                    if (s.n() > 0) {
                        all = BackgroundMcLines.add(all, s);
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
     * The limit lines: the background the definition picks, the expected and (once unblinded) the
     * observed upper limit on signal events, all from {@link ResultLimits#compute} with the
     * definition's settings. Slow-ish: call off the UI thread.
     *
     * @param data the runs shown as data (their box count is the observed number)
     */
    public static List<SummaryLine> limits(AnalysisResult r, List<RunData> data, AnalysisDefinition def) {
        ResultView v = ResultView.of(r);
        return limits(v, views(r, v.runs(), data), def);
    }

    /** The same for an evaluation or the totals of a result file ({@code data}: elements of {@code v.runs()}). */
    public static List<SummaryLine> limits(ResultView v, List<RunView> data, AnalysisDefinition def) {
        List<SummaryLine> out = new ArrayList<>();
        ResultLimits.Summary s = v.limits(def.settings());
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
            for (RunView rr : v.runs()) {
                rr.weighted().ifPresent(w -> sb.append(sb.isEmpty() ? "" : "; ")
                        .append(rr.name())
                        .append(": ")
                        .append(w.label()));
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
        boolean hidden = data.stream().anyMatch(RunView::boxHidden);
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
