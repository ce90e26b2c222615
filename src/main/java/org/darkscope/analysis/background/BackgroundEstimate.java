package org.darkscope.analysis.background;

import java.util.List;

/**
 * One estimate of the background in the signal box, or the reason it cannot be computed.
 *
 * @param method     "sideband C fit (E_ECAL)", "sideband A fit (E_HCAL)", "ABCD", "truth"
 * @param available  false: no number, see {@link #reason()}
 * @param value      estimated events in the box
 * @param statError  statistical error
 * @param systError  systematic error (0 if not assessed)
 * @param reason     why it cannot be computed ("" when available)
 * @param note       caveat shown with the number (e.g. ABCD's factorisation assumption)
 * @param fits       individual fits behind a fit estimate (empty otherwise)
 * @param zeroSyst   what a systematic error of exactly 0 means, shown instead of "± 0.0 (syst)" (for
 *                   example that two transfers agree within statistics); "" when 0 is just the number
 */
public record BackgroundEstimate(
        String method,
        boolean available,
        double value,
        double statError,
        double systError,
        String reason,
        String note,
        List<ShapeFit> fits,
        String zeroSyst) {
    public BackgroundEstimate {
        fits = List.copyOf(fits);
        reason = reason == null ? "" : reason;
        note = note == null ? "" : note;
        zeroSyst = zeroSyst == null ? "" : zeroSyst;
    }

    /** An estimate whose zero systematic is just a number. */
    public BackgroundEstimate(
            String method,
            boolean available,
            double value,
            double statError,
            double systError,
            String reason,
            String note,
            List<ShapeFit> fits) {
        this(method, available, value, statError, systError, reason, note, fits, "");
    }

    public static BackgroundEstimate of(
            String method, double value, double stat, double syst, String note, List<ShapeFit> fits) {
        return new BackgroundEstimate(method, true, value, stat, syst, "", note, fits);
    }

    public static BackgroundEstimate unavailable(String method, String reason) {
        return new BackgroundEstimate(method, false, Double.NaN, Double.NaN, Double.NaN, reason, "", List.of());
    }

    /** Statistical and systematic errors added in quadrature. */
    public double totalError() {
        return Math.hypot(statError, systError);
    }

    /** The same estimate, saying what a systematic error of exactly 0 means ({@link #zeroSyst()}). */
    public BackgroundEstimate withZeroSyst(String meaning) {
        return new BackgroundEstimate(method, available, value, statError, systError, reason, note, fits, meaning);
    }

    /**
     * What the systematic error is, when it is 0 and that has a meaning: "syst 0: A- and C-based
     * transfers agree within statistics"; empty when the number says it all.
     */
    public java.util.Optional<String> systMeaning() {
        return available && systError == 0 && !zeroSyst.isEmpty()
                ? java.util.Optional.of(zeroSyst)
                : java.util.Optional.empty();
    }

    /**
     * "0.53 ± 0.12 (stat) ± 0.10 (syst)", "0.53 ± 0.12 (stat); syst 0: A- and C-based transfers agree
     * within statistics", or "cannot be computed: reason". The text analyse, the results panel and the
     * report show.
     */
    public String describe() {
        if (!available) {
            return "cannot be computed: " + reason;
        }
        String stat = String.format(java.util.Locale.ROOT, "%.3g ± %.2g (stat)", value, statError);
        return systMeaning()
                .map(m -> stat + "; " + m)
                .orElseGet(() -> stat + String.format(java.util.Locale.ROOT, " ± %.2g (syst)", systError));
    }

    @Override
    public String toString() {
        return method + ": " + describe();
    }
}
