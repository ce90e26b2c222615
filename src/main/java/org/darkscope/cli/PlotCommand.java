package org.darkscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.Variable;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.report.DistributionData;
import org.darkscope.report.Figure;
import org.darkscope.report.FigureFiles;
import org.darkscope.report.Figures;
import org.darkscope.session.RunRole;
import org.darkscope.session.SessionFile;
import org.darkscope.ui.exclusion.ExclusionInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope plot}: one figure of the workbench as PNG, SVG or PDF, drawn by the same code as
 * the window's export ({@link Figures}). Blinding as in the window: the box of a data-role run stays
 * hidden unless --unblind.
 */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = "Draws a figure (plane, cutflow, nminus1, distribution, fits, exclusion) as PNG, SVG or PDF.")
public final class PlotCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "KIND",
            description = "plane, cutflow, nminus1, distribution, fits or exclusion")
    String kind;

    @Parameters(
            index = "1..*",
            paramLabel = "RUN.parquet",
            description = "run files: signal runs (an A' mass in the metadata) as signal MC, the others as data")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--background", paramLabel = "MC.parquet", description = "background MC run file(s) (repeatable)")
    List<Path> background = new ArrayList<>();

    @Option(
            names = "--session",
            paramLabel = "S.json",
            description = "session file: its runs (with roles) and selection")
    Path session;

    @Mixin
    SelectionOptions selection;

    // not ForceOption's output: a figure is made again from its inputs, so an existing one is replaced
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file: .png, .svg or .pdf")
    Path out;

    @Option(
            names = "--size",
            paramLabel = "WxH",
            defaultValue = "1600x1000",
            description = "size in pixels (default 1600x1000)")
    String size;

    @Option(names = "--cut", paramLabel = "NAME", description = "nminus1: the cut (default: the first enabled cut)")
    String cut;

    @Option(
            names = "--variable",
            paramLabel = "V",
            defaultValue = "ecal",
            description = "distribution: ecal, hcal, p, srd_sum or shower_shape (default ecal)")
    String variable;

    @Option(
            names = "--sideband",
            paramLabel = "C|A",
            defaultValue = "C",
            description = "fits: sideband C (E_ECAL) or A (E_HCAL)")
    String sideband;

    @Option(names = "--y", description = "exclusion: y vs m_chi with the relic lines instead of epsilon vs m_A'")
    boolean yPlot;

    @Option(names = "--linear-hcal", description = "plane: linear E_HCAL axis (default log)")
    boolean linearHcal;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String k = kind.toLowerCase(Locale.ROOT);
        if (!Figures.NAMES.contains(k)) {
            throw new IllegalArgumentException(
                    "unknown figure '" + kind + "' (one of " + String.join(", ", Figures.NAMES) + ")");
        }
        FigureFiles.Format.of(out);
        int[] wh = FigureFiles.parseSize(size);
        try (Inputs in = Inputs.load(
                runs, background, session, selection, spec.commandLine().getErr())) {
            Figure f = figure(k, in);
            FigureFiles.write(f, out, wh[0], wh[1]);
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + wh[0] + "x" + wh[1] + ")");
        return 0;
    }

    private Figure figure(String k, Inputs in) {
        AnalysisResult r = in.result;
        return switch (k) {
            case "plane" -> Figures.plane(r, in.firstData(), !linearHcal);
            case "cutflow" -> Figures.cutFlow(r);
            case "nminus1" -> {
                String c = cut != null
                        ? cut
                        : r.selection().enabledCuts().stream()
                                .findFirst()
                                .orElseThrow(() -> new IllegalArgumentException("the selection has no enabled cut"))
                                .name();
                if (r.selection().find(c).isEmpty()) {
                    throw new IllegalArgumentException("no cut '" + c + "' in the selection (cuts: "
                            + String.join(
                                    ", ",
                                    r.selection().cuts().stream()
                                            .map(x -> x.name())
                                            .toList()) + ")");
                }
                yield Figures.nMinusOne(r, c);
            }
            case "distribution" -> distribution(in, variable(variable));
            case "fits" -> {
                String s = sideband.trim().toUpperCase(Locale.ROOT);
                if (!s.equals("C") && !s.equals("A")) {
                    throw new IllegalArgumentException("--sideband must be C or A, got '" + sideband + "'");
                }
                if (r.backgroundRuns().isEmpty()) {
                    throw new IllegalArgumentException("fits need a data or background run");
                }
                yield Figures.fits(r, s.equals("C"));
            }
            default -> Figures.exclusion(exclusionPoints(r), r.selection().blinded(), yPlot, null, null);
        };
    }

    /** The window's exclusion curve: 40 masses from 1 MeV to 1 GeV, efficiency interpolated between signal runs. */
    static List<ExclusionPoint> exclusionPoints(AnalysisResult r) {
        if (r.backgroundRuns().isEmpty()) {
            throw new IllegalArgumentException(
                    "the exclusion needs a data or background run (background estimate and EOT)");
        }
        return ExclusionInputs.from(
                        r,
                        Double.NaN,
                        ExclusionRequest.DEFAULT_ALPHA_D,
                        org.darkscope.analysis.ResultLimits.observed(r))
                .compute();
    }

    static Figure distribution(Inputs in, Variable v) {
        AnalysisResult all = in.engine.evaluate(
                DistributionData.allEvents(in.result.selection()),
                in.dataRole::contains,
                org.darkscope.task.Progress.NONE);
        List<RunData> data = in.result.backgroundRuns().stream()
                .map(x -> x.run())
                .filter(in.dataRole::contains)
                .toList();
        List<RunData> mc = in.result.backgroundRuns().stream()
                .map(x -> x.run())
                .filter(x -> !in.dataRole.contains(x))
                .toList();
        if (data.isEmpty()) {
            data = mc;
            mc = List.of();
        }
        DistributionData d = DistributionData.of(v, in.result, all, data, mc);
        boolean perEot = data.stream().mapToDouble(x -> x.info().eot()).sum() > 0;
        return Figures.distribution(v, d.edges(), d.allData(), d.selData(), d.selMc(), d.cutEdges(), perEot);
    }

    static Variable variable(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Variable v : Variable.values()) {
            if (v.name().equals(n) || v.column().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown --variable '" + s + "' (ecal, hcal, p, srd_sum, shower_shape)");
    }

    /** Runs, roles, selection and the evaluated result, read as the window and {@code analyse} read them. */
    static final class Inputs implements AutoCloseable {
        final List<RunData> runs = new ArrayList<>();
        final List<Path> paths = new ArrayList<>();
        final Set<RunData> dataRole = Collections.newSetFromMap(new IdentityHashMap<>());
        Selection selection;
        AnalysisEngine engine;
        AnalysisResult result;

        /** Without a selection file, blinded: as {@code plot} with no options. */
        static Inputs load(List<Path> files, List<Path> background, Path session) throws Exception {
            return load(files, background, session, new SelectionOptions(), new java.io.PrintWriter(System.err, true));
        }

        static Inputs load(
                List<Path> files,
                List<Path> background,
                Path session,
                SelectionOptions options,
                java.io.PrintWriter err)
                throws Exception {
            Inputs in = new Inputs();
            TerminalProgress progress = new TerminalProgress(System.err);
            SessionFile sf = session != null ? SessionFile.read(session) : null;
            if (sf != null) {
                for (SessionFile.RunEntry e : sf.runs()) {
                    in.add(RunFiles.read(e.path(), progress), e.path(), e.role());
                }
            }
            for (Path p : files) {
                RunData r = RunFiles.read(p, progress);
                in.add(r, p, RunRole.of(r));
            }
            for (Path p : background) {
                in.add(RunFiles.read(p, progress), p, RunRole.BACKGROUND);
            }
            progress.done();
            if (in.runs.isEmpty()) {
                throw new IllegalArgumentException("no run files: give RUN.parquet files or --session");
            }
            Selection sel = options.resolve(sf, err);
            in.selection = sel;
            in.engine = new AnalysisEngine(in.runs);
            in.result = in.engine.evaluate(sel, in.dataRole::contains, org.darkscope.task.Progress.NONE);
            return in;
        }

        private void add(RunData r, Path p, RunRole role) {
            runs.add(r);
            paths.add(p);
            if (role == RunRole.DATA) {
                dataRole.add(r);
            }
        }

        RunData firstData() {
            return runs.stream().filter(dataRole::contains).findFirst().orElse(null);
        }

        @Override
        public void close() {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
