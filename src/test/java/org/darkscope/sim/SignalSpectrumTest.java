package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.sim.process.ApStrahlungSpectrum;
import org.darkscope.sim.process.ResonanceSpectrum;
import org.darkscope.testsupport.SampleStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signal spectra against docs/physics.md#a-strahlung, #annihilation. */
class SignalSpectrumTest {

    @ParameterizedTest(name = "m = {0} MeV: fraction x > 0.5 = {1}")
    @CsvSource({"1, 0.77", "10, 0.93", "100, 0.96"})
    void aPrimeStrahlungFractionAboveOneHalf(double massMeV, double expected) {
        // docs/physics.md#a-strahlung: fraction with x > 0.5 ≈ 0.77 (1 MeV), 0.93 (10 MeV), 0.96 (100 MeV); tolerance
        // ±0.01
        ApStrahlungSpectrum s = new ApStrahlungSpectrum(massMeV * 1e-3, 100);
        assertEquals(expected, s.fractionAbove(0.5), 0.01, "table");
        // and the sampler reproduces it (binomial error of 1e5 samples ≈ 0.0013)
        EventRandom rng = new EventRandom();
        int n = 100_000, above = 0;
        for (int i = 0; i < n; i++) {
            rng.reset(2, i);
            double x = s.sample(rng.uniform());
            assertTrue(x >= s.xMin() && x <= s.xMax());
            if (x > 0.5) {
                above++;
            }
        }
        assertEquals(expected, (double) above / n, 0.012, "sampled");
    }

    @Test
    void bremSignalRunMissesTheAPrimeEnergy() {
        // E_ECAL + E_A' ≈ E0 (the A' leaves nothing), within 5σ of the resolution at 100 GeV
        SimConfig cfg = SimConfig.defaults(Mix.SIGNAL_BREM)
                .withMassMeV(20)
                .withEvents(5000)
                .withSeed(3)
                .withPileupProbability(0)
                .withThreads(2);
        RunData r = Simulator.simulate(cfg, null);
        float[] ecal = r.floats(Schema.ECAL);
        float[] ea = r.floats(Schema.TRUTH_EA);
        double sumDiff = 0;
        for (int e = 0; e < r.size(); e++) {
            assertTrue(ecal[e] < 80, "trigger");
            sumDiff += ecal[e] + ea[e] - 100;
        }
        // mean visible + invisible within 2.5 GeV of E0 (lateral leakage ~1.5 %)
        assertEquals(-1.2, sumDiff / r.size(), 1.3);
        assertEquals(20.0, r.info().signalMassMeV());
        assertEquals("signal-brem", r.info().mix());
    }

    @Test
    void annihilationMissingEnergyPeaksAtTheResonance() {
        // docs/physics.md#annihilation: E_R = m²/(2 m_e): 225 MeV → 49.5 GeV; missing energy is a peak
        ResonanceSpectrum s = new ResonanceSpectrum(0.225, 100, 0.1, 1.0 / 3);
        assertEquals(49.5, s.resonanceEnergy(), 0.1);
        SimConfig cfg = SimConfig.defaults(Mix.SIGNAL_ANNIHILATION)
                .withMassMeV(225)
                .withEvents(4000)
                .withSeed(3)
                .withPileupProbability(0)
                .withThreads(2);
        RunData r = Simulator.simulate(cfg, null);
        float[] ea = r.floats(Schema.TRUTH_EA);
        double med = SampleStats.median(ea);
        assertEquals(49.5, med, 1.5, "median missing energy");
        // Breit-Wigner: half of the events within ±HWHM = Γ m/(2 m_e) (1.5 GeV for α_D = 0.1, m_χ = m/3);
        // the falling t+(E) weight skews it a little: tolerance ±0.05
        double hw = s.halfWidth();
        assertEquals(1.5, hw, 0.1);
        int near = 0;
        for (float v : ea) {
            if (Math.abs(v - s.resonanceEnergy()) < hw) {
                near++;
            }
        }
        assertEquals(0.5, (double) near / ea.length, 0.05, "fraction within ±HWHM");
    }

    @Test
    void annihilationAboveTheBeamEnergyIsRejectedClearly() {
        // m = 400 MeV → E_R = 156 GeV > 100 GeV
        IllegalArgumentException ex =
                assertThrows(IllegalArgumentException.class, () -> new ResonanceSpectrum(0.4, 100, 0.1, 1.0 / 3));
        assertTrue(ex.getMessage().contains("E_R"), ex.getMessage());
    }
}
