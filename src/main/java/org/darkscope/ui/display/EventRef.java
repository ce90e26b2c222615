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
        return run.column(Schema.ECAL).getFloat(index);
    }

    public double hcal() {
        return run.column(Schema.HCAL).getFloat(index);
    }

    public int eventNumber() {
        return run.column(Schema.EVENT).getInt(index);
    }

    public int runNumber() {
        return run.column(Schema.RUN).getInt(index);
    }

    @Override
    public String toString() {
        return "run " + runNumber() + " event " + eventNumber();
    }
}
