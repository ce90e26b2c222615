package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkscope.io.RunFiles;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The validate command as a user calls it. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void printsCalibrationPeakSignalFiguresAndWeightedBackground() throws Exception {
        RunFiles.write(
                Simulator.simulate(
                        SimConfig.defaults(Mix.CALIBRATION)
                                .withEvents(3000)
                                .withSeed(2)
                                .withThreads(2),
                        null),
                dir.resolve("calibration.parquet"));
        RunFiles.write(
                Simulator.simulate(
                        SimConfig.defaults(Mix.SIGNAL_BREM)
                                .withMassMeV(20)
                                .withEvents(2000)
                                .withSeed(3)
                                .withThreads(2),
                        null),
                dir.resolve("signal-brem-20mev.parquet"));
        RunFiles.write(
                Simulator.simulate(
                        SimConfig.defaults(Mix.BACKGROUND_MC)
                                .withEvents(5000)
                                .withSeed(4)
                                .withThreads(2),
                        null),
                dir.resolve("background-mc.parquet"));
        int code = DarkScopeCli.run("validate", dir.toString());
        String o = console.out();
        assertEquals(0, code, console.err());
        Matcher m =
                Pattern.compile("calibration\\.parquet\\s+3000\\s+([0-9.]+)").matcher(o);
        assertTrue(m.find(), o);
        assertEquals(100.0, Double.parseDouble(m.group(1)), 0.4, "calibration peak");
        assertTrue(o.contains("signal-brem-20mev.parquet"), o);
        assertTrue(o.contains("na64-2016-2018 0.648"), "unmodelled factor shown separately: " + o);
        assertTrue(o.contains("weighted MC, rare classes boosted upstream x5"), o);
        assertTrue(o.contains("in the box"), o);
    }

    @Test
    void markdownBlockHasTheSignalTable() throws Exception {
        RunFiles.write(
                Simulator.simulate(
                        SimConfig.defaults(Mix.SIGNAL_ANNIHILATION)
                                .withMassMeV(225)
                                .withEvents(500)
                                .withSeed(3)
                                .withThreads(2),
                        null),
                dir.resolve("a.parquet"));
        assertEquals(
                0,
                DarkScopeCli.run(
                        "validate", "--markdown", dir.resolve("a.parquet").toString()));
        String o = console.out();
        assertTrue(o.startsWith("| signal run | process |"), o);
        assertTrue(o.contains("| `a.parquet` | annihilation | 225 |"), o);
    }

    @Test
    void emptyDirectoryAndMissingFileGiveExitCode2() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(DarkScopeCli.EXIT_USAGE, DarkScopeCli.run("validate", empty.toString()));
        assertTrue(console.err().contains("no .parquet files"), console.err());
        assertEquals(
                DarkScopeCli.EXIT_USAGE,
                DarkScopeCli.run("validate", dir.resolve("nope.parquet").toString()));
        assertTrue(console.err().contains("no such file"), console.err());
    }
}
