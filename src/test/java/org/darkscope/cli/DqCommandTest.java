package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.dq.DataQualityTest;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code darkscope dq}: exit 0 for a clean run, 3 with the broken cells named, 2 for bad input. */
class DqCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void cleanRunExitsZeroAndBrokenRunExitsThreeNamingTheCells() throws Exception {
        Path clean = dir.resolve("clean.parquet");
        Path broken = dir.resolve("broken.parquet");
        Path ref = dir.resolve("ref.parquet");
        RunFiles.write(DataQualityTest.cleanRun(), clean);
        RunFiles.write(DataQualityTest.broken(DataQualityTest.cleanRun()), broken);
        RunFiles.write(DataQualityTest.referenceRun(), ref);

        assertEquals(0, DarkScopeCli.run("dq", clean.toString()), console.err());
        assertTrue(console.out().contains("clean"));
        console.resetOut();

        assertEquals(
                DqCommand.EXIT_PROBLEMS,
                DarkScopeCli.run("dq", broken.toString(), "--reference", ref.toString(), "--json"));
        JsonNode j = new ObjectMapper().readTree(console.out());
        assertEquals(List.of(DataQualityTest.HOT), names(j.get("hot")));
        assertEquals(List.of(DataQualityTest.DEAD), names(j.get("dead")));
        assertEquals(List.of(DataQualityTest.NOISY), names(j.get("noisy")));
        assertFalse(j.get("clean").asBoolean());
        console.resetOut();

        assertEquals(DqCommand.EXIT_PROBLEMS, DarkScopeCli.run("dq", broken.toString()));
        String table = console.out();
        assertTrue(table.contains("hot        " + DataQualityTest.HOT), table);
        assertTrue(table.contains("3 problem cell(s) found"), table);
    }

    @Test
    void aMissingFileIsAUsageErrorWithAMessage() {
        assertEquals(
                DarkScopeCli.EXIT_USAGE,
                DarkScopeCli.run("dq", dir.resolve("nope.parquet").toString()));
        String e = console.err();
        assertTrue(e.contains("nope.parquet"), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
    }

    private static List<String> names(JsonNode a) {
        List<String> l = new ArrayList<>();
        a.forEach(n -> l.add(n.asText()));
        return l;
    }
}
