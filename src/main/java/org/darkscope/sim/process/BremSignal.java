package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (b) A' signal via A'-strahlung e Z → e Z A' in the thick active target (docs/physics.md#a-strahlung;
 * docs/physics.md "Signal in the thick target"). The beam electron radiates bremsstrahlung on its
 * way into the ECAL ({@link ThickTarget}); the A' is emitted at a depth s with probability
 * ∝ σ(E_e(s)) ds along that path, takes x·E_e with x from the spectrum at E_e, and the recoil
 * electron E_e(1 - x) showers from s. The energy radiated before s (E0 - E_e) is seen: it showers
 * from where its photons convert, so it reaches the preshower.
 * <p>
 * A generated event is one A' emission by the primary electron while E_e &gt; {@link #MIN_ELECTRON_ENERGY}
 * × E0: lower electrons cannot give the missing energy of the signal box. The run metadata records
 * this threshold and the path length (X0) over which emission is possible, weighted by σ(E)/σ(E0),
 * so a yield per EOT can be normalised to the same generated events.
 */
public final class BremSignal implements EventProcess {
    /**
     * Emission counted while the primary electron has more than this fraction of E0 [est]: 0.5, the
     * missing energy of the published box (E_ECAL &lt; 50 GeV at 100 GeV), the threshold DMG4-style
     * signal generators use.
     */
    public static final double MIN_ELECTRON_ENERGY = 0.5;
    /** Emission depths are drawn up to this depth (X0); the primary keeps E0/2 beyond it with probability &lt; 1e-5. */
    public static final double MAX_DEPTH = 6.0;

    private static final int SIGMA_NODES = 65;
    private static final int MAX_TRIES = 1_000_000;

    private final Beam beam;
    private final DetectorResponse r;
    private final ApStrahlungSpectrum spectrum;
    private final ThickTarget target;
    private final double mass;
    private final double eMin;
    private final double[] sigma = new double[SIGMA_NODES];
    private final double sigmaMax;

    public BremSignal(DetectorResponse r, double massGeV) {
        this.r = r;
        this.beam = new Beam(r);
        this.spectrum = new ApStrahlungSpectrum(massGeV, r.beamEnergy);
        this.target = new ThickTarget(r);
        this.mass = massGeV;
        this.eMin = Math.max(MIN_ELECTRON_ENERGY * r.beamEnergy, 1.01 * massGeV);
        ApStrahlungCrossSection cs = new ApStrahlungCrossSection(massGeV);
        double max = 0;
        for (int i = 0; i < SIGMA_NODES; i++) {
            sigma[i] = cs.relative(energyAt(i));
            max = Math.max(max, sigma[i]);
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException(
                    "no A'-strahlung for m = " + massGeV * 1e3 + " MeV at " + r.beamEnergy + " GeV");
        }
        sigmaMax = max;
    }

    private double energyAt(int i) {
        return eMin + (r.beamEnergy - eMin) * i / (SIGMA_NODES - 1);
    }

    /** σ(E)/max σ on [E_min, E0], linear between nodes. */
    double relativeSigma(double e) {
        double f = (e - eMin) / (r.beamEnergy - eMin) * (SIGMA_NODES - 1);
        if (f < 0) {
            return 0;
        }
        int i = Math.min((int) f, SIGMA_NODES - 2);
        double w = Math.min(f - i, 1);
        return (sigma[i] + w * (sigma[i + 1] - sigma[i])) / sigmaMax;
    }

    /**
     * Draws the emission point: depth s uniform in [0, {@value #MAX_DEPTH}] X0, G(s) = ln(E0/E_e)
     * from its Gamma law, accepted with probability σ(E_e)/σ_max when E_e &gt; E_min: (s, E_e) then
     * follow the track-length density times σ. Writes s and E_e to out[0], out[1].
     */
    void emissionPoint(EventRandom rng, double[] out) {
        double lnMax = Math.log(r.beamEnergy / eMin);
        for (int i = 0; i < MAX_TRIES; i++) {
            double s = MAX_DEPTH * rng.uniform();
            double g = ThickTarget.logLoss(rng, s);
            if (g >= lnMax) {
                continue;
            }
            double e = r.beamEnergy * Math.exp(-g);
            if (rng.uniform() < relativeSigma(e)) {
                out[0] = s;
                out[1] = e;
                return;
            }
        }
        throw new IllegalStateException("no A' emission point found");
    }

    /** x = E_A'/E_e from the spectrum shape at E_e (the table at E0, restricted to [m/E_e, 1 - m_e/E_e]). */
    double sampleX(EventRandom rng, double ee) {
        double lo = mass / ee;
        double hi = 1 - ApStrahlungSpectrum.ELECTRON_MASS / ee;
        for (int i = 0; i < 1000; i++) {
            double x = spectrum.sample(rng.uniform());
            if (x >= lo && x <= hi) {
                return x;
            }
        }
        return hi;
    }

    /**
     * Expected path length (X0) of the primary with E_e &gt; E_min, weighted by σ(E_e)/σ(E0):
     * ∫ dt ∫ dG Gamma_{bt}(G) σ(E0 e^-G)/σ(E0). Yield per EOT = n_atoms σ(E0) × this.
     */
    public double effectivePathX0() {
        int nt = 600;
        int ng = 200;
        double lnMax = Math.log(r.beamEnergy / eMin);
        double s0 = relativeSigma(r.beamEnergy);
        double sum = 0;
        double dt = MAX_DEPTH / nt;
        for (int i = 0; i < nt; i++) {
            double t = (i + 0.5) * dt;
            double prev = 0;
            for (int j = 1; j <= ng; j++) {
                double g = lnMax * j / ng;
                double c = org.apache.commons.math3.special.Gamma.regularizedGammaP(ThickTarget.B * t, g);
                double gm = lnMax * (j - 0.5) / ng;
                sum += (c - prev) * relativeSigma(r.beamEnergy * Math.exp(-gm)) / s0 * dt;
                prev = c;
            }
        }
        return sum;
    }

    public double minElectronEnergy() {
        return eMin;
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.SIGNAL_BREM.code();
        beam.electron(ev, rng);
        double[] sc = ev.scratch;
        emissionPoint(rng, sc);
        double s = sc[0];
        double ee = sc[1];
        double x = sampleX(rng, ee);
        double ea = x * ee;
        ev.truthEa = ea;
        ev.truthZ = beam.zAtDepth(s);
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        double leak = target.radiate(ev, rng, r.beamEnergy, ee, 0, s, px, py);
        leak += r.ecal.shower(ev, rng, ee - ea, px, py, s, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, px, py, 0);
    }
}
