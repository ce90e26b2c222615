package org.darkscope.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a simulated run contains ("run mixes"). Each has a command-line name. */
public enum Mix {
    /** Realistic triggered run: hadrons, dimuons, upstream interactions, beam contamination, pile-up (docs/physics.md#event-mix). */
    PHYSICS("physics"),
    /** Open-trigger beam electrons with full showers. */
    CALIBRATION("calibration"),
    /** A' via A'-strahlung for one mass (docs/physics.md#a-strahlung). */
    SIGNAL_BREM("signal-brem"),
    /** A' via resonant positron annihilation for one mass (docs/physics.md#annihilation). */
    SIGNAL_ANNIHILATION("signal-annihilation"),
    /** Only dimuon events (region I). */
    DIMUON("dimuon"),
    /** Only hadron electroproduction in the target (region II, sideband A). */
    HADRON("hadron"),
    /** Only electron interactions in the beam line upstream of the ECAL (sideband C). */
    UPSTREAM("upstream"),
    /**
     * The physics mix with the rare background classes oversampled ({@link Enrichment#backgroundMc()})
     * and a truth_weight per event so that weighted sums are physical: for background studies, never as data.
     */
    BACKGROUND_MC("background-mc");

    private final String cliName;

    Mix(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in run metadata. */
    public String cliName() {
        return cliName;
    }

    public boolean isSignal() {
        return this == SIGNAL_BREM || this == SIGNAL_ANNIHILATION;
    }

    /** Parses a command-line name (case-insensitive; enum names are accepted too). */
    public static Mix parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Mix m : values()) {
            if (m.cliName.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mix '" + s + "': use one of "
                + Arrays.stream(values()).map(Mix::cliName).collect(Collectors.joining("|")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
