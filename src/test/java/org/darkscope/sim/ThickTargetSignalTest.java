package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.darkscope.analysis.yield.BremModel;
import org.darkscope.analysis.yield.DarkPhotonYield;
import org.darkscope.analysis.yield.KFactorTable;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.sim.process.ThickTarget;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.testsupport.SampleStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thick-target A' emission (issue 9) against calculations written here, independently of the
 * simulation's code: the Tsai track-length distribution of the primary electron times the IWW
 * cross-section and x spectrum of the ANALYSIS yield model, integrated numerically; and the issue's
 * expectations for the published selection (median E_ECAL of box events 10-30 GeV, preshower
 * &gt; 0.5 GeV for ≥ 65 % of them, efficiency from generated events 0.6-0.8 ± 0.1).
 */
class ThickTargetSignalTest {
    private static final double E0 = 100;
    private static final double EMIN = 50;

    /** Runs of 8000 triggered events without pile-up (pile-up is an inefficiency of its own). */
    static RunData signal(double massMeV) {
        return RunFixtures.simulated(SimConfig.defaults(Mix.SIGNAL_BREM)
                .withMassMeV(massMeV)
                .withEvents(8000)
                .withSeed(5)
                .withPileupProbability(0)
                .withThreads(2));
    }

    static long generated(RunData r) {
        return Long.parseLong(r.info().generator().get(Simulator.GENERATED_KEY));
    }

