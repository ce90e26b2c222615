package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;
import org.darkscope.sim.response.HcalResponse;

/**
 * (g) Hadrons and muons in the beam (docs/physics.md#hadrons-muons, #beam-srd-pileup): full momentum, no synchrotron tag
 * (except accidentally). A hadron crosses the ≈ 1.6 λ_I ECAL without interacting with probability
 * ≈ 0.2 and showers in the HCAL; otherwise it starts its shower in the ECAL. A muon is a MIP
 * everywhere.
 */
public final class BeamContamination implements EventProcess {
    /** Probability that a beam hadron crosses the ≈ 1.6 λ_I ECAL without interacting (docs/physics.md#hadrons-muons [est]: ≈ 0.2 ≈ e^-1.6). */
    public static final double ECAL_PASS = 0.2;
    /** Fraction of a hadron's energy left in the ECAL when it interacts there: uniform range [est]. */
    public static final double ECAL_FRACTION_MIN = 0.1;

    public static final double ECAL_FRACTION_MAX = 0.7;

    private final Beam beam;
    private final DetectorResponse r;
    private final boolean muon;

    /** @param muon true for beam muons, false for beam hadrons */
    public BeamContamination(DetectorResponse r, boolean muon) {
        this.r = r;
        this.beam = new Beam(r);
        this.muon = muon;
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = (muon ? EventClass.BEAM_MUON : EventClass.BEAM_HADRON).code();
        beam.heavy(ev, rng);
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        double e0 = r.beamEnergy;
        if (muon) {
            ev.truthZ = r.ecal.zFront();
            r.ecal.mip(ev, rng, px, py);
            r.beamLine.vetoHits(ev, rng, 1);
            r.hcal.muon(ev, rng, px, py);
            return;
        }
        if (rng.chance(ECAL_PASS)) {
            ev.truthZ = r.ecal.zFront() + r.ecal.totalDepth() * r.ecal.radiationLength();
            r.ecal.mip(ev, rng, px, py);
            r.beamLine.vetoHits(ev, rng, 1);
            r.hcal.hadron(ev, rng, e0, px, py, 0);
        } else {
            // interaction point uniform in depth given it happened inside the ECAL (flat enough for 1.6 λ)
            double depth = rng.uniform();
            ev.truthZ = r.ecal.zFront() + depth * r.ecal.totalDepth() * r.ecal.radiationLength();
            double inEcal = e0 * rng.uniform(ECAL_FRACTION_MIN, ECAL_FRACTION_MAX);
            r.ecal.hadronic(ev, rng, inEcal, px, py, HcalResponse.HADRONIC_RESOLUTION);
            r.beamLine.vetoHits(ev, rng, 1 + rng.poisson(1.0));
            r.hcal.hadron(ev, rng, e0 - inEcal, px, py, 0);
        }
    }
}
