package org.darkscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope validate RUN.parquet|DIR ...}: the figures that say whether simulated runs look
 * like NA64. It prints:
 * <ul>
 *   <li>the calibration peak;</li>
 *   <li>per signal run, the fraction with E_ECAL &lt; 50 GeV and preshower &gt; 0.5 GeV, and the
 *       efficiency over generated events, with the unmodelled factor shown separately;</li>
 *   <li>per background run, the weighted counts per EOT after the selection, set against the
 *       published rates.</li>
 * </ul>
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks simulated runs against the published NA64 figures: calibration peak, signal fractions "
                + "and efficiency per mass, weighted background per EOT. Directories are searched for *.parquet.")
public final class ValidateCommand implements Callable<Integer> {
    /** NA64's expected background in the box per EOT: 0.53 / 2.84e11 (docs/physics.md#regions [src]). */
    public static final double NA64_BOX_PER_EOT = 0.53 / 2.84e11;
    /** NA64's events after the selection outside the box per EOT: 1.6e4 / 2.84e11 (docs/physics.md#event-mix [src]). */
    public static final double NA64_SELECTED_PER_EOT = 1.6e4 / 2.84e11;

    @Parameters(paramLabel = "RUN.parquet|DIR", arity = "1..*", description = "run files or directories of run files")
    List<Path> inputs;

    @Option(names = "--selection", paramLabel = "SEL.json", description = "selection (default: the published one)")
    Path selectionFile;

    @Option(names = "--markdown", description = "print the tables as Markdown (the sample-runs README block)")
    boolean markdown;

    @Spec
    CommandSpec spec;

    /** Calibration peak of one run. */
    public record Calibration(String file, long events, double peak, double sigma) {}

    /** Signal figures of one run. */
    public record SignalFigures(
            String file,
            String process,
            double massMeV,
            long generated,
            long triggered,
            double medianBoxEcal,
            double preshowerOfBox,
            double boxAndPreshower,
            double efficiency,
            double efficiencyLow,
            double efficiencyHigh,
            ExternalEfficiency external) {}

    /** Background figures of one run. */
    public record BackgroundFigures(
            String file, String mix, String weightedLabel, long events, double eot, WeightedCounts counts) {
        /** Selected events outside the box per EOT. */
        public double selectedOutsideBoxPerEot() {
            WeightedCounts.Sum all = counts.selected();
            WeightedCounts.Sum box = counts.region(Region.BOX);
            return (all.w() - box.w()) / eot;
        }
    }

