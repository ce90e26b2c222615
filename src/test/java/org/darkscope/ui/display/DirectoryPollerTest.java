package org.darkscope.ui.display;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryPollerTest {
    @TempDir
    Path dir;

    @Test
    void reportsAFileOnceItIsStableAndAgainWhenReplaced() throws Exception {
        try (DirectoryPoller p = new DirectoryPoller(dir, ".parquet", f -> { })) {
            assertTrue(p.poll().isEmpty());
            Path a = dir.resolve("run1.parquet");
            Files.writeString(a, "x");
            Files.writeString(dir.resolve("notes.txt"), "ignored");
            Files.writeString(dir.resolve(".darkscope-tmp-run2.parquet.1.part"), "temporary");
            assertTrue(p.poll().isEmpty(), "first sight: wait one poll for the file to settle");
            assertEquals(List.of(a), p.poll());
            assertTrue(p.poll().isEmpty(), "reported once");
            Files.writeString(a, "longer now");
            Files.setLastModifiedTime(a, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertTrue(p.poll().isEmpty());
            assertEquals(List.of(a), p.poll(), "replaced file reported again");
        }
    }

    @Test
    void rejectsAMissingDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new DirectoryPoller(dir.resolve("nope"), ".parquet", f -> { }));
    }
}
