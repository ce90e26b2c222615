package org.darkscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.darkscope.event.RunData;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

/** Issue 13: the start-up status names the run the event display really shows, not the calibration run. */
class DarkScopeAppStatusTest {
    @Test
    void theStatusNamesTheRunShownAndCallsTheCalibrationRunATourExtra() {
        RunData shown = RunFixtures.random(20, 1);
        RunData calibration = RunFixtures.random(20, 2);
        String s = DarkScopeApp.startupStatus(shown, calibration);
        assertTrue(
                s.contains("the event display shows " + shown.displayName() + " (run "
                        + shown.info().runNumber() + ")"),
                s);
        assertTrue(s.contains(calibration.displayName() + " is in its run list"), s);
        assertFalse(s.contains("calibration run is in the event display"), s);
        assertTrue(DarkScopeApp.startupStatus(null, calibration).contains("shows no run yet"));
    }
}
