package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {
    @TempDir
    Path dir;

    @Test
    void runWrittenIntoTheWatchedDirectoryIsReportedOnce() throws Exception {
        Path old = dir.resolve("old.parquet");
        RunFiles.write(RandomColumnRuns.random(10, 1), old);
        BlockingQueue<Path> seen = new LinkedBlockingQueue<>();
        try (DirectoryWatcher w = new DirectoryWatcher(dir, seen::add, Duration.ofMillis(20), false)) {
            w.start();
            Path file = dir.resolve("run100.parquet");
            RunFiles.write(RandomColumnRuns.random(500, 2), file);
            // generous bound: only guards against hanging, the watcher needs two polls (~40 ms)
            assertEquals(file, seen.poll(30, TimeUnit.SECONDS));
            // nothing else: not the file present before start, not the writer's temporary file, not twice
            assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
            assertEquals(500, RunFiles.read(file).size(), "the reported file is complete");
        }
    }

    @Test
    void growingFileIsReportedOnlyWhenCompleteAndReplacementIsReportedAgain() throws IOException {
        List<Path> seen = new ArrayList<>();
        DirectoryWatcher w = new DirectoryWatcher(dir, seen::add, Duration.ofSeconds(1), false);
        w.poll(); // baseline: empty
        Path good = dir.resolve("good.parquet");
        RunFiles.write(RandomColumnRuns.random(50, 3), good);
        byte[] all = Files.readAllBytes(good);
        Files.delete(good);

        Path growing = dir.resolve("growing.parquet");
        Files.write(growing, Arrays.copyOf(all, all.length / 2));
        w.poll();
        w.poll();
        assertEquals(List.of(), seen, "half-written file (no footer) is not reported");
        Files.write(growing, all);
        Files.setLastModifiedTime(growing, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        w.poll();
        assertEquals(List.of(), seen, "changed since the last poll: wait one more poll");
        w.poll();
        assertEquals(List.of(growing), seen);
        w.poll();
        assertEquals(List.of(growing), seen, "reported once");

        Files.writeString(dir.resolve("notes.txt"), "not a run");
        Files.write(dir.resolve(RunFiles.TEMP_PREFIX + "x.parquet"), all);
        w.poll();
        w.poll();
        assertEquals(List.of(growing), seen, "other files and temporary files are ignored");

        RunFiles.write(RandomColumnRuns.random(60, 4), growing); // replaced atomically
        w.poll();
        w.poll();
        assertEquals(List.of(growing, growing), seen);
    }

    @Test
    void existingFilesAreReportedWhenAsked() throws IOException {
        Path a = dir.resolve("a.parquet");
        RunFiles.write(RandomColumnRuns.random(5, 1), a);
        List<Path> seen = new ArrayList<>();
        DirectoryWatcher w = new DirectoryWatcher(dir, seen::add, Duration.ofSeconds(1), true);
        w.poll();
        w.poll();
        assertEquals(List.of(a), seen);
        assertTrue(Files.exists(a));
    }

    @Test
    void deletedFilesAreDroppedAndPreallocatedOrFooterlessFilesAreNotReported() throws IOException {
        List<Path> seen = new ArrayList<>();
        List<Path> gone = new ArrayList<>();
        DirectoryWatcher w = new DirectoryWatcher(dir, seen::add, Duration.ofSeconds(1), false, gone::add);
        w.poll();
        Path good = dir.resolve("good.parquet");
        RunFiles.write(RandomColumnRuns.random(40, 5), good);
        byte[] all = Files.readAllBytes(good);

        // preallocated to its final size: zeros, then only the trailing magic written
        Path pre = dir.resolve("pre.parquet");
        byte[] zeros = new byte[all.length];
        System.arraycopy(all, 0, zeros, 0, 4);
        System.arraycopy(all, all.length - 4, zeros, all.length - 4, 4);
        Files.write(pre, zeros);
        // magic at both ends and a plausible footer length, but the footer is not written yet
        Path half = dir.resolve("half.parquet");
        byte[] h = all.clone();
        java.util.Arrays.fill(h, h.length - 200, h.length - 8, (byte) 0);
        Files.write(half, h);
        w.poll();
        w.poll();
        w.poll();
        assertEquals(List.of(good), seen, "only the complete file");

        Files.delete(good);
        w.poll();
        assertEquals(List.of(good), gone, "the deleted run is dropped");
        Files.write(pre, all); // now complete
        Files.setLastModifiedTime(pre, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        w.poll();
        w.poll();
        assertEquals(List.of(good, pre), seen);
    }
}
