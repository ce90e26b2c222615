package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mix names, defaults and input validation. */
class SimConfigTest {

    @Test
    void mixesHaveTheirCommandLineNames() {
        assertEquals(Mix.SIGNAL_ANNIHILATION, Mix.parse("signal-annihilation"));
        assertEquals(Mix.PHYSICS, Mix.parse("PHYSICS"));
        assertEquals("upstream", Mix.UPSTREAM.cliName());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Mix.parse("cosmics"));
        assertTrue(ex.getMessage().contains("physics|calibration"), ex.getMessage());
    }

    @Test
    void defaultsFollowPhysicsMd() {
        SimConfig p = SimConfig.defaults(Mix.PHYSICS);
        assertEquals(80.0, p.triggerThreshold());
        assertFalse(p.openTrigger());
        assertEquals(100.0, p.beamEnergy());
        assertEquals(0.10, p.ecalA());
        assertEquals(0.04, p.ecalB());
        assertTrue(SimConfig.defaults(Mix.CALIBRATION).openTrigger());
        assertEquals(0.0, SimConfig.defaults(Mix.CALIBRATION).pileupProbability());
        assertEquals(123, p.withEvents(123).events());
        assertEquals(60.0, p.withTriggerThreshold(60).triggerThreshold());
    }

    @Test
    void badValuesAreRejectedWithClearMessages() {
        SimConfig p = SimConfig.defaults(Mix.PHYSICS);
        assertThrows(IllegalArgumentException.class, () -> p.withEvents(0));
        assertThrows(IllegalArgumentException.class, () -> p.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> p.withPileupProbability(1.5));
        assertThrows(IllegalArgumentException.class, () -> new ClassFractions(0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SimConfig.defaults(Mix.SIGNAL_BREM)
                .withMassMeV(-3));
        IllegalArgumentException noMass = assertThrows(
                IllegalArgumentException.class,
                () -> Simulator.simulate(SimConfig.defaults(Mix.SIGNAL_BREM).withEvents(10), null));
        assertTrue(noMass.getMessage().contains("mass"), noMass.getMessage());
        IllegalStateException never = assertThrows(
                IllegalStateException.class,
                () -> Simulator.simulate(
                        SimConfig.defaults(Mix.CALIBRATION)
                                .withOpenTrigger(false)
                                .withEvents(1),
                        null));
        assertTrue(never.getMessage().contains("open trigger"), never.getMessage());
    }
}
