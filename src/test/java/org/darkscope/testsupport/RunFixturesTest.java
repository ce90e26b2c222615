package org.darkscope.testsupport;

import static org.junit.jupiter.api.Assertions.*;

import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.junit.jupiter.api.Test;

/** The fixtures put events where the test asks: checked through the summary the run derives from its cells. */
class RunFixturesTest {
    @Test
    void planeRunPutsEachEventAtItsEcalHcalPoint() {
        double[] ecal = {10, 60, 95};
        double[] hcal = {0.5, 20, 0};
        RunData run = RunFixtures.of(RunInfo.data(1, 100, 0), ecal, hcal, new double[] {100, 99, 101}, null);
        assertEquals(3, run.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(ecal[i], run.floats(Schema.ECAL)[i], 1e-4, "E_ECAL of event " + i);
            assertEquals(hcal[i], run.floats(Schema.HCAL)[i], 1e-4, "E_HCAL of event " + i);
        }
        assertEquals(99f, run.floats(Schema.P)[1]);
        // preshower share: above the published 0.5 GeV cut for a 10 GeV shower
        assertEquals(0.1 * 10, run.floats(Schema.ECAL_PRE)[0], 1e-4);
    }

    @Test
    void randomRunsAreSeeded() {
        RunData a = RunFixtures.random(500, 3);
        RunData b = RunFixtures.random(500, 3);
        RunData c = RunFixtures.random(500, 4);
        assertArrayEquals(a.floats(Schema.ECAL), b.floats(Schema.ECAL));
        assertFalse(java.util.Arrays.equals(a.floats(Schema.ECAL), c.floats(Schema.ECAL)));
    }

    @Test
    void signalRunsNameTheirMass() {
        RunData s = RunFixtures.signal(100, 16.7, 1);
        assertTrue(s.info().isSignal());
        assertEquals(16.7, s.info().signalMassMeV(), 1e-12);
    }

    @Test
    void simulatedRunsAreMadeOncePerJvm() {
        RunData first = RunFixtures.physics(2_000, 5);
        assertSame(first, RunFixtures.physics(2_000, 5));
        assertEquals(2_000, first.size());
        assertNotSame(first, RunFixtures.physics(2_000, 6));
    }
}
