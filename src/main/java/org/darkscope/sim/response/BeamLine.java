package org.darkscope.sim.response;

import org.darkscope.geometry.Detector;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.ProcessKnobs;

/**
 * Tracker, SRD and VETO response (docs/physics.md#experiment, #beam-srd-pileup): measured momentum, angle, χ², straw
 * multiplicity; synchrotron-radiation energy in the SRD cells with photon statistics; VETO
 * energy in MIP units. Counts of SRD cells and VETO counters from the {@link Detector}.
 */
public final class BeamLine {
    /** Straw hits of a clean track: one per straw chamber (ST1, ST2) [est]. */
    public static final int STRAW_HITS_PER_TRACK = 2;
    /** Mean number of noise straw hits per event [est]. */
    public static final double STRAW_NOISE = 0.05;
    /** Degrees of freedom of the track fit χ² [est]. */
    public static final int CHI2_NDF = 4;
    /** VETO: most probable MIP signal 1 with a relative Moyal width [est]. */
    public static final double VETO_MIP_WIDTH = 0.12;
    /** VETO counter noise in MIP units [est]. */
    public static final double VETO_NOISE = 0.03;

    private final ProcessKnobs k;
    private final double beamEnergy;
    private final int nSrd;
    private final int nVeto;
    private final double[] srdShare;

    public BeamLine(Detector detector, ProcessKnobs knobs, double beamEnergy) {
        this.k = knobs;
        this.beamEnergy = beamEnergy;
        this.nSrd = detector.srdCellCount();
        this.nVeto = detector.vetoCount();
        // the SR fan is centred on the middle cell(s): triangular shares [est]
        srdShare = new double[nSrd];
        double s = 0;
        for (int i = 0; i < nSrd; i++) {
            srdShare[i] = 1 + Math.min(i, nSrd - 1 - i);
            s += srdShare[i];
        }
        for (int i = 0; i < nSrd; i++) {
            srdShare[i] /= s;
        }
    }

    /**
     * The incoming track: momentum (true momentum smeared by the beam spread), angle (mrad, |θ| of
     * two Gaussian projections scaled by {@code angleScale}), χ²/ndf scaled by {@code chi2Scale}, and
     * the straw hits plus {@code extraStraws}.
     */
    public void track(
            EventRecord ev, EventRandom rng, double trueP, double angleScale, double chi2Scale, int extraStraws) {
        ev.p = trueP + rng.gauss(0, k.beamMomentumSpread());
        double ax = rng.gauss(0, k.beamAngleSigma() * angleScale);
        double ay = rng.gauss(0, k.beamAngleSigma() * angleScale);
        ev.angle = Math.sqrt(ax * ax + ay * ay);
        double c = 0;
        for (int i = 0; i < CHI2_NDF; i++) {
            double g = rng.gauss();
            c += g * g;
        }
        ev.chi2 = chi2Scale * c / CHI2_NDF;
        ev.strawHits = STRAW_HITS_PER_TRACK + rng.poisson(STRAW_NOISE) + extraStraws;
    }

    /**
     * Synchrotron radiation of an electron crossing the vessel: mean deposit
     * srdEmitted × collected × {@code scale} (scale = (E/E0)² for an electron of energy E, SR power
     * ∝ E²), shared over the cells; per cell a Poisson number of photons, each of exponential energy.
     */
    public void synchrotron(EventRecord ev, EventRandom rng, double scale) {
        double nPhot = k.srdPhotons() * scale;
        double ePhot = k.srdEmittedMeV() * k.srdCollectedFraction() / k.srdPhotons();
        for (int i = 0; i < nSrd; i++) {
            int n = rng.poisson(nPhot * srdShare[i]);
            if (n > 0) {
                ev.srd[i] += rng.gammaInt(n, ePhot);
            }
        }
    }

    /** A non-electron crossing the SRD: nothing but, rarely, an accidental electron-like signal. */
    public void noSynchrotron(EventRecord ev, EventRandom rng) {
        if (rng.chance(k.srdAccidental())) {
            synchrotron(ev, rng, 1.0);
        }
    }

    /** Extra energy (MeV) from secondaries showering in SRD cell {@code cell}. */
    public void srdHit(EventRecord ev, int cell, double mev) {
        ev.srd[Math.floorMod(cell, nSrd)] += mev;
    }

    public int srdCells() {
        return nSrd;
    }

    /** {@code n} charged particles crossing every VETO counter. */
    public void vetoHits(EventRecord ev, EventRandom rng, int n) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < nVeto; i++) {
                ev.veto[i] += 1 + VETO_MIP_WIDTH * rng.moyal();
            }
        }
    }

    /** Adds the SRD and VETO noise (clipped at 0): call once per event after all particles. */
    public void noise(EventRecord ev, EventRandom rng) {
        for (int i = 0; i < nSrd; i++) {
            ev.srd[i] = Math.max(0, ev.srd[i] + rng.gauss(0, k.srdNoiseMeV()));
        }
        for (int i = 0; i < nVeto; i++) {
            ev.veto[i] = Math.max(0, ev.veto[i] + rng.gauss(0, VETO_NOISE));
        }
    }

    public double beamEnergy() {
        return beamEnergy;
    }

    public ProcessKnobs knobs() {
        return k;
    }
}
