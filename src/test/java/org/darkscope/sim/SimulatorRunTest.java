package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.darkscope.event.CellStore;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.testsupport.SampleStats;
import org.junit.jupiter.api.Test;

/** Whole runs: reproducibility, trigger, metadata, regions, progress and cancellation. */
class SimulatorRunTest {

    @Test
    void sameSeedGivesIdenticalColumnsWithOneTwoOrThreeThreads() {
        SimConfig cfg = SimConfig.defaults(Mix.PHYSICS).withEvents(9000).withSeed(42);
        RunData one = Simulator.simulate(cfg.withThreads(1), null);
        RunData two = Simulator.simulate(cfg.withThreads(2), null);
        RunData three = Simulator.simulate(cfg.withThreads(3), null);
        assertSameRun(one, two);
        assertSameRun(one, three);
        RunData other = Simulator.simulate(cfg.withSeed(43).withThreads(2), null);
        assertFalse(Arrays.equals(one.floats(Schema.ECAL), other.floats(Schema.ECAL)), "another seed, another run");
    }

    private static void assertSameRun(RunData a, RunData b) {
        assertEquals(a.columnNames(), b.columnNames());
        for (Map.Entry<String, Object> c : a.columns().entrySet()) {
            Object x = c.getValue();
            Object y = b.columns().get(c.getKey());
            if (x instanceof float[] f) {
                assertArrayEquals(f, (float[]) y, c.getKey());
            } else if (x instanceof int[] i) {
                assertArrayEquals(i, (int[]) y, c.getKey());
            } else {
                assertArrayEquals((long[]) x, (long[]) y, c.getKey());
            }
        }
        CellStore ca = a.cells(), cb = b.cells();
        float[] ra = new float[ca.cellCount()], rb = new float[cb.cellCount()];
        for (int e = 0; e < a.size(); e++) {
            ca.read(e, ra);
            cb.read(e, rb);
            assertArrayEquals(ra, rb, "cells of event " + e);
        }
        assertEquals(a.info(), b.info());
    }

    @Test
    void triggerThresholdIsHonouredAndRejectedEventsCountInTheEot() {
        SimConfig cfg = SimConfig.defaults(Mix.PHYSICS)
                .withEvents(5000)
                .withSeed(9)
                .withThreads(2)
                .withTriggerThreshold(60);
        RunData r = Simulator.simulate(cfg, null);
        for (float e : r.floats(Schema.ECAL)) {
            assertTrue(e < 60, "E_ECAL " + e + " passed a 60 GeV trigger");
        }
        long generated = Long.parseLong(r.info().generator().get(Simulator.GENERATED_KEY));
        assertTrue(generated > r.size(), "rejected events were regenerated: " + generated);
        assertEquals(
                generated * SimConfig.DEFAULT_PHYSICS_EOT_PER_EVENT, r.info().eot(), 1e-6);
        assertEquals(5000, r.size());
        // open trigger keeps full-energy showers
        RunData open = Simulator.simulate(
                SimConfig.defaults(Mix.CALIBRATION).withEvents(500).withThreads(2), null);
        assertTrue(SampleStats.median(open.floats(Schema.ECAL)) > 90);
        assertEquals(500.0, open.info().eot());
    }

    @Test
    void metadataDescribesTheRun() {
        RunData r = Simulator.simulate(
                SimConfig.defaults(Mix.SIGNAL_BREM)
                        .withMassMeV(2)
                        .withEvents(300)
                        .withSeed(77)
                        .withRunNumber(4321)
                        .withThreads(2),
                null);
        assertTrue(r.info().simulated());
        assertEquals("signal-brem", r.info().mix());
        assertEquals(77, r.info().seed());
        assertEquals(2.0, r.info().signalMassMeV());
        assertEquals("0.1", r.info().generator().get("ecalA"));
        for (int run : r.ints(Schema.RUN)) {
            assertEquals(4321, run);
        }
        for (int c : r.ints(Schema.TRUTH_CLASS)) {
            assertEquals(EventClass.SIGNAL_BREM.code(), c);
        }
        assertTrue(
                Double.isNaN(Simulator.simulate(SimConfig.defaults(Mix.HADRON).withEvents(10), null)
                        .info()
                        .signalMassMeV()));
    }

