package org.darkscope.ui.display;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * The optional alarm tone of the shift crew's alarm: a generated two-tone chime (no sound file),
 * played through {@code javax.sound} on a daemon thread. Without a sound device (a headless
 * machine, a container) playing does nothing but remember why; it never throws.
 */
final class AlarmSound {
    private static final System.Logger LOG = System.getLogger(AlarmSound.class.getName());
    /** Sample rate of the generated tone [Hz]. */
    static final float SAMPLE_RATE = 22_050f;
    /** The two tones of the chime [Hz] and the length of each [s] [display choice: a clear, short chime]. */
    static final double HIGH_HZ = 880;

    static final double LOW_HZ = 660;
    static final double TONE_SECONDS = 0.25;

    private volatile String problem;
    private volatile Thread playing;

    /**
     * 16-bit signed little-endian mono PCM of a sine at {@code hz} for {@code seconds}, with 10 ms
     * fade-in and fade-out so it does not click.
     */
    static byte[] tone(double hz, double seconds, double amplitude) {
        int n = (int) Math.round(seconds * SAMPLE_RATE);
        int fade = (int) (0.010 * SAMPLE_RATE);
        byte[] out = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            double env = Math.min(1, Math.min(i, n - 1 - i) / (double) fade);
            short s = (short)
                    Math.round(amplitude * env * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }

    /** The chime: high, low, high. */
    static byte[] chime() {
        byte[] hi = tone(HIGH_HZ, TONE_SECONDS, 0.5);
        byte[] lo = tone(LOW_HZ, TONE_SECONDS, 0.5);
        byte[] all = new byte[2 * hi.length + lo.length];
        System.arraycopy(hi, 0, all, 0, hi.length);
        System.arraycopy(lo, 0, all, hi.length, lo.length);
        System.arraycopy(hi, 0, all, hi.length + lo.length, hi.length);
        return all;
    }

    /** Plays the chime once in the background (a chime still playing is not doubled). */
    void play() {
        Thread t = playing;
        if (t != null && t.isAlive()) {
            return;
        }
        // its own daemon thread, not the task executor: playback blocks for the length of the chime
        // (drain), is not work with a result or progress, and must not queue behind a run being read
        t = new Thread(this::playNow, "darkscope-alarm-sound");
        t.setDaemon(true);
        playing = t;
        t.start();
    }

    private void playNow() {
        AudioFormat f = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(f)) {
            byte[] pcm = chime();
            line.open(f, pcm.length);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
            problem = null;
        } catch (Exception | LinkageError e) {
            // no mixer, no device, headless: the banner is the alarm, the tone an extra
            problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.log(System.Logger.Level.INFO, "alarm sound unavailable: " + problem);
        }
    }

    /** Waits for the chime to end (tests). */
    void awaitEnd() throws InterruptedException {
        Thread t = playing;
        if (t != null) {
            t.join(10_000);
        }
    }

    /** Why the last chime could not be played, or null. */
    String problem() {
        return problem;
    }
}
