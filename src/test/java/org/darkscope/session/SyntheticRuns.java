package org.darkscope.session;

import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.testsupport.RunFixtures;

/**
 * Small synthetic runs for UI tests: E_ECAL and E_HCAL put into one central cell each. The runs are
 * built by {@link RunFixtures}; this class keeps the names the existing tests use.
 */
public final class SyntheticRuns {
    /** Fraction of E_ECAL put into the preshower, so that the published preshower cut passes. */
    public static final double PRESHOWER_FRACTION = RunFixtures.PRESHOWER_FRACTION;

    private SyntheticRuns() {
    }

    /** A simulated signal run at one A' mass: E_ECAL spread over the box, E_HCAL small (seeded). */
    public static RunData signal(int n, double massMeV, long seed) {
        return RunFixtures.signal(n, massMeV, seed);
    }

    /** A run whose event i has the given E_ECAL, E_HCAL (GeV) and momentum. */
    public static RunData of(RunInfo info, double[] ecal, double[] hcal, double[] p, int[] truthClass) {
        return RunFixtures.of(info, ecal, hcal, p, truthClass);
    }

    /** n random events spread over the plane (seeded). */
    public static RunData random(int n, long seed) {
        return RunFixtures.random(n, seed);
    }
}
