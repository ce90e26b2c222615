package org.darkscope.analysis.background;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.SignalBox;

/**
 * Sideband-fit extrapolation into the box (docs/physics.md#backgrounds): the E_ECAL spectrum of sideband C
 * (E_HCAL &lt; box edge, E_ECAL from the box edge to the trigger edge) and the E_HCAL spectrum of
 * sideband A (E_ECAL &lt; box edge, E_HCAL from the box edge to the start of the dimuon window, or
 * the sideband edge) are fitted with every {@link ShapeFamily} by binned Poisson likelihood over a
 * nominal range and two shortened ranges, then integrated below the box edge over the range where the
 * shape is constrained: as far below the edge as the fit range reaches above it, [edge - (hi - lo), edge).
 * Below that the fit says nothing; the central fit's integral there (rest) is added with a 100 %
 * error band: value = constrained + rest/2, systematic ⊕ rest/2 (integrating every family
 * from the edge to 0 GeV was 2-9x too high on simulation).
 *
 * <p>A fit is acceptable if it converged with a positive-definite Hessian, its χ² probability is at
 * least {@link Settings#minProbability()} and its extrapolation is constrained by the data
 * (relative statistical error at most {@link Settings#maxRelativeError()}). Central value: the
 * acceptable fit on the nominal range with the highest fit probability; its statistical error
 * √(gᵀVg). Systematic error: half the spread of the extrapolations of every acceptable fit (all
 * families, all ranges).</p>
 */
public class SidebandFitter {
    public static final String METHOD_C = "sideband C fit (E_ECAL)";
    public static final String METHOD_A = "sideband A fit (E_HCAL)";

    /**
     * @param bins             bins of each fitted histogram
     * @param minEvents        fewest sideband events to attempt a fit
     * @param minProbability   fits with a smaller χ² p-value are not acceptable [est: 1 %]
     * @param rangeShrink      fraction of the range width removed at either end for the range variations
     * @param maxRelativeError fits whose extrapolation has a larger relative statistical error are not
     *                         acceptable: the data do not constrain them [est: 1]
     * @param families         function families tried
     */
    public record Settings(
            int bins,
            int minEvents,
            double minProbability,
            double rangeShrink,
            double maxRelativeError,
            List<ShapeFamily> families) {
        public Settings {
            families = List.copyOf(families);
            if (bins < 5) {
                throw new IllegalArgumentException("need at least 5 bins");
            }
        }

        public static Settings defaults() {
            return new Settings(30, 10, 0.01, 0.15, 1.0, ShapeFamily.all());
        }
    }

    private final Settings settings;

    public SidebandFitter() {
        this(Settings.defaults());
    }

