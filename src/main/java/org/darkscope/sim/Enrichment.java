package org.darkscope.sim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Oversampling of the rare background classes in a weighted MC run (docs/physics.md
 * "Physical rates and weighted background MC"). Each factor multiplies the physical probability of
 * one random decision; the event then carries truth_weight = Π (p/q for the branch taken, (1-p)/(1-q)
 * for the one not taken, p physical, q boosted), so weighted sums reproduce the physical rates.
 * All factors are 1 in unweighted runs ({@link #none()}).
 *
 * @param upstream          the upstream-interaction class share among generated events
 * @param upstreamLate      the fraction of upstream interactions after the last straw chamber
 * @param upstreamLargeLoss upstream interactions that lose more than half the energy unseen (the box background)
 * @param neutralOnly       hadron events whose escaping energy is neutral only (sideband A after the VETO cut)
 * @param punchThrough      such neutrals crossing every HCAL module unseen
 * @param pileup            the pile-up probability
 */
public record Enrichment(
        double upstream,
        double upstreamLate,
        double upstreamLargeLoss,
        double neutralOnly,
        double punchThrough,
        double pileup) {
    public Enrichment {
        for (double f : new double[] {upstream, upstreamLate, upstreamLargeLoss, neutralOnly, punchThrough, pileup}) {
            if (!(f >= 1 && f < 1e9)) {
                throw new IllegalArgumentException("boost factors must be >= 1, got " + f);
            }
        }
    }

    /** No boost: an unweighted run at physical rates. */
    public static Enrichment none() {
        return new Enrichment(1, 1, 1, 1, 1, 1);
    }

    /**
     * The {@code background-mc} mix [est, chosen so that a 1e5-event run holds a few hundred
     * selected box events from each rare source]: upstream class ×5, late ×20, large loss ×1000
     * (upstream box events ×≈1e5 overall), neutral-only hadrons ×20, punch-through ×1000, pile-up ×3.
     */
    public static Enrichment backgroundMc() {
        return new Enrichment(5, 20, 1000, 20, 1000, 3);
    }

    public boolean isWeighted() {
        return !equals(none());
    }

    /** Boosted probability for a decision of physical probability p: min(p × boost, MAX_BOOSTED). */
    public static double boosted(double p, double boost) {
        return boost == 1 ? p : Math.min(p * boost, MAX_BOOSTED);
    }

    /** Boosted probabilities stay below this so that the branch not taken keeps a finite weight. */
    public static final double MAX_BOOSTED = 0.5;

    /**
     * Takes a decision of physical probability p with boosted probability q = boosted(p, boost)
     * and multiplies the event's weight by the likelihood ratio of the branch taken.
     */
    public static boolean decide(EventRecord ev, EventRandom rng, double p, double boost) {
        if (boost == 1) {
            return rng.chance(p);
        }
        double q = boosted(p, boost);
        if (rng.uniform() < q) {
            ev.weight *= p / q;
            return true;
        }
        ev.weight *= (1 - p) / (1 - q);
        return false;
    }

    /** The factors for the run metadata (keys {@code boost.*}). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("boost.upstream", fmt(upstream));
        m.put("boost.upstreamLate", fmt(upstreamLate));
        m.put("boost.upstreamLargeLoss", fmt(upstreamLargeLoss));
        m.put("boost.neutralOnly", fmt(neutralOnly));
        m.put("boost.punchThrough", fmt(punchThrough));
        m.put("boost.pileup", fmt(pileup));
        return m;
    }

    /** "upstream x5, upstreamLate x20, ..." (only factors above 1). */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        describe().forEach((k, v) -> {
            if (!v.equals("1")) {
                sb.append(sb.length() == 0 ? "" : ", ")
                        .append(k.substring("boost.".length()))
                        .append(" x")
                        .append(v);
            }
        });
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
