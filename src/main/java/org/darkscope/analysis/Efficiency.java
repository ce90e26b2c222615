package org.darkscope.analysis;

/**
 * Signal efficiency of one signal run: events selected and in the box over events simulated.
 *
 * @param runName     display name of the signal run
 * @param massMeV     A' mass of the run (MeV)
 * @param mix         simulation mix (e.g. "signal-brem", "signal-annihilation")
 * @param passed      selected events in the box
 * @param total       events in the run
 * @param value       passed / total (NaN when total is 0)
 * @param lower       lower edge of the interval
 * @param upper       upper edge of the interval
 * @param method      interval method
 * @param cl          confidence level of the interval
 */
public record Efficiency(
        String runName,
        double massMeV,
        String mix,
        long passed,
        long total,
        double value,
        double lower,
        double upper,
        IntervalMethod method,
        double cl) {
    /** Default confidence level for efficiency intervals: 68.27 % (1 σ). */
    public static final double ONE_SIGMA = 0.6827;

    public static Efficiency of(
            String runName, double massMeV, String mix, long passed, long total, IntervalMethod method, double cl) {
        double[] iv = BinomialInterval.of(method, passed, total, cl);
        return new Efficiency(
                runName,
                massMeV,
                mix,
                passed,
                total,
                total == 0 ? Double.NaN : (double) passed / total,
                iv[0],
                iv[1],
                method,
                cl);
    }

    /** Symmetrised error (half the interval width). */
    public double error() {
        return (upper - lower) / 2;
    }
}