    public SidebandFitter(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Fit of the E_ECAL spectrum of sideband C, extrapolated below the box edge. */
    public BackgroundEstimate sidebandC(float[] ecal, float[] hcal, SignalBox box) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < ecal.length; i++) {
            if (hcal[i] < box.hcalMax() && ecal[i] >= box.ecalMax() && ecal[i] < box.ecalTriggerEdge()) {
                v.add((double) ecal[i]);
            }
        }
        return extrapolate(
                METHOD_C,
                "sideband C",
                toArray(v),
                box.ecalMax(),
                box.ecalTriggerEdge(),
                box.ecalMax(),
                box.beamEnergy());
    }

    /**
     * Fit of the E_HCAL spectrum of sideband A, extrapolated below the box edge. The fit range ends
     * below the dimuon window of region I when that window lies inside the sideband (the dimuon peak
     * is no continuation of the hadronic spectrum).
     */
    public BackgroundEstimate sidebandA(float[] ecal, float[] hcal, SignalBox box) {
        double hi = sidebandAFitMax(box);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < ecal.length; i++) {
            if (ecal[i] < box.ecalMax() && hcal[i] >= box.hcalMax() && hcal[i] < hi) {
                v.add((double) hcal[i]);
            }
        }
        return extrapolate(
                METHOD_A,
                String.format(Locale.ROOT, "sideband A (E_HCAL %.3g-%.3g GeV)", box.hcalMax(), hi),
                toArray(v),
                box.hcalMax(),
                hi,
                box.hcalMax(),
                box.beamEnergy());
    }

    /** Upper E_HCAL edge of the sideband A fit: the dimuon window start if it lies in the sideband. */
    public static double sidebandAFitMax(SignalBox box) {
        double hi = box.hcalSidebandMax();
        if (box.dimuonHcalMin() > box.hcalMax() && box.dimuonHcalMin() < hi) {
            hi = box.dimuonHcalMin();
        }
        return hi;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    /**
     * Fits the values over [lo, hi) and integrates each accepted fit over [0, boxEdge).
     *
     * @param endpoint kinematic endpoint for the (E_max - E)^k family
     */
    public BackgroundEstimate extrapolate(
            String method, String where, double[] values, double lo, double hi, double boxEdge, double endpoint) {
        if (values.length < settings.minEvents()) {
            return BackgroundEstimate.unavailable(
                    method,
                    where + " has " + values.length + " selected events (need at least " + settings.minEvents() + ")");
        }
        double d = settings.rangeShrink() * (hi - lo);
        double[][] ranges = {{lo, hi}, {lo + d, hi}, {lo, hi - d}};
        List<ShapeFit> fits = new ArrayList<>();
        ShapeFit central = null;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        double bestP = -1;
        for (int ri = 0; ri < ranges.length; ri++) {
            double a = ranges[ri][0];
            double b = ranges[ri][1];
            double[] edges = new double[settings.bins() + 1];
            for (int i = 0; i <= settings.bins(); i++) {
                edges[i] = a + (b - a) * i / settings.bins();
            }
            long[] counts = new long[settings.bins()];
            for (double x : values) {
                if (x >= a && x < b) {
                    counts[Math.min(settings.bins() - 1, (int) ((x - a) / (b - a) * settings.bins()))]++;
                }
            }
            ShapeFamily.Range range = new ShapeFamily.Range(a, b, endpoint);
            for (ShapeFamily f : settings.families()) {
                if (!f.applicable(range)) {
                    continue;
                }
                ShapeFit sf = fitOne(f, range, edges, counts, boxEdge);
                fits.add(sf);
                if (sf.accepted()) {
                    minV = Math.min(minV, sf.extrapolated());
                    maxV = Math.max(maxV, sf.extrapolated());
                    if (ri == 0 && sf.fitProbability() > bestP) {
                        bestP = sf.fitProbability();
                        central = sf;
                    }
                }
            }
        }
        if (central == null) {
            double best = fits.stream()
                    .filter(f -> f.fitLo() == lo && f.fitHi() == hi)
                    .mapToDouble(ShapeFit::fitProbability)
                    .filter(Double::isFinite)
                    .max()
                    .orElse(Double.NaN);
            return new BackgroundEstimate(
                    method,
                    false,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    "no function family fits " + where + " acceptably on the nominal range (best fit probability "
                            + String.format(Locale.ROOT, "%.2g", best) + ", need " + settings.minProbability() + ")",
                    "",
                    fits);
        }
        double syst = (maxV - minV) / 2;
        double constrainedLo = central.extrapolationLo();
        double rest = constrainedLo > 0 ? central.expected(0, constrainedLo) : 0;
        String trust = "";
        double value = central.extrapolated();
        if (!Double.isFinite(rest) || rest < 0) {
            trust = String.format(
                    Locale.ROOT,
                    "NOT TRUSTED: the part below %.3g GeV is not estimated (the fit diverges there); ",
                    constrainedLo);
        } else {
            value += rest / 2;
            syst = Math.hypot(syst, rest / 2);
        }
        String note = trust + "central: " + central.family() + String.format(Locale.ROOT, " on [%.3g, %.3g)", lo, hi)
                + String.format(
                        Locale.ROOT,
                        ", constrained extrapolation [%.3g, %.3g) = %.3g, below: %.3g ± 100 %%",
                        constrainedLo,
                        boxEdge,
                        central.extrapolated(),
                        Double.isFinite(rest) ? rest : Double.NaN)
                + "; syst: half the spread of "
                + fits.stream().filter(ShapeFit::accepted).count() + " accepted fits ⊕ half the part below";
        return BackgroundEstimate.of(method, value, central.statError(), syst, note, fits);
    }

    private static ShapeFit shapeFit(
            ShapeFamily f,
            ShapeFamily.Range range,
            double boxEdge,
            List<Double> params,
            double value,
            double err,
            double prob,
            boolean accepted,
            String message) {
        return new ShapeFit(
                f.label(),
                range.lo(),
                range.hi(),
                params,
                value,
                err,
                prob,
                accepted,
                message,
                f,
                range.endpoint(),
                constrainedLo(range, boxEdge),
                boxEdge);
    }

    /** Lower edge of the extrapolation the fit constrains: as far below the edge as the fit range reaches above it. */
    static double constrainedLo(ShapeFamily.Range range, double boxEdge) {
        return Math.max(0, boxEdge - (range.hi() - range.lo()));
    }

    private ShapeFit fitOne(ShapeFamily f, ShapeFamily.Range range, double[] edges, long[] counts, double boxEdge) {
        BinnedPoissonFit fit = new BinnedPoissonFit(f, range, edges, counts);
        BinnedPoissonFit.Result r = fit.fit();
        List<Double> params = new ArrayList<>();
        for (double p : r.parameters()) {
            params.add(p);
        }
        if (!r.converged()) {
            return shapeFit(f, range, boxEdge, params, Double.NaN, Double.NaN, r.probability(), false, r.message());
        }
        if (f == ShapeFamily.POWER_LAW && r.parameters()[1] <= -1 && constrainedLo(range, boxEdge) == 0) {
            return shapeFit(
                    f,
                    range,
                    boxEdge,
                    params,
                    Double.POSITIVE_INFINITY,
                    Double.NaN,
                    r.probability(),
                    false,
                    "extrapolation to 0 diverges (power " + r.parameters()[1] + ")");
        }
        double cLo = constrainedLo(range, boxEdge);
        double value = fit.extrapolate(r.parameters(), cLo, boxEdge);
        double err = fit.extrapolationError(r.parameters(), r.covariance(), cLo, boxEdge);
        if (!Double.isFinite(value) || !Double.isFinite(err)) {
            return shapeFit(
                    f, range, boxEdge, params, value, err, r.probability(), false, "extrapolation to 0 diverges");
        }
        if (r.probability() < settings.minProbability()) {
            return shapeFit(
                    f,
                    range,
                    boxEdge,
                    params,
                    value,
                    err,
                    r.probability(),
                    false,
                    String.format(
                            Locale.ROOT,
                            "fit probability %.2g below %.2g",
                            r.probability(),
                            settings.minProbability()));
        }
        if (err > settings.maxRelativeError() * value) {
            return shapeFit(
                    f,
                    range,
                    boxEdge,
                    params,
                    value,
                    err,
                    r.probability(),
                    false,
                    String.format(Locale.ROOT, "extrapolation not constrained by the data (%.3g ± %.3g)", value, err));
        }
        return shapeFit(f, range, boxEdge, params, value, err, r.probability(), true, "");
    }
}
