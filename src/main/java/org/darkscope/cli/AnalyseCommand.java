package org.darkscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.BoxEdgeScan;
import org.darkscope.analysis.ExclusionSettings;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.SessionFile;
import org.darkscope.session.report.SessionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darkscope analyse}: cut flow, regions, efficiencies, background estimates and limits. */
@Command(
        name = "analyse",
        aliases = "analyze",
        mixinStandardHelpOptions = true,
        description = "Applies a selection to data runs, background MC and signal MC: cut flow, region counts, "
                + "signal efficiencies, background estimates with errors (closure on simulation) and limits. "
                + "With --session, the runs (with their roles), selection, blinding and analysis definition of a saved "
                + "window session: the numbers printed are those the window shows.")
public final class AnalyseCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "RUN.parquet",
            arity = "0..*",
            description = "run file(s) in the data role: recorded data, or simulation analysed as pseudo-data; blinded "
                    + "(box hidden) unless --unblind, exactly as the window blinds the runs it opens as data. "
                    + "A signal run (with an A' mass) given here takes the signal role, as in the window")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--signal", paramLabel = "SIG.parquet", description = "signal MC run file(s) (repeatable)")
    List<Path> signals = new ArrayList<>();

    @Option(
            names = "--background-mc",
            paramLabel = "BKG.parquet",
            description = "background MC run file(s) (repeatable): never blinded, truth and closure of the estimates; "
                    + "counted with their truth_weight (Σw ± √Σw² next to the event counts) and named 'weighted MC, rare "
                    + "classes boosted ...' when enriched")
    List<Path> backgrounds = new ArrayList<>();

    @Option(
            names = "--session",
            paramLabel = "S.json",
            description = "a session saved by the window (File > Save session): its runs with their roles, selection, "
                    + "blinding and analysis definition; run files given here are added in the data role")
    Path sessionFile;

    @Mixin
    SelectionOptions selection;

    @Mixin
    DefinitionOptions definition;

    @Option(
            names = "--scan-edges",
            split = ",",
            paramLabel = "E1,E2,...",
            description = "E_ECAL box edges (GeV) to scan for the smallest expected limit (needs a signal run)")
    List<Double> scanEdges = new ArrayList<>();

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The background method names, for the help text. */
    static final class BackgroundNames extends ArrayList<String> {
        BackgroundNames() {
            for (BackgroundChoice b : BackgroundChoice.values()) {
                add(AnalysisDefinition.name(b));
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        SessionFile session = sessionFile != null ? SessionFile.read(sessionFile) : null;
        if (session == null && runs.isEmpty() && backgrounds.isEmpty() && signals.isEmpty()) {
            throw new IllegalArgumentException("give at least one run file, or --session S.json");
        }
        Selection sel = selection.resolve(session, err);
        AnalysisDefinition def =
                definition.apply(session != null ? session.definition() : AnalysisDefinition.defaults());
        ExclusionSettings settings = def.settings();
        List<OpenRun> open = new ArrayList<>();
        List<Path> files = new ArrayList<>(runs);
        files.addAll(signals);
        files.addAll(backgrounds);
        if (session != null) {
            session.runs().forEach(e -> files.add(e.path()));
        }
        RunFiles.requireDistinct(files); // the same run twice would be counted twice (EOT doubled)
        TerminalProgress progress = new TerminalProgress(System.err);
        if (session != null) {
            for (SessionFile.RunEntry e : session.runs()) {
                open.add(new OpenRun(RunFiles.read(e.path(), progress), e.role(), e.path()));
            }
        }
        for (Path p : runs) {
            RunData r = RunFiles.read(p, progress);
            open.add(new OpenRun(
                    r, RunRole.of(r), p)); // a signal run given here takes the signal role, as in the window
        }
        for (Path p : backgrounds) {
            open.add(new OpenRun(RunFiles.read(p, progress), RunRole.BACKGROUND, p));
        }
        for (Path p : signals) {
            RunData r = RunFiles.read(p, progress);
            if (!r.info().isSignal()) {
                throw new IllegalArgumentException(p + " is not a signal run (no A' mass in its metadata)");
            }
            open.add(new OpenRun(r, RunRole.SIGNAL, p));
        }
        progress.done();
        List<RunData> all = open.stream().map(OpenRun::data).toList();
        java.util.Set<RunData> dataRole = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        open.stream().filter(o -> o.role() == RunRole.DATA).forEach(o -> dataRole.add(o.data()));
        org.darkscope.analysis.MissingColumns.require(sel, all); // a cut on a defaulted column is refused
        for (RunData r : all) {
            if (!r.valueCounts().isEmpty()) {
                long nan = 0, inf = 0, neg = 0;
                for (RunData.ValueCounts k : r.valueCounts().values()) {
                    nan += k.nan();
                    inf += k.posInf() + k.negInf();
                    neg += k.negative();
                }
                err.printf(
                        Locale.ROOT,
                        "darkscope: warning: %s has %d NaN, %d infinite and %d negative energy values in %d columns"
                                + " (darkscope info lists them)%n",
                        r.displayName(),
                        nan,
                        inf,
                        neg,
                        r.valueCounts().size());
                err.flush();
            }
        }
        AnalysisResult result;
        BoxEdgeScan.Result scan = null;
        try (AnalysisEngine engine = new AnalysisEngine(all)) {
            result = engine.evaluate(sel, dataRole::contains, org.darkscope.task.Progress.NONE);
            if (!scanEdges.isEmpty()) {
                if (result.signalRuns().isEmpty()) {
                    throw new IllegalArgumentException("--scan-edges needs a signal run (--signal)");
                }
                double mass = result.signalRuns().get(0).run().info().signalMassMeV();
                scan = BoxEdgeScan.scan(
                        engine,
                        sel,
                        scanEdges.stream().mapToDouble(Double::doubleValue).toArray(),
                        mass,
                        settings,
                        dataRole::contains,
                        progress);
                progress.done();
            }
        }
        ResultLimits.Summary limits = ResultLimits.compute(result, settings);
        SessionReport window = SessionReport.of(result, open, def);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var o = AnalyseReport.toJson(result, limits);
            o.put("definition", def.describe());
            o.set("window", AnalyseReport.windowJson(window));
            if (scan != null) {
                o.set("edgeScan", AnalyseReport.scanJson(scan));
            }
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            AnalyseReport.printWindow(window, def, out);
            AnalyseReport.print(result, limits, out);
            if (scan != null) {
                AnalyseReport.printScan(scan, out);
            }
        }
        out.flush();
        return 0;
    }
}
