package org.darkscope.ui;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the FX thread runs: an {@link AnimationTimer} records the time between
 * consecutive pulses. While it runs JavaFX pulses continuously (about 60 per second), so a gap much
 * longer than 16.7 ms means the FX thread was busy (handlers, layout, rendering) for that long.
 */
public final class FrameMonitor {
    private final long[] gaps;
    private int count;
    private long last;
    private long maxGap;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0) {
                long g = now - last;
                maxGap = Math.max(maxGap, g);
                if (count < gaps.length) {
                    gaps[count++] = g;
                }
            }
            last = now;
        }
    };

    /** @param capacity how many gaps are kept for percentiles */
    public FrameMonitor(int capacity) {
        gaps = new long[capacity];
    }

    public void start() {
        last = 0;
        count = 0;
        maxGap = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public int frames() {
        return count;
    }

    /** Longest time between two pulses, ms. */
    public double maxGapMillis() {
        return maxGap / 1e6;
    }

    /** The given percentile (0..100) of the pulse gaps, ms. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] a = Arrays.copyOf(gaps, count);
        Arrays.sort(a);
        int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100 * count) - 1));
        return a[i] / 1e6;
    }

    /** Number of gaps longer than the threshold (ms). */
    public int gapsLongerThan(double millis) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (gaps[i] / 1e6 > millis) {
                n++;
            }
        }
        return n;
    }
}
