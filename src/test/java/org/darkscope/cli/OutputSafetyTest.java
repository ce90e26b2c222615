package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command destroys an input or an existing result; unusable outputs are refused up front. */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private Path run;
    private String out;
    private String err;

    @BeforeEach
    void setUp() throws IOException {
        run = dir.resolve("run.parquet");
        RunFiles.write(RandomColumnRuns.random(200, 3), run);
    }

    private int cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DarkScopeCli.run(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void exportRefusesToWriteOverItsInputEvenWithForceAndThroughALink() throws Exception {
        String before = sha(run);
        assertEquals(2, cli("export", run.toString(), "--csv", run.toString()));
        assertTrue(err.contains("input file"), err);
        assertEquals(2, cli("export", run.toString(), "--csv", run.toString(), "--force"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), run);
        assertEquals(2, cli("export", run.toString(), "--csv", link.toString(), "--force"));
        Path other = dir.resolve("sub/../run.parquet");
        Files.createDirectories(dir.resolve("sub"));
        assertEquals(2, cli("export", run.toString(), "--csv", other.toString(), "--force"));
        assertEquals(before, sha(run));
        assertEquals(1, RunFiles.read(run).size() / 200);
    }

    @Test
    void exportKeepsAnExistingOutputUnlessForced() throws Exception {
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "precious\n");
        assertEquals(2, cli("export", run.toString(), "--csv", csv.toString()));
        assertTrue(err.contains("already exists") && err.contains("--force"), err);
        assertEquals("precious\n", Files.readString(csv));
        assertEquals(0, cli("export", run.toString(), "--csv", csv.toString(), "--force"), err);
        assertEquals(201, Files.readAllLines(csv).size());
    }

    @Test
    void simulateRefusesAnExistingOutBeforeSimulating() throws Exception {
        String before = sha(run);
        long t0 = System.nanoTime();
        // 5e6 events would take many seconds: the refusal must come first
        assertEquals(2, cli("simulate", "--mix", "physics", "--events", "5000000", "--out", run.toString()));
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "refused only after simulating");
        assertTrue(err.contains("already exists"), err);
        assertEquals(before, sha(run));
        assertEquals(
                0,
                cli(
                        "simulate",
                        "--mix",
                        "calibration",
                        "--events",
                        "50",
                        "--threads",
                        "1",
                        "--out",
                        run.toString(),
                        "--force"),
                err);
        assertEquals(50, RunFiles.read(run).size());
    }

    @Test
    void simulateToAMissingDirectoryNamesTheDirectoryBeforeSimulating() {
        Path out = dir.resolve("nowhere/run.parquet");
        assertEquals(2, cli("simulate", "--mix", "physics", "--events", "5000000", "--out", out.toString()));
        assertTrue(err.contains(dir.resolve("nowhere").toString()) && err.contains("does not exist"), err);
        assertFalse(err.contains(".darkscope-tmp"), err);
        assertEquals(1, err.strip().split("\n").length, err);
    }

    @Test
    void simulateRefusesAnEventCountThatCannotFitBeforeAllocating() {
        assertEquals(
                2,
                cli(
                        "simulate",
                        "--mix",
                        "physics",
                        "--events",
                        "2147483647",
                        "--out",
                        dir.resolve("big.parquet").toString()));
        assertTrue(err.contains("more events than one run can hold") || err.contains("-Xmx"), err);
        assertFalse(err.contains("Exception") || err.contains("at org."), err);
        assertFalse(Files.exists(dir.resolve("big.parquet")));
    }

    @Test
    void staleTemporaryFilesOfOursAreRemovedOnTheNextWriteOthersAreKept() throws Exception {
        Path deadPid = dir.resolve(".darkscope-tmp-a.parquet.999999999.1f.part");
        Path old = dir.resolve(".darkscope-tmp-b.parquet.1.2a.part");
        Path fresh = dir.resolve(
                ".darkscope-tmp-c.parquet." + ProcessHandle.current().pid() + ".3b.part");
        Path notOurs = dir.resolve("notes.part");
        Path oldNotOurs = dir.resolve(".darkscope-tmp-keep.txt");
        for (Path p : new Path[] {deadPid, old, fresh, notOurs, oldNotOurs}) {
            Files.writeString(p, "x");
        }
        FileTime minuteAgo = FileTime.from(Instant.now().minusSeconds(60));
        FileTime twoHoursAgo = FileTime.from(Instant.now().minusSeconds(7200));
        Files.setLastModifiedTime(deadPid, minuteAgo);
        Files.setLastModifiedTime(old, twoHoursAgo);
        Files.setLastModifiedTime(fresh, minuteAgo);
        Files.setLastModifiedTime(notOurs, twoHoursAgo);
        Files.setLastModifiedTime(oldNotOurs, twoHoursAgo);
        assertEquals(
                0, cli("export", run.toString(), "--csv", dir.resolve("x.csv").toString()), err);
        assertFalse(Files.exists(deadPid), "temp file of a dead process kept");
        assertFalse(Files.exists(old), "temp file older than an hour kept");
        assertTrue(Files.exists(fresh), "temp file of a running process removed");
        assertTrue(Files.exists(notOurs));
        assertTrue(Files.exists(oldNotOurs));
    }

    @Test
    void unknownSubCommandExitsTwoWithTheListOfCommandsAndNeverOpensTheWindow() {
        assertFalse(DarkScopeCli.opensWindow(new String[] {"infoo", "x"}));
        assertFalse(DarkScopeCli.opensWindow(new String[] {"infoo"}));
        assertFalse(DarkScopeCli.opensWindow(new String[] {"--bogus"}));
        assertTrue(DarkScopeCli.opensWindow(new String[] {}));
        assertTrue(DarkScopeCli.opensWindow(new String[] {run.toString()}));
        assertTrue(DarkScopeCli.opensWindow(new String[] {"later.parquet", run.toString()}));
        assertEquals(2, cli("infoo", "x"));
        assertTrue(err.contains("infoo") && err.contains("info, export, simulate"), err);
    }

    @Test
    void internalErrorsExitOneWithOneLineAndTheTraceInTheLog() throws Exception {
        Path log = dir.resolve("logs/errors.log");
        System.setProperty(DarkScopeCli.LOG_PROPERTY, log.toString());
        try {
            StringWriter e = new StringWriter();
            int code = DarkScopeCli.handle(new NullPointerException("boom"), new PrintWriter(e));
            assertEquals(1, code);
            String msg = e.toString().strip();
            assertEquals(1, msg.split("\n").length, msg);
            assertTrue(msg.contains("internal error") && msg.contains(log.toString()), msg);
            assertTrue(Files.readString(log).contains("at org.darkscope.cli.OutputSafetyTest"));
        } finally {
            System.clearProperty(DarkScopeCli.LOG_PROPERTY);
        }
    }

    @Test
    void memoryExhaustionAnywhereIsReportedAsSuchWithTheXmxAdvice() {
        StringWriter e = new StringWriter();
        int code = DarkScopeCli.handle(
                new IllegalStateException(new OutOfMemoryError("Java heap space")), new PrintWriter(e));
        assertEquals(1, code);
        assertTrue(e.toString().contains("out of memory") && e.toString().contains("-Xmx"), e.toString());
        assertEquals(2, cli("bench", run.toString(), "--replicate", "2000000000"));
        assertTrue(err.contains("-Xmx") || err.contains("2^31"), err);
    }

    @Test
    void forceMeansTheSameInEveryCommandThatHasIt() {
        java.util.List<String> withForce = new java.util.ArrayList<>();
        java.util.Set<String> descriptions = new java.util.HashSet<>();
        for (var sub :
                new picocli.CommandLine(new DarkScopeCli()).getSubcommands().entrySet()) {
            var o = sub.getValue().getCommandSpec().findOption("--force");
            if (o != null) {
                withForce.add(sub.getKey());
                descriptions.add(String.join(" ", o.description()));
            }
        }
        assertTrue(withForce.containsAll(java.util.List.of("export", "simulate")), withForce.toString());
        assertEquals(1, descriptions.size(), "one --force: " + descriptions);
    }
}
