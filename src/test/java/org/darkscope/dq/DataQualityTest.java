package org.darkscope.dq;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;
import org.junit.jupiter.api.Test;

/**
 * Hot, dead and noisy cells of our choosing in a simulated physics run are found, exactly those,
 * against the run's own symmetric cells and against a good reference run; an unmodified run is clean
 * (in particular the steep beam-centre cells are not flagged).
 */
public class DataQualityTest {
    static final RunData CLEAN = sim(20_000, 3);
    static final RunData REFERENCE = sim(20_000, 4);

    /** For the command-line test. */
    public static RunData cleanRun() {
        return CLEAN;
    }

    public static RunData referenceRun() {
        return REFERENCE;
    }
    /** Next to the beam axis: x10 gain. */
    public static final String HOT = "ecal_main_r2c1";
    /** Two cells below the beam cell: reads nothing. */
    public static final String DEAD = "ecal_main_r1c3";
    /** An HCAL cell with hadron showers: reads nothing (only a reference run can check the HCAL). */
    static final String DEAD_HCAL = "hcal0_r1c0";
    /** An outer preshower cell: Gaussian noise of sigma 0.3 GeV added, mean unchanged. */
    public static final String NOISY = "ecal_pre_r4c4";

    static final double NOISE_GEV = 0.3;

    static RunData sim(int n, long seed) {
        return Simulator.simulate(
                SimConfig.defaults(Mix.PHYSICS).withEvents(n).withSeed(seed).withThreads(1), Progress.NONE);
    }

    /** A copy of the run with one cell x10, one zeroed and one noisy (the summary columns are kept). */
    public static RunData broken(RunData r) {
        return broken(r, false);
    }

