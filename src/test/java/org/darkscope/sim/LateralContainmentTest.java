package org.darkscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.sim.response.EcalResponse;
import org.junit.jupiter.api.Test;

/** Lateral containment of the tabulated GFLASH profile against docs/physics.md#shower-model. */
class LateralContainmentTest {
    private final Detector det = GeometryLoader.defaultDetector();
    private final CellLayer pre = det.ecalPreshower();
    private final CellLayer main = det.ecalMain();
    /** No resolution smearing: the cell shares are the lateral profile alone. */
    private final EcalResponse ecal = new EcalResponse(det, 0, 0);

    /** Tower energies (preshower + main) of one 100 GeV shower at (x, y). */
    private double[] towers(double x, double y) {
        EventRecord ev = new EventRecord(det.cellCount(), det.srdCellCount(), det.vetoCount());
        EventRandom rng = new EventRandom();
        rng.reset(1, 1);
        ecal.shower(ev, rng, 100, x, y, 0, ev.scratch);
        double[] t = new double[main.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = ev.cells[pre.firstIndex() + i] + ev.cells[main.firstIndex() + i];
        }
        return t;
    }

    @Test
    void centredShowerLeaves89PercentInItsCellAnd98PercentIn3x3() {
        // docs/physics.md#shower-model [est]: centred on a 38 mm cell ≈ 89 % in the cell, ≈ 98 % in the 3x3; tolerance
        // ±2 %, ±1 %
        int c = main.centralLocalIndex();
        var centre = main.cells().get(c).centre();
        double[] t = towers(centre.x(), centre.y());
        double e3 = 0;
        for (int i : main.window3x3(c)) {
            e3 += t[i];
        }
        assertEquals(0.89, t[c] / 100, 0.02);
        assertEquals(0.98, e3 / 100, 0.01);
    }

    @Test
    void edgeShowerSplitsAbout46Plus46() {
        // docs/physics.md#shower-model [est]: a shower on a cell edge leaves ≈ 46 % + 46 %; tolerance ±2 %
        int c = main.centralLocalIndex();
        var centre = main.cells().get(c).centre();
        double[] t = towers(centre.x() - main.pitchX() / 2, centre.y());
        int left = c - 1;
        assertEquals(0.46, t[c] / 100, 0.02);
        assertEquals(0.46, t[left] / 100, 0.02);
        assertEquals(t[c], t[left], 0.01 * 100, "symmetric split");
    }
}
