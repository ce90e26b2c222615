package org.darkscope.ui.exclusion;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkscope.analysis.limits.LimitInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusionInputsTest {
    @TempDir
    Path dir;

    @Test
    void efficiencyIsInterpolatedBetweenSignalMassesAndConstantBeyond() {
        ExclusionInputs in = new ExclusionInputs(
                1e10, 0.1, new double[] {10, 100}, new double[] {0.6, 0.2}, LimitInput.of(0, 0.5), 50, 100);
        assertEquals(0.6, in.efficiencyAt(1), 1e-12);
        assertEquals(0.4, in.efficiencyAt(55), 1e-12);
        assertEquals(0.2, in.efficiencyAt(500), 1e-12);
        ExclusionInputs none =
                new ExclusionInputs(1e10, 0.1, new double[0], new double[0], LimitInput.of(0, 0.5), 50, 100);
        assertEquals(ExclusionInputs.DEFAULT_EFFICIENCY, none.efficiencyAt(20));
    }

    @Test
    void moreElectronsOnTargetGiveAStrongerLimit() {
        var weak =
                new ExclusionInputs(1e9, 0.1, new double[0], new double[0], LimitInput.of(0, 0.5), 50, 100).compute();
        var strong =
                new ExclusionInputs(1e11, 0.1, new double[0], new double[0], LimitInput.of(0, 0.5), 50, 100).compute();
        int i = 10;
        assertTrue(strong.get(i).epsilonExpected() < weak.get(i).epsilonExpected());
        // epsilon scales as 1/sqrt(N_EOT) at fixed expected limit on signal events: factor 10 for 100x EOT
        assertEquals(10, weak.get(i).epsilonExpected() / strong.get(i).epsilonExpected(), 1e-6);
    }

    @Test
    void curveCsvReadsTwoColumnsWithHeaderAndRejectsBadLines() throws Exception {
        Path f = dir.resolve("na64.csv");
        Files.writeString(f, "# NA64 2019\nmass_MeV,epsilon\n100,3e-4\n1,1e-5\n");
        double[][] c = CurveCsv.read(f);
        assertArrayEquals(new double[] {1, 100}, c[0]);
        assertArrayEquals(new double[] {1e-5, 3e-4}, c[1]);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,1e-5\n2,abc\n");
        IOException e = assertThrows(IOException.class, () -> CurveCsv.read(bad));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
