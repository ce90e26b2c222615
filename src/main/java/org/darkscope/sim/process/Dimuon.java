package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (d) Dimuon production e Z → e Z μ+μ- in the ECAL (docs/physics.md#regions, region I): a bremsstrahlung-like
 * photon converts into a muon pair that takes the fraction x of E0; the muons cross the ECAL as
 * MIPs, fire the VETO and deposit MIP signals in every HCAL module (≈ 10 GeV in total).
 */
public final class Dimuon implements EventProcess {
    /** Lowest pair energy fraction generated [est] (lower ones fail the trigger anyway). */
    public static final double X_MIN = 0.05;

    public static final double X_MAX = 0.98;
    /** Lateral spread of the muons at the HCAL, mm [est]. */
    public static final double MUON_SPREAD = 30;
    /** Depth of the conversion in X0: 1 X0 plus an exponential of mean 1 X0 [est]. */
    public static final double MEAN_DEPTH = 1.0;

    private final Beam beam;
    private final DetectorResponse r;

    public Dimuon(DetectorResponse r) {
        this.r = r;
        this.beam = new Beam(r);
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.DIMUON.code();
        beam.electron(ev, rng);
        double x = Spectra.bremFraction(rng, X_MIN, X_MAX);
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        ev.truthZ = beam.zAtDepth(1 + rng.exponential(MEAN_DEPTH));
        double leak = r.ecal.shower(ev, rng, r.beamEnergy * (1 - x), px, py, 0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, px, py, 0);
        for (int mu = 0; mu < 2; mu++) {
            r.ecal.mip(ev, rng, px, py);
            r.hcal.muon(ev, rng, px + rng.gauss(0, MUON_SPREAD), py + rng.gauss(0, MUON_SPREAD));
        }
        r.beamLine.vetoHits(ev, rng, 2);
    }
}
