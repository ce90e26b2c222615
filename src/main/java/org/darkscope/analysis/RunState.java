package org.darkscope.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.event.Column;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/** Per-run cache of the engine: cut bitsets by cut test, which columns need the plain kernel. */
final class RunState {
    /** Identity of a cut's test (what it selects), independent of its name and texts. */
    record TestKey(String column, CutKind kind, double min, double max) {
        static TestKey of(Cut c) {
            return new TestKey(c.column(), c.kind(), c.min(), c.max());
        }
    }

    /** A computed cut: its bitset (never modified once stored) and the count passing it alone. */
    record CutBits(long[] bits, long alone, List<String> columns) {}

    final RunData run;
    final int words;
    Map<TestKey, CutBits> cache = new HashMap<>();
    private final Map<String, Boolean> nan = new HashMap<>();

    /** Bit per event in the signal box with these effective edges (kept while the box does not move). */
    private long[] boxMask;

    private double maskEcal = Double.NaN;
    private double maskHcal = Double.NaN;

    RunState(RunData run) {
        this.run = run;
        this.words = Bits.words(run.size());
    }

    /** True if the column needs the plain comparison kernel (NaN, huge ints, longs); cached. */
    synchronized boolean needsPlainKernel(String column) {
        return nan.computeIfAbsent(column, c -> CutKernel.needsPlainKernel(run.column(c)));
    }

    /**
     * The events in the signal box ({@link SignalBox#abcdRegion} BOX), one bit per event; cached for
     * the box's edges (a cut change reuses it). Never modified once returned.
     */
    synchronized long[] boxMask(SignalBox box) {
        double eMax = Math.min(box.ecalMax(), box.ecalTriggerEdge());
        double hMax = Math.min(box.hcalMax(), box.hcalSidebandMax());
        if (boxMask == null || eMax != maskEcal || hMax != maskHcal) {
            long[] m = boxMask(run, eMax, hMax);
            boxMask = m;
            maskEcal = eMax;
            maskHcal = hMax;
        }
        return boxMask;
    }

    /** One bit per event with E_ECAL < eMax and E_HCAL < hMax (NaN never), read chunk by chunk. */
    static long[] boxMask(RunData run, double eMax, double hMax) {
        Column ec = run.column(Schema.ECAL);
        Column hc = run.column(Schema.HCAL);
        long[] m = new long[Bits.words(run.size())];
        int n = run.size();
        int chunk = 1 << 16;
        float[] ecal = new float[Math.min(chunk, n)];
        float[] hcal = new float[ecal.length];
        for (int e0 = 0; e0 < n; e0 += chunk) {
            int len = Math.min(chunk, n - e0);
            ec.floats(e0, len, ecal);
            hc.floats(e0, len, hcal);
            for (int k = 0; k < len; k++) {
                int e = e0 + k;
                // NaN compares false: never in the box, as in abcdRegion
                m[e >>> 6] |= (ecal[k] < eMax & hcal[k] < hMax ? 1L : 0L) << (e & 63);
            }
        }
        return m;
    }

    /** The events in the box ({@link SignalBox#abcdRegion} BOX) of a run. */
    static long[] boxMask(RunData run, SignalBox box) {
        return boxMask(
                run, Math.min(box.ecalMax(), box.ecalTriggerEdge()), Math.min(box.hcalMax(), box.hcalSidebandMax()));
    }

    /** The concrete columns of a cut in this run; throws naming the cut if there are none. */
    List<String> columns(Cut c) {
        List<String> cols = c.columns(run::has);
        if (cols.isEmpty()) {
            throw new IllegalArgumentException(
                    "cut '" + c.name() + "': run " + run.displayName() + " has no column '" + c.column() + "'");
        }
        return cols;
    }
}
