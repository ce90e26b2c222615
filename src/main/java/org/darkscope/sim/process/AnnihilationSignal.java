package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.ProcessKnobs;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (c) A' signal via resonant annihilation of a shower positron on an atomic electron (docs/physics.md
 * 3.2; docs/physics.md "Signal in the thick target"): the missing energy is the positron energy
 * E+ ≈ E_R = m²/(2 m_e), drawn from the Breit-Wigner times the positron track length t+(E). The
 * positron comes from the shower: the primary ({@link ThickTarget}) radiates a photon k &gt; E+ at
 * depth s, the photon converts after an exponential path of 9/7 X0 into a pair whose positron gets
 * E_c uniform in [E+, k] (flat Bethe-Heitler pair spectrum), and the positron radiates down to E+
 * before it annihilates. Everything else, E0 - E+, is seen at its depth: the primary's radiation
 * before s, the primary after s, the pair electron, and the positron's radiation.
 */
public final class AnnihilationSignal implements EventProcess {
    /** Depths of the parent photon's emission are drawn up to this depth (X0). */
    public static final double MAX_DEPTH = 8.0;

    private static final int W_NODES = 257;
    private static final int MAX_TRIES = 1_000_000;

    private final Beam beam;
    private final DetectorResponse r;
    private final ResonanceSpectrum spectrum;
    private final ThickTarget target;
    /** W(y0) on a grid of y0 in [0, 1]: rate of photons y &gt; y0 times the chance their positron exceeds y0. */
    private final double[] w = new double[W_NODES];

    public AnnihilationSignal(DetectorResponse r, double massGeV, ProcessKnobs knobs) {
        this.r = r;
        this.beam = new Beam(r);
        this.spectrum = new ResonanceSpectrum(massGeV, r.beamEnergy, knobs.alphaD(), knobs.chiMassRatio());
        this.target = new ThickTarget(r);
        for (int i = 0; i < W_NODES; i++) {
            w[i] = photonWeight((double) i / (W_NODES - 1));
        }
    }

    /** Bethe-Heitler photon spectrum per X0 in y = k/E (complete screening): (1/y)(4/3 - 4/3 y + y²). */
    static double photonSpectrum(double y) {
        return (4.0 / 3 - 4.0 / 3 * y + y * y) / y;
    }

    /** W(y0) = ∫_{y0}^1 photonSpectrum(y) (1 - y0/y) dy (Simpson in ln y). */
    static double photonWeight(double y0) {
        if (y0 >= 1) {
            return 0;
        }
        double lo = Math.log(Math.max(y0, 1e-6));
        int n = 400;
        double h = -lo / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double y = Math.exp(lo + i * h);
            double f = photonSpectrum(y) * (1 - y0 / y) * y;
            s += f * (i == 0 || i == n ? 1 : (i & 1) == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    private double weight(double y0) {
        double f = y0 * (W_NODES - 1);
        int i = Math.min((int) f, W_NODES - 2);
        return w[i] + (f - i) * (w[i + 1] - w[i]);
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.SIGNAL_ANNIHILATION.code();
        beam.electron(ev, rng);
        double e0 = r.beamEnergy;
        double ePlus = Math.min(spectrum.sample(rng.uniform()), 0.999 * e0);
        ev.truthEa = ePlus;
        // where the primary radiates the parent photon: track-length density times W(E+/E1)
        double wMax = weight(ePlus / e0);
        double s = 0;
        double e1 = e0;
        boolean found = false;
        for (int i = 0; i < MAX_TRIES && !found; i++) {
            s = MAX_DEPTH * rng.uniform();
            e1 = e0 * Math.exp(-ThickTarget.logLoss(rng, s));
            found = e1 > ePlus && rng.uniform() * wMax < weight(ePlus / e1);
        }
        if (!found) {
            throw new IllegalStateException("no parent photon found for E+ = " + ePlus);
        }
        // photon energy k = y E1 from photonSpectrum(y)(1 - y0/y) on [y0, 1]: ln y uniform, then accept
        double y0 = ePlus / e1;
        double y = 1;
        for (int i = 0; i < 10_000; i++) {
            y = Math.exp(Math.log(y0) * rng.uniformOpen());
            if (rng.uniform() * 4.0 / 3 < (4.0 / 3 - 4.0 / 3 * y + y * y) * (1 - y0 / y)) {
                break;
            }
        }
        double k = y * e1;
        double eCreated = ePlus + (k - ePlus) * rng.uniform();
        double tConv = s + rng.exponential(ThickTarget.PHOTON_CONVERSION_PATH);
        double tAnn = tConv + ThickTarget.depthToLose(rng, Math.log(eCreated / ePlus));
        ev.truthZ = beam.zAtDepth(tAnn);
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        double leak = target.radiate(ev, rng, e0, e1, 0, s, px, py);
        leak += r.ecal.shower(ev, rng, e1 - k, px, py, s, ev.scratch);
        leak += r.ecal.shower(ev, rng, k - eCreated, px, py, tConv, ev.scratch);
        leak += target.radiate(ev, rng, eCreated, ePlus, tConv, tAnn, px, py);
        r.hcal.electromagnetic(ev, rng, leak, px, py, 0);
    }
}
