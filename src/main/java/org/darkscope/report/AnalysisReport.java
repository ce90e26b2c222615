package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.WeightedResult;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.EventClass;
import org.darkscope.event.ExternalEfficiency;

/**
 * The analysis report: the selection (with the preset it comes from and what changed), the cut flow
 * of every run, signal efficiencies with intervals, background estimates per method with closure on
 * simulation, limits, the figures and the provenance, as one list of sections that
 * {@link ReportWriter} turns into a self-contained HTML page and a PDF. All numbers come from one
 * {@link AnalysisResult} and {@link ResultLimits} (the code behind {@code analyse}); nothing is
 * recomputed here.
 * <p>
 * Past 500 lines on purpose: one short builder per section, in the report's order; split apart they
 * would scatter the page's layout over several files without making any section simpler.
 */
public final class AnalysisReport {
    /** A block of the report. */
    public sealed interface Block permits Paragraph, Table, FigureBlock {}

    public record Paragraph(String text) implements Block {}

    public record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public record FigureBlock(String caption, Figure figure) implements Block {}

    public record Section(String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * One input file.
     *
     * @param file   file name
     * @param sha256 hex SHA-256 of the file
     * @param role   data, background MC or signal MC
     * @param events events in the run
     * @param eot    electrons on target of the run
     * @param label  the run's label in tables and legends
     */
    public record Provenance(String file, String sha256, String role, long events, double eot, String label) {}

    private final String title;
    private final List<Section> sections;

    private AnalysisReport(String title, List<Section> sections) {
        this.title = title;
        this.sections = List.copyOf(sections);
    }

    public String title() {
        return title;
    }

    public List<Section> sections() {
        return sections;
    }

    /** "not computed: reason" or the value with 4 significant digits; never "NaN". */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g %%", 100 * v) : "–";
    }

    /**
     * Builds the report.
     *
     * @param r          the evaluated selection (details computed)
     * @param limits     {@link ResultLimits#compute} of r with the analysis settings
     * @param exclusion  the exclusion curve as the window draws it (may be empty)
     * @param files      provenance of every run file, in the order of r's runs
     * @param version    DarkScope version
     * @param date       date and time of the report
     */
    public static AnalysisReport build(
            AnalysisResult r,
            ResultLimits.Summary limits,
            List<ExclusionPoint> exclusion,
            List<Provenance> files,
            String version,
            String date) {
        List<Section> s = new ArrayList<>();
        Selection sel = r.selection();
        s.add(new Section(
                "Summary",
                List.of(new Paragraph("Selection \"" + sel.name() + "\""
                        + (sel.blinded()
                                ? ", signal box blinded: box counts of data-role runs and observed limits are not shown."
                                : ", signal box unblinded.")
                        + " DarkScope " + version + ", " + date + "."))));
        s.add(selection(sel));
        s.add(cutFlows(r));
        s.add(efficiencies(r));
        if (!r.backgroundRuns().isEmpty()) {
            s.add(background(r));
        }
        s.add(limits(r, limits, exclusion));
        s.add(figures(r, exclusion));
        s.add(provenance(files, version, date));
        return new AnalysisReport("DarkScope analysis report: " + sel.name(), s);
    }

    // ---- selection

    /** The preset the selection is closest to (fewest differing cuts), or null if none is close. */
    static Selection preset(Selection sel) {
        Selection best = null;
        int bestDiff = Integer.MAX_VALUE;
        for (Selection p : List.of(Selection.published(), Selection.loose())) {
            int d = 0;
            for (Cut c : sel.cuts()) {
                if (!c.sameTest(p.find(c.name()).orElse(null))) {
                    d++;
                }
            }
            d += (int)
                    p.cuts().stream().filter(c -> sel.find(c.name()).isEmpty()).count();
            if (!sel.box().equals(p.box())) {
                d++;
            }
            if (d < bestDiff || (d == bestDiff && p.name().equals(sel.name()))) {
                bestDiff = d;
                best = p;
            }
        }
        return bestDiff <= Math.max(3, sel.cuts().size() / 2) ? best : null;
    }

