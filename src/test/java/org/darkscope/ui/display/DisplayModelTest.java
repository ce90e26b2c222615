package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.Element;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.DisplayRuns;
import org.junit.jupiter.api.Test;

/** The display's toolkit-free logic: scale, z mapping, regions, navigator, accumulation. */
class DisplayModelTest {
    private final Detector det = GeometryLoader.defaultDetector();

    @Test
    void linearAutoScaleMapsTheHottestCellToTheTop() {
        EnergyScale s = new EnergyScale();
        s.fit(new float[] {0, 0.05f, 10, 40});
        assertEquals(1.0, s.unit(40), 1e-12);
        assertEquals(0.25, s.unit(10), 1e-12);
        assertEquals(EnergyScale.EMPTY, s.unit(0.05), "below the empty threshold");
        assertEquals(EnergyScale.EMPTY, s.unit(0));
    }

    @Test
    void logScaleSpansThreeDecadesBelowTheMaximum() {
        EnergyScale s = new EnergyScale();
        s.setMapping(EnergyScale.Mapping.LOG);
        s.fitMax(100);
        assertEquals(0.1, s.lo(), 1e-12, "max(threshold 0.1, 100 * 1e-3)");
        assertEquals(0.5, s.unit(Math.sqrt(0.1 * 100)), 1e-12, "geometric mean sits in the middle");
        assertEquals(100, s.energyAt(1), 1e-9);
    }

    @Test
    void fixedAndSharedRanges() {
        EnergyScale s = new EnergyScale();
        s.setFixedRange(10, 30);
        s.setRange(EnergyScale.Range.FIXED);
        s.fitMax(99);
        assertEquals(0.5, s.unit(20), 1e-12);
        assertEquals(1.0, s.unit(99), 1e-12, "clamped");
        assertEquals(0.0, s.unit(5), 1e-12, "above threshold, below range: lowest level");
        s.setRange(EnergyScale.Range.SHARED_RUN);
        s.setSharedMax(80);
        s.fitMax(5);
        assertEquals(0.5, s.unit(40), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.setFixedRange(5, 5));
    }

    @Test
    void compressedZKeepsOrderAndCalorimeterDepthsAndShrinksTheVessel() {
        ZMapping z = ZMapping.forDetector(det, true);
        double prev = Double.NEGATIVE_INFINITY;
        for (Element e : det.elements()) {
            double a = z.map(e.zMin());
            double b = z.map(e.zMax());
            assertTrue(a >= prev - 1e-9, e.name() + " keeps its order");
            assertTrue(b > a);
            prev = b;
            if (e.size().z() <= ZMapping.DEFAULT_MAX_LENGTH_MM) {
                assertEquals(e.size().z(), b - a, 1e-9, e.name() + " keeps its true length");
            } else {
                assertEquals(ZMapping.DEFAULT_MAX_LENGTH_MM, b - a, 1e-9, e.name() + " is shortened");
            }
        }
        Element vessel = det.element("VESSEL");
        assertTrue(vessel.size().z() > ZMapping.DEFAULT_MAX_LENGTH_MM, "the geometry's vessel is the long one");
        double trueLength = det.elements().get(det.elements().size() - 1).zMax()
                - det.elements().get(0).zMin();
        double drawn = z.map(det.elements().get(det.elements().size() - 1).zMax())
                - z.map(det.elements().get(0).zMin());
        assertTrue(drawn < 0.6 * trueLength, "compressed " + drawn + " vs true " + trueLength);
        ZMapping id = ZMapping.forDetector(det, false);
        assertEquals(12345.0, id.map(12345.0));
    }

    @Test
    void alertsAreTheEventsInOrNearTheBoxOfSignalBox() {
        org.darkscope.analysis.SignalBox box = org.darkscope.analysis.SignalBox.published();
        // published box: E_ECAL < 50, E_HCAL < 1 GeV (docs/physics.md#regions); near = within 20 % of both edges
        assertTrue(ShiftAlerts.inOrNear(box, 0.2, 20, 0.5));
        assertTrue(ShiftAlerts.inOrNear(box, 0.2, 59.9, 1.19));
        assertFalse(ShiftAlerts.inOrNear(box, 0.2, 60.1, 0.5));
        assertFalse(ShiftAlerts.inOrNear(box, 0.2, 20, 1.21));
        org.darkscope.analysis.SignalBox narrow = box.withEcalMax(10);
        assertTrue(ShiftAlerts.inOrNear(narrow, 0.2, 11, 0.5), "within 20 % of the edge");
        assertFalse(ShiftAlerts.inOrNear(narrow, 0.2, 13, 0.5));
    }

