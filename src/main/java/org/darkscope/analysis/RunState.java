package org.darkscope.analysis;

import org.darkscope.event.RunData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-run cache of the engine: cut bitsets by cut test, resolved columns, NaN flags. */
final class RunState {
    /** Identity of a cut's test (what it selects), independent of its name and texts. */
    record TestKey(String column, CutKind kind, double min, double max) {
        static TestKey of(Cut c) {
            return new TestKey(c.column(), c.kind(), c.min(), c.max());
        }
    }

    /** A computed cut: its bitset (never modified once stored) and the count passing it alone. */
    record CutBits(long[] bits, long alone, List<String> columns) {
    }

    final RunData run;
    final int words;
    Map<TestKey, CutBits> cache = new HashMap<>();
    private final Map<String, Boolean> nan = new HashMap<>();

    RunState(RunData run) {
        this.run = run;
        this.words = Bits.words(run.size());
    }

    synchronized boolean hasNaN(String column) {
        return nan.computeIfAbsent(column, c -> CutKernel.containsNaN(run.columns().get(c)));
    }

    /** The concrete columns of a cut in this run; throws naming the cut if there are none. */
    List<String> columns(Cut c) {
        List<String> cols = c.columns(run::has);
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("cut '" + c.name() + "': run " + run.displayName()
                    + " has no column '" + c.column() + "'");
        }
        return cols;
    }
}
