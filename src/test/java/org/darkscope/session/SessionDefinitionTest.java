package org.darkscope.session;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.limits.LimitMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis definition and the blinding log live in the session and its file (version 2; version 1 still reads). */
class SessionDefinitionTest {
    @TempDir
    Path dir;

    @Test
    void definitionAndBlindingLogSurviveTheFile() throws Exception {
        Session s = new Session();
        List<String> heard = new ArrayList<>();
        s.addListener(new SessionListener() {
            @Override
            public void definitionChanged(Session x) {
                heard.add(x.definition().describe());
            }
        });
        AnalysisDefinition d = new AnalysisDefinition(BackgroundChoice.ABCD, LimitMethod.FELDMAN_COUSINS, 0.95);
        s.setDefinition(d);
        assertEquals(List.of(d.describe()), heard);
        assertTrue(s.isBlinded());
        s.setBlinded(false);
        assertEquals(1, s.blindingLog().size());
        BlindingEvent e = s.blindingLog().get(0);
        assertTrue(e.isUnblind());
        assertEquals(System.getProperty("user.name"), e.user());
        assertTrue(!e.time().isAfter(Instant.now())
                && e.time().isAfter(Instant.now().minusSeconds(60)));
        assertEquals(e, s.unblinding().orElseThrow());

        SessionFile f = new SessionFile(
                List.of(new SessionFile.RunEntry(Path.of("/d/run.parquet"), RunRole.DATA)),
                s.selection(),
                Map.of(),
                s.definition(),
                s.blindingLog());
        Path p = dir.resolve("s.json");
        f.write(p);
        String json = Files.readString(p);
        assertTrue(
                json.contains("\"backgroundMethod\" : \"abcd\"")
                        && json.contains("\"limitMethod\" : \"fc\"")
                        && json.contains("\"action\" : \"unblind\""),
                json);
        SessionFile back = SessionFile.read(p);
        assertEquals(f, back);
        Session t = new Session();
        back.restoreInto(t);
        assertEquals(d, t.definition());
        assertFalse(t.isBlinded());
        assertEquals(s.blindingLog(), t.blindingLog(), "reopening is no new unblinding");
    }

    @Test
    void versionOneFilesReadWithTheDefaults() throws Exception {
        Path p = dir.resolve("v1.json");
        Files.writeString(
                p,
                "{\"format\": \"darkscope-session\", \"version\": 1, \"runs\": [{\"path\": \"/d/r.parquet\", \"role\": \"DATA\"}],"
                        + " \"selection\": " + SelectionIo.toJson(Selection.published()) + ", \"view\": {}}");
        SessionFile f = SessionFile.read(p);
        assertEquals(AnalysisDefinition.defaults(), f.definition());
        assertEquals(List.of(), f.blindingLog());
        assertTrue(f.selection().blinded());
    }

    @Test
    void badDefinitionsAreRejectedNamingTheField() throws Exception {
        Path p = dir.resolve("bad.json");
        String sel = SelectionIo.toJson(Selection.published());
        Files.writeString(
                p,
                "{\"format\": \"darkscope-session\", \"version\": 2, \"runs\": [], \"selection\": " + sel
                        + ", \"analysis\": {\"backgroundMethod\": \"crystal-ball\"}}");
        IOException e = assertThrows(IOException.class, () -> SessionFile.read(p));
        assertTrue(e.getMessage().contains("crystal-ball") && e.getMessage().contains("abcd"), e.getMessage());
        Files.writeString(
                p,
                "{\"format\": \"darkscope-session\", \"version\": 2, \"runs\": [], \"selection\": " + sel
                        + ", \"analysis\": {\"cl\": 1.5}}");
        e = assertThrows(IOException.class, () -> SessionFile.read(p));
        assertTrue(e.getMessage().contains("confidence level"), e.getMessage());
        Files.writeString(
                p,
                "{\"format\": \"darkscope-session\", \"version\": 2, \"runs\": [], \"selection\": " + sel
                        + ", \"blinding\": {\"log\": [{\"action\": \"peek\", \"user\": \"x\", \"time\": \"2026-01-01T00:00:00Z\"}]}}");
        e = assertThrows(IOException.class, () -> SessionFile.read(p));
        assertTrue(e.getMessage().contains("peek"), e.getMessage());
    }

    @Test
    void everyBackgroundChoiceHasAName() {
        for (BackgroundChoice b : BackgroundChoice.values()) {
            assertEquals(b, AnalysisDefinition.parseBackground(AnalysisDefinition.name(b)));
        }
        assertEquals(BackgroundChoice.SIDEBAND_FITS, AnalysisDefinition.parseBackground("fits"));
        assertEquals("95.5", AnalysisDefinition.percent(0.955));
        assertEquals("90", AnalysisDefinition.percent(0.9));
    }
}
