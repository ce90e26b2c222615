package org.darkscope.analysis.background;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closure and coverage of background estimates over pseudo-experiments with a known truth (docs/physics.md
 * section 4): per method the mean bias, the pull (estimate - truth)/σ (mean and width) and the fraction
 * of experiments whose ±1σ interval (stat ⊕ syst) contains the truth.
 *
 * <p>Two truths are used. The estimate is of the <em>expected</em> box background (the Poisson mean):
 * its closure truth is the expected background of the experiment (the "expected" columns, the ones
 * the 60-76 % coverage target refers to). It is either given per experiment
 * ({@link #addTruth(double, double)}, e.g. the physical box rate of a reference simulation times the
 * experiment's EOT, see {@link BackgroundValidation}) or, if not, taken as the mean of the realised
 * counts over all experiments. The <em>realised</em> count of one experiment also fluctuates by √b
 * around that mean, so an interval for the expectation covers the realised count less often when b
 * is not small; both are reported.</p>
 */
public final class CoverageStudy {
    private record Entry(double value, double error, double truth, double expected) {}

    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();
    private final Map<String, Integer> unavailable = new LinkedHashMap<>();
    private final Map<String, String> lastReason = new LinkedHashMap<>();
    private final List<Double> truths = new ArrayList<>();
    private final List<Double> expectedTruths = new ArrayList<>();
    private double truthRelError = Double.NaN;

    /** Records the true box count of one experiment (the expected truth is then the mean of these). */
    public void addTruth(double truth) {
        truths.add(truth);
    }

    /** Records the realised box count of one experiment and its expected background (the truth an estimate must cover). */
    public void addTruth(double realised, double expected) {
        truths.add(realised);
        expectedTruths.add(expected);
    }

    /**
     * The relative statistical error of the given expected truths (of the reference simulation they come
     * from); it enters the error of the mean bias. Without it the error of the mean of the realised counts is used.
     */
    public void setTruthRelError(double rel) {
        truthRelError = rel;
    }

    /** Records one method's estimate in the current experiment (whose truth was given last). */
    public void add(String method, BackgroundEstimate e, double truth) {
        add(method, e, truth, Double.NaN);
    }

    /** Records one method's estimate with the realised count and the expected background of its experiment. */
    public void add(String method, BackgroundEstimate e, double truth, double expected) {
        entries.computeIfAbsent(method, k -> new ArrayList<>());
        unavailable.putIfAbsent(method, 0);
        if (!e.available() || !Double.isFinite(e.value()) || !Double.isFinite(e.totalError())) {
            unavailable.merge(method, 1, Integer::sum);
            lastReason.put(method, e.available() ? "not finite" : e.reason());
            return;
        }
        entries.get(method).add(new Entry(e.value(), e.totalError(), truth, expected));
    }

    /**
     * One method's result.
     *
     * @param method           method name
     * @param used             experiments with an estimate
     * @param unavailable      experiments without one
     * @param reason           last reason for a missing estimate ("" if none)
     * @param meanBias         mean of (estimate - expected truth)
     * @param meanBiasError    its standard error, including the statistical error of the expected truth (the mean of the
     *                         true counts over the experiments)
     * @param pullMean         mean pull against the expected truth
     * @param pullWidth        standard deviation of that pull
     * @param coverage         fraction with |estimate - expected truth| ≤ σ
     * @param coverageRealised fraction with |estimate - realised truth| ≤ σ
     * @param meanError        mean quoted σ
     */
    public record MethodResult(
            String method,
            int used,
            int unavailable,
            String reason,
            double meanBias,
            double meanBiasError,
            double pullMean,
            double pullWidth,
            double coverage,
            double coverageRealised,
            double meanError) {
        /** Coverage of the expected truth within 60-76 % and |bias| below its error (the target set for the default method). */
        public boolean meetsTarget() {
            return used >= 50 && coverage >= 0.60 && coverage <= 0.76 && Math.abs(meanBias) < meanBiasError;
        }
    }

    /** The expected background per experiment: the mean of the given expected truths, else of the true box counts. */
    public double expectedTruth() {
        List<Double> l = expectedTruths.size() == truths.size() && !expectedTruths.isEmpty() ? expectedTruths : truths;
        return l.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public int experiments() {
        return truths.size();
    }

    /** Per experiment with an estimate of that method: {estimate, quoted σ, expected truth, realised count}. */
    public List<double[]> entries(String method) {
        double t = expectedTruth();
        return entries.getOrDefault(method, List.of()).stream()
                .map(e -> new double[] {e.value(), e.error(), Double.isNaN(e.expected()) ? t : e.expected(), e.truth()})
                .toList();
    }

    public List<MethodResult> results() {
        double t = expectedTruth();
        int nt = truths.size();
        double vt = 0;
        for (double x : truths) {
            vt += (x - t) * (x - t);
        }
        double truthErr2 = nt > 1 ? vt / (nt - 1) / nt : 0;
        if (Double.isFinite(truthRelError)) {
            truthErr2 = Math.pow(truthRelError * t, 2);
        }
        List<MethodResult> out = new ArrayList<>();
        for (var me : entries.entrySet()) {
            List<Entry> l = me.getValue();
            int n = l.size();
            double sb = 0;
            double sb2 = 0;
            double sp = 0;
            double sp2 = 0;
            int cov = 0;
            int covR = 0;
            double se = 0;
            int np = 0;
            for (Entry e : l) {
                double b = e.value() - (Double.isNaN(e.expected()) ? t : e.expected());
                sb += b;
                sb2 += b * b;
                se += e.error();
                if (e.error() > 0) {
                    double p = b / e.error();
                    sp += p;
                    sp2 += p * p;
                    np++;
                }
                if (Math.abs(b) <= e.error()) {
                    cov++;
                }
                if (Math.abs(e.value() - e.truth()) <= e.error()) {
                    covR++;
                }
            }
            double mb = n > 0 ? sb / n : Double.NaN;
            double sdb = n > 1 ? Math.sqrt(Math.max(0, (sb2 - n * mb * mb) / (n - 1))) : Double.NaN;
            double pm = np > 0 ? sp / np : Double.NaN;
            double pw = np > 1 ? Math.sqrt(Math.max(0, (sp2 - np * pm * pm) / (np - 1))) : Double.NaN;
            out.add(new MethodResult(
                    me.getKey(),
                    n,
                    unavailable.getOrDefault(me.getKey(), 0),
                    lastReason.getOrDefault(me.getKey(), ""),
                    mb,
                    n > 0 ? Math.sqrt(sdb * sdb / n + truthErr2) : Double.NaN,
                    pm,
                    pw,
                    n > 0 ? (double) cov / n : Double.NaN,
                    n > 0 ? (double) covR / n : Double.NaN,
                    n > 0 ? se / n : Double.NaN));
        }
        return out;
    }
}
