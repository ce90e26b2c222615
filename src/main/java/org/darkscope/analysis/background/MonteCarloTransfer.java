package org.darkscope.analysis.background;

import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;

/**
 * Background estimates that use a weighted background simulation (docs/physics.md#backgrounds):
 * <ul>
 *   <li><b>MC transfer factor</b> (how NA64 estimated most of its background): N_box = N_S · W_box / W_S,
 *   with N_S the observed events of the sidebands S = A + C + D in the data and W the weighted MC sums.
 *   Statistical error: data √N_S and MC √Σw² of the box and the sidebands. Systematic error (shape):
 *   the transfer done from sideband A alone and from sideband C alone must agree if the simulation
 *   describes how the background is shared between the regions; half their difference beyond its own
 *   statistical expectation is the systematic.</li>
 *   <li><b>ABCD with its correlation correction</b>: N_box = N_A N_C / N_D · k, k = W_box W_D / (W_A W_C)
 *   from the MC (k = 1 if E_ECAL and E_HCAL factorise). Statistical error: data and MC statistics;
 *   systematic: half the correction, |k - 1|/2 · N_box (the correction is only as good as the
 *   simulation of the correlation).</li>
 * </ul>
 * Each estimate says in its note when it cannot be trusted (too few MC events in the box).
 */
public final class MonteCarloTransfer {
    public static final String METHOD = "MC transfer factor";
    public static final String METHOD_ABCD = "ABCD, MC-corrected";
    /** Fewer effective MC events than this in the box: the transfer factor is not trusted [est]. */
    public static final double MIN_EFFECTIVE_BOX = 10;

    /** What the transfer's systematic of 0 means when the A- and C-based transfers agree. */
    public static final String SYST_AGREE = "syst 0: A- and C-based transfers agree within statistics";
    /** ... and when one of them cannot be made. */
    public static final String SYST_NOT_ASSESSED = "syst not assessed: sideband A or C has no events";

    private MonteCarloTransfer() {}

    /** MC transfer factor from the data sidebands to the box. */
    public static BackgroundEstimate transfer(float[] ecal, float[] hcal, WeightedSample mc, SignalBox box) {
        if (mc == null || mc.size() == 0) {
            return BackgroundEstimate.unavailable(
                    METHOD, "no weighted background simulation loaded (add background MC)");
        }
        RegionSums d = RegionSums.of(ecal, hcal, null, box);
        RegionSums m = RegionSums.of(mc.ecal(), mc.hcal(), mc.weight(), box);
        double nS = d.w(Region.A) + d.w(Region.C) + d.w(Region.D);
        double wS = m.w(Region.A) + m.w(Region.C) + m.w(Region.D);
        double w2S = m.w2(Region.A) + m.w2(Region.C) + m.w2(Region.D);
        if (!(wS > 0)) {
            return BackgroundEstimate.unavailable(
                    METHOD, "the background simulation has no selected event in the sidebands");
        }
        if (!(nS > 0)) {
            return BackgroundEstimate.unavailable(METHOD, "the data have no selected event in the sidebands A, C, D");
        }
        double wBox = m.w(Region.BOX);
        if (!(wBox > 0)) {
            return BackgroundEstimate.unavailable(
                    METHOD,
                    "the background simulation has no selected event in the box: "
                            + "its box/sideband ratio is not constrained (simulate more, or an enriched weighted sample)");
        }
        double ratio = wBox / wS;
        double value = nS * ratio;
        double relMc2 = m.w2(Region.BOX) / (wBox * wBox) + w2S / (wS * wS);
        double stat = value * Math.sqrt(1 / nS + relMc2);
        // shape: transfer via A alone and via C alone
        double syst = 0;
        String zeroSyst = SYST_NOT_ASSESSED;
        String shape = "shape syst not assessed (sideband A or C empty)";
        double[] viaA = single(d, m, Region.A);
        double[] viaC = single(d, m, Region.C);
        if (viaA != null && viaC != null) {
            double diff = viaA[0] - viaC[0];
            double var = viaA[1] * viaA[1] + viaC[1] * viaC[1];
            syst = Math.sqrt(Math.max(0, diff * diff - var)) / 2;
            shape = String.format(Locale.ROOT, "shape syst: via A %.3g, via C %.3g", viaA[0], viaC[0]);
            zeroSyst = SYST_AGREE;
        }
        double eff = m.effective(Region.BOX);
        String trust = eff < MIN_EFFECTIVE_BOX
                ? String.format(
                        Locale.ROOT,
                        "NOT TRUSTED: only %.1f effective MC events in the box (need %.0f); ",
                        eff,
                        MIN_EFFECTIVE_BOX)
                : "";
        String note =
                trust + String.format(Locale.ROOT, "N_sidebands %.0f x MC box/sidebands %.3g; ", nS, ratio) + shape;
        return BackgroundEstimate.of(METHOD, value, stat, syst, note, List.of()).withZeroSyst(zeroSyst);
    }

