package org.darkscope.cli;

import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.EventClass;
import org.darkscope.io.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/**
 * {@code darkscope result FILE}: the cut flows, regions, efficiencies, background estimates and
 * limits of a result file (written by the Spark job, docs/result-file-format.md), printed as
 * {@code analyse} prints them for the same runs: the lines are made the same way, from the totals
 * instead of the events.
 */
@Command(name = "result", mixinStandardHelpOptions = true,
        description = "Prints a result file (from the Spark job, docs/result-file-format.md) as analyse prints the same runs: "
                + "cut flow and regions per run, signal efficiencies, background estimates and limits.")
public final class ResultCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULT.json", description = "result file")
    Path file;

    @Option(names = "--background-method", paramLabel = "M",
            description = "background for the limit: ${COMPLETION-CANDIDATES} (default sideband-fits)",
            completionCandidates = AnalyseCommand.BackgroundNames.class)
    String backgroundMethod;

    @Option(names = {"--limit-method", "--method"}, paramLabel = "M", description = "limit method: cls, classical or fc (default cls)")
    String method;

    @Option(names = "--cl", paramLabel = "CL", description = "confidence level of the limits, e.g. 0.9 (default 0.9)")
    Double cl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MergedResult r = ResultFiles.read(file);
        AnalysisDefinition def = AnalysisDefinition.defaults();
        if (backgroundMethod != null) {
            def = def.withBackground(AnalysisDefinition.parseBackground(backgroundMethod));
        }
        if (method != null) {
            def = def.withLimitMethod(LimitMethod.parse(method));
        }
        if (cl != null) {
            def = def.withCl(cl);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(r, r.limits(def.settings()), out);
        out.flush();
        return 0;
    }

    /** The same text as {@code AnalyseReport.print} for the same runs (tested line by line against it). */
    static void print(MergedResult r, ResultLimits.Summary limits, PrintWriter out) {
        out.println("selection: " + r.selection().name() + (r.selection().blinded() ? " (blinded)" : ""));
        for (MergedResult.Run rr : r.runs()) {
            out.println();
            out.println("== " + rr.name() + ": " + rr.events() + " events"
                    + (rr.isSignal() ? ", signal m_A' = " + CliJson.fmt(rr.info().signalMassMeV()) + " MeV" : "")
                    + (rr.isSimulated() ? ", simulated" : ", data"));
            CutFlow flow = r.cutFlow(rr);
            if (rr.boxHidden()) {
                out.println("(box blinded: the cut flow counts events outside the signal box; --unblind to see all)");
            }
            Table t = new Table("cut", "events after", "of all", "of previous", "passing alone");
            t.row("(all events)", Long.toString(flow.total()), "1", "1", "-");
            for (CutFlow.Row row : flow.rows()) {
                t.row(row.cut(), Long.toString(row.after()), CliJson.fmt(row.absolute()), CliJson.fmt(row.relative()),
                        Long.toString(row.alone()));
            }
            t.print(out);
            out.println();
            Table g = new Table("region", "selected events");
            RegionCounts rc = r.regions(rr);
            for (Region reg : Region.values()) {
                long n = rc.count(reg);
                g.row(reg.label(), n == RegionCounts.HIDDEN ? "blinded" : Long.toString(n));
            }
            g.print(out);
        }
        if (!r.efficiencies().isEmpty()) {
            out.println();
            Table t = new Table("signal run", "m_A' [MeV]", "in box", "generated", "efficiency", "68 % interval");
            for (Efficiency e : r.efficiencies()) {
                t.row(e.runName(), CliJson.fmt(e.massMeV()), Long.toString(e.passed()), Long.toString(e.total()),
                        CliJson.fmt(e.value()), "[" + CliJson.fmt(e.lower()) + ", " + CliJson.fmt(e.upper()) + "]");
            }
            t.print(out);
        }
        if (!r.backgroundRuns().isEmpty()) {
            BackgroundSummary b = r.background();
            out.println();
            Table t = new Table("background in the box", "estimate", "closure (estimate/truth)");
            for (BackgroundEstimate e : new BackgroundEstimate[]{b.sidebandC(), b.sidebandA(), b.abcd()}) {
                OptionalDouble c = b.closure(e);
                t.row(e.method(), e.describe(), c.isPresent() ? CliJson.fmt(c.getAsDouble()) : "-");
            }
            if (b.simulated()) {
                t.row("truth (simulation)", Long.toString(b.truthTotal()), "1");
                for (Map.Entry<EventClass, Long> en : b.truthInBox().entrySet()) {
                    t.row("  " + en.getKey().label(), Long.toString(en.getValue()), "");
                }
            }
            t.print(out);
            out.println("note: ABCD " + b.abcd().note().replaceFirst("^assumes", "assumes"));
        }
        out.println();
        out.println("limit: background " + limits.background().method() + " = " + limits.background().describe()
                + "; observed " + (limits.observed() >= 0 ? Long.toString(limits.observed()) : "blinded")
                + "; N_up = " + CliJson.fmt(limits.upperLimit()) + ", expected " + CliJson.fmt(limits.expectedLimit())
                + "; EOT " + CliJson.fmt(limits.eot()) + (limits.reason().isEmpty() ? "" : " (" + limits.reason() + ")"));
        if (!limits.points().isEmpty()) {
            Table t = new Table("m_A' [MeV]", "efficiency", "eps90", "eps90 expected", "y90 expected");
            for (ExclusionPoint p : limits.points()) {
                t.row(CliJson.fmt(p.massMeV()), CliJson.fmt(p.efficiency()), CliJson.fmt(p.epsilon()),
                        CliJson.fmt(p.epsilonExpected()), CliJson.fmt(p.yExpected()));
            }
            t.print(out);
        }
        printWeighted(r, out);
    }

    /** Σw ± √Σw² of the background MC runs per region (analyse does not print these; validate-background does). */
    private static void printWeighted(MergedResult r, PrintWriter out) {
        for (MergedResult.Run rr : r.runs()) {
            if (!rr.totals().isWeighted()) {
                continue;
            }
            out.println();
            out.println("weighted background MC " + rr.name() + " (sum of truth_weight ± sqrt of the sum of squares; EOT "
                    + CliJson.fmt(rr.info().eot()) + ")");
            Table t = new Table("region", "events", "weighted");
            for (Region reg : Region.values()) {
                double w = 0;
                double w2 = 0;
                long n = 0;
                for (EventClass c : EventClass.values()) {
                    var s = rr.totals().weighted(c, reg);
                    w += s.w();
                    w2 += s.w2();
                    n += s.n();
                }
                t.row(reg.label(), Long.toString(n), String.format(Locale.ROOT, "%.4g ± %.2g", w, Math.sqrt(w2)));
            }
            t.print(out);
        }
    }
}