    @Test
    void navigatorBrowsesAListAndKeepsTheCurrentEvent() {
        EventNavigator n = new EventNavigator();
        n.setRunSize(10);
        assertEquals(0, n.current());
        assertEquals(9, n.last());
        n.goTo(4);
        n.setList(new int[] {8, 2, 4, 4, 42});
        assertEquals(4, n.current(), "current event is in the list: kept");
        assertEquals(3, n.count(), "duplicates and rows outside the run dropped");
        assertEquals(8, n.next());
        assertEquals(8, n.next());
        assertEquals(2, n.nextWrapping());
        assertEquals(2, n.previous());
        n.setList(new int[] {7, 9});
        assertEquals(7, n.current());
        n.setList(new int[0]);
        assertEquals(-1, n.current());
        n.setList(null);
        assertEquals(10, n.count());
    }

    @Test
    void accumulationCountsHitsAndFindsAHotCell() {
        RunData run = DisplayRuns.mixed(77, 120, 9);
        CellAccumulation acc = CellAccumulation.compute(run, null, 0.1, Progress.NONE);
        Cell centre = det.ecalMain().cell(2, 2);
        int hits = 0;
        double sum = 0;
        for (int e = 0; e < run.size(); e++) {
            float v = run.cells().get(e, centre.index());
            if (v >= 0.1) {
                hits++;
                sum += v;
            }
        }
        assertEquals((float) hits / run.size(), acc.occupancy()[centre.index()], 1e-6);
        assertEquals(sum / hits, acc.meanEnergy()[centre.index()], 1e-3);
        CellAccumulation sub = CellAccumulation.compute(run, new int[] {0, 1}, 0.1, Progress.NONE);
        assertEquals(2, sub.events());
        List<String> silent = acc.silentCells();
        assertTrue(silent.stream().allMatch(n -> acc.occupancy()[det.cell(n).index()] == 0));
        assertTrue(acc.hotCells().isEmpty(), "the beam spot is busy but not hot: " + acc.hotCells());
        assertTrue(acc.deadCells().isEmpty(), acc.deadCells().toString());
    }

    @Test
    void accumulationFlagsANoisyAndADeadCell() {
        RunData clean = DisplayRuns.mixed(79, 200, 13);
        int nc = det.cellCount();
        float[] block = new float[clean.size() * nc];
        float[] buf = new float[nc];
        Cell noisy = det.ecalMain().cell(0, 5);
        Cell dead = det.ecalMain().cell(3, 3);
        for (int e = 0; e < clean.size(); e++) {
            clean.cells().read(e, buf);
            buf[noisy.index()] = 0.5f;
            buf[dead.index()] = 0f;
            System.arraycopy(buf, 0, block, e * nc, nc);
        }
        RunData.Builder b = RunData.builder(clean.info(), det, clean.size());
        for (var def : clean.schema().stored()) {
            b.column(def.name(), clean.columns().get(def.name()));
        }
        RunData broken =
                b.cells(new org.darkscope.event.ArrayCellStore(block, nc)).build();
        CellAccumulation acc = CellAccumulation.compute(broken, null, 0.1, Progress.NONE);
        assertEquals(List.of(noisy.name()), acc.hotCells());
        assertEquals(List.of(dead.name()), acc.deadCells());
    }

