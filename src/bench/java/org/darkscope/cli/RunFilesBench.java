package org.darkscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.RandomColumnRuns;

/**
 * Read/write speed of run files (not a unit test: speed is measured, never asserted).
 * Usage: {@code java -cp ... org.darkscope.cli.RunFilesBench [events] [file] [repeats]} (0 events:
 * only read the file). Lives with the command line because it prints.
 */
public final class RunFilesBench {
    private RunFilesBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1
                ? Path.of(args[1])
                : Files.createTempDirectory("bench").resolve("bench.parquet");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (n == 0) {
            read(file, repeats);
            return;
        }
        long t0 = System.nanoTime();
        RunData run = RandomColumnRuns.random(n, 42);
        long t1 = System.nanoTime();
        int columns = run.schema().scalars().size() + run.cells().cellCount();
        System.out.printf("generated %d events x %d columns in %.2f s%n", n, columns, (t1 - t0) / 1e9);
        for (int r = 0; r < repeats; r++) {
            long w0 = System.nanoTime();
            long c0 = cpu();
            long p0 = processCpu();
            RunFiles.write(run, file);
            long w1 = System.nanoTime();
            System.out.printf(
                    "write %d: %.2f s wall, cpu %.2f s this thread, %.2f s process, %.1f MB%n",
                    r, (w1 - w0) / 1e9, (cpu() - c0) / 1e9, (processCpu() - p0) / 1e9, Files.size(file) / 1e6);
        }
        run = null;
        read(file, repeats);
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Time to fetch one event's cells: first access, the next event, and random events. */
    private static void cellAccess(RunData run) {
        float[] cells = new float[run.cells().cellCount()];
        long t0 = System.nanoTime();
        run.cells().read(run.size() / 2, cells);
        long t1 = System.nanoTime();
        run.cells().read(run.size() / 2 + 1, cells);
        long t2 = System.nanoTime();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int k = 20;
        for (int i = 0; i < k; i++) {
            run.cells().read(rnd.nextInt(run.size()), cells);
        }
        long t3 = System.nanoTime();
        System.out.printf(
                "cells (%s): first event %.2f ms, next event %.3f ms, random event %.2f ms on average%n",
                run.cells().getClass().getSimpleName(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6 / k);
    }

    /** CPU time of the whole process (all threads, GC included). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** With 0 events: only read the given file. */
    private static void read(Path file, int repeats) throws Exception {
        for (int r = 0; r < repeats; r++) {
            long r0 = System.nanoTime();
            long c0 = cpu();
            long p0 = processCpu();
            RunData back = RunFiles.read(file);
            long r1 = System.nanoTime();
            System.out.printf(
                    "read %d: %.2f s wall, cpu %.2f s this thread, %.2f s process (%d events)%n",
                    r, (r1 - r0) / 1e9, (cpu() - c0) / 1e9, (processCpu() - p0) / 1e9, back.size());
            if (r == repeats - 1) {
                cellAccess(back);
            }
        }
    }
}