    @Test
    void physicsMixPopulatesRegionsAndSidebands() {
        RunData r = RunFixtures.physics(60_000, 11);
        float[] ecal = r.floats(Schema.ECAL), hcal = r.floats(Schema.HCAL);
        int[] cls = r.ints(Schema.TRUTH_CLASS), pu = r.ints(Schema.TRUTH_PILEUP);
        int regionI = 0, regionII = 0, regionIII = 0, sideA = 0, sideC = 0;
        int[] perClass = new int[EventClass.values().length];
        for (int e = 0; e < r.size(); e++) {
            perClass[cls[e]]++;
            double sum = ecal[e] + hcal[e];
            if (cls[e] == EventClass.DIMUON.code() && hcal[e] > 5 && hcal[e] < 15) {
                regionI++;
            }
            if (Math.abs(sum - 100) < 15 && hcal[e] > 1) {
                regionII++;
            }
            if (sum > 115 && pu[e] == 1) {
                regionIII++;
            }
            if (ecal[e] < 50 && hcal[e] > 1) {
                sideA++;
            }
            if (ecal[e] > 50 && hcal[e] < 1) {
                sideC++;
            }
        }
        int n = r.size();
        // docs/physics.md#event-mix [est]: dimuons 5-15 %, hadronic events dominant, beam-line interactions 1-5 %,
        // beam hadron/muon contamination around 1 %, pile-up a few %
        assertInRange(perClass[EventClass.DIMUON.code()] / (double) n, 0.05, 0.15, "dimuon share");
        assertInRange(perClass[EventClass.HADRON.code()] / (double) n, 0.5, 0.9, "hadron share");
        assertInRange(perClass[EventClass.UPSTREAM.code()] / (double) n, 0.01, 0.05, "upstream share");
        assertInRange(
                (perClass[EventClass.BEAM_HADRON.code()] + perClass[EventClass.BEAM_MUON.code()]) / (double) n,
                0.005,
                0.04,
                "beam contamination");
        assertTrue(regionI > 0.04 * n, "region I " + regionI);
        assertTrue(regionII > 0.4 * n, "region II " + regionII);
        assertTrue(regionIII > 0.002 * n, "region III " + regionIII);
        assertTrue(sideA > 0.1 * n, "sideband A " + sideA);
        assertTrue(sideC > 0.005 * n, "sideband C " + sideC);
    }

    @Test
    void publishedStyleSelectionLeavesSidebandEventsAndSomeUpstreamBackground() {
        RunData r = RunFixtures.physics(60_000, 11);
        float[] ecal = r.floats(Schema.ECAL), hcal = r.floats(Schema.HCAL), p = r.floats(Schema.P);
        float[] pre = r.floats(Schema.ECAL_PRE), shape = r.floats(Schema.ECAL_SHAPE), veto = r.floats(Schema.VETO_MAX);
        float[] srd = r.floats(Schema.SRD_SUM);
        int[] straws = r.ints(Schema.STRAW_HITS), cls = r.ints(Schema.TRUTH_CLASS);
        float[][] cells = new float[r.detector().srdCellCount()][];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = r.floats(Schema.srd(i));
        }
        int selA = 0, selC = 0, selCUpstream = 0;
        for (int e = 0; e < r.size(); e++) {
            // docs/physics.md#selection, published selection (i)-(iv)
            boolean ok = Math.abs(p[e] - 100) < 3
                    && srd[e] < 120
                    && pre[e] > 0.5
                    && shape[e] < 0.07
                    && straws[e] <= 2
                    && veto[e] < 0.5;
            for (float[] c : cells) {
                ok &= c[e] > 1 && c[e] < 80;
            }
            if (!ok) {
                continue;
            }
            if (ecal[e] < 50 && hcal[e] > 1) {
                selA++;
            }
            if (ecal[e] > 50 && hcal[e] < 1) {
                selC++;
                if (cls[e] == EventClass.UPSTREAM.code()) {
                    selCUpstream++;
                }
            }
        }
        // a handful to a few tens in each sideband for 60k events (the 250k sample run has ~4x more),
        // sideband C made of upstream interactions (docs/physics.md#regions)
        assertInRange(selA, 5, 200, "sideband A after selection");
        assertInRange(selC, 3, 60, "sideband C after selection");
        assertTrue(selCUpstream >= 0.8 * selC, "sideband C is upstream interactions: " + selCUpstream + " of " + selC);
    }

    private static void assertInRange(double v, double lo, double hi, String what) {
        assertTrue(v >= lo && v <= hi, what + " = " + v + " outside [" + lo + ", " + hi + "]");
    }

    @Test
    void progressIsReportedAndCancellationStopsTheRun() {
        List<Double> seen = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public synchronized void update(double fraction, String message) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Simulator.simulate(SimConfig.defaults(Mix.HADRON).withEvents(20_000).withThreads(2), recording);
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1) || seen.get(i - 1) == 0, "monotonic");
        }
        AtomicBoolean cancel = new AtomicBoolean();
        Progress cancelling = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (fraction > 0) {
                    cancel.set(true);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
        assertThrows(
                CancelledException.class,
                () -> Simulator.simulate(
                        SimConfig.defaults(Mix.PHYSICS).withEvents(2_000_000).withThreads(2), cancelling));
    }
}
