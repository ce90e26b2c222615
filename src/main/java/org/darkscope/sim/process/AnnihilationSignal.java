package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.ProcessKnobs;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (c) A' signal via resonant annihilation of a shower positron on an atomic electron (physics.md
 * 3.2): the missing energy is the positron energy E+ ≈ E_R = m²/(2 m_e); the rest of the shower,
 * E0 - E+, is seen.
 */
public final class AnnihilationSignal implements EventProcess {
    /** Depth (X0) where positrons of tens of GeV appear: 1 X0 plus an exponential of mean 1 X0 [est]. */
    public static final double MIN_DEPTH = 1.0;
    public static final double MEAN_EXTRA_DEPTH = 1.0;

    private final Beam beam;
    private final DetectorResponse r;
    private final ResonanceSpectrum spectrum;

    public AnnihilationSignal(DetectorResponse r, double massGeV, ProcessKnobs knobs) {
        this.r = r;
        this.beam = new Beam(r);
        this.spectrum = new ResonanceSpectrum(massGeV, r.beamEnergy, knobs.alphaD(), knobs.chiMassRatio());
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.SIGNAL_ANNIHILATION.code();
        beam.electron(ev, rng);
        double ePlus = Math.min(spectrum.sample(rng.uniform()), r.beamEnergy);
        ev.truthEa = ePlus;
        ev.truthZ = beam.zAtDepth(MIN_DEPTH + rng.exponential(MEAN_EXTRA_DEPTH));
        double x = beam.spotX(rng);
        double y = beam.spotY(rng);
        double leak = r.ecal.shower(ev, rng, r.beamEnergy - ePlus, x, y, 0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, x, y, 0);
    }
}
