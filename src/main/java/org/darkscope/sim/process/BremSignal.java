package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (b) A' signal via A'-strahlung e Z → e Z A' (physics.md 3.1): the A' takes x E0 invisibly, the
 * recoil electron (E0 (1 - x)) showers from the emission depth.
 */
public final class BremSignal implements EventProcess {
    /**
     * Mean emission depth in X0 [est]: the A' is radiated early (effective track length ≈ 0.85 X0 of
     * Pb, physics.md 3.1): exponential with this mean.
     */
    public static final double MEAN_EMISSION_DEPTH = 0.5;

    private final Beam beam;
    private final DetectorResponse r;
    private final ApStrahlungSpectrum spectrum;

    public BremSignal(DetectorResponse r, double massGeV) {
        this.r = r;
        this.beam = new Beam(r);
        this.spectrum = new ApStrahlungSpectrum(massGeV, r.beamEnergy);
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.SIGNAL_BREM.code();
        beam.electron(ev, rng);
        double x = spectrum.sample(rng.uniform());
        double ea = x * r.beamEnergy;
        double t0 = Math.min(rng.exponential(MEAN_EMISSION_DEPTH), r.ecal.preshowerDepth());
        ev.truthEa = ea;
        ev.truthZ = beam.zAtDepth(t0);
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        double leak = r.ecal.shower(ev, rng, r.beamEnergy - ea, px, py, t0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, px, py, 0);
    }
}
