package org.darkscope.session.report;

import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

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

    private ResultsSummary() {
    }

    /** Lines available right after the evaluation (stage 1). */
    public static List<SummaryLine> core(AnalysisResult r, List<RunData> data) {
        List<SummaryLine> out = new ArrayList<>();
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
        boolean blinded = hidden; // the box is hidden where the engine hides it (data-role runs of a blinded selection)
        out.add(SummaryLine.ok("selected", hidden ? "selected data events outside the box" : "selected data events",
                String.format(Locale.ROOT, "%d of %d", selected, total)));
        for (Region reg : new Region[]{Region.BOX, Region.A, Region.C, Region.D}) {
            long n = regions.count(reg);
            String v = reg == Region.BOX && (blinded || n == RegionCounts.HIDDEN) ? "blinded" : Long.toString(n);
            out.add(SummaryLine.ok("region-" + reg.name(), reg.label(), v));
        }
        // simulation: what the selected events are (truth class), for the data runs and background MC
        for (RunData d : data) {
            if (d.info().simulated()) {
                StringBuilder sb = new StringBuilder();
                for (EventClass c : EventClass.values()) {
                    long n = r.run(d).selectedCount(c);
                    if (n > 0) {
                        sb.append(sb.isEmpty() ? "" : ", ").append(c.label()).append(' ').append(n);
                    }
                }
                String where = r.run(d).boxHidden() ? "selected outside the box by truth class (" : "selected by truth class (";
                out.add(SummaryLine.ok("classes-" + d.info().runNumber(), where + d.displayName() + ")",
                        sb.isEmpty() ? "none" : sb.toString()));
            }
        }
        List<Efficiency> effs = r.efficiencies();
        if (effs.isEmpty()) {
            out.add(new SummaryLine("eff", "signal efficiency", "no signal run open",
                    "open a signal MC run (File → Add signal MC run…) to get the efficiency"));
        }
        for (Efficiency e : effs) {
            // the same mass can come with two production processes: name the resonant one
            boolean annihilation = e.mix() != null && e.mix().contains("annihilation");
            String key = "eff-" + CutFlowTableModel.fmtMass(e.massMeV()).replace('.', '_') + (annihilation ? "-annihilation" : "");
            String warn = e.total() == 0 ? "the signal run has no events" : e.passed() == 0 ? "no signal event passes the selection" : "";
            out.add(new SummaryLine(key, String.format(Locale.ROOT, "efficiency, m_A' = %s MeV%s", CutFlowTableModel.fmtMass(e.massMeV()),
                    annihilation ? " (e+e- annihilation)" : ""),
                    efficiencyText(e), warn));
        }
        if (!blinded) {
            long n = regions.count(Region.BOX);
            out.add(SummaryLine.ok("observed", "observed in the box", Long.toString(n)));
        } else {
            out.add(SummaryLine.ok("observed", "observed in the box", "blinded (Analysis → Unblind)"));
        }
        return out;
    }

    /** "0.6234 (+0.0050 −0.0051, 68% Clopper-Pearson; 6234/10000)". */
    public static String efficiencyText(Efficiency e) {
        if (Double.isNaN(e.value())) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4f  [%.4f, %.4f] %.0f%% %s  (%d/%d)", e.value(), e.lower(), e.upper(),
                100 * e.cl(), e.method().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.passed(), e.total());
    }

    /** Lines of the background estimates (stage 2). */
    public static List<SummaryLine> background(BackgroundSummary b) {
        List<SummaryLine> out = new ArrayList<>();
        out.add(estimate("bkg-C", "background in box: sideband C fit (E_ECAL)", b.sidebandC(), b));
        out.add(estimate("bkg-A", "background in box: sideband A fit (E_HCAL)", b.sidebandA(), b));
        SummaryLine abcd = estimate("bkg-ABCD", "background in box: ABCD", b.abcd(), b);
        OptionalDouble cl = b.closure(b.abcd());
        if (abcd.warning().isEmpty() && cl.isPresent() && Math.abs(cl.getAsDouble() - 1) > ABCD_CLOSURE_TOLERANCE) {
            abcd = new SummaryLine(abcd.key(), abcd.label(), abcd.value(),
                    "ABCD does not close on simulation: E_ECAL and E_HCAL are correlated for this background (region II)");
        } else if (abcd.warning().isEmpty() && !b.abcd().note().isEmpty()) {
            abcd = new SummaryLine(abcd.key(), abcd.label(), abcd.value(), b.abcd().note());
        }
        out.add(abcd);
        if (b.simulated()) {
            StringBuilder per = new StringBuilder();
            for (Map.Entry<EventClass, Long> e : b.truthInBox().entrySet()) {
                per.append(per.isEmpty() ? "" : ", ").append(e.getKey().label()).append(' ').append(e.getValue());
            }
            out.add(SummaryLine.ok("bkg-truth", "true background in box (simulation)",
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
        out.add(new SummaryLine("limit-background", "background for the limit (" + AnalysisDefinition.name(def.background()) + ")",
                e.available() ? e.describe() : "—", e.available() ? "" : e.reason()));
        if (!e.available()) {
            out.add(new SummaryLine("limit-expected", "expected " + cl + "% CL limit on signal events", "—",
                    "no background estimate is available for the method " + AnalysisDefinition.name(def.background())));
            return out;
        }
        String basis = String.format(Locale.ROOT, "  (%s, b = %.3g ± %.2g from %s)", method, Math.max(0, e.value()),
                Double.isFinite(e.totalError()) ? e.totalError() : 0, e.method());
        out.add(SummaryLine.ok("limit-expected", "expected " + cl + "% CL limit on signal events",
                String.format(Locale.ROOT, "%.3f", s.expectedLimit()) + basis));
        boolean hidden = data.stream().anyMatch(d -> r.run(d).boxHidden());
        if (hidden) {
            out.add(SummaryLine.ok("limit-observed", "observed " + cl + "% CL limit on signal events", "blinded"));
        } else if (s.observed() < 0) {
            out.add(new SummaryLine("limit-observed", "observed " + cl + "% CL limit on signal events", "—",
                    "no run is open as data: no observed count"));
        } else {
            out.add(SummaryLine.ok("limit-observed", "observed " + cl + "% CL limit on signal events",
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
}
