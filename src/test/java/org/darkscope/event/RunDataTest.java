package org.darkscope.event;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.junit.jupiter.api.Test;

/** Derived summary columns against an independent recomputation from the cells. */
class RunDataTest {
    private final Detector d = GeometryLoader.defaultDetector();

    private RunData randomRun(int n, long seed) {
        Random r = new Random(seed);
        int nc = d.cellCount();
        float[] block = new float[n * nc];
        for (int i = 0; i < block.length; i++) {
            block[i] = r.nextDouble() < 0.3 ? (float) (r.nextDouble() * 10) : 0f;
        }
        RunData.Builder b = RunData.builder(RunInfo.data(7, 100, 1e9), d, n).cells(new ArrayCellStore(block, nc));
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) (100 + r.nextGaussian());
        }
        b.column(Schema.P, p);
        for (int i = 0; i < d.srdCellCount(); i++) {
            float[] s = new float[n];
            for (int e = 0; e < n; e++) {
                s[e] = (float) (r.nextDouble() * 60);
            }
            b.column(Schema.srd(i), s);
        }
        for (int i = 0; i < d.vetoCount(); i++) {
            float[] v = new float[n];
            for (int e = 0; e < n; e++) {
                v[e] = (float) r.nextDouble();
            }
            b.column(Schema.veto(i), v);
        }
        return b.build();
    }

    @Test
    void derivedEnergiesEqualSumsOverCells() {
        RunData run = randomRun(5000, 1);
        for (int e = 0; e < run.size(); e += 97) {
            float[] cells = run.event(e).cells();
            double pre = 0, main = 0, hcal = 0;
            for (var c : d.cells()) {
                double v = cells[c.index()];
                switch (c.layer().prefix()) {
                    case "ecal_pre" -> pre += v;
                    case "ecal_main" -> main += v;
                    default -> hcal += v;
                }
            }
            assertEquals(pre, run.floats(Schema.ECAL_PRE)[e], 1e-3);
            assertEquals(main, run.floats(Schema.ECAL_MAIN)[e], 1e-3);
            assertEquals(pre + main, run.floats(Schema.ECAL)[e], 1e-3);
            assertEquals(hcal, run.floats(Schema.HCAL)[e], 1e-3);
            assertEquals(pre + main + hcal, run.floats(Schema.E_TOTAL)[e], 1e-3);
            double srd = 0;
            for (int i = 0; i < 3; i++) {
                srd += run.floats(Schema.srd(i))[e];
            }
            assertEquals(srd, run.floats(Schema.SRD_SUM)[e], 1e-3);
        }
    }

    @Test
    void showerShapeIsZeroForAContainedShowerAndLargeForASpreadOne() {
        int nc = d.cellCount();
        float[] block = new float[2 * nc];
        // event 0: all energy in one main cell and its 3x3 neighbours
        var main = d.ecalMain();
        block[main.cell(2, 2).index()] = 80f;
        block[main.cell(2, 3).index()] = 5f;
        block[main.cell(3, 3).index()] = 5f;
        // event 1: two far-apart deposits of equal energy
        block[nc + main.cell(0, 0).index()] = 30f;
        block[nc + main.cell(5, 5).index()] = 30f;
        RunData.Builder b = RunData.builder(RunInfo.data(1, 100, 0), d, 2)
                .cells(new ArrayCellStore(block, nc))
                .column(Schema.P, new float[2]);
        for (int i = 0; i < 3; i++) {
            b.column(Schema.srd(i), new float[2]).column(Schema.veto(i), new float[2]);
        }
        RunData run = b.build();
        assertEquals(0.0, run.floats(Schema.ECAL_SHAPE)[0], 1e-6);
        assertEquals(0.5, run.floats(Schema.ECAL_SHAPE)[1], 1e-6);
        // centroid of event 0 lies between cells (2,2) and (3,3), weighted toward (2,2)
        double expectedX = (80 * main.cell(2, 2).centre().x()
                        + 10 * main.cell(2, 3).centre().x())
                / 90;
        assertEquals(expectedX, run.floats(Schema.ECAL_X)[0], 1e-3);
    }

    @Test
    void defaultsFillOptionalColumnsAndMissingRequiredFails() {
        RunData run = randomRun(10, 2);
        assertEquals(7, run.ints(Schema.RUN)[3]);
        assertEquals(3, run.ints(Schema.EVENT)[3]);
        assertEquals(1f, run.floats(Schema.TRUTH_WEIGHT)[3]);
        assertEquals(EventClass.UNKNOWN, run.truthClass(3));
        var b = RunData.builder(RunInfo.data(1, 100, 0), d, 1)
                .cells(new ArrayCellStore(new float[d.cellCount()], d.cellCount()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("'p'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.column(Schema.P, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> b.column(Schema.P, new int[1]));
    }

    @Test
    void eventClassCodesRoundTrip() {
        for (EventClass c : EventClass.values()) {
            assertSame(c, EventClass.of(c.code()));
        }
        assertSame(EventClass.UNKNOWN, EventClass.of(99));
        assertTrue(EventClass.SIGNAL_BREM.isSignal());
        assertTrue(EventClass.UPSTREAM.isBackground());
        assertFalse(EventClass.UNKNOWN.isBackground());
    }
}
