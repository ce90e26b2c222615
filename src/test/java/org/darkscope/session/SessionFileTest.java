package org.darkscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.Selection;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsRunsSelectionAndViewSettings() throws Exception {
        // named as the window names it: a changed preset says so (SelectionIo writes the generated name)
        Selection sel = Selection.published()
                .withBox(Selection.published().box().withEcalMax(47))
                .withBlinded(false)
                .withHonestName();
        assertEquals("published, modified: box E_ECAL < 47", sel.name());
        SessionFile f = new SessionFile(
                List.of(
                        new SessionFile.RunEntry(Path.of("/data/run1.parquet"), RunRole.DATA),
                        new SessionFile.RunEntry(Path.of("/mc/sig.parquet"), RunRole.SIGNAL)),
                sel,
                Map.of("plane.logHcal", "true"));
        Path p = dir.resolve("s.json");
        f.write(p);
        SessionFile back = SessionFile.read(p);
        assertEquals(f, back);
    }

    @Test
    void inMemoryRunsCannotBeStored() {
        Session s = new Session();
        s.addRun(new OpenRun(RunFixtures.random(10, 1), RunRole.DATA, null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SessionFile.of(s, Map.of()));
        assertTrue(e.getMessage().contains("cannot be stored"));
    }

    @Test
    void malformedFilesNameTheFileAndTheField() throws Exception {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, "{\"format\": \"darkscope-session\", \"version\": 1, \"runs\": []}");
        IOException e = assertThrows(IOException.class, () -> SessionFile.read(p));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("selection"), e.getMessage());
        Files.writeString(p, "not json");
        assertThrows(IOException.class, () -> SessionFile.read(p));
    }
}