    /**
     * P(E_A' &gt; 50 GeV) for A' emitted by the primary while E_e &gt; 50 GeV: ∫dt ∫dG Γ_{bt}(G) σ(E) F(50/E)
     * over the same without F, E = E0 e^-G, b = 4/3 (Tsai), σ ∝ χ β ln(1/δ²) and F from
     * {@link DarkPhotonYield} at the electron energy E.
     */
    static double expectedFractionAbove50(double m) {
        int ng = 60;
        int nt = 400;
        double tMax = 8;
        double gMax = Math.log(E0 / EMIN);
        double num = 0;
        double den = 0;
        for (int j = 1; j <= ng; j++) {
            double g0 = gMax * (j - 1) / ng;
            double g1 = gMax * j / ng;
            double path = 0; // ∫ dt P(g0 < G(t) < g1)
            for (int i = 0; i < nt; i++) {
                double t = (i + 0.5) * tMax / nt;
                path += (Gamma.regularizedGammaP(4.0 / 3 * t, g1) - Gamma.regularizedGammaP(4.0 / 3 * t, g0))
                        * tMax
                        / nt;
            }
            double e = E0 * Math.exp(-0.5 * (g0 + g1));
            DarkPhotonYield y = new DarkPhotonYield(e, BremModel.IWW, KFactorTable.unity());
            double me = 0.51099895e-3;
            double delta = Math.max(me / m, m / e);
            double sigma = y.chi(m) * Math.sqrt(1 - m * m / (e * e)) * Math.log(1 / (delta * delta));
            den += path * sigma;
            num += path * sigma * y.fractionAbove(EMIN / e, m);
        }
        return num / den;
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 20, 100})
    void missingEnergyAboveHalfTheBeamMatchesTheTrackLengthIntegral(double massMeV) {
        RunData r = signal(massMeV);
        float[] ea = r.floats(Schema.TRUTH_EA);
        long above = 0;
        for (float v : ea) {
            if (v > EMIN) {
                above++;
            }
        }
        double expected = expectedFractionAbove50(massMeV * 1e-3);
        double got = (double) above / generated(r);
        // binomial error ~0.005; the table interpolation and digitisation of truth_ea add < 0.005
        assertEquals(expected, got, 0.02, "fraction of generated A' with E_A' > 50 GeV at " + massMeV + " MeV");
    }

    @ParameterizedTest
    @ValueSource(doubles = {2, 20, 100})
    void boxEventsLookLikeNa64Signal(double massMeV) {
        RunData r = signal(massMeV);
        float[] ecal = r.floats(Schema.ECAL);
        float[] hcal = r.floats(Schema.HCAL);
        float[] pre = r.floats(Schema.ECAL_PRE);
        float[] ea = r.floats(Schema.TRUTH_EA);
        int box = 0;
        int withPre = 0;
        float[] boxEcal = new float[r.size()];
        double visiblePlusInvisible = 0;
        for (int e = 0; e < r.size(); e++) {
            visiblePlusInvisible += ecal[e] + hcal[e] + ea[e];
            if (ecal[e] < 50 && hcal[e] < 1) {
                boxEcal[box++] = ecal[e];
                if (pre[e] > 0.5) {
                    withPre++;
                }
            }
        }
        // everything radiated before the emission is seen: E_ECAL + E_HCAL + E_A' = E0 on average
        assertEquals(E0, visiblePlusInvisible / r.size(), 1.0, "energy bookkeeping");
        double median = SampleStats.median(java.util.Arrays.copyOf(boxEcal, box));
        assertTrue(median >= 10 && median <= 30, "median E_ECAL of box events " + median + " GeV (issue 9: 10-30)");
        double preEff = (double) withPre / box;
        assertTrue(preEff >= 0.65, "preshower > 0.5 GeV for " + preEff + " of box events (issue 9: >= 0.65)");
        double boxAndPre = (double) withPre / generated(r);
        // issue 9: efficiency from generated events 0.6-0.8 (±0.1) before the unmodelled inefficiencies
        assertTrue(boxAndPre > 0.5 && boxAndPre < 0.9, "E_ECAL < 50 and preshower > 0.5 GeV: " + boxAndPre);
        // the whole published selection, without pile-up (docs/physics.md#sim-signal-efficiency-per-cut): 0.6-0.8
        double eff = (double) org.darkscope.analysis.WeightedCounts.of(r, org.darkscope.analysis.Selection.published())
                        .region(org.darkscope.analysis.Region.BOX)
                        .n()
                / generated(r);
        assertTrue(
                eff >= 0.6 && eff <= 0.8,
                "efficiency from generated events " + eff + " at " + massMeV + " MeV (issue 9: 0.6-0.8)");
    }

    @Test
    void effectivePathMatchesTheYieldModelsTrackLength() {
        // docs/physics.md#a-strahlung: the yield uses an effective track length L_eff ≈ 0.85 X0 of Pb; the
        // σ-weighted path of the primary with E_e > E0/2 is the same quantity in the thick target
        RunData r = signal(2);
        double l = Double.parseDouble(r.info().generator().get("signal.effectivePathX0"));
        assertEquals(0.85, l, 0.1);
        assertEquals(EMIN, Double.parseDouble(r.info().generator().get("signal.minElectronEnergy")), 1e-9);
    }

    @Test
    void electronEnergyAfterOneRadiationLengthFollowsTsai() {
        // <E/E0> after t X0 is 2^(-bt) for ln(E0/E) ~ Gamma(bt), b = 4/3; the textbook mean energy loss
        // <E> = E0 e^(-t) agrees within 10 % at t = 1 (e^-1 = 0.368 vs 0.397)
        EventRandom rng = new EventRandom();
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            rng.reset(9, i);
            sum += Math.exp(-ThickTarget.logLoss(rng, 1.0));
        }
        double mean = sum / n;
        assertEquals(Math.pow(2, -4.0 / 3), mean, 0.003);
        assertEquals(Math.exp(-1), mean, 0.1 * Math.exp(-1));
    }

    @Test
    void annihilationPositronsComeFromTheShower() {
        RunData r = RunFixtures.simulated(SimConfig.defaults(Mix.SIGNAL_ANNIHILATION)
                .withMassMeV(225)
                .withEvents(4000)
                .withSeed(6)
                .withPileupProbability(0)
                .withThreads(2));
        float[] ecal = r.floats(Schema.ECAL);
        float[] hcal = r.floats(Schema.HCAL);
        float[] ea = r.floats(Schema.TRUTH_EA);
        float[] z = r.floats(Schema.TRUTH_Z);
        double zFront = org.darkscope.geometry.GeometryLoader.defaultDetector()
                .ecalPreshower()
                .zMin();
        double x0 = org.darkscope.geometry.GeometryLoader.defaultDetector().ecalRadiationLength();
        double sum = 0;
        double[] depth = new double[r.size()];
        for (int e = 0; e < r.size(); e++) {
            sum += ecal[e] + hcal[e] + ea[e];
            depth[e] = (z[e] - zFront) / x0;
        }
        assertEquals(E0, sum / r.size(), 1.0, "E0 - E+ is seen");
        java.util.Arrays.sort(depth);
        // a ~50 GeV positron needs a hard photon (mean emission depth ~0.5 X0), its conversion
        // (9/7 X0) and a short path: median depth 1.5-3 X0, and never at the ECAL face
        double med = depth[depth.length / 2];
        assertTrue(med > 1.5 && med < 3.0, "median annihilation depth " + med + " X0");
        assertTrue(depth[0] > 0, "first depth " + depth[0]);
    }
}
