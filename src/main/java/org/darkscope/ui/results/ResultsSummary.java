package org.darkscope.ui.results;

import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.UpperLimits;
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
 * closure on simulation, the observed count once unblinded. No toolkit: unit-tested directly.
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
            selected += r.run(d).visibleSelectedCount();
            total += r.run(d).visibleCutFlow().total();
            hidden |= r.run(d).boxHidden();
            regions = regions.plus(r.run(d).regions());
        }
        boolean blinded = r.selection().blinded();
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
                    long n = r.run(d).visibleCount(c);
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
            out.add(SummaryLine.ok("observed", "observed in the box", n == RegionCounts.HIDDEN ? "blinded" : Long.toString(n)));
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

    /** The estimate the limits use: the sideband C fit (NA64's method), else ABCD, else the sideband A fit. */
    public static BackgroundEstimate chosen(BackgroundSummary b) {
        for (BackgroundEstimate e : List.of(b.sidebandC(), b.abcd(), b.sidebandA())) {
            if (e.available()) {
                return e;
            }
        }
        return null;
    }

    /**
     * Expected (and, once unblinded, observed) 90 % CL upper limit on signal events (CLs, log-normal
     * uncertainty on the background), from the chosen background estimate. Slow-ish: call off the UI thread.
     */
    public static List<SummaryLine> limits(AnalysisResult r, List<RunData> data) {
        List<SummaryLine> out = new ArrayList<>();
        BackgroundSummary b = r.background();
        BackgroundEstimate e = chosen(b);
        if (e == null) {
            out.add(new SummaryLine("limit-expected", "expected 90% CL limit on signal events", "—",
                    "no background estimate is available (see the warnings above)"));
            return out;
        }
        double bkg = Math.max(0, e.value());
        double db = Double.isFinite(e.totalError()) ? e.totalError() : 0;
        LimitInput in = LimitInput.of(0, bkg).withErrors(db, 0);
        String basis = String.format(Locale.ROOT, "  (CLs, b = %.3g ± %.2g from %s)", bkg, db, e.method());
        out.add(SummaryLine.ok("limit-expected", "expected 90% CL limit on signal events",
                String.format(Locale.ROOT, "%.3f", UpperLimits.expectedLimit(in)) + basis));
        if (r.selection().blinded()) {
            out.add(SummaryLine.ok("limit-observed", "observed 90% CL limit on signal events", "blinded"));
        } else {
            long n = 0;
            for (RunData d : data) {
                n += Math.max(0, r.run(d).regions().count(Region.BOX));
            }
            double up = UpperLimits.upperLimit(in.withObserved((int) Math.min(Integer.MAX_VALUE, n)));
            out.add(SummaryLine.ok("limit-observed", "observed 90% CL limit on signal events",
                    String.format(Locale.ROOT, "%.3f  (n = %d)", up, n) + basis));
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
