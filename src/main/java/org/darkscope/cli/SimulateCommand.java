package org.darkscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.darkscope.dq.CellFaults;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.darkscope.io.RunFiles;
import org.darkscope.sim.Digitization;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code darkscope simulate}: a simulated run written to a Parquet run file. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Simulate a run (fast parametrised NA64 simulation) and write it as a Parquet run file.%n"
                + "Prints a progress bar on stderr and a summary (events per class, events/s, EOT) on stdout.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--mix",
            required = true,
            paramLabel = "MIX",
            description = "physics|calibration|signal-brem|signal-annihilation|dimuon|hadron|upstream|background-mc "
                    + "(background-mc: rare classes oversampled, with truth_weight)")
    String mix;

    @Option(names = "--events", required = true, paramLabel = "N", description = "number of triggered events")
    int events;

    @Option(names = "--mass-mev", paramLabel = "M", description = "A' mass in MeV (signal mixes)")
    Double massMeV;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all processors)")
    Integer threads;

    @Option(names = "--trigger-gev", paramLabel = "X", description = "trigger threshold on E_ECAL in GeV (default 80)")
    Double triggerGeV;

    @Option(names = "--open-trigger", description = "keep every event (no E_ECAL trigger)")
    boolean openTrigger;

    @Option(
            names = "--pileup",
            paramLabel = "P",
            description = "pile-up probability (default 0.08 physics/signal, 0 otherwise)")
    Double pileup;

    @Option(names = "--run-number", paramLabel = "R", description = "run number (default 1)")
    Integer runNumber;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "RUN.parquet",
            description = "output run file (an existing file only with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @Option(
            names = "--hot-cell",
            paramLabel = "CELL[=FACTOR]",
            description = "readout fault: multiply this calorimeter cell's energy by FACTOR (default 10); repeatable. "
                    + "Cell names as dq and the window print them, e.g. ecal_main_r2c1")
    List<String> hotCells = new ArrayList<>();

    @Option(
            names = "--dead-cell",
            paramLabel = "CELL",
            description = "readout fault: this cell reads 0 in every event; repeatable")
    List<String> deadCells = new ArrayList<>();

    @Option(
            names = "--noisy-cell",
            paramLabel = "CELL[=SIGMA_GEV]",
            description = "readout fault: add Gaussian noise of SIGMA_GEV (default 0.3 GeV) to this cell, "
                    + "then zero suppression; repeatable")
    List<String> noisyCells = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SimConfig cfg = config();
        List<CellFaults.Fault> faults = faults();
        // before the simulation: an unusable or existing --out is reported now, not after the run
        force.check(out, List.of());
        MemoryCheck.requireForRun(cfg.events(), "--events " + cfg.events());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        TerminalProgress bar = new TerminalProgress(System.err);
        long t0 = System.nanoTime();
        RunData run;
        try {
            run = Simulator.simulate(cfg, bar);
        } finally {
            bar.done();
        }
        run = CellFaults.apply(run, faults, cfg.zeroSuppression(), Digitization.CELL_STEP, cfg.seed() ^ 0x5EED_FA17L);
        double seconds = (System.nanoTime() - t0) / 1e9;
        RunFiles.write(run, out);
        err.flush();
        stdout.print(summary(run, seconds, cfg));
        if (!faults.isEmpty()) {
            stdout.println("readout faults: " + CellFaults.describe(faults));
        }
        stdout.flush();
        return 0;
    }

    /** The --hot-cell/--dead-cell/--noisy-cell faults, names checked against the default detector. */
    List<CellFaults.Fault> faults() {
        Detector d = GeometryLoader.defaultDetector();
        List<CellFaults.Fault> l = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            hotCells.forEach(c -> l.add(CellFaults.parse(CellFaults.Kind.HOT, c, d)));
            deadCells.forEach(c -> l.add(CellFaults.parse(CellFaults.Kind.DEAD, c, d)));
            noisyCells.forEach(c -> l.add(CellFaults.parse(CellFaults.Kind.NOISY, c, d)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (CellFaults.Fault f : l) {
            if (!seen.add(f.cell())) {
                throw new ParameterException(
                        spec.commandLine(), "cell " + f.cell() + " is given more than one fault; give each cell one");
            }
        }
        return l;
    }

    SimConfig config() {
        Mix m;
        try {
            m = Mix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (m.isSignal() && massMeV == null) {
            throw new ParameterException(spec.commandLine(), "--mix " + m.cliName() + " needs --mass-mev");
        }
        try {
            SimConfig cfg = SimConfig.defaults(m).withEvents(events).withSeed(seed);
            if (massMeV != null) {
                cfg = cfg.withMassMeV(massMeV);
            }
            if (threads != null) {
                cfg = cfg.withThreads(threads);
            }
            if (triggerGeV != null) {
                cfg = cfg.withTriggerThreshold(triggerGeV);
            }
            if (openTrigger) {
                cfg = cfg.withOpenTrigger(true);
            }
            if (pileup != null) {
                cfg = cfg.withPileupProbability(pileup);
            }
            if (runNumber != null) {
                cfg = cfg.withRunNumber(runNumber);
            }
            return cfg;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String summary(RunData run, double seconds, SimConfig cfg) {
        int[] counts = new int[EventClass.values().length];
        int pile = 0;
        Column cls = run.column(Schema.TRUTH_CLASS);
        Column pu = run.column(Schema.TRUTH_PILEUP);
        for (int e = 0; e < run.size(); e++) {
            counts[cls.getInt(e)]++;
            pile += pu.getInt(e);
        }
        StringBuilder sb = new StringBuilder();
        String gen = run.info().generator().get(Simulator.GENERATED_KEY);
        sb.append(String.format(
                "%s: %d events (%s generated before the trigger), %d threads%n",
                run.info().mix(), run.size(), gen, cfg.threads()));
        for (EventClass c : EventClass.values()) {
            if (counts[c.code()] > 0) {
                sb.append(String.format(
                        "  %-14s %9d  %6.2f %%%n", c.label(), counts[c.code()], 100.0 * counts[c.code()] / run.size()));
            }
        }
        sb.append(String.format("  %-14s %9d  %6.2f %%%n", "pile-up", pile, 100.0 * pile / run.size()));
        sb.append(String.format("EOT %.4g, %.1f s, %.0f events/s%n", run.info().eot(), seconds, run.size() / seconds));
        return sb.toString();
    }
}
