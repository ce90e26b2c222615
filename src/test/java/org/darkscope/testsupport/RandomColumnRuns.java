package org.darkscope.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;

/**
 * Runs with random values in every stored column and cell (not physical events): for reader, writer
 * and command-line tests that must see every value survive a round trip.
 */
public final class RandomColumnRuns {
    private RandomColumnRuns() {}

    public static RunInfo simulatedInfo(int runNumber) {
        Map<String, String> gen = new LinkedHashMap<>();
        gen.put("pileup", "0.05");
        gen.put("mix", "physics");
        return new RunInfo(
                runNumber,
                100.0,
                2.84e11,
                5.0e6,
                GeometryLoader.DEFAULT_VERSION,
                true,
                "physics",
                1234567890123L,
                16.7,
                gen,
                Schema.VERSION,
                "random test run, \"quoted\" and ünïcode");
    }

    /** A run with random values in every stored column and every cell. */
    public static RunData random(int n, long seed) {
        return random(n, seed, simulatedInfo(4242));
    }

    public static RunData random(int n, long seed, RunInfo info) {
        Detector det = GeometryLoader.defaultDetector();
        Schema schema = Schema.of(det);
        SplittableRandom r = new SplittableRandom(seed);
        RunData.Builder b = RunData.builder(info, det, n);
        for (ColumnDef c : schema.stored()) {
            switch (c.type()) {
                case INT -> {
                    int[] a = new int[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = switch (c.name()) {
                            case Schema.TRUTH_CLASS -> r.nextInt(EventClass.values().length);
                            case Schema.RUN -> info.runNumber(); // an identifier: matches the metadata
                            default -> r.nextInt();
                        };
                    }
                    b.column(c.name(), a);
                }
                case LONG -> {
                    long[] a = new long[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = r.nextLong();
                    }
                    b.column(c.name(), a);
                }
                case FLOAT -> {
                    float[] a = new float[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = (float) (r.nextDouble() * 200 - 50);
                    }
                    b.column(c.name(), a);
                }
            }
        }
        int nc = det.cellCount();
        float[] block = new float[n * nc];
        for (int i = 0; i < block.length; i++) {
            // mostly empty cells, as in real showers
            block[i] = r.nextInt(4) == 0 ? (float) (r.nextDouble() * 30) : 0f;
        }
        b.cells(new ArrayCellStore(block, nc));
        return b.source("test").build();
    }

    /** Asserts that every scalar column and every cell of two runs is identical. */
    public static void assertSameColumns(RunData expected, RunData actual) {
        assertEquals(expected.size(), actual.size(), "event count");
        for (ColumnDef c : expected.schema().scalars()) {
            Object e = expected.columns().get(c.name());
            Object a = actual.columns().get(c.name());
            if (e instanceof float[] f) {
                assertArrayEquals(f, (float[]) a, c.name());
            } else if (e instanceof int[] i) {
                assertArrayEquals(i, (int[]) a, c.name());
            } else {
                assertArrayEquals((long[]) e, (long[]) a, c.name());
            }
        }
        int nc = expected.cells().cellCount();
        assertEquals(nc, actual.cells().cellCount());
        float[] x = new float[nc];
        float[] y = new float[nc];
        for (int e = 0; e < expected.size(); e++) {
            expected.cells().read(e, x);
            actual.cells().read(e, y);
            assertArrayEquals(x, y, "cells of event " + e);
        }
    }
}