    @Test
    void accumulationStopsWhenCancelled() {
        RunData run = DisplayRuns.mixed(78, 300, 9);
        Progress cancelled = new Progress() {
            @Override
            public void update(double f, String m) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(
                org.darkscope.task.CancelledException.class, () -> CellAccumulation.compute(run, null, 0.1, cancelled));
    }

    @Test
    void colourMapsLoadWithTheirDocumentedEnds() {
        ColorMap v = ColorMap.load(ColorMap.VIRIDIS);
        assertEquals(256, v.levels());
        assertEquals(0.993248, v.top().getRed(), 1e-3, "viridis ends in yellow (#fde725)");
        assertEquals(0.906157, v.top().getGreen(), 1e-3);
        assertEquals(255, v.levelOf(1.5));
        assertEquals(0, v.levelOf(Double.NaN));
        ColorMap i = ColorMap.load(ColorMap.INFERNO);
        assertTrue(i.color(0).getBrightness() < 0.05, "inferno starts black");
        assertThrows(IllegalArgumentException.class, () -> ColorMap.load("nope"));
    }

    @Test
    void tourPicksEventsByTruth() {
        RunData mixed = DisplayRuns.mixed(1, 60, 2);
        RunData sig = DisplayRuns.signal(2, 10, 3, 100);
        var em = TeachingTour.pick(TeachingTour.Step.EM_SHOWER, List.of(mixed, sig), Double.NaN)
                .orElseThrow();
        assertEquals(org.darkscope.event.EventClass.ELECTRON, mixed.truthClass(em.index()));
        assertTrue(em.ecal() > TeachingTour.FULL_SHOWER_FRACTION * 100);
        var dp = TeachingTour.pick(TeachingTour.Step.DARK_PHOTON, List.of(mixed, sig), 100)
                .orElseThrow();
        assertEquals(sig, dp.run());
        assertTrue(TeachingTour.pick(TeachingTour.Step.DIMUON, List.of(sig), Double.NaN)
                .isEmpty());
        // with a textbook event available (in the box, visible preshower), the dark photon step shows one
        RunData sim = org.darkscope.sim.Simulator.simulate(
                org.darkscope.sim.SimConfig.defaults(org.darkscope.sim.Mix.SIGNAL_BREM)
                        .withMassMeV(20)
                        .withEvents(2000)
                        .withSeed(9),
                org.darkscope.task.Progress.NONE);
        var textbook = TeachingTour.pick(TeachingTour.Step.DARK_PHOTON, List.of(sim), 20)
                .orElseThrow();
        assertTrue(sim.floats(Schema.ECAL)[textbook.index()] < TeachingTour.SIGNAL_BOX_ECAL);
        assertTrue(sim.floats(Schema.HCAL)[textbook.index()] < TeachingTour.SIGNAL_BOX_HCAL);
        assertTrue(sim.floats(Schema.ECAL_PRE)[textbook.index()] > TeachingTour.VISIBLE_PRESHOWER);
        for (TeachingTour.Step s : TeachingTour.Step.values()) {
            TeachingTour.Text t = TeachingTour.text(s);
            assertFalse(t.title().isBlank(), s + " title");
            assertTrue(t.body().length() > 100, s + " text");
        }
        assertArrayEquals(
                new Object[] {100.0},
                TeachingTour.signalMasses(List.of(mixed, sig)).toArray());
    }

    @Test
    void aRemovedRunIsDroppedAndTheLastOtherRunIsShown() {
        DisplayModel m = new DisplayModel();
        RunData a = DisplayRuns.mixed(5, 7, 1);
        RunData b = DisplayRuns.mixed(5, 4, 2);
        m.addRun(a);
        m.setRun(b);
        assertEquals(2, m.runs().size(), "two files with the same run number are two runs");
        assertTrue(m.removeRun(b));
        assertEquals(List.of(a), m.runs());
        assertSame(a, m.run());
        assertFalse(m.removeRun(b), "already gone");
        assertTrue(m.removeRun(a));
        assertNull(m.run());
        assertEquals(-1, m.currentEvent());
    }

    @Test
    void runColonEventPrefersTheShownRunWhenTwoFilesShareTheRunNumber() {
        DisplayModel m = new DisplayModel();
        RunData a = DisplayRuns.mixed(5, 7, 1);
        RunData b = DisplayRuns.mixed(5, 4, 2);
        m.addRun(a);
        m.setRun(b);
        int ev = b.ints(Schema.EVENT)[3];
        m.jump("5:" + ev);
        assertSame(b, m.run());
        assertEquals(3, m.currentEvent());
    }
}
