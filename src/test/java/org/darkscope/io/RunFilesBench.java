package org.darkscope.io;

import org.darkscope.event.RunData;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read/write speed of run files (not a unit test: speed is measured, never asserted).
 * Usage: {@code java -cp ... org.darkscope.io.RunFilesBench [events] [file] [repeats]}.
 */
public final class RunFilesBench {
    private RunFilesBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("bench").resolve("bench.parquet");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (n == 0) {
            read(file, repeats);
            return;
        }
        long t0 = System.nanoTime();
        RunData run = TestRuns.random(n, 42);
        long t1 = System.nanoTime();
        int columns = run.schema().scalars().size() + run.cells().cellCount();
        System.out.printf("generated %d events x %d columns in %.2f s%n", n, columns, (t1 - t0) / 1e9);
        for (int r = 0; r < repeats; r++) {
            long w0 = System.nanoTime();
            RunFiles.write(run, file);
            long w1 = System.nanoTime();
            System.out.printf("write %d: %.2f s, %.1f MB%n", r, (w1 - w0) / 1e9, Files.size(file) / 1e6);
        }
        run = null;
        read(file, repeats);
    }

    /** With 0 events: only read the given file. */
    private static void read(Path file, int repeats) throws Exception {
        for (int r = 0; r < repeats; r++) {
            long r0 = System.nanoTime();
            RunData back = RunFiles.read(file);
            long r1 = System.nanoTime();
            System.out.printf("read %d: %.2f s (%d events)%n", r, (r1 - r0) / 1e9, back.size());
        }
    }
}
