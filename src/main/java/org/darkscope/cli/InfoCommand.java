package org.darkscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunInfo;
import org.darkscope.io.RunFiles;
import org.darkscope.io.RunInfoJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darkscope info RUN.parquet}: the run metadata, the event count and the class mix. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description =
                "Prints a run file's metadata, its event count and, for simulated runs, the mix of event classes.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN.parquet", description = "run file")
    Path file;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunFiles.Summary s = RunFiles.summary(file);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(toJson(s));
        } else {
            printTable(s, out);
            row(out, "derived columns", RunFiles.derivation(file));
        }
        out.flush();
        return 0;
    }

    static String toJson(RunFiles.Summary s) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("file", s.file().toString());
        o.put("events", s.events());
        o.put("darkscopeMetadata", s.hasMetadata());
        o.set("run", m.readTree(RunInfoJson.toJson(s.info())));
        var missing = o.putArray("missingColumns");
        s.missingColumns().forEach(missing::add);
        ObjectNode vc = o.putObject("valueCounts");
        s.valueCounts().forEach((col, k) -> {
            ObjectNode x = vc.putObject(col);
            x.put("nan", k.nan());
            x.put("posInf", k.posInf());
            x.put("negInf", k.negInf());
            x.put("negative", k.negative());
        });
        if (s.info().simulated() && !s.classCounts().isEmpty()) {
            ObjectNode c = o.putObject("classes");
            for (Map.Entry<Integer, Long> e : s.classCounts().entrySet()) {
                c.put(EventClass.of(e.getKey()).name().toLowerCase(Locale.ROOT), e.getValue());
            }
        }
        return m.writeValueAsString(o);
    }

    static void printTable(RunFiles.Summary s, PrintWriter out) {
        RunInfo i = s.info();
        row(out, "file", s.file().toString());
        row(out, "events", String.format(Locale.ROOT, "%,d", s.events()));
        row(out, "run number", Integer.toString(i.runNumber()));
        row(out, "beam energy", num(i.beamEnergy()) + " GeV");
        row(out, "EOT", num(i.eot()) + " electrons on target");
        row(out, "intensity", num(i.intensity()) + " e-/spill");
        row(out, "geometry", i.geometryVersion());
        row(out, "simulated", i.simulated() ? "yes" : "no (recorded data)");
        row(out, "mix", i.mix());
        org.darkscope.analysis.WeightedCounts.weightedLabel(i).ifPresent(w -> row(out, "weights", w));
        row(out, "seed", Long.toString(i.seed()));
        row(out, "A' mass", Double.isNaN(i.signalMassMeV()) ? "- (not a signal run)" : num(i.signalMassMeV()) + " MeV");
        if (i.generator().isEmpty()) {
            row(out, "generator", "-");
        } else {
            boolean first = true;
            for (Map.Entry<String, String> e : i.generator().entrySet()) {
                row(out, first ? "generator" : "", e.getKey() + " = " + e.getValue());
                first = false;
            }
        }
        row(out, "schema version", Integer.toString(i.schemaVersion()));
        row(out, "description", i.description().isEmpty() ? "-" : i.description());
        row(
                out,
                "missing columns",
                s.missingColumns().isEmpty()
                        ? "none"
                        : String.join(", ", s.missingColumns()) + " (filled with defaults; cuts on them are refused)");
        if (!s.hasMetadata()) {
            out.println("(no DarkScope metadata in the file: defaults shown)");
        }
        if (s.valueCounts().isEmpty()) {
            row(out, "bad values", "none (no NaN, no +-Inf, no negative energy)");
        } else {
            out.println();
            out.println("values that are not ordinary numbers (negative: energies only):");
            out.printf(Locale.ROOT, "  %-16s %10s %10s %10s %10s%n", "column", "NaN", "+Inf", "-Inf", "negative");
            s.valueCounts()
                    .forEach((col, k) -> out.printf(
                            Locale.ROOT,
                            "  %-16s %,10d %,10d %,10d %,10d%n",
                            col,
                            k.nan(),
                            k.posInf(),
                            k.negInf(),
                            k.negative()));
        }
        if (i.simulated() && !s.classCounts().isEmpty()) {
            out.println();
            out.println("class mix:");
            out.printf(Locale.ROOT, "  %-14s %12s %8s%n", "class", "events", "fraction");
            for (Map.Entry<Integer, Long> e : s.classCounts().entrySet()) {
                double f = s.events() == 0 ? 0 : (double) e.getValue() / s.events();
                out.printf(
                        Locale.ROOT,
                        "  %-14s %,12d %7.2f%%%n",
                        EventClass.of(e.getKey()).label(),
                        e.getValue(),
                        100 * f);
            }
        }
    }

    private static void row(PrintWriter out, String key, String value) {
        out.printf(Locale.ROOT, "%-15s %s%n", key, value);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) >= 1e7 || Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
