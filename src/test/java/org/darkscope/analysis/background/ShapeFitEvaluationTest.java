package org.darkscope.analysis.background;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.darkscope.analysis.SignalBox;
import org.junit.jupiter.api.Test;

/** The public evaluation of a fitted function against the fit's own numbers. */
class ShapeFitEvaluationTest {
    /** Trapezoid integral of the evaluated density with many points: independent of the fit's Simpson rule. */
    private static double trapezoid(ShapeFit f, double a, double b, int n) {
        double h = (b - a) / n;
        double s = 0.5 * (f.density(a) + f.density(b));
        for (int i = 1; i < n; i++) {
            s += f.density(a + i * h);
        }
        return s * h;
    }

    private static BackgroundEstimate sidebandC(Random r, SignalBox box, float[][] out) {
        double[] c = SidebandFitTest.sampleExp(r, 3000, 2.5, box.ecalMax(), box.ecalTriggerEdge());
        float[] ecal = new float[c.length];
        float[] hcal = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            ecal[i] = (float) c[i];
            hcal[i] = (float) (0.5 * r.nextDouble());
        }
        out[0] = ecal;
        return new SidebandFitter().sidebandC(ecal, hcal, box);
    }

    @Test
    void extrapolationEqualsTheIntegralOfTheEvaluatedFunctionUnderTheBox() {
        SignalBox box = SignalBox.published();
        BackgroundEstimate e = sidebandC(new Random(5), box, new float[1][]);
        List<ShapeFit> accepted = e.fits().stream().filter(ShapeFit::accepted).toList();
        assertTrue(accepted.size() >= 3, "several accepted fits: " + e.fits());
        for (ShapeFit f : accepted) {
            // issue 10: only as far below the edge as the fit range reaches above it
            assertEquals(Math.max(0, box.ecalMax() - (f.fitHi() - f.fitLo())), f.extrapolationLo(), 1e-9);
            assertEquals(box.ecalMax(), f.extrapolationHi());
            double independent = trapezoid(f, f.extrapolationLo(), f.extrapolationHi(), 200_000);
            assertEquals(f.extrapolated(), independent, 1e-4 * f.extrapolated() + 1e-9, f.family() + " " + f.fitLo());
            assertEquals(
                    f.extrapolated(), f.expected(f.extrapolationLo(), f.extrapolationHi()), 1e-9 * f.extrapolated());
            // per-bin expectations add up to the same integral
            double[] edges = new double[51];
            for (int i = 0; i <= 50; i++) {
                edges[i] = f.extrapolationLo() + (f.extrapolationHi() - f.extrapolationLo()) * i / 50;
            }
            double sum = 0;
            for (double m : f.expectedPerBin(edges)) {
                assertTrue(m >= 0);
                sum += m;
            }
            assertEquals(f.extrapolated(), sum, 1e-4 * f.extrapolated(), f.family());
        }
    }

    @Test
    void fittedFunctionIsNormalisedToTheEventsInItsFitRange() {
        SignalBox box = SignalBox.published();
        float[][] v = new float[1][];
        BackgroundEstimate e = sidebandC(new Random(9), box, v);
        int checked = 0;
        for (ShapeFit f : e.fits()) {
            // families whose first parameter is a pure log-normalisation: at the Poisson ML point Σμ = Σn
            if (!f.accepted() || f.shape() == ShapeFamily.POSITIVE_QUADRATIC) {
                continue;
            }
            long n = 0;
            for (float x : v[0]) {
                if (x >= f.fitLo() && x < f.fitHi()) {
                    n++;
                }
            }
            assertEquals(
                    n, f.expected(f.fitLo(), f.fitHi()), 2e-3 * n, f.family() + " on " + f.fitLo() + "-" + f.fitHi());
            checked++;
        }
        assertTrue(checked >= 3, "checked " + checked);
    }

    @Test
    void densityIsZeroWhereTheFamilyIsNotDefined() {
        ShapeFit f = new ShapeFit(
                "(E_max - E)^k",
                50,
                85,
                List.of(1.0, 2.0),
                1,
                0.1,
                0.5,
                true,
                "",
                ShapeFamily.ENDPOINT_POWER,
                100,
                0,
                50);
        assertEquals(0, f.density(120));
        assertEquals(Math.exp(1), f.density(50), 1e-12);
        assertEquals(Math.exp(1) * Math.pow(0.5, 2), f.density(75), 1e-12);
    }
}
