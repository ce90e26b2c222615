package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Binning;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.DisplayBinning;
import org.darkscope.analysis.Histogram1D;
import org.darkscope.analysis.Histogram2D;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.Variable;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.ShapeFit;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.RelicTargets;
import org.darkscope.event.RunData;

/**
 * The figures of the window, the {@code plot} command and the report, built from analysis results
 * only (no toolkit): the (E_ECAL, E_HCAL) plane, the cut flow, N-1 distributions, variable
 * distributions, the sideband fits and the exclusion. Blinding follows the engine: a hidden box
 * shows no events and is hatched.
 *
 * <p>About 530 lines: one small builder per figure kind, sharing the axis, colour and blinding
 * conventions; drawing is in {@link FigureRenderer}, {@link FigureItems} and {@link FigureLegend}.</p>
 */
public final class Figures {
    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES =
            List.of("plane", "cutflow", "nminus1", "distribution", "fits", "exclusion");

    static final Rgb DATA = Rgb.BLACK;
    static final Rgb BOX = Rgb.of(200, 30, 30);
    static final Rgb SIDEBAND = Rgb.of(60, 60, 60);

    private Figures() {}

    // ---- plane

    /**
     * The (E_ECAL, E_HCAL) plane of one run (null: the data/background runs summed): log-colour density,
     * the box and sidebands A, C, D with their counts; the box hatched while it is hidden.
     */
    public static Figure plane(AnalysisResult r, RunData run, boolean logHcal) {
        Histogram2D h;
        RegionCounts counts;
        boolean hidden;
        String who;
        if (run != null) {
            RunResult rr = r.run(run);
            h = rr.plane();
            counts = rr.regions();
            hidden = rr.boxHidden();
            who = RunLabels.of(run);
        } else {
            h = r.combinedPlane();
            counts = r.combinedRegions();
            hidden = r.sidebandRuns().stream().anyMatch(RunResult::boxHidden);
            who = r.sidebandRuns().stream().anyMatch(RunResult::isData) ? "data runs" : "background runs";
            if (h == null) {
                throw new IllegalArgumentException("no data or background run to draw the plane of");
            }
        }
        Binning bx = h.x();
        Binning by = h.y();
        double yLo = logHcal ? 0.1 : by.lo();
        String title = who
                + String.format(Locale.ROOT, ": %d selected events", h.inRange() + h.outside())
                + (hidden ? ", signal box blinded" : "");
        Figure f = new Figure(
                title,
                Figure.Axis.linear("E_ECAL", "GeV", bx.lo(), bx.hi()),
                logHcal
                        ? Figure.Axis.log("E_HCAL", "GeV", yLo, by.hi())
                        : Figure.Axis.linear("E_HCAL", "GeV", by.lo(), by.hi()));
        double[] v = new double[bx.bins() * by.bins()];
        for (int iy = 0; iy < by.bins(); iy++) {
            for (int ix = 0; ix < bx.bins(); ix++) {
                v[iy * bx.bins() + ix] = h.count(ix, iy);
            }
        }
        f.add(new Figure.Heat("", bx.bins(), bx.lo(), bx.hi(), by.bins(), by.lo(), by.hi(), v, "events / bin"));
        SignalBox box = r.selection().box();
        f.add(region("", box.ecalMax(), box.ecalTriggerEdge(), 0, box.hcalMax(), "C", counts.count(Region.C)));
        f.add(region("", 0, box.ecalMax(), box.hcalMax(), box.hcalSidebandMax(), "A", counts.count(Region.A)));
        f.add(region(
                "",
                box.ecalMax(),
                box.ecalTriggerEdge(),
                box.hcalMax(),
                box.hcalSidebandMax(),
                "D",
                counts.count(Region.D)));
        long inBox = counts.count(Region.BOX);
        String boxLabel = hidden || inBox == RegionCounts.HIDDEN ? "box: blinded" : "box: " + inBox;
        f.add(new Figure.Rect(
                "",
                Double.NEGATIVE_INFINITY,
                box.ecalMax(),
                Double.NEGATIVE_INFINITY,
                box.hcalMax(),
                BOX,
                hidden ? Rgb.WHITE.withAlpha(0.8) : null,
                hidden,
                false,
                boxLabel));
        return f;
    }

