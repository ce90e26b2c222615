package org.darkscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recent-runs list, and that tests never write the user's real preferences. */
class RecentRunsTest {
    @Test
    void newestFirstAtMostTenWithoutDuplicates() {
        RecentRuns r = RecentRuns.inMemory();
        List<Path> added = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Path p = Path.of("/runs/run" + i + ".parquet");
            added.add(p);
            r.add(p);
        }
        List<Path> l = r.list();
        assertEquals(10, l.size());
        assertEquals(added.get(12), l.get(0));
        assertEquals(added.get(3), l.get(9));
        r.add(added.get(5));
        assertEquals(added.get(5), r.list().get(0), "re-opening moves a file to the top");
        assertEquals(10, r.list().size());
        assertEquals(1, r.list().stream().filter(added.get(5)::equals).count());
        r.remove(added.get(5));
        assertFalse(r.list().contains(added.get(5)));
        r.clear();
        assertTrue(r.list().isEmpty());
    }

    @Test
    void inMemoryListsAreIndependent() {
        RecentRuns a = RecentRuns.inMemory();
        a.add(Path.of("/runs/a.parquet"));
        assertTrue(RecentRuns.inMemory().list().isEmpty());
    }

    @Test
    void theTestRunKeepsTheUsersListInMemory() {
        // set by the pom for every test JVM: the application's forUser() must not reach the user's store
        assertTrue(
                Boolean.getBoolean(RecentRuns.MEMORY_PROPERTY),
                "surefire must set -D" + RecentRuns.MEMORY_PROPERTY + "=true");
        RecentRuns.forUser().add(Path.of("/runs/from-a-test.parquet"));
        assertTrue(RecentRuns.forUser().list().isEmpty(), "nothing a test adds is stored");
    }
}
