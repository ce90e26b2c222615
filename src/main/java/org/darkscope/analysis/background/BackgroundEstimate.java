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
 */
public record BackgroundEstimate(
        String method,
        boolean available,
        double value,
        double statError,
        double systError,
        String reason,
        String note,
        List<ShapeFit> fits) {
    public BackgroundEstimate {
        fits = List.copyOf(fits);
        reason = reason == null ? "" : reason;
        note = note == null ? "" : note;
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

    /** "0.53 ± 0.12 (stat) ± 0.10 (syst)" or "cannot be computed: reason". */
    public String describe() {
        if (!available) {
            return "cannot be computed: " + reason;
        }
        return String.format(java.util.Locale.ROOT, "%.3g ± %.2g (stat) ± %.2g (syst)", value, statError, systError);
    }

    @Override
    public String toString() {
        return method + ": " + describe();
    }
}
