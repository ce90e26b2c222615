package org.darkscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static RunData run(int number) {
        return RunFixtures.of(
                RunInfo.data(number, 100, 1e9), new double[] {10}, new double[] {1}, new double[] {100}, null);
    }

    @Test
    void replacingTheDataRunKeepsSimulationAndNotifies() {
        Session s = new Session();
        List<String> events = new ArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session session) {
                events.add("runs:" + session.runs().size());
            }
        });
        RunInfo sigInfo = new RunInfo(9, 100, 1e9, 0, "na64-2018", true, "signal-brem", 1, 16.7, Map.of(), 1, "");
        RunData sig = RunFixtures.of(sigInfo, new double[] {10}, new double[] {0}, new double[] {100}, null);
        assertEquals(RunRole.SIGNAL, RunRole.of(sig));
        s.addRun(new OpenRun(sig, RunRole.of(sig), null));
        s.replaceRuns(RunRole.DATA, new OpenRun(run(1), RunRole.DATA, null));
        s.replaceRuns(RunRole.DATA, new OpenRun(run(2), RunRole.DATA, null));
        assertEquals(2, s.runs().size());
        assertEquals(2, s.dataRun().orElseThrow().data().info().runNumber());
        assertEquals(1, s.runs(RunRole.SIGNAL).size());
        assertEquals(List.of("runs:1", "runs:2", "runs:2"), events);
    }

    @Test
    void blindedByDefaultAndUnblindingIsAnnounced() {
        Session s = new Session();
        int[] n = {0};
        s.addListener(new SessionListener() {
            @Override
            public void blindingChanged(Session session) {
                n[0]++;
            }
        });
        assertTrue(s.isBlinded());
        s.setBlinded(true);
        s.setBlinded(false);
        assertFalse(s.isBlinded());
        assertEquals(1, n[0]);
    }

    @Test
    void recentRunsAreNewestFirstWithoutDuplicatesAndBounded() throws Exception {
        Preferences node = UserPreferences.inMemory().node("org/darkscope/test-recent"); // never the user's store
        try {
            RecentRuns r = new RecentRuns(node);
            for (int i = 0; i < RecentRuns.MAX + 3; i++) {
                r.add(Path.of("/tmp/run" + i + ".parquet"));
            }
            r.add(Path.of("/tmp/run5.parquet"));
            List<Path> l = new RecentRuns(node).list();
            assertEquals(RecentRuns.MAX, l.size());
            assertEquals(Path.of("/tmp/run5.parquet"), l.get(0));
            assertEquals(Path.of("/tmp/run12.parquet"), l.get(1));
            assertEquals(1, l.stream().filter(p -> p.endsWith("run5.parquet")).count());
        } finally {
            node.removeNode();
        }
    }
}
