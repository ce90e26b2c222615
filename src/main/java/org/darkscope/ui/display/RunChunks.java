package org.darkscope.ui.display;

import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

import java.util.List;

/**
 * Joins the chunk files of one run in progress (several files with the same run number, in file
 * order) into one run, so that a run growing chunk by chunk is browsed as one. Copies every column
 * and every cell; meant for the run being taken, not for huge archives.
 */
public final class RunChunks {
    private RunChunks() {
    }

    /** Concatenates runs of the same detector and run number; the first chunk's metadata is kept. */
    public static RunData concat(List<RunData> chunks, String source) {
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("no chunks");
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        RunData first = chunks.get(0);
        int n = 0;
        for (RunData c : chunks) {
            if (c.detector() != first.detector() || c.info().runNumber() != first.info().runNumber()) {
                throw new IllegalArgumentException("chunk " + c.displayName() + " is not part of run " + first.info().runNumber());
            }
            n += c.size();
        }
        Schema schema = first.schema();
        RunData.Builder b = RunData.builder(first.info().withEot(chunks.stream().mapToDouble(c -> c.info().eot()).sum()),
                first.detector(), n);
        for (ColumnDef def : schema.scalars()) {
            Object out = switch (def.type()) {
                case INT -> new int[n];
                case LONG -> new long[n];
                case FLOAT -> new float[n];
            };
            int at = 0;
            for (RunData c : chunks) {
                System.arraycopy(c.columns().get(def.name()), 0, out, at, c.size());
                at += c.size();
            }
            b.column(def.name(), out);
        }
        int nc = first.detector().cellCount();
        float[] block = new float[n * nc];
        float[] buf = new float[nc];
        int e = 0;
        for (RunData c : chunks) {
            for (int i = 0; i < c.size(); i++, e++) {
                c.cells().read(i, buf);
                System.arraycopy(buf, 0, block, e * nc, nc);
            }
        }
        return b.cells(new ArrayCellStore(block, nc)).source(source).build();
    }
}