    static Section selection(Selection sel) {
        Selection preset = preset(sel);
        List<List<String>> rows = new ArrayList<>();
        for (Cut c : sel.cuts()) {
            String change;
            if (preset == null) {
                change = "–";
            } else {
                Cut p = preset.find(c.name()).orElse(null);
                if (p == null) {
                    change = "added (not in " + preset.name() + ")";
                } else if (c.sameTest(p)) {
                    change = "as in " + preset.name();
                } else {
                    List<String> d = new ArrayList<>();
                    if (c.enabled() != p.enabled()) {
                        d.add(c.enabled() ? "switched on" : "switched off");
                    }
                    if (c.kind() != p.kind() || !c.column().equals(p.column())) {
                        d.add("test was " + p.describeTest());
                    } else {
                        if (Double.compare(c.min(), p.min()) != 0) {
                            d.add("min " + num(p.min()) + " → " + num(c.min()));
                        }
                        if (Double.compare(c.max(), p.max()) != 0) {
                            d.add("max " + num(p.max()) + " → " + num(c.max()));
                        }
                    }
                    change = String.join("; ", d);
                }
            }
            rows.add(List.of(
                    c.name(),
                    c.enabled() ? "on" : "off",
                    c.describeTest(),
                    c.kind().usesMin() ? num(c.min()) : "–",
                    c.kind().usesMax() ? num(c.max()) : "–",
                    c.unit().isEmpty() ? "–" : c.unit(),
                    change));
        }
        if (preset != null) {
            for (Cut p : preset.cuts()) {
                if (sel.find(p.name()).isEmpty()) {
                    rows.add(List.of(
                            p.name(),
                            "–",
                            p.describeTest(),
                            "–",
                            "–",
                            p.unit().isEmpty() ? "–" : p.unit(),
                            "removed (in " + preset.name() + ")"));
                }
            }
        }
        SignalBox b = sel.box();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(
                preset == null
                        ? "Not close to a preset (published or loose)."
                        : "Closest preset: " + preset.name() + ". The last column says what differs from it."));
        blocks.add(new Table(List.of("cut", "state", "test", "min", "max", "unit", "vs preset"), rows));
        String boxChange = preset == null
                ? "–"
                : b.equals(preset.box())
                        ? "as in " + preset.name()
                        : "changed from " + num(preset.box().ecalMax()) + " GeV, "
                                + num(preset.box().hcalMax()) + " GeV";
        blocks.add(new Table(
                List.of("signal box", "value", "unit", "vs preset"),
                List.of(
                        List.of("E_ECAL upper edge", num(b.ecalMax()), "GeV", boxChange),
                        List.of("E_HCAL upper edge", num(b.hcalMax()), "GeV", boxChange),
                        List.of("sidebands C, D: E_ECAL upper edge (trigger)", num(b.ecalTriggerEdge()), "GeV", ""),
                        List.of("sidebands A, D: E_HCAL upper edge", num(b.hcalSidebandMax()), "GeV", ""))));
        return new Section("Selection", blocks);
    }

    // ---- cut flow

    static Section cutFlows(AnalysisResult r) {
        List<RunResult> runs = new ArrayList<>(r.backgroundRuns());
        runs.addAll(r.signalRuns());
        List<String> labels =
                CsvTables.uniqueLabels(runs.stream().map(RunResult::run).toList());
        List<String> h = new ArrayList<>(List.of("cut"));
        for (int k = 0; k < runs.size(); k++) {
            h.add(labels.get(k) + (runs.get(k).boxHidden() ? " (outside box)" : ""));
            h.add("fraction");
            if (runs.get(k).weighted().isPresent()) {
                h.add(labels.get(k) + " weighted Σw ± √Σw²");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        if (!runs.isEmpty()) {
            List<String> first = new ArrayList<>(List.of("all events"));
            for (RunResult rr : runs) {
                first.add(Long.toString(rr.cutFlow().total()));
                first.add("1");
                rr.weighted().ifPresent(w -> first.add(w.total().describe()));
            }
            rows.add(first);
            int n = runs.get(0).cutFlow().rows().size();
            for (int i = 0; i < n; i++) {
                List<String> row = new ArrayList<>(
                        List.of(runs.get(0).cutFlow().rows().get(i).cut()));
                for (RunResult rr : runs) {
                    CutFlow.Row c = rr.cutFlow().rows().get(i);
                    row.add(Long.toString(c.after()));
                    row.add(num(c.absolute()));
                    rr.weighted().ifPresent(w -> {
                        WeightedCounts.Sum after = w.after(c.cut());
                        row.add(after == null ? "–" : after.describe());
                    });
                }
                rows.add(row);
            }
        }
        List<List<String>> regions = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            RegionCounts c = runs.get(k).regions();
            List<String> row = new ArrayList<>(List.of(labels.get(k)));
            for (Region g : List.of(Region.BOX, Region.A, Region.C, Region.D)) {
                long v = c.count(g);
                row.add(v == RegionCounts.HIDDEN ? "blinded" : Long.toString(v));
            }
            regions.add(row);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(
                "Events left after each cut, in selection order. A blinded data-role run counts only events "
                        + "outside the signal box (its box count cannot be derived)."));
        List<List<String>> weighted = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            WeightedResult w = runs.get(k).weighted().orElse(null);
            if (w == null) {
                continue;
            }
            String what = ResultView.Weighted.label(w.run().info(), w.hasWeights());
            blocks.add(new Paragraph("Background MC " + labels.get(k) + ": " + what
                    + ". Its weighted columns are Σw ± √Σw² of the event weights (truth_weight)."));
            List<String> row = new ArrayList<>(List.of(labels.get(k), what));
            for (Region g : List.of(Region.BOX, Region.A, Region.C, Region.D)) {
                row.add(w.region(g).describe());
            }
            weighted.add(row);
        }
        blocks.add(new Table(h, rows));
        blocks.add(new Table(List.of("run", "box", "A", "C", "D"), regions));
        if (!weighted.isEmpty()) {
            blocks.add(new Table(
                    List.of("background MC", "weighting", "box Σw ± √Σw²", "A Σw ± √Σw²", "C Σw ± √Σw²", "D Σw ± √Σw²"),
                    weighted));
        }
        return new Section("Cut flow", blocks);
    }

    static Section efficiencies(AnalysisResult r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> labels = CsvTables.uniqueLabels(
                r.signalRuns().stream().map(RunResult::run).toList());
        List<Efficiency> effs = r.efficiencies();
        List<ExternalEfficiency> factors = new ArrayList<>();
        for (int i = 0; i < effs.size(); i++) {
            Efficiency e = effs.get(i);
            ExternalEfficiency ext =
                    ExternalEfficiency.of(r.signalRuns().get(i).run().info()).orElse(null);
            if (ext != null && factors.stream().noneMatch(f -> f.name().equals(ext.name()))) {
                factors.add(ext);
            }
            rows.add(List.of(
                    labels.get(i),
                    num(e.massMeV()),
                    Long.toString(e.passed()),
                    Long.toString(e.total()),
                    num(e.value()),
                    "[" + num(e.lower()) + ", " + num(e.upper()) + "]",
                    e.method().name().toLowerCase(Locale.ROOT).replace('_', '-') + ", " + pct(e.cl()),
                    ext == null ? "none recorded" : ext.name() + " " + String.format(Locale.ROOT, "%.3f", ext.value()),
                    ext == null ? "–" : String.format(Locale.ROOT, "%.4f", e.value() * ext.value())));
        }
        List<Block> b = new ArrayList<>();
        if (rows.isEmpty()) {
            b.add(new Paragraph("Not computed: no signal run."));
        } else {
            b.add(new Table(
                    List.of(
                            "signal run",
                            "m_A' [MeV]",
                            "selected in box",
                            "generated",
                            "efficiency",
                            "interval",
                            "method, CL",
                            "not simulated (separate factor)",
                            "efficiency × factor"),
                    rows));
            for (ExternalEfficiency f : factors) {
                b.add(new Paragraph("Not simulated, shown apart and never in the efficiency: " + f.describe() + " = "
                        + String.format(Locale.ROOT, "%.3f", f.value()) + ". " + f.source()));
            }
        }
        return new Section("Signal efficiency", b);
    }

    static Section background(AnalysisResult r) {
        BackgroundSummary b = r.background();
        List<List<String>> rows = new ArrayList<>();
        for (BackgroundEstimate e : List.of(b.sidebandC(), b.sidebandA(), b.abcd())) {
            OptionalDouble c = b.closure(e);
            if (e.available()) {
                rows.add(List.of(
                        e.method(),
                        num(e.value()),
                        num(e.statError()),
                        e.systMeaning().orElse(num(e.systError())),
                        c.isPresent()
                                ? num(c.getAsDouble())
                                : b.simulated() ? "no truth in the box" : "no truth (data)",
                        e.note().isEmpty() ? "–" : e.note()));
            } else {
                rows.add(List.of(e.method(), "not computed: " + e.reason(), "–", "–", "–", "–"));
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(
                List.of("method", "events in box", "stat", "syst", "closure (estimate / truth)", "note"), rows));
        if (b.simulated()) {
            List<List<String>> t = new ArrayList<>();
            for (Map.Entry<EventClass, Long> en : b.truthInBox().entrySet()) {
                t.add(List.of(en.getKey().label(), Long.toString(en.getValue())));
            }
            t.add(List.of("total", Long.toString(b.truthTotal())));
            blocks.add(new Table(List.of("truth in the box (simulation)", "events"), t));
        }
        return new Section("Background in the signal box", blocks);
    }

    static Section limits(AnalysisResult r, ResultLimits.Summary l, List<ExclusionPoint> exclusion) {
        List<Block> b = new ArrayList<>();
        b.add(new Table(
                List.of("quantity", "value"),
                List.of(
                        List.of(
                                "background used",
                                // the estimate's own text, as analyse and the results panel show it
                                l.background().method() + ": " + l.background().describe()),
                        List.of("observed in the box", l.observed() >= 0 ? Long.toString(l.observed()) : "blinded"),
                        List.of("EOT", num(l.eot())),
                        List.of(
                                "upper limit on signal events (90 % CL)",
                                Double.isNaN(l.upperLimit())
                                        ? (l.observed() < 0 ? "blinded" : "not computed: " + l.reason())
                                        : num(l.upperLimit())),
                        List.of(
                                "expected upper limit (median)",
                                Double.isNaN(l.expectedLimit())
                                        ? "not computed: " + l.reason()
                                        : num(l.expectedLimit())),
                        List.of(
                                "expected ±1σ band",
                                band(
                                        l.expectedBands().minus1(),
                                        l.expectedBands().plus1())),
                        List.of(
                                "expected ±2σ band",
                                band(
                                        l.expectedBands().minus2(),
                                        l.expectedBands().plus2())))));
        if (!l.points().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (ExclusionPoint p : l.points()) {
                double[] e = p.epsilonBands();
                rows.add(List.of(
                        num(p.massMeV()),
                        num(p.efficiency()),
                        r.selection().blinded() ? "blinded" : num(p.epsilon()),
                        num(p.epsilonExpected()),
                        band(e[1], e[3]),
                        band(e[0], e[4]),
                        num(p.yExpected())));
            }
            b.add(new Paragraph(
                    "At the masses of the signal runs (their efficiency); expected = the median of the limit "
                            + "under the background-only hypothesis, with its ±1σ and ±2σ bands:"));
            b.add(new Table(
                    List.of(
                            "m_A' [MeV]",
                            "efficiency",
                            "ε 90 % CL",
                            "ε expected",
                            "ε expected ±1σ",
                            "ε expected ±2σ",
                            "y expected"),
                    rows));
        } else if (!l.reason().isEmpty()) {
            b.add(new Paragraph("Exclusion at the signal masses not computed: " + l.reason() + "."));
        }
        if (!exclusion.isEmpty()) {
            b.add(new Paragraph("The exclusion plots use " + exclusion.size() + " masses from "
                    + num(exclusion.get(0).massMeV())
                    + " to " + num(exclusion.get(exclusion.size() - 1).massMeV())
                    + " MeV with the efficiency interpolated between signal runs, as in the window."));
        }
        return new Section("Limits", b);
    }

    /** "[lo, hi]", or "not computed" where either edge is unknown. */
    static String band(double lo, double hi) {
        return Double.isFinite(lo) && Double.isFinite(hi) ? "[" + num(lo) + ", " + num(hi) + "]" : "not computed";
    }

    static Section figures(AnalysisResult r, List<ExclusionPoint> exclusion) {
        List<Block> b = new ArrayList<>();
        RunResult first =
                r.backgroundRuns().isEmpty() ? null : r.backgroundRuns().get(0);
        if (first != null) {
            b.add(new FigureBlock(
                    "The (E_ECAL, E_HCAL) plane of " + RunLabels.of(first.run()) + " after the selection.",
                    Figures.plane(r, first.run(), true)));
        }
        if (!r.runs().isEmpty()) {
            b.add(new FigureBlock("Fraction of events left after each cut.", Figures.cutFlow(r)));
        }
        if (first != null) {
            b.add(new FigureBlock(
                    "Sideband C (E_ECAL) with its fits; dashed: extrapolation under the box.", Figures.fits(r, true)));
            b.add(new FigureBlock("Sideband A (E_HCAL) with its fits.", Figures.fits(r, false)));
        }
        if (!exclusion.isEmpty()) {
            b.add(new FigureBlock(
                    "90 % CL exclusion on ε.",
                    Figures.exclusion(exclusion, r.selection().blinded(), false, null, null)));
            b.add(new FigureBlock(
                    "90 % CL exclusion on y with the relic targets.",
                    Figures.exclusion(exclusion, r.selection().blinded(), true, null, null)));
        }
        return new Section("Figures", b);
    }

    static Section provenance(List<Provenance> files, String version, String date) {
        List<List<String>> rows = new ArrayList<>();
        for (Provenance p : files) {
            rows.add(List.of(p.file(), p.role(), p.label(), Long.toString(p.events()), num(p.eot()), p.sha256()));
        }
        return new Section(
                "Provenance",
                List.of(
                        new Paragraph("DarkScope " + version + ", report written " + date + "."),
                        new Table(List.of("file", "role", "run", "events", "EOT", "SHA-256"), rows)));
    }
}
