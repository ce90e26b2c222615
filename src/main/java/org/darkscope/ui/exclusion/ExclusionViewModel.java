package org.darkscope.ui.exclusion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.limits.LimitCancellation;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.analysis.yield.PublishedCurve;
import org.darkscope.analysis.yield.RelicTargets;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.report.CsvTables;
import org.darkscope.report.PublishedCurves;
import org.darkscope.session.AnalysisScheduler;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.session.TaskExecutor;

/**
 * The exclusion view's state, free of the toolkit: the editable N_EOT and α_D, whether the external
 * inefficiency factor is applied, the published curve to compare with, and what comes out of the
 * engine's ExclusionCalculator (on the worker, latest wins, cancelled when a newer request comes):
 * the points, the curves to draw (median with green ±1σ and yellow ±2σ bands, observed once
 * unblinded, relic lines, the published curve), the status line, the efficiency line
 * ("ε_sig = 0.58 (simulated) × 0.648 (external: tracking 0.83, …)") and the ratio to the published
 * curve. {@link ExclusionView} only draws this and forwards the user's input.
 */
public final class ExclusionViewModel {
    /** What a curve is, so that the view can pick its colour and style. */
    public enum Kind {
        EXPECTED,
        BAND_1SIGMA,
        BAND_2SIGMA,
        OBSERVED,
        RELIC,
        PUBLISHED
    }

    /**
     * One thing to draw.
     *
     * @param name legend text
     * @param kind what it is
     * @param x    x values (MeV)
     * @param y    y values (the lower edge of a band)
     * @param yHi  upper edge of a band (null otherwise)
     */
    public record Curve(String name, Kind kind, double[] x, double[] y, double[] yHi) {}

    /** Masses at which the ratio to the published curve is summarised in {@link #ratioText()}. */
    public static final double[] RATIO_MASSES_MEV = {1, 10, 100, 1000};

    private final Session session;
    private final AnalysisScheduler<ExclusionInputs, List<ExclusionPoint>> scheduler;
    private final List<Runnable> listeners = new ArrayList<>();
    private String eotText = "";
    private String alphaText = Double.toString(ExclusionRequest.DEFAULT_ALPHA_D);
    private boolean applyExternal;
    private PublishedCurves.Named published;
    private ExclusionInputs inputs;
    private List<ExclusionPoint> points = List.of();
    private String status = "waiting for results";
    private String invalidField = "";
    private String eotPrompt = "from runs";
    private boolean active;
    private boolean stale = true;

    public ExclusionViewModel(Session session, TaskExecutor worker, TaskExecutor deliver) {
        this.session = session;
        scheduler = new AnalysisScheduler<>(
                (in, p) -> LimitCancellation.run(p, in::compute), worker, deliver, new AnalysisScheduler.Listener<>() {
                    @Override
                    public void onResult(long generation, List<ExclusionPoint> result) {
                        points = List.copyOf(result);
                        fire();
                    }

                    @Override
                    public void onError(long generation, Exception error) {
                        status = "cannot compute: " + error.getMessage();
                        fire();
                    }
                });
        try {
            published = PublishedCurves.builtIn(PublishedCurves.NA64E_2016_2022);
        } catch (IOException e) {
            published = null; // the jar lacks it: nothing to compare with
        }
        session.addListener(new SessionListener() {
            @Override
            public void detailsChanged(Session s) {
                recompute();
            }

            @Override
            public void definitionChanged(Session s) {
                recompute();
            }
        });
    }