    private static Figure.Rect region(String name, double x0, double x1, double y0, double y1, String label, long n) {
        return new Figure.Rect(name, x0, x1, y0, y1, SIDEBAND, null, false, true, label + ": " + n);
    }

    // ---- cut flow

    /**
     * Fraction of events left after each cut, one bar colour per run (data/background runs and every
     * signal run); blinded runs count only events outside the box, as everywhere else.
     */
    public static Figure cutFlow(AnalysisResult r) {
        List<RunResult> runs = new ArrayList<>(r.backgroundRuns());
        runs.addAll(r.signalRuns());
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs: nothing to draw a cut flow of");
        }
        List<String> cats = new ArrayList<>();
        cats.add("all events");
        CutFlow first = runs.get(0).cutFlow();
        for (CutFlow.Row row : first.rows()) {
            cats.add(row.cut());
        }
        double min = 1;
        List<double[]> fracs = new ArrayList<>();
        for (RunResult rr : runs) {
            CutFlow cf = rr.cutFlow();
            double[] v = new double[cats.size()];
            v[0] = cf.total() > 0 ? 1 : Double.NaN;
            for (int i = 0; i < cf.rows().size(); i++) {
                v[i + 1] = cf.rows().get(i).absolute();
                if (v[i + 1] > 0) {
                    min = Math.min(min, v[i + 1]);
                }
            }
            fracs.add(v);
        }
        // categories top to bottom: the first cut at the top
        List<String> reversed = new ArrayList<>(cats);
        java.util.Collections.reverse(reversed);
        double lo = Math.pow(10, Math.floor(Math.log10(min)) - 0.3);
        boolean hidden = runs.stream().anyMatch(RunResult::boxHidden);
        Figure f = new Figure(
                hidden ? "Box blinded: data-role runs counted outside the signal box" : "",
                Figure.Axis.log("fraction of events left", "", lo, 1.6),
                new Figure.Axis("", "", -0.6, cats.size() - 0.4, false, reversed));
        f.legendOutside();
        double th = Math.min(0.8 / runs.size(), 0.35);
        for (int k = 0; k < runs.size(); k++) {
            double[] v = fracs.get(k);
            double[] rev = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                rev[v.length - 1 - i] = v[i];
            }
            double off = (runs.size() - 1) * th / 2 - k * th;
            RunResult rr = runs.get(k);
            String name = RunLabels.of(rr.run());
            f.add(new Figure.Bars(
                    name, rev, k == 0 && !rr.isSignal() ? Rgb.of(90, 90, 90) : Rgb.palette(k), off, th * 0.9));
        }
        return f;
    }

    // ---- N-1

    /**
     * The N-1 distribution of one cut: the data/background runs summed (events per bin) and every signal
     * run scaled to the same number of events, with the cut edges.
     */
    public static Figure nMinusOne(AnalysisResult r, String cutName) {
        Cut cut = r.selection().cut(cutName);
        Binning b = DisplayBinning.forCut(cut);
        Histogram1D data = null;
        for (RunResult rr : r.backgroundRuns()) {
            Histogram1D h = rr.nMinusOne(cutName, b);
            data = data == null ? h : data.plus(h);
        }
        List<Figure.Item> items = new ArrayList<>();
        double[] edges = edges(b);
        double top = 0;
        double dataSum = data == null ? 0 : data.inRange();
        if (data != null) {
            double[] y = toDouble(data.counts());
            items.add(new Figure.Step("data and background runs", edges, y, DATA, false));
            top = Math.max(top, max(y));
        }
        int k = 1;
        for (RunResult rr : r.signalRuns()) {
            Histogram1D h = rr.nMinusOne(cutName, b);
            double[] y = toDouble(h.counts());
            double scale = dataSum > 0 && h.inRange() > 0 ? dataSum / h.inRange() : 1;
            for (int i = 0; i < y.length; i++) {
                y[i] *= scale;
            }
            items.add(new Figure.Step(
                    RunLabels.of(rr.run()) + (scale != 1 ? " (scaled)" : ""), edges, y, Rgb.palette(k++), true));
            top = Math.max(top, max(y));
        }
        String unit = cut.unit();
        Figure f = new Figure(
                "",
                Figure.Axis.linear(
                        cut.column().replace(Cut.FAMILY_INDEX, "i") + " (N-1: " + cut.name() + ")",
                        unit,
                        b.lo(),
                        b.hi()),
                Figure.Axis.log("events / bin", "", 0.5, Math.max(10, top * 300)));
        items.forEach(f::add);
        if (cut.kind().usesMin() && Double.isFinite(cut.min())) {
            f.add(new Figure.VLine("cut", cut.min(), BOX, true));
        }
        if (cut.kind().usesMax() && Double.isFinite(cut.max())) {
            f.add(new Figure.VLine(cut.kind().usesMin() ? "" : "cut", cut.max(), BOX, true));
        }
        if (r.backgroundRuns().stream().anyMatch(RunResult::boxHidden)) {
            f.note("box events left out (blinded)");
        }
        return f;
    }

    // ---- distributions

    /**
     * One variable, per EOT when the runs carry EOT: all data events, selected data events, selected
     * background MC (any may be null), with the cut edges on that variable.
     */
    public static Figure distribution(
            Variable v,
            double[] edges,
            double[] all,
            double[] selected,
            double[] mc,
            double[] cutEdges,
            boolean perEot) {
        double top = Math.max(max(all), Math.max(max(selected), max(mc)));
        double bottom = Math.min(minPositive(all), Math.min(minPositive(selected), minPositive(mc)));
        if (!(top > 0)) {
            top = 1;
            bottom = 0.1;
        }
        if (!Double.isFinite(bottom) || bottom >= top) {
            bottom = top / 1e3;
        }
        Figure f = new Figure(
                "",
                Figure.Axis.linear(v.label(), v.unit(), edges[0], edges[edges.length - 1]),
                Figure.Axis.log(perEot ? "events / bin / EOT" : "events / bin", "", bottom / 3, top * 30));
        if (all != null) {
            f.add(new Figure.Step("all data events", edges, all, Rgb.GREY, true));
        }
        if (selected != null) {
            f.add(new Figure.Step("selected data", edges, selected, DATA, false));
        }
        if (mc != null) {
            f.add(new Figure.Step("selected background MC", edges, mc, Rgb.palette(0), false));
        }
        for (int i = 0; cutEdges != null && i < cutEdges.length; i++) {
            f.add(new Figure.VLine(i == 0 ? "cut" : "", cutEdges[i], BOX, true));
        }
        return f;
    }

    /** The selected events of one variable from a result alone (data/background runs summed, counts; no "all events"). */
    public static Figure distribution(AnalysisResult r, Variable v) {
        Histogram1D data = null;
        for (RunResult rr : r.backgroundRuns()) {
            Histogram1D h = rr.histogram(v);
            data = data == null ? h : data.plus(h);
        }
        if (data == null) {
            throw new IllegalArgumentException("no data or background run");
        }
        List<Double> cuts = new ArrayList<>();
        for (Cut c : r.selection().enabledCuts()) {
            if (c.column().equals(v.column())) {
                if (c.kind().usesMin()) {
                    cuts.add(c.min());
                }
                if (c.kind().usesMax()) {
                    cuts.add(c.max());
                }
            }
        }
        return distribution(
                v,
                edges(v.defaultBinning()),
                null,
                toDouble(data.counts()),
                null,
                cuts.stream().mapToDouble(Double::doubleValue).toArray(),
                false);
    }

    // ---- sideband fits

    /**
     * A sideband spectrum with its fits, as the window shows it: sideband C in E_ECAL (c true) or
     * sideband A in E_HCAL; every accepted fit solid over its range and dashed under the box.
     */
    public static Figure fits(AnalysisResult r, boolean sidebandC) {
        SignalBox box = r.selection().box();
        BackgroundEstimate e =
                sidebandC ? r.background().sidebandC() : r.background().sidebandA();
        double lo = SidebandSpectra.lo(box, sidebandC);
        double hi = SidebandSpectra.hi(box, sidebandC);
        double[] edges = SidebandSpectra.edges(lo, hi);
        double[] spec = SidebandSpectra.spectrum(r, sidebandC);
        double width = edges[1] - edges[0];
        double top = max(spec);
        double bottom = Math.min(minPositive(spec), 1);
        List<Figure.Item> curves = new ArrayList<>();
        List<Figure.Item> dashed = new ArrayList<>();
        double xLo = lo;
        java.util.Map<String, Long> ranges = new java.util.HashMap<>();
        for (ShapeFit fit : e.fits()) {
            if (fit.accepted()) {
                ranges.merge(fit.family(), 1L, Long::sum);
            }
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        for (ShapeFit fit : e.fits()) {
            if (!fit.accepted()) {
                continue;
            }
            Rgb col = Rgb.palette(fit.shape().ordinal() + 1);
            long n = ranges.get(fit.family());
            String name = named.add(fit.family())
                    ? fit.family()
                            + (n > 1
                                    ? " (" + n + " fit ranges)"
                                    : String.format(Locale.ROOT, ", fit %.3g–%.3g GeV", fit.fitLo(), fit.fitHi()))
                    : "";
            curves.add(curve(name, col, fit, fit.fitLo(), fit.fitHi(), width, false));
            dashed.add(curve("", col, fit, fit.extrapolationLo(), fit.extrapolationHi(), width, true));
            xLo = Math.min(xLo, fit.extrapolationLo());
        }
        if (!(top > 0)) {
            top = 10;
            bottom = 0.3;
        }
        String var = sidebandC ? "E_ECAL" : "E_HCAL";
        double yLo = Math.max(top * 1e-4, Math.min(bottom, 1) / 3);
        Figure f = new Figure(
                "",
                Figure.Axis.linear(var + " (sideband " + (sidebandC ? "C" : "A") + ")", "GeV", Math.max(0, xLo), hi),
                Figure.Axis.log("events / bin", "", yLo, top * 30));
        f.add(new Figure.Step(
                "sideband " + (sidebandC ? "C" : "A") + ", selected", edges, spec, Rgb.palette(0), false));
        curves.forEach(f::add);
        dashed.forEach(f::add);
        if (!dashed.isEmpty()) {
            f.add(new Figure.Line("dashed: extrapolated under the box", new double[0], new double[0], Rgb.GREY, true));
        }
        f.add(new Figure.VLine("box edge", lo, BOX, false));
        f.note(e.available() ? e.method() + ": " + e.describe() : e.method() + ": not computed: " + e.reason());
        return f;
    }

    private static Figure.Line curve(
            String name, Rgb col, ShapeFit f, double lo, double hi, double width, boolean dashed) {
        double[][] xy = SidebandSpectra.curve(f, lo, hi, width);
        return new Figure.Line(name, xy[0], xy[1], col, dashed);
    }

    // ---- exclusion

    /**
     * The 90 % CL exclusion: ε vs m_A' (y false) or y vs m_χ with the relic target lines (y true);
     * expected dashed, observed solid once unblinded; an optional published curve (x, y) overlaid.
     */
    /** Fill of the expected ±1σ band (green, as in the CLs "Brazil" plots). */
    public static final Rgb BAND_1SIGMA = Rgb.of(0, 200, 0);
    /** Fill of the expected ±2σ band (yellow). */
    public static final Rgb BAND_2SIGMA = Rgb.of(255, 230, 0);

    public static Figure exclusion(
            List<ExclusionPoint> points, boolean blinded, boolean yPlot, double[][] overlay, String overlayName) {
        double[] x = points.stream()
                .mapToDouble(p -> yPlot ? p.mChiMeV() : p.massMeV())
                .toArray();
        double[] exp = points.stream()
                .mapToDouble(p -> yPlot ? p.yExpected() : p.epsilonExpected())
                .toArray();
        double[] obs =
                points.stream().mapToDouble(p -> yPlot ? p.y() : p.epsilon()).toArray();
        // the expected limit's band edges {-2σ, -1σ, median, +1σ, +2σ} per point
        double[][] band = new double[5][points.size()];
        for (int i = 0; i < points.size(); i++) {
            double[] e = yPlot ? CsvTables.yBands(points.get(i)) : points.get(i).epsilonBands();
            for (int k = 0; k < 5; k++) {
                band[k][i] = e[k];
            }
        }
        List<double[]> ys = new ArrayList<>(List.of(exp, band[0], band[4]));
        if (!blinded) {
            ys.add(obs);
        }
        List<double[]> xs = new ArrayList<>(List.of(x));
        List<Figure.Item> relic = new ArrayList<>();
        if (yPlot) {
            int k = 2;
            for (var e : RelicTargets.all().entrySet()) {
                RelicTargets.Line l = e.getValue();
                double[] lx = new double[l.massGeV().length];
                for (int i = 0; i < lx.length; i++) {
                    lx[i] = 1000 * l.massGeV()[i];
                }
                relic.add(new Figure.Line("relic: " + e.getKey(), lx, l.y(), Rgb.palette(k++), false));
            }
        }
        if (overlay != null) {
            xs.add(overlay[0]);
            ys.add(overlay[1]);
        }
        double xLo = minPositive(xs.toArray(double[][]::new));
        double xHi = maxAll(xs.toArray(double[][]::new));
        double yLo = minPositive(ys.toArray(double[][]::new));
        double yHi = maxAll(ys.toArray(double[][]::new));
        if (!Double.isFinite(xLo) || !(xHi > xLo)) {
            xLo = 1;
            xHi = 1000;
        }
        if (!Double.isFinite(yLo) || !(yHi > yLo)) {
            yLo = yPlot ? 1e-14 : 1e-6;
            yHi = yPlot ? 1e-6 : 1e-2;
        }
        Figure f = new Figure(
                "",
                Figure.Axis.log(yPlot ? "m_χ" : "m_A'", "MeV", xLo / 1.3, xHi * 1.3),
                Figure.Axis.log(yPlot ? "y = α_D ε² (m_χ/m_A')⁴" : "ε", "", yLo / 3, yHi * 30));
        if (java.util.Arrays.stream(band[0]).anyMatch(Double::isFinite)) {
            // the CLs convention: yellow ±2σ under green ±1σ around the dashed median
            f.add(new Figure.Band("expected ±2σ", x, band[0], band[4], BAND_2SIGMA));
            f.add(new Figure.Band("expected ±1σ", x, band[1], band[3], BAND_1SIGMA));
        }
        f.add(new Figure.Line("expected 90% CL (median)", x, exp, Rgb.BLACK, true));
        if (!blinded) {
            f.add(new Figure.Line("observed 90% CL", x, obs, Rgb.BLACK, false));
        }
        relic.forEach(f::add);
        if (overlay != null) {
            f.add(new Figure.Line(
                    overlayName == null ? "overlay" : overlayName, overlay[0], overlay[1], Rgb.palette(1), false));
        }
        if (blinded) {
            f.note("blinded: expected limit only");
        }
        if (points.isEmpty()) {
            f.note("not computed: no exclusion points");
        }
        return f;
    }

    // ---- helpers

    static double[] edges(Binning b) {
        double[] e = new double[b.bins() + 1];
        for (int i = 0; i <= b.bins(); i++) {
            e[i] = b.lo() + (b.hi() - b.lo()) * i / b.bins();
        }
        return e;
    }

    static double[] toDouble(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double max(double[] v) {
        double m = 0;
        if (v != null) {
            for (double x : v) {
                if (Double.isFinite(x) && x > m) {
                    m = x;
                }
            }
        }
        return m;
    }

    static double maxAll(double[]... vs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] v : vs) {
            for (double x : v) {
                if (Double.isFinite(x) && x > 0 && x > m) {
                    m = x;
                }
            }
        }
        return m;
    }

    static double minPositive(double[]... vs) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] v : vs) {
            if (v == null) {
                continue;
            }
            for (double x : v) {
                if (Double.isFinite(x) && x > 0 && x < m) {
                    m = x;
                }
            }
        }
        return m;
    }
}
