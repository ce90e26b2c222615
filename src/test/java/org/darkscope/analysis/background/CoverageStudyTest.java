package org.darkscope.analysis.background;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoverageStudyTest {
    @Test
    void gaussianEstimatesWithTheRightErrorCover68Percent() {
        Random r = new Random(1);
        CoverageStudy s = new CoverageStudy();
        int n = 4000;
        for (int i = 0; i < n; i++) {
            s.addTruth(10);
            s.add("good", BackgroundEstimate.of("good", 10 + 2 * r.nextGaussian(), 1.2, 1.6, "", List.of()), 10);
            s.add("biased", BackgroundEstimate.of("biased", 13 + 2 * r.nextGaussian(), 2, 0, "", List.of()), 10);
            s.add("missing", BackgroundEstimate.unavailable("missing", "no MC"), 10);
        }
        CoverageStudy.MethodResult good = s.results().get(0);
        assertEquals("good", good.method());
        // stat ⊕ syst = 2: P(|z| ≤ 1) = 0.6827, binomial error √(0.68·0.32/4000) = 0.0074
        assertEquals(0.6827, good.coverage(), 0.025);
        assertEquals(0, good.pullMean(), 0.05);
        assertEquals(1, good.pullWidth(), 0.05);
        assertTrue(Math.abs(good.meanBias()) < 3 * good.meanBiasError());
        assertTrue(good.meetsTarget());
        CoverageStudy.MethodResult biased = s.results().get(1);
        assertEquals(3, biased.meanBias(), 0.1);
        assertEquals(1.5, biased.pullMean(), 0.05);
        assertFalse(biased.meetsTarget());
        CoverageStudy.MethodResult missing = s.results().get(2);
        assertEquals(0, missing.used());
        assertEquals(n, missing.unavailable());
        assertEquals("no MC", missing.reason());
    }
}
