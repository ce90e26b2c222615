package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

/** Issue 9: the 100 GeV electron peak of a calibration run sits at 100.0 GeV within 0.2 %. */
class CalibrationTest {
    /** Peak: mean within ±2σ of the peak, iterated from the median (a truncated Gaussian is symmetric). */
    static double peak(float[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i];
        }
        Arrays.sort(s);
        double m = s[s.length / 2];
        double sigma = 0.05 * m;
        for (int it = 0; it < 20; it++) {
            double sum = 0;
            double sum2 = 0;
            int n = 0;
            for (double x : s) {
                if (Math.abs(x - m) < 2 * sigma) {
                    sum += x;
                    sum2 += x * x;
                    n++;
                }
            }
            m = sum / n;
            // the ±2σ window keeps 88 % of a Gaussian's variance: undo the truncation
            sigma = Math.sqrt(Math.max(sum2 / n - m * m, 1e-9)) / 0.880;
        }
        return m;
    }

    @Test
    void calibrationPeakAtTheBeamEnergy() {
        RunData r = RunFixtures.simulated(
                SimConfig.defaults(Mix.CALIBRATION).withEvents(8000).withSeed(2).withThreads(2));
        double p = peak(r.floats(Schema.ECAL));
        // statistical error of the peak: 4.1 GeV / sqrt(8000) ≈ 0.05 GeV
        assertEquals(100.0, p, 0.2, "calibration peak");
    }
}
