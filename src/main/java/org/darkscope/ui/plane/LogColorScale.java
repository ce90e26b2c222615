package org.darkscope.ui.plane;

/**
 * Logarithmic colour scale for counts: 1 maps to the bottom colour, {@code max} to the top, in
 * log(count). A perceptual blue-green-yellow ramp (viridis-like stops). Pure arithmetic: no toolkit.
 */
public final class LogColorScale {
    /** Colour stops (RGB) from low to high. */
    private static final int[] STOPS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    private final double logMax;

    public LogColorScale(double max) {
        this.logMax = Math.log10(Math.max(max, 1.0));
    }

    /** Position 0..1 of a count on the scale; negative for an empty bin. */
    public double position(double count) {
        if (!(count > 0)) {
            return -1;
        }
        if (logMax <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, Math.log10(Math.max(count, 1.0)) / logMax));
    }

    /** RGB colour of a position 0..1 on the ramp. */
    public static int rgbAt(double t) {
        t = Math.max(0, Math.min(1, t));
        double f = t * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(f));
        double u = f - i;
        int a = STOPS[i];
        int b = STOPS[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - u) + ((b >> 16) & 255) * u);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - u) + ((b >> 8) & 255) * u);
        int bl = (int) Math.round((a & 255) * (1 - u) + (b & 255) * u);
        return (r << 16) | (g << 8) | bl;
    }

    /** RGB colour of a count (only meaningful for count &gt; 0). */
    public int rgb(double count) {
        return rgbAt(position(count));
    }

    public double max() {
        return Math.pow(10, logMax);
    }
}
