package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.io.FooterEdit;
import org.darkscope.io.RunFiles;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says about inputs that would otherwise give a wrong number silently. */
class InputMeaningCliTest {
    @TempDir
    static Path dir;

    static Path physics;
    String out;
    String err;

    @BeforeAll
    static void simulate() throws Exception {
        RunData r = Simulator.simulate(
                SimConfig.defaults(Mix.PHYSICS).withEvents(300).withSeed(5).withThreads(1), Progress.NONE);
        physics = dir.resolve("physics.parquet");
        RunFiles.write(r, physics);
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DarkScopeCli.run(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void theSameRunTwiceIsRefusedNotCountedTwice() throws Exception {
        assertEquals(2, cli("analyse", physics.toString(), physics.toString()));
        assertTrue(err.contains("given twice"), err);
        Path copy = dir.resolve("copy.parquet");
        Files.copy(physics, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(2, cli("analyse", physics.toString(), "--signal", copy.toString()));
        assertTrue(err.contains("same content"), err);
        assertEquals(0, cli("analyse", physics.toString()), err);
    }

    @Test
    void aCutOnAColumnTheFileLacksIsRefusedNamingCutAndColumn() throws Exception {
        Path noChi2 = dir.resolve("nochi2.parquet");
        FooterEdit.edit(physics, noChi2, FooterEdit.dropColumn(Schema.CHI2));
        assertTrue(RunFiles.read(noChi2).missingColumns().contains(Schema.CHI2));
        assertEquals(2, cli("analyse", noChi2.toString()));
        assertTrue(
                err.contains("'track-chi2'") && err.contains("'" + Schema.CHI2 + "'") && err.contains("nochi2.parquet"),
                err);
        assertEquals(1, err.strip().split("\n").length, err);
        assertEquals(0, cli("info", noChi2.toString()), err);
        assertTrue(out.contains("missing columns " + Schema.CHI2), out);
        // with the cut switched off, the same file is analysed
        Path sel = dir.resolve("no-chi2-cut.json");
        org.darkscope.analysis.SelectionIo.write(
                org.darkscope.analysis.Selection.published().withCutEnabled("track-chi2", false), sel);
        assertEquals(0, cli("analyse", noChi2.toString(), "--selection", sel.toString()), err);
    }

    @Test
    void infoReportsMissingColumnsAndBadValuesAndRefusesBadMetadataWithExitTwo() throws Exception {
        assertEquals(0, cli("info", physics.toString()), err);
        assertTrue(out.contains("missing columns none"), out);
        assertEquals(0, cli("info", physics.toString(), "--json"), err);
        assertTrue(out.contains("\"missingColumns\"") && out.contains("\"valueCounts\""), out);
        String json = FooterEdit.kvValue(FooterEdit.read(Files.readAllBytes(physics)), RunFiles.KEY_RUN);
        Path bad = dir.resolve("bad-simulated.parquet");
        FooterEdit.edit(
                physics,
                bad,
                FooterEdit.kv(RunFiles.KEY_RUN, json.replace("\"simulated\":true", "\"simulated\":\"yes\""))
                        .andThen(FooterEdit.kv(RunFiles.KEY_RUN_SHA256, null)));
        assertEquals(2, cli("info", bad.toString()));
        assertTrue(err.contains("bad-simulated.parquet") && err.contains("'simulated'"), err);
        assertEquals(1, err.strip().split("\n").length, err);
    }
}