    /** Called (on the deliver thread) whenever anything shown changes. */
    public void addListener(Runnable l) {
        listeners.add(l);
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    public String eotText() {
        return eotText;
    }

    public String alphaText() {
        return alphaText;
    }

    public boolean applyExternal() {
        return applyExternal;
    }

    public List<ExclusionPoint> points() {
        return points;
    }

    public String status() {
        return status;
    }
    /** "eot" or "alpha" when that field's text is not valid, else "". */
    public String invalidField() {
        return invalidField;
    }
    /** Prompt of the empty N_EOT field: the runs' EOT. */
    public String eotPrompt() {
        return eotPrompt;
    }

    public ExclusionInputs inputs() {
        return inputs;
    }
    /** The curve compared with, or null. */
    public PublishedCurves.Named published() {
        return published;
    }

    public void setEotText(String s) {
        eotText = s == null ? "" : s;
        recompute();
    }

    public void setAlphaText(String s) {
        alphaText = s == null ? "" : s;
        recompute();
    }

    /** Multiplies the simulated efficiency by the signal runs' external inefficiency factor (shown either way). */
    public void setApplyExternal(boolean on) {
        applyExternal = on;
        recompute();
    }

    /** Compares with a built-in curve name or a CSV file (mass_MeV, ε); null: none. */
    public void setPublished(String nameOrFile) throws IOException {
        published = nameOrFile == null ? null : PublishedCurves.resolve(nameOrFile);
        fire();
    }

    /** Computes only while shown: a change while hidden is remembered and computed when shown. */
    public void setActive(boolean on) {
        active = on;
        if (on && stale) {
            recompute();
        }
    }

    public Map<String, String> viewState() {
        return Map.of(
                "exclusion.eot",
                eotText,
                "exclusion.alphaD",
                alphaText,
                "exclusion.external",
                Boolean.toString(applyExternal));
    }

    public void applyViewState(Map<String, String> m) {
        eotText = m.getOrDefault("exclusion.eot", eotText);
        alphaText = m.getOrDefault("exclusion.alphaD", alphaText);
        applyExternal = Boolean.parseBoolean(m.getOrDefault("exclusion.external", Boolean.toString(applyExternal)));
        recompute();
    }

    /** Schedules a computation with the current fields and the latest detailed result. */
    public void recompute() {
        AnalysisResult r = session.details();
        if (r == null) {
            return;
        }
        if (!active) {
            stale = true;
            return;
        }
        stale = false;
        String field = "eot";
        try {
            double eot = eotText.isBlank() ? Double.NaN : Double.parseDouble(eotText.trim());
            if (!Double.isNaN(eot) && !(eot > 0 && Double.isFinite(eot))) {
                throw new NumberFormatException("N_EOT must be a positive number");
            }
            field = "alpha";
            double alpha = Double.parseDouble(alphaText.trim());
            if (!(alpha > 0 && Double.isFinite(alpha))) {
                throw new NumberFormatException("α_D must be a positive number");
            }
            invalidField = "";
            ExclusionInputs in =
                    ExclusionInputs.from(r, eot, alpha, ResultLimits.observed(r), session.definition(), applyExternal);
            inputs = in;
            eotPrompt = String.format(Locale.ROOT, "%.3g (runs)", in.eot());
            status = String.format(
                    Locale.ROOT,
                    "N_EOT %.3g, α_D %.2g, %s, b = %.3g, n = %s",
                    in.eot(),
                    alpha,
                    in.massesWithEff().length == 0
                            ? "no signal MC: efficiency " + ExclusionInputs.DEFAULT_EFFICIENCY + " [est]"
                            : "efficiency from " + in.massesWithEff().length + " signal run(s)",
                    in.limit().background(),
                    r.selection().blinded()
                            ? "blinded (expected only)"
                            : Integer.toString(in.limit().observed()));
            scheduler.submit(in);
        } catch (IllegalArgumentException e) {
            invalidField = field;
            status = "invalid input: " + e.getMessage();
        }
        fire();
    }

    /**
     * The signal efficiency with the external factor shown separately, e.g.
     * "ε_sig = 0.56–0.59 (simulated, 4 signal runs) × 0.648 (external: tracking 0.83, veto 0.94, hcal 0.94, daq 0.93,
     * trigger 0.95; not applied)".
     */
    public String efficiencyText() {
        ExclusionInputs in = inputs;
        if (in == null) {
            return "";
        }
        String sim;
        double[] e = in.efficiencies();
        if (e.length == 0) {
            sim = fmt(ExclusionInputs.DEFAULT_EFFICIENCY) + " (assumed: no signal run)";
        } else {
            double lo = java.util.Arrays.stream(e).min().orElse(Double.NaN);
            double hi = java.util.Arrays.stream(e).max().orElse(Double.NaN);
            sim = (lo == hi ? fmt(lo) : fmt(lo) + "–" + fmt(hi)) + " (simulated, " + e.length + " signal run"
                    + (e.length == 1 ? "" : "s") + ")";
        }
        ExternalEfficiency x = in.external();
        if (x == null) {
            return "ε_sig = " + sim + "; the signal runs carry no external inefficiency factor";
        }
        StringBuilder c = new StringBuilder();
        x.components().forEach((k, v) -> c.append(c.length() == 0 ? "" : ", ")
                .append(k)
                .append(' ')
                .append(fmt(v)));
        return "ε_sig = " + sim + " × " + fmt(x.value()) + " (external" + (c.length() > 0 ? ": " + c : "") + "; "
                + (in.applyExternal() ? "applied" : "not applied") + ")";
    }

    /** ε_90 (observed, or expected while blinded) / published at {@link #RATIO_MASSES_MEV} inside the curve. */
    public String ratioText() {
        PublishedCurves.Named c = published;
        if (c == null || points.isEmpty()) {
            return "";
        }
        boolean blinded = session.isBlinded();
        StringBuilder sb = new StringBuilder((blinded ? "expected" : "observed") + " ε_90 / " + c.label() + ":");
        int shown = 0;
        for (double m : RATIO_MASSES_MEV) {
            ExclusionPoint p = nearest(m);
            double r = c.curve().ratio(p.massMeV(), blinded ? p.epsilonExpected() : p.epsilon());
            if (Double.isFinite(r)) {
                sb.append(String.format(Locale.ROOT, " %s at %s MeV;", fmt(r), fmt(p.massMeV())));
                shown++;
            }
        }
        return shown == 0 ? "" : sb.substring(0, sb.length() - 1);
    }

    private ExclusionPoint nearest(double m) {
        ExclusionPoint best = points.get(0);
        for (ExclusionPoint p : points) {
            if (Math.abs(Math.log(p.massMeV() / m)) < Math.abs(Math.log(best.massMeV() / m))) {
                best = p;
            }
        }
        return best;
    }

    /** The curves of the ε plot (y false) or of the y plot (y true), drawn in this order. */
    public List<Curve> curves(boolean yPlot) {
        List<Curve> out = new ArrayList<>();
        int n = points.size();
        double[] x = new double[n];
        double[][] band = new double[5][n];
        double[] obs = new double[n];
        for (int i = 0; i < n; i++) {
            ExclusionPoint p = points.get(i);
            x[i] = yPlot ? p.mChiMeV() : p.massMeV();
            double[] b = yPlot ? CsvTables.yBands(p) : p.epsilonBands();
            if (!Double.isFinite(b[2])) {
                b[2] = yPlot ? p.yExpected() : p.epsilonExpected();
            }
            for (int k = 0; k < 5; k++) {
                band[k][i] = b[k];
            }
            obs[i] = yPlot ? p.y() : p.epsilon();
        }
        if (java.util.Arrays.stream(band[0]).anyMatch(Double::isFinite)) {
            out.add(new Curve("expected ±2σ", Kind.BAND_2SIGMA, x, band[0], band[4]));
            out.add(new Curve("expected ±1σ", Kind.BAND_1SIGMA, x, band[1], band[3]));
        }
        out.add(new Curve("expected 90% CL (median)", Kind.EXPECTED, x, band[2], null));
        if (!session.isBlinded()) {
            out.add(new Curve("observed 90% CL", Kind.OBSERVED, x, obs, null));
        }
        if (yPlot) {
            for (var e : RelicTargets.all().entrySet()) {
                RelicTargets.Line l = e.getValue();
                double[] lx = new double[l.massGeV().length];
                for (int i = 0; i < lx.length; i++) {
                    lx[i] = 1000 * l.massGeV()[i];
                }
                out.add(new Curve("relic: " + e.getKey(), Kind.RELIC, lx, l.y(), null));
            }
        } else if (published != null) {
            PublishedCurve c = published.curve();
            out.add(new Curve(published.label(), Kind.PUBLISHED, c.massMeV(), c.limit(), null));
        }
        return out;
    }

    /** Three significant digits without trailing zeros (0.83, 0.648, 1.2e-05). */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }
}
