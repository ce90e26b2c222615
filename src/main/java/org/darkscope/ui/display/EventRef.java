package org.darkscope.ui.display;

import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/** One event of one loaded run: what the display shows and what callbacks hand out. */
public record EventRef(RunData run, int index) {
    public EventRef {
        if (index < 0 || index >= run.size()) {
            throw new IndexOutOfBoundsException("event row " + index + " outside run of " + run.size());
        }
    }

    public double ecal() {
        return run.floats(Schema.ECAL)[index];
    }

    public double hcal() {
        return run.floats(Schema.HCAL)[index];
    }

    public int eventNumber() {
        return run.ints(Schema.EVENT)[index];
    }

    public int runNumber() {
        return run.ints(Schema.RUN)[index];
    }

    @Override
    public String toString() {
        return "run " + runNumber() + " event " + eventNumber();
    }
}
