package org.darkscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.ResultLimits;
import org.darkscope.analysis.ResultView;
import org.darkscope.event.EventClass;
import org.darkscope.io.ResultFiles;
import org.darkscope.session.report.ResultFileReport;
import org.darkscope.session.report.SessionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkscope result FILE}: the cut flows, regions, efficiencies, background estimates and
 * limits of a result file (written by the Spark job, docs/result-file-format.md), printed as
 * {@code analyse} prints them for the same runs: by the same code ({@link AnalyseReport}, through a
 * {@link ResultView} of the totals instead of the events).
 */
@Command(
        name = "result",
        mixinStandardHelpOptions = true,
        description =
                "Prints a result file (from the Spark job, docs/result-file-format.md) as analyse prints the same runs: "
                        + "cut flow and regions per run, signal efficiencies, background estimates and limits.")
public final class ResultCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RESULT.json", description = "result file")
    Path file;

    @Mixin
    DefinitionOptions definition;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MergedResult r = ResultFiles.read(file);
        AnalysisDefinition def = definition.apply(AnalysisDefinition.defaults());
        PrintWriter out = spec.commandLine().getOut();
        // first the window's results panel for this file (File → Open result…), as analyse prints it for a session
        ResultFileReport window = ResultFileReport.of(r, def);
        AnalyseReport.printWindow(new SessionReport(window.lines(), window.cutFlow()), def, out);
        print(r, r.limits(def.settings()), out);
        out.flush();
        return 0;
    }

    /**
     * What {@code analyse} prints for the same runs (by the same code, {@link AnalyseReport#print(ResultView, ResultLimits.Summary, PrintWriter)}), then
     * the weighted background MC per region.
     */
    static void print(MergedResult r, ResultLimits.Summary limits, PrintWriter out) {
        AnalyseReport.print(ResultView.of(r), limits, out);
        printWeighted(r, out);
    }

    /**
     * Σw ± √Σw² of the background MC runs per region with four digits, as validate-background shows them
     * (an addition after analyse's text, whose region tables give the same sums with three).
     */
    private static void printWeighted(MergedResult r, PrintWriter out) {
        for (MergedResult.Run rr : r.runs()) {
            if (!rr.totals().isWeighted()) {
                continue;
            }
            out.println();
            out.println(
                    "weighted background MC " + rr.name() + " (sum of truth_weight ± sqrt of the sum of squares; EOT "
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
