package org.darkscope.session;

import org.darkscope.event.RunData;

/** What an open run is used for in the analysis. */
public enum RunRole {
    /** Recorded data (or simulation treated as pseudo-data): the events in the plane and the cut flow. */
    DATA("data"),
    /** Simulated background: truth per class, closure of the background estimates. */
    BACKGROUND("background MC"),
    /** Simulated signal at one A' mass: efficiency. */
    SIGNAL("signal MC");

    private final String label;

    RunRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The natural role of a run from its metadata: signal if it names an A' mass, else data. */
    public static RunRole of(RunData run) {
        if (run.info().isSignal()) {
            return SIGNAL;
        }
        return DATA;
    }
}
