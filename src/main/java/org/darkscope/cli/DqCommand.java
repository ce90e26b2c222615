package org.darkscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.darkscope.dq.CellCheck;
import org.darkscope.dq.CellFlag;
import org.darkscope.dq.DataQuality;
import org.darkscope.dq.DqReport;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope dq RUN.parquet [--reference REF.parquet] [--json]}: hot, dead and noisy
 * calorimeter cells, for a data-taking script. Exit 0 if clean, 3 if problems were found, 2 on bad
 * input.
 */
@Command(
        name = "dq",
        mixinStandardHelpOptions = true,
        description = {
            "Data quality: compares every calorimeter cell's occupancy, mean energy and spread with a reference "
                    + "(another run, the shower model with the run's own settings, or its symmetric cells) as z-scores and flags hot, dead and noisy cells.",
            "Exit code: 0 clean, 3 problems found, 2 bad arguments or unreadable file."
        })
public final class DqCommand implements Callable<Integer> {
    /** Exit code when cells were flagged. */
    public static final int EXIT_PROBLEMS = 3;

    @Parameters(index = "0", paramLabel = "RUN.parquet", description = "run file to check")
    Path file;

    @Option(
            names = "--reference",
            paramLabel = "REF.parquet",
            description =
                    "a good run of the same detector to compare with (default: the run's own expectation, see --expect)")
    Path reference;

    @Option(
            names = "--expect",
            paramLabel = "auto|model|symmetry",
            description = "without --reference: 'model' simulates the run's own settings (from its metadata, other"
                    + " seeds, 2x its events, 20k..100k) and checks every cell, HCAL included; 'symmetry' compares each"
                    + " ECAL cell with its symmetric partners (no simulation, no HCAL); 'auto' (default) is model if"
                    + " the run carries simulation settings, else symmetry")
    String expect = "auto";

    @Mixin
    JsonOption output;

    @Option(names = "--all", description = "list every cell, not only the flagged ones")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataQuality.Expectation ex;
        try {
            ex = DataQuality.Expectation.valueOf(expect.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--expect must be auto, model or symmetry, got '" + expect + "'");
        }
        RunData run = RunFiles.read(file);
        RunData ref = reference == null ? null : RunFiles.read(reference);
        DqReport r;
        TerminalProgress bar = new TerminalProgress(System.err);
        try {
            r = DataQuality.check(run, ref, ex, bar);
        } finally {
            bar.done();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(toJson(r));
        } else {
            print(r, out, all);
        }
        out.flush();
        return r.clean() ? 0 : EXIT_PROBLEMS;
    }

    static String toJson(DqReport r) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("run", r.run());
        o.put("reference", r.reference() == null ? "the run's own symmetric cells" : r.reference());
        o.put("events", r.events());
        o.put("clean", r.clean());
        for (CellFlag f : new CellFlag[] {CellFlag.HOT, CellFlag.DEAD, CellFlag.NOISY}) {
            ArrayNode a = o.putArray(f.name().toLowerCase(Locale.ROOT));
            r.names(f).forEach(a::add);
        }
        ArrayNode cells = o.putArray("cells");
        for (CellCheck c : r.cells()) {
            ObjectNode n = cells.addObject();
            n.put("cell", c.cell());
            n.put("flag", c.flag().name().toLowerCase(Locale.ROOT));
            n.put("occupancy", c.occupancy());
            putNum(n, "referenceOccupancy", c.refOccupancy());
            putNum(n, "zOccupancy", c.zOccupancy());
            n.put("meanGeV", c.mean());
            putNum(n, "referenceMeanGeV", c.refMean());
            putNum(n, "zMean", c.zMean());
            n.put("rmsGeV", c.rms());
            putNum(n, "referenceRmsGeV", c.refRms());
            putNum(n, "zRms", c.zRms());
        }
        return m.writeValueAsString(o);
    }

    private static void putNum(ObjectNode n, String k, double v) {
        if (Double.isFinite(v)) {
            n.put(k, v);
        } else {
            n.putNull(k);
        }
    }

    static void print(DqReport r, PrintWriter out, boolean all) {
        out.printf(Locale.ROOT, "run        %s%n", r.run());
        out.printf(
                Locale.ROOT,
                "reference  %s%n",
                r.reference() == null ? "the run's own symmetric cells" : r.reference());
        out.printf(Locale.ROOT, "events     %,d%n", r.events());
        out.printf(Locale.ROOT, "hot        %s%n", list(r.names(CellFlag.HOT)));
        out.printf(Locale.ROOT, "dead       %s%n", list(r.names(CellFlag.DEAD)));
        out.printf(Locale.ROOT, "noisy      %s%n", list(r.names(CellFlag.NOISY)));
        var rows = all ? r.cells() : r.problems();
        if (!rows.isEmpty()) {
            out.println();
            out.printf(
                    Locale.ROOT,
                    "%-18s %-11s %9s %9s %7s %9s %9s %7s %9s %9s %7s%n",
                    "cell",
                    "flag",
                    "occ",
                    "ref occ",
                    "z",
                    "mean GeV",
                    "ref mean",
                    "z",
                    "rms GeV",
                    "ref rms",
                    "z");
            for (CellCheck c : rows) {
                out.printf(
                        Locale.ROOT,
                        "%-18s %-11s %9.4f %9.4f %7.1f %9.4f %9.4f %7.1f %9.4f %9.4f %7.1f%n",
                        c.cell(),
                        c.flag().label(),
                        c.occupancy(),
                        c.refOccupancy(),
                        c.zOccupancy(),
                        c.mean(),
                        c.refMean(),
                        c.zMean(),
                        c.rms(),
                        c.refRms(),
                        c.zRms());
            }
        }
        out.println();
        out.println(r.clean() ? "clean" : r.problems().size() + " problem cell(s) found");
    }

    private static String list(java.util.List<String> l) {
        return l.isEmpty() ? "none" : String.join(", ", l);
    }
}
