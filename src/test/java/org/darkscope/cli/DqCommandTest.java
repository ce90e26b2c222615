package org.darkscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.darkscope.dq.DataQualityTest;
import org.darkscope.io.RunFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code darkscope dq}: exit 0 for a clean run, 3 with the broken cells named, 2 for bad input. */
class DqCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void cleanRunExitsZeroAndBrokenRunExitsThreeNamingTheCells() throws Exception {
        Path clean = dir.resolve("clean.parquet");
        Path broken = dir.resolve("broken.parquet");
        Path ref = dir.resolve("ref.parquet");
        RunFiles.write(DataQualityTest.cleanRun(), clean);
        RunFiles.write(DataQualityTest.broken(DataQualityTest.cleanRun()), broken);
        RunFiles.write(DataQualityTest.referenceRun(), ref);

        assertEquals(0, DarkScopeCli.run("dq", clean.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("clean"));
        out.reset();

        assertEquals(DqCommand.EXIT_PROBLEMS, DarkScopeCli.run("dq", broken.toString(), "--reference", ref.toString(), "--json"));
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(DataQualityTest.HOT), names(j.get("hot")));
        assertEquals(List.of(DataQualityTest.DEAD), names(j.get("dead")));
        assertEquals(List.of(DataQualityTest.NOISY), names(j.get("noisy")));
        assertFalse(j.get("clean").asBoolean());
        out.reset();

        assertEquals(DqCommand.EXIT_PROBLEMS, DarkScopeCli.run("dq", broken.toString()));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("hot        " + DataQualityTest.HOT), table);
        assertTrue(table.contains("3 problem cell(s) found"), table);
    }

    @Test
    void aMissingFileIsAUsageErrorWithAMessage() {
        assertEquals(DarkScopeCli.EXIT_USAGE, DarkScopeCli.run("dq", dir.resolve("nope.parquet").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("nope.parquet"), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
    }

    private static List<String> names(JsonNode a) {
        List<String> l = new ArrayList<>();
        a.forEach(n -> l.add(n.asText()));
        return l;
    }
}
