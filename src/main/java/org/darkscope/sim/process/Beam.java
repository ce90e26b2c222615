package org.darkscope.sim.process;

import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/** What every beam particle shares: the beam spot, a clean incoming track, the SRD tag. */
final class Beam {
    private final DetectorResponse r;
    private final double spot;

    Beam(DetectorResponse r) {
        this.r = r;
        this.spot = r.beamLine.knobs().beamSpotSigma();
    }

    /** x of a beam particle on the ECAL face (mm). */
    double spotX(EventRandom rng) {
        return r.ecal.aimX() + rng.gauss(0, spot);
    }

    double spotY(EventRandom rng) {
        return r.ecal.aimY() + rng.gauss(0, spot);
    }

    /** A clean beam electron upstream: nominal track and a synchrotron tag. */
    void electron(EventRecord ev, EventRandom rng) {
        r.beamLine.track(ev, rng, r.beamEnergy, 1.0, 1.0, 0);
        r.beamLine.synchrotron(ev, rng, 1.0);
    }

    /** A clean beam hadron or muon upstream: nominal track, no synchrotron tag (except accidentally). */
    void heavy(EventRecord ev, EventRandom rng) {
        r.beamLine.track(ev, rng, r.beamEnergy, 1.0, 1.0, 0);
        r.beamLine.noSynchrotron(ev, rng);
    }

    /** z (mm) of a depth t (X0) in the ECAL. */
    double zAtDepth(double t) {
        return r.ecal.zFront() + t * r.ecal.radiationLength();
    }

    DetectorResponse response() {
        return r;
    }
}
