package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.darkscope.event.CellStore;
import org.darkscope.event.Column;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;

/**
 * A run above {@link BrowseLists#LAZY_EVENTS} events (as a mapped 1e8-event run is) gets its scanned
 * browse lists without counts, built when chosen; a small run keeps its counted lists. The large run
 * here costs nothing: every column is a constant (E_ECAL 30 GeV, E_HCAL 0.5 GeV: all in the box).
 */
class LargeRunBrowseListsTest {
    @Test
    void scannedListsOfALargeRunAreBuiltWhenChosen() {
        RunData small = RandomColumnRuns.random(10, 1);
        int n = BrowseLists.LAZY_EVENTS + 1;
        RunData.Builder b = RunData.builder(small.info(), small.detector(), n).source("large");
        for (ColumnDef c : Schema.of(small.detector()).scalars()) {
            b.column(
                    c.name(),
                    switch (c.type()) {
                        case FLOAT -> Column.constantFloat(
                                n, c.name().equals(Schema.ECAL) ? 30f : c.name().equals(Schema.HCAL) ? 0.5f : 1f);
                        case INT -> Column.constantInt(n, c.name().equals(Schema.TRUTH_CLASS) ? 4 : 0);
                        case LONG -> longZeros(n);
                    });
        }
        int cells = small.detector().cellCount();
        b.cells(new CellStore() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int cellCount() {
                return cells;
            }

            @Override
            public void read(int event, float[] dst) {
                java.util.Arrays.fill(dst, 0, cells, 0f);
            }
        });
        RunData large = b.build();
        DisplayModel m = new DisplayModel();
        List<BrowseFilter> fs = BrowseLists.standard(m, large, java.util.Map.of());
        BrowseFilter box = fs.stream()
                .filter(f -> f.label().startsWith("all events, signal box"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no box list in " + fs));
        assertTrue(box.label().endsWith("(counted when chosen)"), box.label());
        assertEquals(n, box.rows().get().length, "chosen: every event is in the box");
        assertTrue(
                BrowseLists.standard(m, small, java.util.Map.of()).stream()
                        .noneMatch(f -> f.label().contains("when chosen")),
                "a small run's lists carry their counts");
    }

    private static Column longZeros(int n) {
        return Column.of(java.nio.ByteBuffer.allocateDirect(n * 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer());
    }
}
