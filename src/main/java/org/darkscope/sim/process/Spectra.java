package org.darkscope.sim.process;

import org.darkscope.sim.EventRandom;

/** Small samplers shared by the background processes. */
final class Spectra {
    private Spectra() {}

    /**
     * Energy fraction y of a bremsstrahlung photon (complete-screening shape (1/y)(4/3 - 4/3 y + y²),
     * PDG [src]) on [yMin, yMax]: log-uniform proposal and rejection.
     */
    static double bremFraction(EventRandom rng, double yMin, double yMax) {
        double l = Math.log(yMax / yMin);
        while (true) {
            double y = yMin * Math.exp(l * rng.uniform());
            double acc = (4.0 / 3 - 4.0 / 3 * y + y * y) / (4.0 / 3);
            if (rng.uniform() < acc) {
                return y;
            }
        }
    }
}
