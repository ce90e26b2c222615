package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.Enrichment;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.ProcessKnobs;
import org.darkscope.sim.response.DetectorResponse;
import org.darkscope.sim.response.HcalResponse;

/**
 * (e) Hadron electroproduction in the ECAL (docs/physics.md#regions, region II): a photon of energy fraction y
 * produces hadrons; part of their energy stays in the ECAL, the rest leaves into the HCAL, so
 * E_ECAL + E_HCAL ≈ E0. Sometimes only leading neutrals (K0L, n) leave (VETO silent: sideband A
 * after the VETO cut), and rarely such a neutral punches through every HCAL module unseen.
 */
public final class HadronProduction implements EventProcess {
    /** Range of the hadronic energy fraction y [est]. */
    public static final double Y_MIN = 0.1;

    public static final double Y_MAX = 0.99;
    /** Fraction of the hadronic energy that leaves the ECAL: uniform in this range [est]. */
    public static final double ESCAPE_MIN = 0.2;

    public static final double ESCAPE_MAX = 0.95;
    /** Mean number of charged hadrons beyond the first that cross the VETO [est]. */
    public static final double EXTRA_CHARGED = 1.0;
    /** Lateral spread at the HCAL, mm, of leading neutrals and of charged secondaries [est]. */
    public static final double NEUTRAL_SPREAD = 20;

    public static final double CHARGED_SPREAD = 50;
    /** Interaction depth in X0: 1 X0 plus an exponential of mean 2 X0 [est]. */
    public static final double MEAN_DEPTH = 2.0;

    private final Beam beam;
    private final DetectorResponse r;
    private final ProcessKnobs k;
    private final Enrichment boost;

    public HadronProduction(DetectorResponse r) {
        this(r, Enrichment.none());
    }

    /** @param boost oversampling of neutral-only events and punch-through (weighted MC) */
    public HadronProduction(DetectorResponse r, Enrichment boost) {
        this.r = r;
        this.beam = new Beam(r);
        this.k = r.beamLine.knobs();
        this.boost = boost;
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.HADRON.code();
        beam.electron(ev, rng);
        double e0 = r.beamEnergy;
        double y = Spectra.bremFraction(rng, Y_MIN, Y_MAX);
        double eHad = y * e0;
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        ev.truthZ = beam.zAtDepth(1 + rng.exponential(MEAN_DEPTH));
        double leak = r.ecal.shower(ev, rng, e0 - eHad, px, py, 0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, px, py, 0);
        double escape = eHad * rng.uniform(ESCAPE_MIN, ESCAPE_MAX);
        r.ecal.hadronic(ev, rng, eHad - escape, px, py, HcalResponse.HADRONIC_RESOLUTION);
        if (Enrichment.decide(ev, rng, k.hadronNeutralOnly(), boost.neutralOnly())) {
            if (Enrichment.decide(ev, rng, k.punchThrough(), boost.punchThrough())) {
                return; // the leading neutral crosses the HCAL unseen
            }
            r.hcal.hadron(ev, rng, escape, px + rng.gauss(0, NEUTRAL_SPREAD), py + rng.gauss(0, NEUTRAL_SPREAD), 0);
        } else {
            r.beamLine.vetoHits(ev, rng, 1 + rng.poisson(EXTRA_CHARGED));
            r.hcal.hadron(ev, rng, escape, px + rng.gauss(0, CHARGED_SPREAD), py + rng.gauss(0, CHARGED_SPREAD), 0);
        }
    }
}
