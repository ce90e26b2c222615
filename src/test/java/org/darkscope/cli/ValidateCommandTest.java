package org.darkscope.cli;

import org.darkscope.io.RunFiles;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validate command as a user calls it. */
class ValidateCommandTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void setUp() {
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
    void printsCalibrationPeakSignalFiguresAndWeightedBackground() throws Exception {
        RunFiles.write(Simulator.simulate(SimConfig.defaults(Mix.CALIBRATION).withEvents(3000).withSeed(2).withThreads(2), null),
                dir.resolve("calibration.parquet"));
        RunFiles.write(Simulator.simulate(SimConfig.defaults(Mix.SIGNAL_BREM).withMassMeV(20).withEvents(2000).withSeed(3)
                .withThreads(2), null), dir.resolve("signal-brem-20mev.parquet"));
        RunFiles.write(Simulator.simulate(SimConfig.defaults(Mix.BACKGROUND_MC).withEvents(5000).withSeed(4)
                .withThreads(2), null), dir.resolve("background-mc.parquet"));
        int code = DarkScopeCli.run("validate", dir.toString());
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("calibration\\.parquet\\s+3000\\s+([0-9.]+)").matcher(o);
        assertTrue(m.find(), o);
        assertEquals(100.0, Double.parseDouble(m.group(1)), 0.4, "calibration peak");
        assertTrue(o.contains("signal-brem-20mev.parquet"), o);
        assertTrue(o.contains("na64-2016-2018 0.648"), "unmodelled factor shown separately: " + o);
        assertTrue(o.contains("weighted MC, rare classes boosted upstream x5"), o);
        assertTrue(o.contains("in the box"), o);
    }

    @Test
    void markdownBlockHasTheSignalTable() throws Exception {
        RunFiles.write(Simulator.simulate(SimConfig.defaults(Mix.SIGNAL_ANNIHILATION).withMassMeV(225).withEvents(500)
                .withSeed(3).withThreads(2), null), dir.resolve("a.parquet"));
        assertEquals(0, DarkScopeCli.run("validate", "--markdown", dir.resolve("a.parquet").toString()));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.startsWith("| signal run | process |"), o);
        assertTrue(o.contains("| `a.parquet` | annihilation | 225 |"), o);
    }

    @Test
    void emptyDirectoryAndMissingFileGiveExitCode2() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(DarkScopeCli.EXIT_USAGE, DarkScopeCli.run("validate", empty.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no .parquet files"), err.toString(StandardCharsets.UTF_8));
        assertEquals(DarkScopeCli.EXIT_USAGE, DarkScopeCli.run("validate", dir.resolve("nope.parquet").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file"), err.toString(StandardCharsets.UTF_8));
    }
}
