package org.darkscope.sim.process;

import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/**
 * The beam electron's path through the thick active target (docs/physics.md "Signal in the thick
 * target"). An electron of energy E0 that has crossed t radiation lengths keeps
 * E = E0 exp(-G(t)), where G is a Gamma process of rate b = 4/3 per X0: G(t) ~ Gamma(bt, 1), with
 * independent increments. This is Tsai's approximation of the electron energy distribution after
 * t X0 under Bethe-Heitler bremsstrahlung, I(E0, E, t) ≈ (1/E0)(ln(E0/E))^(bt-1)/Γ(bt)
 * (Tsai, Rev. Mod. Phys. 46 (1974) 815, eq. 3.83; Rossi's approximation B). The energy radiated
 * between two depths goes into photons that convert after an exponential path of mean 9/7 X0 and
 * shower from there.
 */
public final class ThickTarget {
    /** Rate of ln(E0/E) per radiation length, b = 4/3 (complete-screening Bethe-Heitler, Tsai) [src]. */
    public static final double B = 4.0 / 3.0;
    /** Mean free path of a high-energy photon before pair conversion, 9/7 X0 (PDG, passage of particles) [src]. */
    public static final double PHOTON_CONVERSION_PATH = 9.0 / 7.0;
    /** Radiated energy is deposited in slabs of this depth (X0), each one shower [est, modelling choice]. */
    public static final double SLAB = 0.5;
    /** Most slabs per radiation segment (keeps the per-event cost bounded). */
    static final int MAX_SLABS = 12;

    private final DetectorResponse r;

    public ThickTarget(DetectorResponse r) {
        this.r = r;
    }

    /** ln(E_start/E_end) accumulated over a path of t X0: one Gamma(bt) deviate. */
    public static double logLoss(EventRandom rng, double t) {
        return t > 0 ? rng.gamma(B * t) : 0;
    }

    /**
     * Path length (X0) an electron needs to lose the factor {@code exp(logRatio)} of its energy:
     * the first-passage depth of the Gamma process, stepped in 0.05 X0 and interpolated linearly.
     */
    public static double depthToLose(EventRandom rng, double logRatio) {
        if (logRatio <= 0) {
            return 0;
        }
        double step = 0.05;
        double g = 0;
        double t = 0;
        for (int i = 0; i < 2000; i++) {
            double dg = rng.gamma(B * step);
            if (g + dg >= logRatio) {
                return t + step * (dg > 0 ? (logRatio - g) / dg : 0);
            }
            g += dg;
            t += step;
        }
        return t;
    }

    /**
     * Deposits the energy an electron radiates between depths t0 and t1 (X0) while going from
     * eStart to eEnd (GeV): the path is cut into slabs of at most {@value #SLAB} X0, the total
     * logarithmic loss shared among them as the increments of a Gamma bridge (Dirichlet), and the
     * photons of each slab shower from the slab centre plus a conversion path.
     *
     * @return the energy leaking out of the ECAL's back (for the HCAL)
     */
    public double radiate(EventRecord ev, EventRandom rng, double eStart, double eEnd, double t0, double t1,
                          double x, double y) {
        double radiated = eStart - eEnd;
        if (!(radiated > 0)) {
            return 0;
        }
        double len = Math.max(t1 - t0, 1e-6);
        int n = Math.min(MAX_SLABS, Math.max(1, (int) Math.ceil(len / SLAB)));
        double total = Math.log(eStart / eEnd);
        double leak = 0;
        if (n == 1) {
            double depth = t0 + 0.5 * len + rng.exponential(PHOTON_CONVERSION_PATH);
            return r.ecal.shower(ev, rng, radiated, x, y, depth, ev.scratch);
        }
        double[] inc = ev.slabs;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            inc[j] = rng.gamma(B * len / n);
            sum += inc[j];
        }
        double e = eStart;
        double g = 0;
        for (int j = 0; j < n; j++) {
            g += sum > 0 ? inc[j] / sum * total : total / n;
            double next = j == n - 1 ? eEnd : eStart * Math.exp(-g);
            double k = e - next;
            e = next;
            if (k > 0) {
                double depth = t0 + (j + 0.5) * len / n + rng.exponential(PHOTON_CONVERSION_PATH);
                leak += r.ecal.shower(ev, rng, k, x, y, depth, ev.scratch);
            }
        }
        return leak;
    }
}
