package org.darkscope.sim.process;

import org.darkscope.event.EventClass;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;
import org.darkscope.sim.response.DetectorResponse;

/** (a) A beam electron with a full e-m shower in the ECAL (calibration / open-trigger runs). */
public final class ElectronShower implements EventProcess {
    private final Beam beam;
    private final DetectorResponse r;

    public ElectronShower(DetectorResponse r) {
        this.r = r;
        this.beam = new Beam(r);
    }

    @Override
    public void generate(EventRecord ev, EventRandom rng) {
        ev.truthClass = EventClass.ELECTRON.code();
        beam.electron(ev, rng);
        double x = beam.spotX(rng);
        double y = beam.spotY(rng);
        ev.truthZ = r.ecal.zFront();
        double leak = r.ecal.shower(ev, rng, r.beamEnergy, x, y, 0, ev.scratch);
        r.hcal.electromagnetic(ev, rng, leak, x, y, 0);
    }
}
