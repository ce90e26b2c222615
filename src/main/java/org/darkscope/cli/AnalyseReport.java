package org.darkscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BoxEdgeScan;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.WeightedResult;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.EventClass;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunInfo;
import org.darkscope.session.report.CutFlowTableModel;
import org.darkscope.session.report.ResultsSummary;
import org.darkscope.session.report.SessionReport;
import org.darkscope.session.report.SummaryLine;

/**
 * The output of {@code analyse}: JSON or readable tables from one {@link AnalysisResult}. The readable
 * text is made from a {@link ResultView}, so {@code darkscope result} prints a result file through the
 * same code.
 */
final class AnalyseReport {
    private AnalyseReport() {}

    static ObjectNode toJson(AnalysisResult r, ResultLimits.Summary limits) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        o.put("selection", r.selection().name());
        o.put("blinded", r.selection().blinded());
        ArrayNode runs = o.putArray("runs");
        for (RunResult rr : r.runs()) {
            ObjectNode x = runs.addObject();
            x.put("run", rr.run().displayName());
            x.put("events", rr.run().size());
            x.put("simulated", rr.isSimulated());
            x.put("signal", rr.isSignal());
            CliJson.put(x, "massMeV", rr.run().info().signalMassMeV());
            CliJson.put(x, "eot", rr.run().info().eot());
            // a blinded run's cut flow counts only events outside the box (the box count must not follow from it)
            x.put("boxHidden", rr.boxHidden());
            x.set("cutFlow", cutFlow(rr.cutFlow()));
            x.set("regions", regions(rr.regions()));
            if (rr.isSimulated()) {
                ObjectNode byClass = x.putObject("regionsByClass");
                for (EventClass c : rr.classes()) {
                    byClass.set(c.name().toLowerCase(Locale.ROOT), regions(rr.regions(c)));
                }
            }
            x.put("role", rr.isSignal() ? "signal" : rr.isData() ? "data" : "background-mc");
            rr.weighted().ifPresent(w -> x.set("weighted", weightedJson(w)));
        }
        ArrayNode eff = o.putArray("efficiencies");
        List<RunResult> signalRuns = r.signalRuns();
        List<Efficiency> effs = r.efficiencies();
        for (int i = 0; i < effs.size(); i++) {
            Efficiency e = effs.get(i);
            ObjectNode x = eff.addObject();
            // the inefficiencies the simulation does not model: their own object, never multiplied into "value"
            ExternalEfficiency.of(signalRuns.get(i).run().info()).ifPresent(ext -> {
                ObjectNode xe = x.putObject("external");
                xe.put("name", ext.name());
                CliJson.put(xe, "value", ext.value());
                ObjectNode comp = xe.putObject("components");
                ext.components().forEach((k, v) -> CliJson.put(comp, k, v));
                xe.put("source", ext.source());
                CliJson.put(xe, "efficiencyTimesExternal", e.value() * ext.value());
            });
            x.put("run", e.runName());
            CliJson.put(x, "massMeV", e.massMeV());
            x.put("passed", e.passed());
            x.put("total", e.total());
            CliJson.put(x, "value", e.value());
            CliJson.put(x, "lower", e.lower());
            CliJson.put(x, "upper", e.upper());
            x.put("interval", e.method().name().toLowerCase(Locale.ROOT));
            CliJson.put(x, "cl", e.cl());
        }
        if (!r.backgroundRuns().isEmpty()) {
            BackgroundSummary b = r.background();
            ObjectNode bg = o.putObject("background");
            bg.set("sidebandC", estimate(b.sidebandC(), b));
            bg.set("sidebandA", estimate(b.sidebandA(), b));
            bg.set("abcd", estimate(b.abcd(), b));
            bg.put("abcdAssumesFactorisation", true);
            if (b.simulated()) {
                ObjectNode t = bg.putObject("truthInBox");
                b.truthInBox().forEach((c, n) -> t.put(c.name().toLowerCase(Locale.ROOT), n));
                bg.put("truthTotal", b.truthTotal());
            }
        }
        ObjectNode l = o.putObject("limits");
        l.put("background", limits.background().method());
        CliJson.put(l, "backgroundValue", limits.background().value());
        CliJson.put(l, "backgroundError", limits.background().totalError());
        if (limits.observed() >= 0) {
            l.put("observed", limits.observed());
        } else {
            l.putNull("observed");
        }
        CliJson.put(l, "eot", limits.eot());
        CliJson.put(l, "upperLimit", limits.upperLimit());
        CliJson.put(l, "expectedLimit", limits.expectedLimit());
        CliJson.put(l, "expectedMinus2", limits.expectedBands().minus2());
        CliJson.put(l, "expectedMinus1", limits.expectedBands().minus1());
        CliJson.put(l, "expectedPlus1", limits.expectedBands().plus1());
        CliJson.put(l, "expectedPlus2", limits.expectedBands().plus2());
        l.put("reason", limits.reason());
        ArrayNode pts = l.putArray("points");
        for (ExclusionPoint p : limits.points()) {
            pts.add(ExclusionCommand.point(p));
        }
        return o;
    }

    /** The window's results panel for the same session: every summary line and the cut flow table, as shown. */
    static ObjectNode windowJson(SessionReport w) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        ArrayNode lines = o.putArray("summary");
        for (SummaryLine l : w.lines()) {
            ObjectNode x = lines.addObject();
            x.put("key", l.key());
            x.put("label", l.label());
            x.put("value", l.value());
            x.put("warning", l.warning());
        }
        ObjectNode cf = o.putObject("cutFlow");
        ArrayNode h = cf.putArray("header");
        w.cutFlow().header().forEach(h::add);
        ArrayNode rows = cf.putArray("rows");
        for (List<String> r : w.cutFlow().rows()) {
            ArrayNode a = rows.addArray();
            r.forEach(a::add);
        }
        return o;
    }

    /** The window's results panel as text: the same lines and cut flow table the window shows. */
    static void printWindow(SessionReport w, AnalysisDefinition def, PrintWriter out) {
        out.println("results as the window shows them (limits: " + def.describe() + ")");
        Table t = new Table("quantity", "value", "warning");
        for (SummaryLine l : w.lines()) {
            t.row(l.label(), l.value(), l.warning());
        }
        t.print(out);
        out.println();
        if (!w.cutFlow().rows().isEmpty()) {
            Table c = new Table(w.cutFlow().header().toArray(new String[0]));
            for (List<String> r : w.cutFlow().rows()) {
                c.row(r.toArray(new String[0]));
            }
            c.print(out);
            out.println();
        }
    }

    static ObjectNode scanJson(BoxEdgeScan.Result scan) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        CliJson.put(o, "bestEdge", scan.bestEdge());
        ArrayNode a = o.putArray("points");
        for (BoxEdgeScan.Point p : scan.points()) {
            ObjectNode x = a.addObject();
            CliJson.put(x, "edge", p.edge());
            CliJson.put(x, "efficiency", p.efficiency());
            CliJson.put(x, "background", p.background().value());
            x.put("backgroundMethod", p.background().method());
            CliJson.put(x, "expectedLimit", p.expectedLimit());
            CliJson.put(x, "relativeEpsilon", p.relativeEpsilon());
        }
        return o;
    }

    static void printScan(BoxEdgeScan.Result scan, PrintWriter out) {
        out.println();
        Table t =
                new Table("E_ECAL edge [GeV]", "efficiency", "background", "expected N_up", "expected eps (relative)");
        for (BoxEdgeScan.Point p : scan.points()) {
            t.row(
                    CliJson.fmt(p.edge()),
                    CliJson.fmt(p.efficiency()),
                    p.background().describe(),
                    CliJson.fmt(p.expectedLimit()),
                    CliJson.fmt(p.relativeEpsilon()));
        }
        t.print(out);
        out.println("edge with the smallest expected limit: " + CliJson.fmt(scan.bestEdge()) + " GeV");
    }

    /**
     * The weighted counts of a background-MC-role run: Σw ("sumW"), √Σw² ("error") and the events behind
     * them ("events"), for the cut flow, the regions and the regions per truth class, with the run's
     * weighted-MC label.
     */
    static ObjectNode weightedJson(WeightedResult w) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        o.put("label", ResultView.Weighted.label(w.run().info(), w.hasWeights()));
        o.put("enriched", w.label().isPresent());
        o.set("total", sum(w.total()));
        ArrayNode flow = o.putArray("cutFlow");
        for (int i = 0; i < w.cutFlow().size(); i++) {
            ObjectNode x = sum(w.cutFlow().get(i).after());
            x.put("cut", w.cutFlow().get(i).cut());
            CliJson.put(x, "fraction", w.fraction(w.cutFlow().get(i).after()));
            x.set("alone", sum(w.alone().get(i)));
            flow.add(x);
        }
        ObjectNode reg = o.putObject("regions");
        for (Region r : Region.values()) {
            reg.set(r.name(), sum(w.region(r)));
        }
        double eot = w.run().info().eot();
        if (eot > 0) {
            CliJson.put(o, "boxPerEot", w.region(Region.BOX).w() / eot);
            CliJson.put(o, "boxPerEotError", w.region(Region.BOX).error() / eot);
        }
        ObjectNode byClass = o.putObject("regionsByClass");
        for (EventClass c : w.classes()) {
            ObjectNode x = byClass.putObject(c.name().toLowerCase(Locale.ROOT));
            for (Region r : Region.values()) {
                x.set(r.name(), sum(w.region(c, r)));
            }
        }
        return o;
    }

    private static ObjectNode sum(WeightedCounts.Sum s) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        CliJson.put(o, "sumW", s.w());
        CliJson.put(o, "error", s.error());
        o.put("events", s.n());
        return o;
    }

    private static ArrayNode cutFlow(CutFlow f) {
        ArrayNode a = CliJson.MAPPER.createArrayNode();
        ObjectNode first = a.addObject();
        first.put("cut", "all events");
        first.put("after", f.total());
        for (CutFlow.Row row : f.rows()) {
            ObjectNode x = a.addObject();
            x.put("cut", row.cut());
            x.put("after", row.after());
            CliJson.put(x, "absolute", row.absolute());
            CliJson.put(x, "relative", row.relative());
            x.put("alone", row.alone());
        }
        return a;
    }

    private static ObjectNode regions(RegionCounts c) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        for (Region reg : Region.values()) {
            long n = c.count(reg);
            if (n == RegionCounts.HIDDEN) {
                o.put(reg.name(), "blinded");
            } else {
                o.put(reg.name(), n);
            }
        }
        return o;
    }

    private static ObjectNode estimate(BackgroundEstimate e, BackgroundSummary b) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        o.put("method", e.method());
        o.put("available", e.available());
        if (e.available()) {
            CliJson.put(o, "value", e.value());
            CliJson.put(o, "statError", e.statError());
            CliJson.put(o, "systError", e.systError());
            e.systMeaning().ifPresent(m -> o.put("systMeaning", m));
            o.put("note", e.note());
            OptionalDouble cl = b.closure(e);
            if (cl.isPresent()) {
                CliJson.put(o, "closure", cl.getAsDouble());
            }
        } else {
            o.put("reason", e.reason());
        }
        ArrayNode fits = o.putArray("fits");
        for (var f : e.fits()) {
            ObjectNode x = fits.addObject();
            x.put("family", f.family());
            CliJson.put(x, "fitLo", f.fitLo());
            CliJson.put(x, "fitHi", f.fitHi());
            CliJson.put(x, "extrapolated", f.extrapolated());
            CliJson.put(x, "statError", f.statError());
            CliJson.put(x, "fitProbability", f.fitProbability());
            x.put("accepted", f.accepted());
            x.put("message", f.message());
        }
        return o;
    }

    static void print(AnalysisResult r, ResultLimits.Summary limits, PrintWriter out) {
        print(ResultView.of(r), limits, out);
    }

    /**
     * The text of {@code analyse}, from an evaluation or the totals of a result file ({@code darkscope
     * result} prints through here too, so the two cannot drift apart).
     */
    static void print(ResultView r, ResultLimits.Summary limits, PrintWriter out) {
        out.println("selection: " + r.selection().name() + (r.selection().blinded() ? " (blinded)" : ""));
        for (ResultView.RunView rr : r.runs()) {
            out.println();
            ResultView.Weighted w = rr.weighted().orElse(null);
            out.println("== " + rr.name() + ": " + rr.events() + " events"
                    + (rr.isSignal()
                            ? ", signal m_A' = " + CliJson.fmt(rr.info().signalMassMeV()) + " MeV"
                            : "")
                    + (rr.isSimulated() ? ", simulated" : ", data")
                    + (w != null ? ", background MC: " + w.label() : ""));
            CutFlow flow = rr.cutFlow();
            if (rr.boxHidden()) {
                out.println("(box blinded: the cut flow counts events outside the signal box; --unblind to see all)");
            }
            Table t = w == null
                    ? new Table("cut", "events after", "of all", "of previous", "passing alone")
                    : new Table(
                            "cut",
                            "events after",
                            "weighted Σw ± √Σw²",
                            "of all (Σw)",
                            "of previous (Σw)",
                            "passing alone (Σw)");
            if (w == null) {
                t.row("(all events)", Long.toString(flow.total()), "1", "1", "-");
            } else {
                t.row("(all events)", Long.toString(flow.total()), CutFlowTableModel.sum(w.total()), "1", "1", "-");
            }
            for (int i = 0; i < flow.rows().size(); i++) {
                CutFlow.Row row = flow.rows().get(i);
                if (w == null) {
                    t.row(
                            row.cut(),
                            Long.toString(row.after()),
                            CliJson.fmt(row.absolute()),
                            CliJson.fmt(row.relative()),
                            Long.toString(row.alone()));
                } else {
                    WeightedCounts.Sum after = w.after().get(i);
                    WeightedCounts.Sum before = i == 0 ? w.total() : w.after().get(i - 1);
                    WeightedCounts.Sum alone = w.alone().get(i);
                    t.row(
                            row.cut(),
                            Long.toString(row.after()),
                            CutFlowTableModel.sum(after),
                            CliJson.fmt(w.fraction(after)),
                            CliJson.fmt(before.w() > 0 ? after.w() / before.w() : Double.NaN),
                            alone == null ? "-" : CutFlowTableModel.sum(alone));
                }
            }
            t.print(out);
            out.println();
            Table g = w == null
                    ? new Table("region", "selected events")
                    : new Table("region", "selected events", "weighted Σw ± √Σw²");
            for (Region reg : Region.values()) {
                long n = rr.regions().count(reg);
                String c = n == RegionCounts.HIDDEN ? "blinded" : Long.toString(n);
                if (w == null) {
                    g.row(reg.label(), c);
                } else {
                    g.row(reg.label(), c, CutFlowTableModel.sum(w.region(reg)));
                }
            }
            g.print(out);
            if (w != null && rr.info().eot() > 0) {
                WeightedCounts.Sum box = w.region(Region.BOX);
                out.printf(
                        Locale.ROOT,
                        "weighted box per EOT: %.3g ± %.2g (EOT %.4g)%n",
                        box.w() / rr.info().eot(),
                        box.error() / rr.info().eot(),
                        rr.info().eot());
            }
        }
        if (!r.efficiencies().isEmpty()) {
            out.println();
            List<RunInfo> signalRuns = r.signalInfos();
            List<Efficiency> effs = r.efficiencies();
            Table t = new Table(
                    "signal run",
                    "m_A' [MeV]",
                    "in box",
                    "generated",
                    "efficiency",
                    "68 % interval",
                    "not simulated (separate factor)",
                    "efficiency × factor");
            for (int i = 0; i < effs.size(); i++) {
                Efficiency e = effs.get(i);
                ExternalEfficiency ext =
                        ExternalEfficiency.of(signalRuns.get(i)).orElse(null);
                t.row(
                        e.runName(),
                        CliJson.fmt(e.massMeV()),
                        Long.toString(e.passed()),
                        Long.toString(e.total()),
                        CliJson.fmt(e.value()),
                        "[" + CliJson.fmt(e.lower()) + ", " + CliJson.fmt(e.upper()) + "]",
                        ext == null
                                ? "none recorded"
                                : ext.name() + " " + String.format(Locale.ROOT, "%.3f", ext.value()),
                        ext == null ? "-" : String.format(Locale.ROOT, "%.4f", e.value() * ext.value()));
            }
            t.print(out);
            java.util.Set<String> printedExternal = new java.util.HashSet<>(); // one note per factor
            for (int i = 0; i < effs.size(); i++) {
                ExternalEfficiency.of(signalRuns.get(i)).ifPresent(ext -> {
                    if (printedExternal.add(ext.name())) {
                        out.println("not simulated, shown apart and never in the efficiency: "
                                + ResultsSummary.externalText(ext) + " = "
                                + String.format(Locale.ROOT, "%.3f", ext.value()));
                    }
                });
            }
        }
        if (r.hasBackground()) {
            BackgroundSummary b = r.background();
            out.println();
            Table t = new Table("background in the box", "estimate", "closure (estimate/truth)");
            for (BackgroundEstimate e : new BackgroundEstimate[] {b.sidebandC(), b.sidebandA(), b.abcd()}) {
                OptionalDouble c = b.closure(e);
                t.row(e.method(), e.describe(), c.isPresent() ? CliJson.fmt(c.getAsDouble()) : "-");
            }
            if (b.simulated()) {
                t.row("truth (simulation)", Long.toString(b.truthTotal()), "1");
                for (Map.Entry<EventClass, Long> en : b.truthInBox().entrySet()) {
                    t.row("  " + en.getKey().label(), Long.toString(en.getValue()), "");
                }
            }
            t.print(out);
            out.println("note: ABCD " + b.abcd().note().replaceFirst("^assumes", "assumes"));
        }
        out.println();
        out.println("limit: background " + limits.background().method() + " = "
                + limits.background().describe()
                + "; observed " + (limits.observed() >= 0 ? Long.toString(limits.observed()) : "blinded")
                + "; N_up = " + CliJson.fmt(limits.upperLimit()) + ", expected " + CliJson.fmt(limits.expectedLimit())
                + " (median; ±1σ [" + CliJson.fmt(limits.expectedBands().minus1()) + ", "
                + CliJson.fmt(limits.expectedBands().plus1())
                + "], ±2σ [" + CliJson.fmt(limits.expectedBands().minus2()) + ", "
                + CliJson.fmt(limits.expectedBands().plus2()) + "])"
                + "; EOT " + CliJson.fmt(limits.eot())
                + (limits.reason().isEmpty() ? "" : " (" + limits.reason() + ")"));
        if (!limits.points().isEmpty()) {
            // the expected limit's ±1σ and ±2σ bands on eps90 beside its median, as exclusion prints them
            Table t = new Table(
                    "m_A' [MeV]",
                    "efficiency",
                    "eps90",
                    "eps90 expected",
                    "exp -1s..+1s",
                    "exp -2s..+2s",
                    "y90 expected");
            for (ExclusionPoint p : limits.points()) {
                double[] band = p.epsilonBands();
                t.row(
                        CliJson.fmt(p.massMeV()),
                        CliJson.fmt(p.efficiency()),
                        CliJson.fmt(p.epsilon()),
                        CliJson.fmt(p.epsilonExpected()),
                        CliJson.fmt(band[1]) + ".." + CliJson.fmt(band[3]),
                        CliJson.fmt(band[0]) + ".." + CliJson.fmt(band[4]),
                        CliJson.fmt(p.yExpected()));
            }
            t.print(out);
        }
    }
}
