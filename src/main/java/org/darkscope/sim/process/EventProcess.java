package org.darkscope.sim.process;

import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;

/**
 * One physics process: fills a cleared {@link EventRecord} (cell energies before noise, track,
 * SRD and VETO before noise, truth). Implementations are immutable and shared by threads; all
 * randomness comes from the event's {@link EventRandom}.
 */
public interface EventProcess {
    void generate(EventRecord ev, EventRandom rng);
}
