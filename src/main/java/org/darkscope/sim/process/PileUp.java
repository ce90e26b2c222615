package org.darkscope.sim.process;

import org.darkscope.sim.Enrichment;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (h) Pile-up overlay (docs/physics.md#beam-srd-pileup): a second beam electron within the gate. Only the fraction
 * of its signal inside the integration window counts: uniform in [0, 1] [est]. It adds ECAL energy
 * (and SRD signal), so E_ECAL + E_HCAL may exceed the beam energy (region III).
 */
public final class PileUp {
    private final Beam beam;
    private final DetectorResponse r;
    private final double probability;
    private final double boost;

    public PileUp(DetectorResponse r, double probability) {
        this(r, probability, 1);
    }

    /** @param boost oversampling factor of weighted MC (1: physical) */
    public PileUp(DetectorResponse r, double probability, double boost) {
        this.r = r;
        this.beam = new Beam(r);
        this.probability = probability;
        this.boost = boost;
    }

    /** Overlays a pile-up electron with the configured probability. */
    public void maybeOverlay(EventRecord ev, EventRandom rng) {
        if (probability <= 0 || !Enrichment.decide(ev, rng, probability, boost)) {
            return;
        }
        ev.truthPileup = 1;
        double f = rng.uniform();
        double x = beam.spotX(rng);
        double y = beam.spotY(rng);
        double leak = r.ecal.shower(ev, rng, f * r.beamEnergy, x, y, 0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, x, y, 0);
        r.beamLine.synchrotron(ev, rng, f);
    }
}
