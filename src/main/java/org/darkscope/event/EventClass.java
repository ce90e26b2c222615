package org.darkscope.event;

/**
 * Truth label of a simulated event (the {@code truth_class} column). Recorded data carry
 * {@link #UNKNOWN}. Pile-up is a separate flag ({@code truth_pileup}) because it overlays any class.
 */
public enum EventClass {
    UNKNOWN(0, "data", "recorded event, no truth", false),
    ELECTRON(1, "e- shower", "beam electron with a full e-m shower in the ECAL", false),
    SIGNAL_BREM(2, "A' (brem)", "dark photon radiated by A'-strahlung; the A' escapes invisibly", true),
    SIGNAL_ANNIHILATION(3, "A' (annih.)", "dark photon from resonant e+e- annihilation of a shower positron", true),
    DIMUON(4, "dimuon", "e Z -> e Z mu+ mu-: two MIPs through the HCAL (region I)", false),
    HADRON(5, "hadron", "hadron electroproduction in the target (region II, sideband A)", false),
    UPSTREAM(6, "upstream", "electron interaction in the beam line upstream of the ECAL (sideband C)", false),
    BEAM_HADRON(7, "beam hadron", "hadron contamination of the beam (no synchrotron tag)", false),
    BEAM_MUON(8, "beam muon", "muon contamination of the beam (no synchrotron tag)", false);

    private final int code;
    private final String label;
    private final String description;
    private final boolean signal;

    EventClass(int code, String label, String description, boolean signal) {
        this.code = code;
        this.label = label;
        this.description = description;
        this.signal = signal;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean isSignal() {
        return signal;
    }
    /** True for simulated classes that are not signal. */
    public boolean isBackground() {
        return !signal && this != UNKNOWN;
    }

    private static final EventClass[] BY_CODE = new EventClass[values().length];

    static {
        for (EventClass c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    public static EventClass of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