    static RunData broken(RunData r, boolean deadHcal) {
        int nc = r.detector().cellCount();
        float[] block = new float[r.size() * nc];
        float[] buf = new float[nc];
        int hot = r.detector().cell(HOT).index();
        int dead = r.detector().cell(DEAD).index();
        int noisy = r.detector().cell(NOISY).index();
        int deadH = r.detector().cell(DEAD_HCAL).index();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int e = 0; e < r.size(); e++) {
            r.cells().read(e, buf);
            buf[hot] *= 10;
            buf[dead] = 0;
            if (deadHcal) {
                buf[deadH] = 0;
            }
            buf[noisy] += (float) (NOISE_GEV * rnd.nextGaussian());
            System.arraycopy(buf, 0, block, e * nc, nc);
        }
        RunData.Builder b = RunData.builder(r.info(), r.detector(), r.size());
        for (ColumnDef def : r.schema().scalars()) {
            if (r.has(def.name())) {
                b.column(def.name(), r.columns().get(def.name()));
            }
        }
        return b.cells(new ArrayCellStore(block, nc)).source("broken").build();
    }

    private static Set<String> flagged(DqReport r, CellFlag f) {
        return Set.copyOf(r.names(f));
    }

    @Test
    void anUnmodifiedRunIsCleanIncludingTheBeamCentre() {
        DqReport own = DataQuality.check(CLEAN, null, DataQuality.Expectation.SYMMETRY, Progress.NONE);
        assertEquals(List.of(), own.problems(), own.summary());
        CellLayer main = CLEAN.detector().ecalMain();
        // the beam is aimed at the centre of ecal_main_r3c3; its four neighbours carry the shower's
        // steep flanks and are checked against each other, not skipped
        for (int[] rc : new int[][] {{2, 3}, {4, 3}, {3, 2}, {3, 4}}) {
            Cell c = main.cell(rc[0], rc[1]);
            CellCheck check = own.cells().stream()
                    .filter(x -> x.cell().equals(c.name()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(CellFlag.OK, check.flag(), check.toString());
            assertTrue(check.mean() > 0.5, "a beam-centre cell sees the shower: " + check);
        }
        DqReport vsRef = DataQuality.check(CLEAN, REFERENCE, Progress.NONE);
        assertEquals(List.of(), vsRef.problems(), vsRef.summary());
        assertTrue(
                vsRef.cells().stream().noneMatch(c -> c.flag() == CellFlag.UNCHECKED), "a reference checks every cell");
    }

    @Test
    void theShowerModelWithTheRunsOwnSettingsFindsTheBrokenCellsHcalIncludedAndPassesACleanRun() {
        // the model is simulated from the run's metadata: same mix and settings, other seeds
        SimConfig cfg = ModelExpectation.config(CLEAN.info()).orElseThrow();
        assertEquals(Mix.PHYSICS, cfg.mix());
        assertEquals(SimConfig.defaults(Mix.PHYSICS).ecalNoise(), cfg.ecalNoise());
        assertEquals(SimConfig.defaults(Mix.PHYSICS).knobs(), cfg.knobs());
        DqReport clean = DataQuality.check(CLEAN, null, DataQuality.Expectation.MODEL, Progress.NONE);
        assertEquals(List.of(), clean.problems(), clean.summary());
        assertTrue(clean.reference().startsWith("the shower model"), clean.reference());
        assertTrue(
                clean.cells().stream().noneMatch(c -> c.flag() == CellFlag.UNCHECKED),
                "the model checks every cell, the beam cell and the HCAL too");
        // without a reference run, AUTO is the model for a simulated run (dq RUN and the window's default)
        assertEquals(
                clean.reference(), DataQuality.check(CLEAN, null, Progress.NONE).reference());

        DqReport r = DataQuality.check(broken(CLEAN, true), null, DataQuality.Expectation.MODEL, Progress.NONE);
        assertEquals(Set.of(HOT), flagged(r, CellFlag.HOT), r.summary());
        assertEquals(Set.of(DEAD, DEAD_HCAL), flagged(r, CellFlag.DEAD), r.summary());
        assertEquals(Set.of(NOISY), flagged(r, CellFlag.NOISY), r.summary());
    }

    @Test
    void aRunWithoutSimulationSettingsHasNoModelAndAutoFallsBackToSymmetry() {
        RunData.Builder b = RunData.builder(withoutGenerator(CLEAN.info()), CLEAN.detector(), CLEAN.size());
        for (ColumnDef def : CLEAN.schema().scalars()) {
            if (CLEAN.has(def.name())) {
                b.column(def.name(), CLEAN.columns().get(def.name()));
            }
        }
        RunData bare = b.cells(CLEAN.cells()).source("bare").build();
        assertTrue(ModelExpectation.config(bare.info()).isEmpty());
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> DataQuality.check(bare, null, DataQuality.Expectation.MODEL, Progress.NONE));
        assertTrue(e.getMessage().contains("no simulation settings"), e.getMessage());
        assertNull(DataQuality.check(bare, null, Progress.NONE).reference(), "symmetric cells");
    }

    private static org.darkscope.event.RunInfo withoutGenerator(org.darkscope.event.RunInfo i) {
        return new org.darkscope.event.RunInfo(
                i.runNumber(),
                i.beamEnergy(),
                i.eot(),
                i.intensity(),
                i.geometryVersion(),
                false,
                i.mix(),
                i.seed(),
                i.signalMassMeV(),
                java.util.Map.of(),
                i.schemaVersion(),
                i.description());
    }

    @Test
    void exactlyTheHotDeadAndNoisyCellsAreFlaggedAgainstTheRunsOwnExpectation() {
        DqReport r = DataQuality.check(broken(CLEAN), null, DataQuality.Expectation.SYMMETRY, Progress.NONE);
        assertEquals(Set.of(HOT), flagged(r, CellFlag.HOT), r.summary());
        assertEquals(Set.of(DEAD), flagged(r, CellFlag.DEAD), r.summary());
        assertEquals(Set.of(NOISY), flagged(r, CellFlag.NOISY), r.summary());
        assertTrue(
                r.summary().contains(HOT)
                        && r.summary().contains(DEAD)
                        && r.summary().contains(NOISY),
                "full names: " + r.summary());
    }

    @Test
    void exactlyTheHotDeadAndNoisyCellsAreFlaggedAgainstAReferenceRun() {
        DqReport r = DataQuality.check(broken(CLEAN, true), REFERENCE, Progress.NONE);
        assertEquals(Set.of(HOT), flagged(r, CellFlag.HOT), r.summary());
        assertEquals(Set.of(DEAD, DEAD_HCAL), flagged(r, CellFlag.DEAD), r.summary());
        assertEquals(Set.of(NOISY), flagged(r, CellFlag.NOISY), r.summary());
        CellCheck hot =
                r.cells().stream().filter(c -> c.cell().equals(HOT)).findFirst().orElseThrow();
        // x10 gain: the mean is ten times the reference's within the statistics of two independent 20k-event runs
        // (about 5 %)
        assertEquals(10, hot.mean() / hot.refMean(), 1.0);
        CellCheck noisy = r.cells().stream()
                .filter(c -> c.cell().equals(NOISY))
                .findFirst()
                .orElseThrow();
        // noise adds in quadrature: rms^2 = rms_ref^2 + 0.3^2
        assertEquals(Math.hypot(noisy.refRms(), NOISE_GEV), noisy.rms(), 0.05 * noisy.rms());
    }

    @Test
    void spillTrendsCountEachSpillAndHideABlindedBox() {
        List<SpillTrends.Spill> spills = SpillTrends.of(CLEAN, SignalBox.published(), true);
        int[] col = CLEAN.ints("spill");
        Set<Integer> distinct = java.util.Arrays.stream(col).boxed().collect(Collectors.toSet());
        assertEquals(distinct.size(), spills.size());
        assertEquals(
                CLEAN.size(),
                spills.stream().mapToInt(SpillTrends.Spill::events).sum());
        SpillTrends.Spill first = spills.get(0);
        // independent: mean E_ECAL and VETO rate of the first spill by a plain loop
        double sum = 0;
        int n = 0;
        int veto = 0;
        for (int e = 0; e < CLEAN.size(); e++) {
            if (col[e] == first.spill()) {
                sum += CLEAN.floats("ecal")[e];
                veto += CLEAN.floats("veto_max_mip")[e] > 0.5 ? 1 : 0;
                n++;
            }
        }
        assertEquals(n, first.events());
        assertEquals(sum / n, first.meanEcal(), 1e-6);
        assertEquals((double) veto / n, first.vetoRate(), 1e-12);
        assertTrue(Double.isNaN(first.regionFraction().get(Region.BOX)), "box fraction hidden while blinded");
        assertFalse(Double.isNaN(SpillTrends.of(CLEAN, SignalBox.published(), false)
                .get(0)
                .regionFraction()
                .get(Region.BOX)));
        assertTrue(first.rateHz() > 0, "events per second inside the spill: " + first.rateHz());
    }
}
