package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of the atomic writer: named with the pid, gone after kill -TERM, errors name the target. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<Path> temps() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(AtomicFiles::isTemp).toList();
        }
    }

    /** Child JVM: starts an atomic write that never finishes. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            AtomicFiles.write(Path.of(args[0]), tmp -> {
                Files.writeString(tmp, "partial");
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void killTermRemovesTheTemporaryFileBeingWritten() throws Exception {
        Path target = dir.resolve("run.parquet");
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Child.class.getName(),
                        target.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (temps().isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(20);
            }
            List<Path> t = temps();
            assertEquals(1, t.size(), "child did not start writing: " + Files.readString(dir.resolve("child.log")));
            assertEquals(p.pid(), AtomicFiles.ownerPid(t.get(0).getFileName().toString()));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(List.of(), temps());
            assertFalse(Files.exists(target));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAndNoTemporaryFileAndNamesTheTarget() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, tmp -> {
                    Files.writeString(tmp, "half");
                    assertTrue(AtomicFiles.live().contains(tmp));
                    throw new AccessDeniedException(tmp.toString());
                }));
        assertTrue(
                e.getMessage().contains(target.toString()) && !e.getMessage().contains(".darkscope-tmp"),
                e.getMessage());
        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(), temps());
    }

    @Test
    void pidIsParsedOnlyFromOurOwnNames() {
        assertEquals(1234, AtomicFiles.ownerPid(".darkscope-tmp-a.b.parquet.1234.ff.part"));
        assertEquals(-1, AtomicFiles.ownerPid(".darkscope-tmp-a.parquet.ff12.part"));
        assertEquals(-1, AtomicFiles.ownerPid("x.1234.ff.part"));
    }
}
