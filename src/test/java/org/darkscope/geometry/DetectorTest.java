package org.darkscope.geometry;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry file against the detector numbers of docs/physics.md#experiment. */
class DetectorTest {
    private final Detector d = GeometryLoader.defaultDetector();

    @Test
    void ecalHasTwoSegmentsOfSixBySixCellsOf38mm() {
        // docs/physics.md#detector: ECAL 6x6 cells of 38x38x490 mm, preshower + main
        assertEquals(2, d.ecal().layers().size());
        for (CellLayer l : d.ecal().layers()) {
            assertEquals(6, l.nx());
            assertEquals(6, l.ny());
            assertEquals(38.0, l.pitchX(), 1e-9);
        }
        double length = d.ecalMain().zMax() - d.ecalPreshower().zMin();
        assertEquals(490.0, length, 1e-6);
        // preshower ~ 4 X0 with X0_eff = 11.1 mm (docs/physics.md#shower-model)
        double preX0 = (d.ecalPreshower().zMax() - d.ecalPreshower().zMin()) / d.ecalRadiationLength();
        assertEquals(4.0, preX0, 0.01);
    }

    @Test
    void hcalHasFourModulesOfThreeByThree() {
        List<CellLayer> hcal = d.hcalModules();
        assertEquals(4, hcal.size());
        for (CellLayer m : hcal) {
            assertEquals(9, m.size());
            assertEquals(194.0, m.pitchX(), 1e-9);
            assertEquals(192.0, m.pitchY(), 1e-9);
        }
        assertEquals(
                List.of("hcal0", "hcal1", "hcal2", "hcal3"),
                hcal.stream().map(CellLayer::prefix).toList());
    }

    @Test
    void cellBlockIsEcalThenHcalWithConsecutiveIndices() {
        assertEquals(2 * 36 + 4 * 9, d.cellCount());
        assertEquals("ecal_pre_r0c0", d.cells().get(0).name());
        assertEquals("ecal_main_r2c3", d.cells().get(36 + 2 * 6 + 3).name());
        assertEquals("hcal1_r0c2", d.cells().get(72 + 9 + 2).name());
        for (int i = 0; i < d.cellCount(); i++) {
            assertEquals(i, d.cells().get(i).index());
            assertSame(d.cells().get(i), d.cell(d.cells().get(i).name()));
        }
    }

    @Test
    void elementsAreOrderedAlongTheBeamAndDoNotOverlap() {
        List<Element> el = d.elements();
        for (int i = 1; i < el.size(); i++) {
            assertTrue(
                    el.get(i).zMin() >= el.get(i - 1).zMax(),
                    el.get(i - 1).name() + " overlaps " + el.get(i).name());
        }
        // order of docs/physics.md#detector: SRD before ECAL, ECAL before VETO before HCAL
        assertTrue(d.element("SRD").centre().z() < d.ecal().centre().z());
        assertTrue(d.ecal().centre().z() < d.element("VETO").centre().z());
        assertTrue(d.element("VETO").centre().z() < d.element("HCAL0").centre().z());
        assertEquals(15000.0, d.element("VESSEL").size().z(), 1e-9);
        assertEquals(3, d.srdCellCount());
        assertEquals(3, d.vetoCount());
    }

    @Test
    void cellCentresNeighboursAndLookupAgree() {
        CellLayer main = d.ecalMain();
        Cell c = main.cell(2, 3);
        assertEquals(0.5 * 38, c.centre().x(), 1e-9);
        assertEquals(-0.5 * 38, c.centre().y(), 1e-9);
        assertSame(c, main.cellAt(c.centre().x(), c.centre().y()));
        assertNull(main.cellAt(200, 0));
        assertEquals(9, main.window3x3(2 * 6 + 3).length);
        assertEquals(4, main.window3x3(0).length, "a corner cell has 3 neighbours plus itself");
        assertEquals(6, main.window3x3(3).length, "an edge cell has 5 neighbours plus itself");
    }

    @Test
    void missingFieldIsReportedByName() {
        String json = "{\"version\":\"x\",\"elements\":[{\"name\":\"A\",\"kind\":\"COUNTER\",\"size\":[1,1,1]}]}";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> GeometryLoader.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeometryLoader.load("no-such-geometry"));
    }
}
