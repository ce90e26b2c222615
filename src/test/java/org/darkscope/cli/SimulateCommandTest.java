package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulate command: writes a readable run, prints a summary, rejects bad input with exit code 2. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private static String captureOut(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesARunFileAndPrintsTheClassSummary() throws Exception {
        Path out = dir.resolve("dimuon.parquet");
        int[] rc = new int[1];
        String text = captureOut(() -> rc[0] = DarkScopeCli.run(
                "simulate",
                "--mix",
                "dimuon",
                "--events",
                "1500",
                "--seed",
                "3",
                "--threads",
                "2",
                "--out",
                out.toString()));
        assertEquals(0, rc[0]);
        RunData r = RunFiles.read(out);
        assertEquals(1500, r.size());
        assertEquals("dimuon", r.info().mix());
        assertEquals(3, r.info().seed());
        for (int c : r.ints(Schema.TRUTH_CLASS)) {
            assertEquals(EventClass.DIMUON.code(), c);
        }
        assertTrue(
                text.contains("dimuon") && text.contains("1500") && text.contains("events/s") && text.contains("EOT"),
                text);
    }

    @Test
    void signalRunsCarryTheirMassAndTriggerOptionsApply() throws Exception {
        Path out = dir.resolve("brem.parquet");
        int rc = DarkScopeCli.run(
                "simulate",
                "--mix",
                "signal-brem",
                "--mass-mev",
                "20",
                "--events",
                "800",
                "--trigger-gev",
                "60",
                "--out",
                out.toString());
        assertEquals(0, rc);
        RunData r = RunFiles.read(out);
        assertEquals(20.0, r.info().signalMassMeV());
        for (float e : r.floats(Schema.ECAL)) {
            assertTrue(e < 60);
        }
    }

    @Test
    void badInputGivesExitCode2AndNoFile() {
        Path out = dir.resolve("x.parquet");
        assertEquals(
                DarkScopeCli.EXIT_USAGE,
                DarkScopeCli.run("simulate", "--mix", "cosmics", "--events", "10", "--out", out.toString()));
        assertEquals(
                DarkScopeCli.EXIT_USAGE,
                DarkScopeCli.run("simulate", "--mix", "signal-brem", "--events", "10", "--out", out.toString()));
        assertEquals(
                DarkScopeCli.EXIT_USAGE,
                DarkScopeCli.run("simulate", "--mix", "physics", "--events", "0", "--out", out.toString()));
        assertEquals(
                DarkScopeCli.EXIT_USAGE,
                DarkScopeCli.run(
                        "simulate",
                        "--mix",
                        "signal-annihilation",
                        "--mass-mev",
                        "400",
                        "--events",
                        "10",
                        "--out",
                        out.toString()));
        assertFalse(Files.exists(out));
    }
}
