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
 *
 * <p>The photons are the jumps of the Gamma process. Its Lévy measure b·e^(-g)/g dg, written in the
 * photon energy fraction v = 1 - e^(-g), is b/(-ln(1 - v)) dv ≈ (4/3)/v dv: the soft end of the
 * complete-screening bremsstrahlung spectrum. Given the loss of a slab, its jumps divided by that loss
 * follow a Poisson-Dirichlet law of parameter θ = b·(slab depth), independent of the loss, drawn by
 * stick-breaking (V ~ Beta(1, θ)), and sit at uniform depths in the slab. Each photon converts and
 * showers on its own: a slab's energy is not one shower (docs/physics.md "Signal in the thick target").</p>
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
    /**
     * Most photons drawn per slab; the rest of its loss (the softest photons) showers as one more photon
     * [est, modelling choice: bounds the cost].
     */
    static final int MAX_PHOTONS = 8;
    /** Photon energy (GeV) below which the rest of a slab's loss is not split further [est, modelling choice]. */
    static final double MIN_PHOTON = 0.05;

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
    public double radiate(
            EventRecord ev, EventRandom rng, double eStart, double eEnd, double t0, double t1, double x, double y) {
        double radiated = eStart - eEnd;
        if (!(radiated > 0)) {
            return 0;
        }
        double len = Math.max(t1 - t0, 1e-6);
        int n = Math.min(MAX_SLABS, Math.max(1, (int) Math.ceil(len / SLAB)));
        double total = Math.log(eStart / eEnd);
        double leak = 0;
        if (n == 1) {
            return photons(ev, rng, eStart, total, t0, t1, x, y);
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
            if (e > next) {
                leak += photons(ev, rng, e, Math.log(e / next), t0 + j * len / n, t0 + (j + 1) * len / n, x, y);
            }
            e = next;
        }
        return leak;
    }

    /**
     * The photons of one slab [ta, tb] (X0) in which an electron of energy e loses the log ratio g: the
     * shares of g by stick-breaking (Poisson-Dirichlet, θ = b·(tb - ta)), each at a uniform depth in the
     * slab, taken in depth order (photon energy = electron energy then × (1 - e^-share)); each converts
     * after Exp(9/7 X0) and showers.
     *
     * @return the energy leaking out of the ECAL's back
     */
    double photons(EventRecord ev, EventRandom rng, double e, double g, double ta, double tb, double x, double y) {
        if (!(g > 0)) {
            return 0;
        }
        double[] share = ev.photonShare;
        double[] depth = ev.photonDepth;
        int m = split(rng, e, g, ta, tb, share, depth);
        double leak = 0;
        double left = e;
        for (int i = 0; i < m; i++) {
            double k = left * -Math.expm1(-share[i] * g);
            left -= k;
            if (k > 0) {
                leak += r.ecal.shower(ev, rng, k, x, y, depth[i] + rng.exponential(PHOTON_CONVERSION_PATH), ev.scratch);
            }
        }
        return leak;
    }

    /**
     * Splits the log loss g of an electron of energy e over the slab [ta, tb] into photons: shares of g
     * (summing to 1) by stick-breaking with θ = b·(tb - ta), at uniform depths, sorted by depth. The
     * photon of share f taken when the electron has energy E carries E·(1 - e^(-f g)).
     *
     * @param share  out: the shares, in depth order (length ≥ {@value #MAX_PHOTONS})
     * @param depth  out: the depths (X0), ascending
     * @return the number of photons
     */
    static int split(EventRandom rng, double e, double g, double ta, double tb, double[] share, double[] depth) {
        double theta = B * Math.max(tb - ta, 1e-6);
        int m = 0;
        double rest = 1;
        while (m < MAX_PHOTONS - 1 && e * (1 - Math.exp(-rest * g)) > MIN_PHOTON) {
            double v = 1 - Math.pow(rng.uniformOpen(), 1 / theta); // Beta(1, θ)
            share[m] = rest * v;
            depth[m] = rng.uniform(ta, tb);
            rest -= share[m];
            m++;
        }
        share[m] = rest; // the softest photons, together
        depth[m] = rng.uniform(ta, tb);
        m++;
        for (int i = 1; i < m; i++) { // depth order (insertion sort of at most MAX_PHOTONS)
            double d = depth[i];
            double f = share[i];
            int j = i - 1;
            while (j >= 0 && depth[j] > d) {
                depth[j + 1] = depth[j];
                share[j + 1] = share[j];
                j--;
            }
            depth[j + 1] = d;
            share[j + 1] = f;
        }
        return m;
    }
}
