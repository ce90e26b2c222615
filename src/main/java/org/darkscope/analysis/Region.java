package org.darkscope.analysis;

/**
 * Regions of the (E_ECAL, E_HCAL) plane (docs/physics.md#regions); definitions in {@link SignalBox}.
 * BOX, A, C, D are disjoint; I, II, III are disjoint labels that overlap A/C/D.
 */
public enum Region {
    BOX("signal box", true),
    A("sideband A", true),
    C("sideband C", true),
    D("region D", true),
    I("region I (dimuons)", false),
    II("region II (hadrons)", false),
    III("region III (pile-up)", false);

    private final String label;
    private final boolean abcd;

    Region(String label, boolean abcd) {
        this.label = label;
        this.abcd = abcd;
    }

    public String label() {
        return label;
    }

    /** True for BOX, A, C, D. */
    public boolean isAbcd() {
        return abcd;
    }
}
