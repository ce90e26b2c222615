package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ClassMixRuns;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs take the role the user gives them, as in the window: a simulated run given as data is blinded. */
class AnalyseRolesTest {
    @TempDir
    static Path dir;

    static Path sim;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void files() throws Exception {
        sim = dir.resolve("physics.parquet");
        RunFiles.write(ClassMixRuns.background(20_000, 77), sim);
    }

    private JsonNode run(String... args) throws Exception {
        console.resetOut();
        assertEquals(0, DarkScopeCli.run(args), console.err());
        String s = console.out();
        return new ObjectMapper().readTree(s.substring(s.indexOf('{')));
    }

    @Test
    void aSimulatedRunGivenAsDataIsBlindedUnlessUnblinded() throws Exception {
        JsonNode blind = run("analyse", sim.toString(), "--json").get("runs").get(0);
        assertTrue(blind.get("boxHidden").asBoolean());
        assertEquals("blinded", blind.get("regions").get("BOX").asText());
        JsonNode open = run("analyse", sim.toString(), "--unblind", "--json")
                .get("runs")
                .get(0);
        long box = open.get("regions").get("BOX").asLong();
        assertTrue(box > 0, "the synthetic run has selected events in the box");
        // blinded, the cut flow counts the events outside the box: the box count does not follow from it
        long selBlind = blind.get("cutFlow")
                .get(blind.get("cutFlow").size() - 1)
                .get("after")
                .asLong();
        long selOpen = open.get("cutFlow")
                .get(open.get("cutFlow").size() - 1)
                .get("after")
                .asLong();
        assertEquals(selOpen - box, selBlind);
        assertEquals(
                20_000 - blind.get("cutFlow").get(0).get("after").asLong() > 0,
                true,
                "the total is the one outside the box");
        // the same file as background MC is never blinded
        JsonNode mc = run("analyse", "--background-mc", sim.toString(), "--json")
                .get("runs")
                .get(0);
        assertEquals(box, mc.get("regions").get("BOX").asLong());
    }

    @Test
    void badOptionsGiveExitCode2AndAMessage() {
        assertEquals(2, DarkScopeCli.run("analyse", sim.toString(), "--background-method", "crystal-ball"));
        String e = console.err();
        assertTrue(e.contains("crystal-ball") && e.contains("abcd") && e.contains("sideband-fits"), e);
        assertEquals(2, DarkScopeCli.run("analyse", sim.toString(), "--cl", "1.5"));
        assertTrue(console.err().contains("confidence level"));
        assertEquals(2, DarkScopeCli.run("analyse"));
        assertTrue(console.err().contains("--session"));
        assertEquals(
                2,
                DarkScopeCli.run(
                        "analyse", "--session", dir.resolve("missing.json").toString()));
        assertTrue(console.err().contains("missing.json"));
    }
}
