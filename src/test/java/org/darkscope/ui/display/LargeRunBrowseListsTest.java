package org.darkscope.ui.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.CellStore;
import org.darkscope.event.Column;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;

/**
 * A run above {@link DisplayModel#ASYNC_ABOVE} events (as a mapped 1e8-event run is) gets its
 * region lists counted in one pass (on the display's worker; here called directly) and their rows
 * built only when one is chosen. The large run here costs little: every column is a constant
 * (E_ECAL 30 GeV, E_HCAL 0.5 GeV: all in the box).
 */
class LargeRunBrowseListsTest {
    @Test
    void scannedListsOfALargeRunAreBuiltWhenChosen() {
        RunData small = RandomColumnRuns.random(10, 1);
        int n = DisplayModel.ASYNC_ABOVE * 10 + 1;
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
        List<BrowseFilter> fs = BrowseLists.standard(inputs(large), Progress.NONE);
        BrowseFilter box = fs.stream()
                .filter(f -> f.label().startsWith("all events, signal box"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no box list in " + fs));
        assertEquals("all events, signal box (" + n + ")", box.label(), "counted: every event is in the box");
        assertEquals(n, box.rows().get().length, "chosen: every event is in the box");
        BrowseFilter c = fs.stream()
                .filter(f -> f.label().startsWith("all events, sideband C"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sideband C list in " + fs));
        assertEquals("all events, sideband C (0)", c.label());
        assertEquals(0, c.rows().get().length);
    }

    private static BrowseLists.Inputs inputs(RunData r) {
        return new BrowseLists.Inputs(
                r, SignalBox.published(), null, java.util.Map.of(), null, ShiftAlerts.DEFAULT_NEAR_MARGIN);
    }

    private static Column longZeros(int n) {
        return Column.of(java.nio.ByteBuffer.allocateDirect(n * 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asLongBuffer());
    }
}
