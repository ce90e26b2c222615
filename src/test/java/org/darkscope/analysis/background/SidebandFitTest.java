package org.darkscope.analysis.background;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Random;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.EventClass;
import org.junit.jupiter.api.Test;

class SidebandFitTest {
    /** Events drawn from the density exp(a + b t), t = (E - lo)/(hi - lo), over [from, to). */
    static double[] sampleExp(Random r, int n, double b, double from, double to) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            // inverse CDF of e^{k x} on [from, to), k = b / (to - from)
            double k = b / (to - from);
            v[i] = from + Math.log(1 + u * (Math.exp(k * (to - from)) - 1)) / k;
        }
        return v;
    }

    @Test
    void exponentialFitRecoversKnownSlopeAndExtrapolation() {
        Random r = new Random(42);
        double lo = 50, hi = 85, b = 2.0;
        int n = 4000;
        double[] v = sampleExp(r, n, b, lo, hi);
        double[] edges = new double[36];
        long[] counts = new long[35];
        for (int i = 0; i <= 35; i++) edges[i] = lo + i;
        for (double x : v) counts[(int) (x - lo)]++;
        ShapeFamily.Range range = new ShapeFamily.Range(lo, hi, 100);
        BinnedPoissonFit fit = new BinnedPoissonFit(ShapeFamily.EXPONENTIAL, range, edges, counts);
        BinnedPoissonFit.Result res = fit.fit();
        assertTrue(res.converged(), res.message());
        double slope = res.parameters()[1];
        double slopeErr = Math.sqrt(res.covariance()[1][1]);
        assertEquals(b, slope, 3 * slopeErr, "slope " + slope + " ± " + slopeErr);
        assertTrue(slopeErr > 0.01 && slopeErr < 0.3, "slope error " + slopeErr);
        // normalisation: the fitted integral over the fit range equals the number of events
        assertEquals(n, fit.extrapolate(res.parameters(), lo, hi), 3 * Math.sqrt(n));
        // extrapolation below 50: truth = n * (1 - e^{-b * 50/35}) / (e^b - 1) for the density e^{b t}
        double k = b / (hi - lo);
        double truth = n * (Math.exp(k * (0 - lo)) * (Math.exp(k * lo) - 1)) / (Math.exp(k * (hi - lo)) - 1);
        double ext = fit.extrapolate(res.parameters(), 0, lo);
        double err = fit.extrapolationError(res.parameters(), res.covariance(), 0, lo);
        assertEquals(truth, ext, 3 * err, "extrapolated " + ext + " ± " + err + " truth " + truth);
        assertTrue(res.probability() > 0.001, "a correct model fits: p = " + res.probability());
    }

    @Test
    void quadraticExponentialRecoversCurvature() {
        // density exp(1 + 3 t - 2 t^2) on [0, 1) scaled: sample by rejection
        Random r = new Random(7);
        double lo = 1, hi = 21;
        double a = 4, bb = 1.5, c = -2.5;
        double[] edges = new double[31];
        long[] counts = new long[30];
        for (int i = 0; i <= 30; i++) edges[i] = lo + (hi - lo) * i / 30;
        ShapeFamily.Range range = new ShapeFamily.Range(lo, hi, 100);
        // expected counts per bin from the truth, then Poisson draws
        double[] truthP = {a, bb, c};
        BinnedPoissonFit truthFit = new BinnedPoissonFit(ShapeFamily.EXP_QUADRATIC, range, edges, new long[30]);
        org.apache.commons.math3.random.Well19937c rng = new org.apache.commons.math3.random.Well19937c(11);
        for (int i = 0; i < 30; i++) {
            counts[i] = new org.apache.commons.math3.distribution.PoissonDistribution(
                            rng, truthFit.mu(i, truthP), 1e-12, 10000)
                    .sample();
        }
        BinnedPoissonFit fit = new BinnedPoissonFit(ShapeFamily.EXP_QUADRATIC, range, edges, counts);
        BinnedPoissonFit.Result res = fit.fit();
        assertTrue(res.converged(), res.message());
        for (int i = 0; i < 3; i++) {
            double e = Math.sqrt(res.covariance()[i][i]);
            assertEquals(truthP[i], res.parameters()[i], 3.5 * e, "parameter " + i);
        }
    }

    @Test
    void sidebandCEstimateWithSpreadOverShapes() {
        Random r = new Random(5);
        SignalBox box = SignalBox.published();
        double[] c = sampleExp(r, 3000, 2.5, box.ecalMax(), box.ecalTriggerEdge());
        float[] ecal = new float[c.length];
        float[] hcal = new float[c.length];
        for (int i = 0; i < c.length; i++) {
            ecal[i] = (float) c[i];
            hcal[i] = (float) (0.5 * r.nextDouble());
        }
        BackgroundEstimate e = new SidebandFitter().sidebandC(ecal, hcal, box);
        assertTrue(e.available(), e.describe());
        double k = 2.5 / (box.ecalTriggerEdge() - box.ecalMax());
        double truth =
                3000 * (1 - Math.exp(-k * box.ecalMax())) / (Math.exp(k * (box.ecalTriggerEdge() - box.ecalMax())) - 1);
        assertEquals(truth, e.value(), 3 * e.totalError() + 1e-9, e.describe() + " truth " + truth);
        assertTrue(e.systError() >= 0);
        assertTrue(
                e.fits().size() >= 4 * 3 - 1,
                "four or more families on three ranges: " + e.fits().size());
        assertTrue(e.fits().stream().map(ShapeFit::family).distinct().count() >= 4);
    }

    @Test
    void emptySidebandSaysWhyItCannotBeComputed() {
        SignalBox box = SignalBox.published();
        float[] ecal = {10, 20, 30};
        float[] hcal = {0.1f, 0.2f, 5};
        BackgroundSummary s = new BackgroundEstimator().estimate(ecal, hcal, box, Map.of(), false);
        assertFalse(s.sidebandC().available());
        assertTrue(
                s.sidebandC().describe().startsWith("cannot be computed: sideband C has 0"),
                s.sidebandC().describe());
        assertFalse(s.sidebandA().available());
        assertFalse(s.abcd().available());
        assertTrue(s.abcd().reason().contains("sideband C"), s.abcd().reason());
        assertTrue(s.closure(s.abcd()).isEmpty());
        assertEquals(-1, s.truthTotal());
    }

    @Test
    void abcdClosesOnAFactorisingToy() {
        SignalBox box = SignalBox.published();
        int bad = 0;
        for (int seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            int n = 20000;
            float[] ecal = new float[n];
            float[] hcal = new float[n];
            long truth = 0;
            for (int i = 0; i < n; i++) {
                ecal[i] = (float) (85 * Math.pow(r.nextDouble(), 0.7));
                hcal[i] = (float) (-3 * Math.log(1 - r.nextDouble()));
                if (ecal[i] < box.ecalMax() && hcal[i] < box.hcalMax()) truth++;
            }
            BackgroundSummary s = new BackgroundEstimator(new SidebandFitter())
                    .estimate(ecal, hcal, box, Map.of(EventClass.HADRON, truth), true);
            BackgroundEstimate abcd = s.abcd();
            assertTrue(abcd.available());
            assertFalse(abcd.note().isEmpty(), "ABCD carries its factorisation caveat");
            double err = Math.hypot(abcd.statError(), Math.sqrt(truth));
            if (Math.abs(abcd.value() - truth) > 2 * err) bad++;
            assertEquals(1.0, s.closure(abcd).orElseThrow(), 4 * err / truth);
        }
        assertTrue(bad <= 4, "ABCD outside 2 sigma in " + bad + " of 20 toys");
    }

    @Test
    void abcdErrorFormula() {
        BackgroundEstimate e = Abcd.estimate(40, 10, 100);
        assertEquals(4.0, e.value(), 1e-12);
        assertEquals(4.0 * Math.sqrt(1 / 40.0 + 1 / 10.0 + 1 / 100.0), e.statError(), 1e-12);
    }
}