    /** All figures of a set of runs. */
    public record Report(
            List<Calibration> calibrations, List<SignalFigures> signals, List<BackgroundFigures> backgrounds) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("darkscope validate: no .parquet files in " + inputs);
            return DarkScopeCli.EXIT_USAGE;
        }
        Selection sel = selectionFile != null ? SelectionIo.read(selectionFile) : Selection.published();
        List<RunData> runs = new ArrayList<>();
        for (Path f : files) {
            runs.add(RunFiles.read(f));
        }
        Report r = compute(runs, sel);
        out.print(markdown ? markdown(r) : text(r));
        out.flush();
        return 0;
    }

    /** Files given, with directories replaced by their *.parquet files (sorted by name). */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(x -> x.getFileName().toString().endsWith(".parquet"))
                            .sorted()
                            .forEach(out::add);
                }
            } else {
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("no such file: " + p);
                }
                out.add(p);
            }
        }
        return out;
    }

    /** Computes every figure; runs that are not simulated are skipped (never count a data box). */
    public static Report compute(List<RunData> runs, Selection sel) {
        List<Calibration> cal = new ArrayList<>();
        List<SignalFigures> sig = new ArrayList<>();
        List<BackgroundFigures> bg = new ArrayList<>();
        for (RunData run : runs) {
            if (!run.info().simulated()) {
                continue;
            }
            String mix = run.info().mix();
            if ("calibration".equals(mix)) {
                float[] e = run.floats(Schema.ECAL);
                double[] ps = peak(e);
                cal.add(new Calibration(run.displayName(), run.size(), ps[0], ps[1]));
            } else if (run.info().isSignal()) {
                sig.add(signal(run, sel));
            } else {
                bg.add(new BackgroundFigures(
                        run.displayName(),
                        mix,
                        WeightedCounts.weightedLabel(run.info()).orElse("unweighted"),
                        run.size(),
                        run.info().eot(),
                        WeightedCounts.of(run, sel)));
            }
        }
        sig.sort((a, b) ->
                a.process.equals(b.process) ? Double.compare(a.massMeV, b.massMeV) : a.process.compareTo(b.process));
        return new Report(cal, sig, bg);
    }

    /**
     * Peak of a calibration spectrum and its width: the mean within ±2σ, iterated from the median;
     * σ is the truncated RMS divided by 0.880, the RMS fraction that ±2σ keeps of a Gaussian.
     */
    public static double[] peak(float[] v) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = v[i];
        }
        Arrays.sort(s);
        double m = s[s.length / 2];
        double sigma = 0.05 * Math.abs(m) + 1e-3;
        for (int it = 0; it < 30; it++) {
            double sum = 0;
            double sum2 = 0;
            int n = 0;
            for (double x : s) {
                if (Math.abs(x - m) < 2 * sigma) {
                    sum += x;
                    sum2 += x * x;
                    n++;
                }
            }
            if (n == 0) {
                break;
            }
            m = sum / n;
            sigma = Math.sqrt(Math.max(sum2 / n - m * m, 1e-12)) / 0.880;
        }
        return new double[] {m, sigma};
    }

    static SignalFigures signal(RunData run, Selection sel) {
        Column ecal = run.column(Schema.ECAL);
        Column hcal = run.column(Schema.HCAL);
        Column pre = run.column(Schema.ECAL_PRE);
        double eMax = sel.box().ecalMax();
        double hMax = sel.box().hcalMax();
        long generated = run.info().generatedEvents(run.size());
        double[] boxE = new double[run.size()];
        int box = 0;
        int boxPre = 0;
        for (int e = 0; e < run.size(); e++) {
            if (ecal.getFloat(e) < eMax && hcal.getFloat(e) < hMax) {
                boxE[box++] = ecal.getFloat(e);
                if (pre.getFloat(e) > 0.5) {
                    boxPre++;
                }
            }
        }
        double[] sorted = Arrays.copyOf(boxE, box);
        Arrays.sort(sorted);
        double median = box == 0 ? Double.NaN : sorted[box / 2];
        Efficiency eff;
        try (AnalysisEngine engine = new AnalysisEngine(
                List.of(run), AnalysisEngine.Options.defaults().withThreads(1))) {
            AnalysisResult res = engine.evaluate(sel.withBlinded(false));
            eff = res.efficiencies().get(0);
        }
        String process = "signal-annihilation".equals(run.info().mix()) ? "annihilation" : "brem";
        return new SignalFigures(
                run.displayName(),
                process,
                run.info().signalMassMeV(),
                generated,
                run.size(),
                median,
                box == 0 ? Double.NaN : (double) boxPre / box,
                (double) boxPre / generated,
                eff.value(),
                eff.lower(),
                eff.upper(),
                ExternalEfficiency.of(run.info()).orElse(null));
    }

    static String text(Report r) {
        StringBuilder sb = new StringBuilder();
        if (!r.calibrations().isEmpty()) {
            Table t = new Table("calibration run", "events", "peak [GeV]", "sigma [GeV]", "target");
            for (Calibration c : r.calibrations()) {
                t.row(c.file(), Long.toString(c.events()), f("%.2f", c.peak()), f("%.2f", c.sigma()), "100.0 +- 0.2");
            }
            sb.append(render(t)).append('\n');
        }
        if (!r.signals().isEmpty()) {
            Table t = new Table(
                    "signal run",
                    "process",
                    "m_A' [MeV]",
                    "generated",
                    "median E_ECAL box [GeV]",
                    "pre>0.5 of box",
                    "E_ECAL<50 & pre>0.5",
                    "efficiency",
                    "68 % interval",
                    "unmodelled factor",
                    "eff x factor");
            for (SignalFigures s : r.signals()) {
                ExternalEfficiency x = s.external();
                t.row(
                        s.file(),
                        s.process(),
                        mass(s.massMeV()),
                        Long.toString(s.generated()),
                        f("%.1f", s.medianBoxEcal()),
                        f("%.3f", s.preshowerOfBox()),
                        f("%.3f", s.boxAndPreshower()),
                        f("%.3f", s.efficiency()),
                        f("[%.3f, %.3f]", s.efficiencyLow(), s.efficiencyHigh()),
                        x == null ? "-" : x.name() + " " + f("%.3f", x.value()),
                        x == null ? "-" : f("%.3f", s.efficiency() * x.value()));
            }
            sb.append(render(t));
            sb.append(
                    "efficiency = selected in the box / generated; the unmodelled factor (docs/physics.md) is not in it\n\n");
        }
        for (BackgroundFigures b : r.backgrounds()) {
            WeightedCounts c = b.counts();
            sb.append(b.file())
                    .append(": mix ")
                    .append(b.mix())
                    .append(", ")
                    .append(b.weightedLabel())
                    .append(f(", %,d events, EOT %.4g%n", b.events(), b.eot()));
            Table t = new Table("selected", "sum of weights", "error", "events", "per EOT", "NA64 per EOT");
            WeightedCounts.Sum box = c.region(Region.BOX);
            WeightedCounts.Sum all = c.selected();
            t.row(
                    "in the box",
                    f("%.4g", box.w()),
                    f("%.3g", box.error()),
                    Long.toString(box.n()),
                    f("%.3g", box.perEot(b.eot())),
                    f("%.2g", NA64_BOX_PER_EOT));
            t.row(
                    "outside the box",
                    f("%.4g", all.w() - box.w()),
                    f("%.3g", Math.sqrt(Math.max(0, all.w2() - box.w2()))),
                    Long.toString(all.n() - box.n()),
                    f("%.3g", b.selectedOutsideBoxPerEot()),
                    f("%.2g", NA64_SELECTED_PER_EOT));
            for (Region reg : new Region[] {Region.A, Region.C, Region.D}) {
                WeightedCounts.Sum s = c.region(reg);
                t.row(
                        "sideband " + reg.name(),
                        f("%.4g", s.w()),
                        f("%.3g", s.error()),
                        Long.toString(s.n()),
                        f("%.3g", s.perEot(b.eot())),
                        "");
            }
            for (EventClass ec : EventClass.values()) {
                WeightedCounts.Sum s = c.region(ec, Region.BOX);
                if (s.n() > 0) {
                    t.row(
                            "  box: " + ec.label(),
                            f("%.4g", s.w()),
                            f("%.3g", s.error()),
                            Long.toString(s.n()),
                            f("%.3g", s.perEot(b.eot())),
                            "");
                }
            }
            sb.append(render(t)).append('\n');
        }
        return sb.toString();
    }

    /** The Markdown block of sample-runs/README.md (deterministic for given files). */
    public static String markdown(Report r) {
        StringBuilder sb = new StringBuilder();
        if (!r.calibrations().isEmpty()) {
            sb.append("| calibration run | events | peak [GeV] | σ [GeV] |\n|---|---|---|---|\n");
            for (Calibration c : r.calibrations()) {
                sb.append(f("| `%s` | %,d | %.2f | %.2f |%n", c.file(), c.events(), c.peak(), c.sigma()));
            }
            sb.append('\n');
        }
        if (!r.signals().isEmpty()) {
            sb.append("| signal run | process | m_A' [MeV] | generated | triggered | median E_ECAL of box events [GeV] "
                    + "| preshower > 0.5 GeV of box events | E_ECAL < 50 & preshower > 0.5 / generated "
                    + "| efficiency (selected in box / generated) | × unmodelled factor |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|\n");
            for (SignalFigures s : r.signals()) {
                ExternalEfficiency x = s.external();
                sb.append(f(
                        "| `%s` | %s | %s | %,d | %,d | %.1f | %.3f | %.3f | %.3f | %s |%n",
                        s.file(),
                        s.process(),
                        mass(s.massMeV()),
                        s.generated(),
                        s.triggered(),
                        s.medianBoxEcal(),
                        s.preshowerOfBox(),
                        s.boxAndPreshower(),
                        s.efficiency(),
                        x == null ? "-" : f("%.3f (%s %.3f)", s.efficiency() * x.value(), x.name(), x.value())));
            }
            sb.append('\n');
        }
        for (BackgroundFigures b : r.backgrounds()) {
            WeightedCounts c = b.counts();
            sb.append(f(
                    "`%s` (%s, %s; %,d events, EOT %.4g), after the selection:%n%n",
                    b.file(), b.mix(), b.weightedLabel(), b.events(), b.eot()));
            sb.append("| class | box | A | C | D | I | II | III |\n|---|---|---|---|---|---|---|---|\n");
            Region[] regs = {Region.BOX, Region.A, Region.C, Region.D, Region.I, Region.II, Region.III};
            for (EventClass ec : EventClass.values()) {
                if (c.perClass().containsKey(ec)) {
                    sb.append("| ").append(ec.label());
                    for (Region reg : regs) {
                        sb.append(" | ").append(cell(c.region(ec, reg)));
                    }
                    sb.append(" |\n");
                }
            }
            sb.append("| **all**");
            for (Region reg : regs) {
                sb.append(" | **").append(cell(c.region(reg))).append("**");
            }
            sb.append(" |\n\n");
            WeightedCounts.Sum box = c.region(Region.BOX);
            sb.append(f(
                    "Per EOT: box %.3g ± %.2g (NA64: %.2g), selected outside the box %.3g (NA64: %.2g).%n%n",
                    box.perEot(b.eot()),
                    box.error() / b.eot(),
                    NA64_BOX_PER_EOT,
                    b.selectedOutsideBoxPerEot(),
                    NA64_SELECTED_PER_EOT));
        }
        return sb.toString();
    }

    private static String mass(double m) {
        return java.math.BigDecimal.valueOf(m).stripTrailingZeros().toPlainString();
    }

    private static String render(Table t) {
        java.io.StringWriter w = new java.io.StringWriter();
        PrintWriter p = new PrintWriter(w);
        t.print(p);
        p.flush();
        return w.toString();
    }

    private static String cell(WeightedCounts.Sum s) {
        if (s.n() == 0) {
            return "0";
        }
        if (Math.abs(s.w() - s.n()) < 1e-6 * s.n() && Math.abs(s.w2() - s.n()) < 1e-6 * s.n()) {
            return f("%,d", s.n());
        }
        return f("%.3g ± %.2g (%,d)", s.w(), s.error(), s.n());
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
