package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shift drill's faults end to end through the command line: {@code simulate --hot-cell/--dead-cell/
 * --noisy-cell} writes a run whose cells carry exactly those faults, and {@code dq} names exactly those
 * cells (exit 3), against the run's own symmetric cells and against a clean reference run; clean runs
 * exit 0 with no flags either way.
 */
class SimulateFaultsDqTest {
    /** Beside the beam cell (ecal_main_r3c3): a gain ten times too high. */
    static final String HOT = "ecal_main_r3c4";
    /** Two rows below the beam cell, in the main ECAL: reads nothing. */
    static final String DEAD = "ecal_main_r1c3";
    /** An outer preshower cell: 0.3 GeV extra noise (ten times the cell noise), then zero suppression. */
    static final String NOISY = "ecal_pre_r4c4";
    /** An HCAL cell with hadron showers: reads nothing (the symmetric cells cannot check the HCAL). */
    static final String DEAD_HCAL = "hcal0_r1c0";

    @TempDir
    static Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int sim(String out, long seed, int run, String... faults) {
        List<String> a = new ArrayList<>(List.of(
                "simulate",
                "--mix",
                "physics",
                "--events",
                "20000",
                "--seed",
                Long.toString(seed),
                "--threads",
                "2",
                "--run-number",
                Integer.toString(run),
                "--out",
                dir.resolve(out).toString()));
        a.addAll(List.of(faults));
        return DarkScopeCli.run(a.toArray(String[]::new));
    }

    private JsonNode dq(int expectedExit, String run, String ref) throws Exception {
        console.resetOut();
        List<String> a = new ArrayList<>(List.of("dq", dir.resolve(run).toString(), "--json"));
        if ("symmetry".equals(ref)) {
            a.addAll(List.of("--expect", "symmetry"));
        } else if (ref != null) {
            a.addAll(List.of("--reference", dir.resolve(ref).toString()));
        }
        assertEquals(expectedExit, DarkScopeCli.run(a.toArray(String[]::new)), console.err());
        return new ObjectMapper().readTree(console.out());
    }

    @Test
    void dqFlagsExactlyTheCellsTheSimulationBroke() throws Exception {
        assertEquals(0, sim("clean.parquet", 11, 200), console.err());
        assertEquals(0, sim("ref.parquet", 12, 201), console.err());
        assertEquals(
                0,
                sim(
                        "faulty.parquet",
                        13,
                        202,
                        "--hot-cell",
                        HOT,
                        "--dead-cell",
                        DEAD,
                        "--dead-cell",
                        DEAD_HCAL,
                        "--noisy-cell",
                        NOISY + "=0.3"),
                console.err());
        assertTrue(console.out().contains("readout faults: hot " + HOT + " x10"), console.out());

        // the written cells carry the faults: the dead cell is 0 everywhere and E_ECAL is the sum of
        // the faulty ECAL cells (the summary is derived from what was read out)
        RunData faulty = RunFiles.read(dir.resolve("faulty.parquet"));
        int dead = faulty.detector().cell(DEAD).index();
        float[] buf = new float[faulty.detector().cellCount()];
        float[] ecal = faulty.floats(Schema.ECAL);
        int ecalCells = faulty.detector().ecalPreshower().cells().size()
                + faulty.detector().ecalMain().cells().size();
        for (int e = 0; e < 200; e++) {
            faulty.cells().read(e, buf);
            assertEquals(0f, buf[dead]);
            double sum = 0;
            for (int c = 0; c < ecalCells; c++) {
                sum += buf[c];
            }
            assertEquals(sum, ecal[e], 1e-3 * Math.max(1, sum), "E_ECAL of event " + e);
        }
        assertEquals(HOT + "=10.0", faulty.info().generator().get("fault.hot"));

        // null: no reference, the shower model with the run's own settings (the default)
        for (String ref : new String[] {null, "symmetry", "ref.parquet"}) {
            JsonNode clean = dq(0, "clean.parquet", ref);
            assertTrue(clean.get("clean").asBoolean(), clean.toString());
            assertEquals(List.of(), names(clean.get("hot")));
            assertEquals(List.of(), names(clean.get("dead")));
            assertEquals(List.of(), names(clean.get("noisy")));

            JsonNode bad = dq(DqCommand.EXIT_PROBLEMS, "faulty.parquet", ref);
            assertEquals(List.of(HOT), names(bad.get("hot")), "reference " + ref);
            assertEquals(
                    "symmetry".equals(ref) ? List.of(DEAD) : List.of(DEAD, DEAD_HCAL),
                    names(bad.get("dead")),
                    "reference " + ref);
            if (ref == null) {
                assertTrue(bad.get("reference").asText().startsWith("the shower model"), bad.toString());
            }
            assertEquals(List.of(NOISY), names(bad.get("noisy")), "reference " + ref);
        }
    }

    @Test
    void aBadCellNameIsAUsageErrorListingValidNames() {
        assertEquals(DarkScopeCli.EXIT_USAGE, sim("x.parquet", 1, 1, "--hot-cell", "ecal_main_r9c9"));
        String e = console.err();
        assertTrue(e.contains("ecal_main_r9c9") && e.contains("ecal_main_r0c0") && e.contains("hcal0_r0c0"), e);
        assertFalse(dir.resolve("x.parquet").toFile().exists(), "nothing written");
        assertEquals(DarkScopeCli.EXIT_USAGE, sim("x.parquet", 1, 1, "--noisy-cell", "ecal_pre_r0c0=loud"));
        assertEquals(DarkScopeCli.EXIT_USAGE, sim("x.parquet", 1, 1, "--hot-cell", "ecal_pre_r0c0=-2"));
        assertEquals(DarkScopeCli.EXIT_USAGE, sim("x.parquet", 1, 1, "--dead-cell", "ecal_pre_r0c0=2"));
    }

    private static List<String> names(JsonNode a) {
        List<String> l = new ArrayList<>();
        a.forEach(n -> l.add(n.asText()));
        return l;
    }
}
