package org.darkscope.ui.shell;

import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;

/** What the event list shows: every event, the selected ones, or the selected ones of one region. */
public enum EventFilter {
    ALL("all events", null),
    SELECTED("selected events", null),
    SIDEBAND_A("selected in sideband A", Region.A),
    SIDEBAND_C("selected in sideband C", Region.C),
    REGION_D("selected in region D", Region.D),
    BOX("selected in the box", Region.BOX);

    private final String label;
    private final Region region;

    EventFilter(String label, Region region) {
        this.label = label;
        this.region = region;
    }

    /** The text in the choice box. */
    public String label() {
        return label;
    }

    /**
     * The events of a run result this filter shows, null for all events. A blinded data run's lists
     * already leave out the box (the engine hides it), so BOX is then empty.
     */
    public int[] events(RunResult rr) {
        if (this == ALL) {
            return null;
        }
        return region == null ? rr.selectedEvents() : rr.eventsInRegion(region);
    }

    @Override
    public String toString() {
        return label;
    }
}
