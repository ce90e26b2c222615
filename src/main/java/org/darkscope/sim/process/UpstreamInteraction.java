package org.darkscope.sim.process;

import java.util.List;
import org.darkscope.event.EventClass;
import org.darkscope.geometry.Element;
import org.darkscope.geometry.ElementKind;
import org.darkscope.sim.Enrichment;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.ProcessKnobs;
import org.darkscope.sim.response.DetectorResponse;

/**
 * (f) Electron interaction in the beam line upstream of the ECAL (docs/physics.md#regions, sideband C and the
 * dominant true background in the box): the electron loses a fraction y to secondaries emitted at
 * large angles. Where it happens decides what can veto it:
 * <ul>
 *   <li>early (before the end of the magnets): the measured momentum is off, the SR is weaker;</li>
 *   <li>middle (up to the last tracker): momentum fine but larger angle/χ² and extra straw hits;</li>
 *   <li>late (after the last tracker): nothing upstream sees it; only soft secondaries in the ECAL
 *       (shower shape), in the SRD or HCAL can reveal it.</li>
 * </ul>
 * The secondaries sometimes put a soft e-/photon into the ECAL and partly reach the HCAL.
 */
public final class UpstreamInteraction implements EventProcess {
    /** Smallest energy fraction lost [est]. */
    public static final double Y_MIN = 0.02;

    public static final double Y_MAX = 0.97;
    /**
     * Upstream interactions lose less than this fraction unless they are of the rare large-loss kind
     * (knob upstreamLargeLoss), which loses a fraction uniform in [this, Y_MAX] [est].
     */
    public static final double LARGE_LOSS = 0.5;
    /**
     * Ordinary interactions: the exponential loss is multiplied by exp(-((y - start)/width)²) above
     * start = 0.35 with width 0.05 [est]. Above that loss the secondaries would be seen, unless the
     * interaction is of the rare large-loss kind. This keeps the resolution tail of sideband C out of
     * the box (a hard cut at one half leaked 1 % of sideband C into the box) and takes about 15 % off
     * sideband C.
     */
    public static final double SUPPRESSION_START = 0.35;

    public static final double SUPPRESSION_WIDTH = 0.05;
    /** Soft e-/photon energy in the ECAL, GeV, uniform in this range [est]. */
    public static final double SOFT_MIN = 0.3;

    public static final double SOFT_MAX = 3.0;
    /** Fraction of the secondaries' energy that reaches the HCAL when they hit it [est]. */
    public static final double HCAL_MIN = 0.05;

    public static final double HCAL_MAX = 0.6;
    /** Probability that secondaries reaching the HCAL also fire the VETO [est]. */
    public static final double VETO_WITH_HCAL = 0.5;
    /** Probability that secondaries of a late interaction shower in an SRD cell, and the energy range (MeV) [est]. */
    public static final double SRD_HIT = 0.3;

    public static final double SRD_HIT_MIN = 20;
    public static final double SRD_HIT_MAX = 400;
    /** Mean extra straw hits of a middle interaction (secondaries cross the straws) [est]. */
    public static final double EXTRA_STRAWS = 4;

    private final Beam beam;
    private final DetectorResponse r;
    private final ProcessKnobs k;
    private final Enrichment boost;
    private final double zStart;
    private final double zMagnetsEnd;
    private final double zLastTracker;
    private final double zEcal;
    private final double zVesselStart;
    private final double zVesselEnd;
    private final double ecalHalfX;
    private final double ecalHalfY;
    private final double hcalHalfX;
    private final double hcalHalfY;

    public UpstreamInteraction(DetectorResponse r) {
        this(r, Enrichment.none());
    }

