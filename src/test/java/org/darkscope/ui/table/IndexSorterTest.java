package org.darkscope.ui.table;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

class IndexSorterTest {
    @Test
    void sortsLikeAComparatorOverTheColumn() {
        RunData run = RunFixtures.random(2000, 3);
        float[] e = run.floats(Schema.ECAL);
        int[] all = IndexList.range(run.size());
        int[] asc = IndexSorter.sort(run, Schema.ECAL, all, true);
        Integer[] expected = IntStream.range(0, run.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingDouble((Integer i) -> e[i]).thenComparingInt(i -> i));
        assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), asc);
        int[] desc = IndexSorter.sort(run, Schema.ECAL, all, false);
        for (int i = 1; i < desc.length; i++) {
            assertTrue(e[desc[i - 1]] >= e[desc[i]]);
        }
    }

    @Test
    void floatKeyOrderIncludesNegativesAndZero() {
        float[] v = {-3.5f, -0f, 0f, 1e-30f, -1e-30f, 7f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        for (float a : v) {
            for (float b : v) {
                if (a < b) {
                    assertTrue(IndexSorter.sortableFloatBits(a) < IndexSorter.sortableFloatBits(b), a + " < " + b);
                }
            }
        }
    }

    @Test
    void sortsIntColumnsWithNegativeValues() {
        RunData run = RunFixtures.random(50, 1);
        int[] ev = run.ints(Schema.EVENT);
        int[] desc = IndexSorter.sort(run, Schema.EVENT, IndexList.range(50), false);
        assertEquals(49, ev[desc[0]]);
        assertEquals(0, ev[desc[49]]);
    }
}
