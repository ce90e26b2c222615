package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generated alarm tone: its pitch and length, counted from the samples; playing never throws. */
class AlarmSoundTest {
    @Test
    void theToneHasThePitchAndLengthAsked() {
        byte[] pcm = AlarmSound.tone(880, 0.5, 0.5);
        int n = pcm.length / 2;
        assertEquals(Math.round(0.5 * AlarmSound.SAMPLE_RATE), n);
        int crossings = 0;
        short prev = 0;
        int peak = 0;
        for (int i = 0; i < n; i++) {
            short s = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            if (i > 0 && (prev < 0) != (s < 0)) {
                crossings++;
            }
            prev = s;
            peak = Math.max(peak, Math.abs(s));
        }
        // a sine of f Hz crosses zero 2f times a second
        assertEquals(880, crossings / 2.0 / 0.5, 880 * 0.01);
        assertEquals(0.5 * Short.MAX_VALUE, peak, 0.01 * Short.MAX_VALUE);
    }

    @Test
    void playingWithoutASoundDeviceDoesNotThrow() throws Exception {
        AlarmSound s = new AlarmSound();
        s.play();
        s.awaitEnd();
        assertTrue(s.problem() == null || !s.problem().isBlank());
    }
}
