package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.SampleStats;
import org.junit.jupiter.api.Test;

/** Dimuons, hadrons and the SRD against docs/physics.md#experiment, #hadrons-muons, #beam-srd-pileup. */
class BackgroundProcessTest {

    @Test
    void dimuonsLeaveAbout10GeVInTheHcal() {
        // docs/physics.md#regions, region I: ≈ 10 GeV in the HCAL (2 MIPs through 4 modules); tolerance ±1.5 GeV on the
        // median
        RunData r = Simulator.simulate(
                SimConfig.defaults(Mix.DIMUON).withEvents(5000).withSeed(4).withThreads(2), null);
        assertEquals(10.0, SampleStats.median(r.floats(Schema.HCAL)), 1.5);
        // every module sees the two muons: ≈ 2.5 GeV each, and both muons fire the VETO (> 0.5 MIP)
        for (int m = 0; m < r.detector().hcalModules().size(); m++) {
            assertEquals(2.5, SampleStats.median(r.floats(Schema.hcalModule(m))), 0.5, "module " + m);
        }
        assertTrue(SampleStats.median(r.floats(Schema.VETO_MAX)) > 1.5, "two MIPs in the VETO");
        for (int c : r.ints(Schema.TRUTH_CLASS)) {
            assertEquals(EventClass.DIMUON.code(), c);
        }
    }

    @Test
    void hadronEventsShareTheBeamEnergyBetweenEcalAndHcal() {
        // docs/physics.md#detector, region II: E_ECAL + E_HCAL ≈ 100 GeV. Median within 5 GeV (HCAL σ = 0.6√E ≈ 4 GeV
        // at 50 GeV)
        RunData r = Simulator.simulate(
                SimConfig.defaults(Mix.HADRON).withEvents(5000).withSeed(4).withThreads(2), null);
        float[] tot = r.floats(Schema.E_TOTAL);
        double med = SampleStats.median(tot);
        assertTrue(med > 90 && med < 100, "median E_ECAL + E_HCAL = " + med);
        // hadron showers are wider than e-m ones in the HCAL: R clearly above the e-m 0.06
        // (docs/physics.md#hadrons-muons)
        assertTrue(SampleStats.median(r.floats(Schema.HCAL_R)) > 0.1);
    }

    @Test
    void srdSeparatesElectronsFromHadrons() {
        // docs/physics.md#selection: window 1 < E < 80 MeV per cell, sum < 120 MeV; e- efficiency > 95 %, hadron
        // suppression > 1e3 here
        RunData electrons = Simulator.simulate(
                SimConfig.defaults(Mix.CALIBRATION)
                        .withEvents(20_000)
                        .withSeed(8)
                        .withThreads(2),
                null);
        RunData hadrons = Simulator.simulate(
                SimConfig.defaults(Mix.PHYSICS)
                        .withEvents(30_000)
                        .withSeed(8)
                        .withPileupProbability(0)
                        .withFractions(ClassFractions.only(EventClass.BEAM_HADRON))
                        .withThreads(2),
                null);
        double effE = srdPass(electrons);
        double effH = srdPass(hadrons);
        assertTrue(effE > 0.95, "electron SRD efficiency " + effE);
        assertTrue(effH < 1e-3, "hadron SRD acceptance " + effH);
    }

    private static double srdPass(RunData r) {
        int n = r.detector().srdCellCount();
        float[][] cells = new float[n][];
        for (int i = 0; i < n; i++) {
            cells[i] = r.floats(Schema.srd(i));
        }
        float[] sum = r.floats(Schema.SRD_SUM);
        int pass = 0;
        for (int e = 0; e < r.size(); e++) {
            boolean ok = sum[e] < 120;
            for (float[] c : cells) {
                ok &= c[e] > 1 && c[e] < 80;
            }
            if (ok) {
                pass++;
            }
        }
        return (double) pass / r.size();
    }
}
