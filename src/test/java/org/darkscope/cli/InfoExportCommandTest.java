package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ConsoleCapture;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The info and export commands through DarkScopeCli.run, as a user would call them. */
class InfoExportCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private RunData run;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        run = RandomColumnRuns.random(1000, 77);
        file = dir.resolve("run4242.parquet");
        RunFiles.write(run, file);
    }

    private String out() {
        return console.out();
    }

    private String err() {
        return console.err();
    }

    private long count(EventClass c) {
        int[] t = run.ints(Schema.TRUTH_CLASS);
        return java.util.Arrays.stream(t).filter(x -> x == c.code()).count();
    }

    @Test
    void infoPrintsEveryMetadataFieldTheEventCountAndTheClassMix() {
        assertEquals(0, DarkScopeCli.run("info", file.toString()), err());
        String o = out();
        RunInfo i = run.info();
        assertTrue(o.contains("events          1,000"), o);
        assertTrue(o.contains("run number      " + i.runNumber()), o);
        assertTrue(o.contains("beam energy     100 GeV"), o);
        assertTrue(o.contains("EOT             2.840e+11"), o);
        assertTrue(o.contains("intensity       5000000 e-/spill"), o);
        assertTrue(o.contains("geometry        " + i.geometryVersion()), o);
        assertTrue(o.contains("simulated       yes"), o);
        assertTrue(o.contains("mix             physics"), o);
        assertTrue(o.contains("seed            " + i.seed()), o);
        assertTrue(o.contains("A' mass         16.7 MeV"), o);
        assertTrue(o.contains("generator       pileup = 0.05"), o);
        assertTrue(o.contains("schema version  " + Schema.VERSION), o);
        assertTrue(o.contains("description     " + i.description()), o);
        assertTrue(o.contains("class mix:"), o);
        String dimuonRow = o.lines()
                .filter(l -> l.trim().startsWith(EventClass.DIMUON.label()))
                .findFirst()
                .orElseThrow();
        assertTrue(dimuonRow.contains(" " + count(EventClass.DIMUON) + " "), dimuonRow);
        assertEquals("", err());
    }

    @Test
    void infoJsonHasMetadataEventsAndClasses() throws IOException {
        assertEquals(0, DarkScopeCli.run("info", "--json", file.toString()), err());
        JsonNode j = new ObjectMapper().readTree(out());
        assertEquals(1000, j.get("events").asInt());
        assertEquals(run.info().runNumber(), j.get("run").get("runNumber").asInt());
        assertEquals(run.info().seed(), j.get("run").get("seed").asLong());
        assertEquals(16.7, j.get("run").get("signalMassMeV").asDouble());
        assertEquals(
                count(EventClass.SIGNAL_BREM),
                j.get("classes").get("signal_brem").asLong());
        long total = 0;
        for (JsonNode n : j.get("classes")) {
            total += n.asLong();
        }
        assertEquals(1000, total);
    }

    @Test
    void unreadableFilesGiveExitCode2AndAMessage() throws IOException {
        assertEquals(2, DarkScopeCli.run("info", dir.resolve("nowhere.parquet").toString()));
        assertTrue(err().contains("nowhere.parquet: file not found"), err());
        Path junk = Files.writeString(dir.resolve("junk.parquet"), "hello, not parquet");
        assertEquals(2, DarkScopeCli.run("info", junk.toString()));
        assertTrue(err().contains("junk.parquet: not a Parquet file"), err());
        assertEquals(
                2,
                DarkScopeCli.run(
                        "export", junk.toString(), "--csv", dir.resolve("x.csv").toString()));
        assertFalse(Files.exists(dir.resolve("x.csv")));
        assertEquals("", out());
    }

    @Test
    void badArgumentsGiveExitCode2() {
        assertEquals(2, DarkScopeCli.run("info"));
        assertTrue(err().contains("RUN.parquet"), err());
        assertEquals(2, DarkScopeCli.run("export", file.toString()));
        assertTrue(err().contains("--csv"), err());
        assertEquals(2, DarkScopeCli.run("info", "--nonsense", file.toString()));
    }

    @Test
    void helpWorksOnBothCommands() {
        assertEquals(0, DarkScopeCli.run("info", "--help"));
        assertTrue(out().contains("--json"), out());
        assertEquals(0, DarkScopeCli.run("export", "--help"));
        assertTrue(out().contains("--csv"), out());
        assertEquals(0, DarkScopeCli.run("--help"));
        assertTrue(out().contains("info") && out().contains("export"), out());
    }

    @Test
    void exportWritesTheSummaryColumns() throws IOException {
        Path csv = dir.resolve("out.csv");
        assertEquals(0, DarkScopeCli.run("export", file.toString(), "--csv", csv.toString()), err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1001, lines.size());
        assertTrue(lines.get(0).startsWith("run,spill,event,time_ns,p,"), lines.get(0));
        assertEquals(run.schema().scalars().size(), lines.get(0).split(",").length);
        assertTrue(out().contains("wrote 1000 events"), out());
    }

    @Test
    void exportIntoMissingDirectoryFailsWithCode2() {
        assertEquals(
                2,
                DarkScopeCli.run(
                        "export",
                        file.toString(),
                        "--csv",
                        dir.resolve("no/such/dir/out.csv").toString()));
        assertTrue(err().startsWith("darkscope: "), err());
    }
}