    /** @param boost oversampling of late and large-loss interactions (weighted MC) */
    public UpstreamInteraction(DetectorResponse r, Enrichment boost) {
        this.boost = boost;
        this.r = r;
        this.beam = new Beam(r);
        this.k = r.beamLine.knobs();
        var d = r.detector;
        List<Element> trackers = d.elements(ElementKind.TRACKER);
        List<Element> magnets = d.elements(ElementKind.MAGNET);
        List<Element> vessel = d.elements(ElementKind.VESSEL);
        zStart = trackers.get(0).zMin();
        zMagnetsEnd =
                magnets.isEmpty() ? zStart : magnets.get(magnets.size() - 1).zMax();
        zLastTracker = trackers.stream().mapToDouble(Element::zMax).max().orElse(zMagnetsEnd);
        zEcal = r.ecal.zFront();
        zVesselStart = vessel.isEmpty() ? zMagnetsEnd : vessel.get(0).zMin();
        zVesselEnd = vessel.isEmpty() ? zMagnetsEnd : vessel.get(0).zMax();
        var pre = d.ecalPreshower();
        ecalHalfX = pre.nx() * pre.pitchX() / 2;
        ecalHalfY = pre.ny() * pre.pitchY() / 2;
        var h = d.hcalModules().get(0);
        hcalHalfX = h.nx() * h.pitchX() / 2;
        hcalHalfY = h.ny() * h.pitchY() / 2;
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.UPSTREAM.code();
        double e0 = r.beamEnergy;
        boolean late = Enrichment.decide(ev, rng, k.upstreamLateFraction(), boost.upstreamLate());
        double y;
        if (Enrichment.decide(ev, rng, k.upstreamLargeLoss(), boost.upstreamLargeLoss())) {
            y = rng.uniform(LARGE_LOSS, Y_MAX); // most of the energy leaves at large angles, unseen
        } else {
            // exponential loss, suppressed smoothly above SUPPRESSION_START (secondaries of an
            // ordinary interaction carrying that much energy hit the ECAL or HCAL): rejection
            do {
                y = Math.min(Y_MAX, Y_MIN + rng.exponential(k.upstreamMeanLoss()));
            } while (y > SUPPRESSION_START
                    && rng.uniform() > Math.exp(-Math.pow((y - SUPPRESSION_START) / SUPPRESSION_WIDTH, 2)));
        }
        double e1 = e0 * (1 - y);
        double ratio2 = (e1 / e0) * (e1 / e0);
        double u = rng.uniform() * (1 - k.upstreamLateFraction());
        double z;
        if (late) {
            z = rng.uniform(zLastTracker, zEcal);
            r.beamLine.track(ev, rng, e0, 1.0, 1.0, 0);
            r.beamLine.synchrotron(ev, rng, 1.0);
            if (rng.chance(SRD_HIT)) {
                r.beamLine.srdHit(
                        ev, (int) (rng.uniform() * r.beamLine.srdCells()), rng.uniform(SRD_HIT_MIN, SRD_HIT_MAX));
            }
        } else if (u < k.upstreamEarlyFraction()) {
            z = rng.uniform(zStart, zMagnetsEnd);
            r.beamLine.track(ev, rng, e1, 3.0, 1.5, 0);
            r.beamLine.synchrotron(ev, rng, ratio2);
        } else {
            z = rng.uniform(zMagnetsEnd, zLastTracker);
            r.beamLine.track(ev, rng, e0, 5.0, 3.0, 1 + rng.poisson(EXTRA_STRAWS));
            double before = Math.max(0, Math.min(1, (z - zVesselStart) / (zVesselEnd - zVesselStart)));
            r.beamLine.synchrotron(ev, rng, before + (1 - before) * ratio2);
        }
        ev.truthZ = z;
        double px = beam.spotX(rng);
        double py = beam.spotY(rng);
        double leak = r.ecal.shower(ev, rng, e1, px, py, 0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, px, py, 0);
        double secondaries = e0 - e1;
        if (rng.chance(k.upstreamSoftElectron())) {
            double soft = Math.min(secondaries, rng.uniform(SOFT_MIN, SOFT_MAX));
            secondaries -= soft;
            double sx = rng.uniform(-ecalHalfX, ecalHalfX);
            double sy = rng.uniform(-ecalHalfY, ecalHalfY);
            r.ecal.shower(ev, rng, soft, sx, sy, 0, ev.scratch);
        }
        if (rng.chance(k.upstreamHcalHit())) {
            double eh = secondaries * rng.uniform(HCAL_MIN, HCAL_MAX);
            r.hcal.hadron(ev, rng, eh, rng.uniform(-hcalHalfX, hcalHalfX), rng.uniform(-hcalHalfY, hcalHalfY), 0);
            if (rng.chance(VETO_WITH_HCAL)) {
                r.beamLine.vetoHits(ev, rng, 1);
            }
        }
    }
}