    /** {estimate, stat error} of the transfer from one region, or null if that region is empty. */
    private static double[] single(RegionSums d, RegionSums m, Region r) {
        if (!(d.w(r) > 0) || !(m.w(r) > 0)) {
            return null;
        }
        double v = d.w(r) * m.w(Region.BOX) / m.w(r);
        double rel2 = 1 / d.w(r) + m.w2(r) / (m.w(r) * m.w(r)) + m.w2(Region.BOX) / (m.w(Region.BOX) * m.w(Region.BOX));
        return new double[] {v, v * Math.sqrt(rel2)};
    }

    /** ABCD times its correlation correction k = W_box W_D / (W_A W_C) from the MC. */
    public static BackgroundEstimate abcdCorrected(float[] ecal, float[] hcal, WeightedSample mc, SignalBox box) {
        RegionSums d = RegionSums.of(ecal, hcal, null, box);
        BackgroundEstimate plain = Abcd.estimate(d.n(Region.A), d.n(Region.C), d.n(Region.D));
        if (!plain.available()) {
            return BackgroundEstimate.unavailable(METHOD_ABCD, plain.reason());
        }
        if (mc == null || mc.size() == 0) {
            return BackgroundEstimate.unavailable(
                    METHOD_ABCD, "no weighted background simulation loaded for the correlation correction");
        }
        RegionSums m = RegionSums.of(mc.ecal(), mc.hcal(), mc.weight(), box);
        for (Region r : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            if (!(m.w(r) > 0)) {
                return BackgroundEstimate.unavailable(
                        METHOD_ABCD,
                        "the background simulation has no selected event in " + r.label()
                                + ": no correlation correction");
            }
        }
        double k = m.w(Region.BOX) * m.w(Region.D) / (m.w(Region.A) * m.w(Region.C));
        double relK2 = 0;
        for (Region r : new Region[] {Region.BOX, Region.A, Region.C, Region.D}) {
            relK2 += m.w2(r) / (m.w(r) * m.w(r));
        }
        double value = plain.value() * k;
        double relData = plain.statError() / plain.value();
        double stat = value * Math.sqrt(relData * relData + relK2);
        double syst = Math.abs(k - 1) / 2 * value;
        double eff = m.effective(Region.BOX);
        String trust = eff < MIN_EFFECTIVE_BOX
                ? String.format(
                        Locale.ROOT,
                        "NOT TRUSTED: only %.1f effective MC events in the box (need %.0f); ",
                        eff,
                        MIN_EFFECTIVE_BOX)
                : "";
        return BackgroundEstimate.of(
                METHOD_ABCD,
                value,
                stat,
                syst,
                trust
                        + String.format(
                                Locale.ROOT,
                                "correlation correction k = %.3g ± %.2g from the MC; syst = |k - 1|/2",
                                k,
                                k * Math.sqrt(relK2)),
                List.of());
    }
}
