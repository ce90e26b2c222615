package org.darkscope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.darkscope.analysis.limits.ExpectedLimits;
import org.darkscope.analysis.limits.FcInterval;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.analysis.limits.UpperLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code darkscope limit}: the upper limit on signal events for n observed and b expected. */
@Command(
        name = "limit",
        mixinStandardHelpOptions = true,
        description = "Upper limit on the number of signal events for N observed and B expected background "
                + "(CLs by default; classical or Feldman-Cousins on request), with log-normal uncertainties.")
public final class LimitCommand implements Callable<Integer> {
    @Option(names = "--observed", required = true, paramLabel = "N", description = "events observed")
    int observed;

    @Option(names = "--background", required = true, paramLabel = "B", description = "expected background")
    double background;

    @Option(
            names = "--background-error",
            paramLabel = "DB",
            defaultValue = "0",
            description = "absolute uncertainty of B (default 0)")
    double backgroundError;

    @Option(
            names = "--signal-error",
            paramLabel = "REL",
            defaultValue = "0",
            description = "relative uncertainty of the signal yield (default 0)")
    double signalError;

    @Option(
            names = "--method",
            paramLabel = "M",
            defaultValue = "cls",
            description = "cls, classical, fc (Feldman-Cousins) or fc-adjusted (Feldman-Cousins with the "
                    + "published tables' belt adjustment at n < b: the upper limit never rises with b) (default cls)")
    String method;

    @Option(names = "--cl", paramLabel = "CL", defaultValue = "0.9", description = "confidence level (default 0.9)")
    double cl;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LimitInput in =
                new LimitInput(observed, background, backgroundError, signalError, cl, LimitMethod.parse(method));
        FcInterval fc = in.method().isFeldmanCousins() ? UpperLimits.feldmanCousins(in) : null;
        double up = fc != null ? fc.upper() : UpperLimits.upperLimit(in);
        ExpectedLimits e = UpperLimits.expected(in);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode o = CliJson.MAPPER.createObjectNode();
            CliJson.put(o, "observed", in.observed());
            CliJson.put(o, "background", in.background());
            CliJson.put(o, "backgroundError", in.backgroundError());
            CliJson.put(o, "signalRelError", in.signalRelError());
            o.put("method", in.method().cliName());
            CliJson.put(o, "cl", in.cl());
            CliJson.put(o, "upperLimit", up);
            if (fc != null) {
                CliJson.put(o, "lowerLimit", fc.lower());
            }
            CliJson.put(o, "expectedLimit", e.median());
            CliJson.put(o, "expectedMinus2", e.minus2());
            CliJson.put(o, "expectedMinus1", e.minus1());
            CliJson.put(o, "expectedPlus1", e.plus1());
            CliJson.put(o, "expectedPlus2", e.plus2());
            CliJson.put(o, "meanExpectedLimit", e.mean());
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            Table t = new Table("quantity", "value");
            t.row("observed", Integer.toString(in.observed()));
            t.row("background", CliJson.fmt(in.background()) + " ± " + CliJson.fmt(in.backgroundError()));
            t.row("signal uncertainty", CliJson.fmt(100 * in.signalRelError()) + " %");
            t.row("method", in.method().cliName() + " at " + CliJson.fmt(100 * in.cl()) + " % CL");
            if (fc != null) {
                t.row(
                        "interval on signal events",
                        "[" + CliJson.fmt(fc.lower()) + ", " + CliJson.fmt(fc.upper()) + "]"
                                + (fc.adjusted() ? " (belt adjusted as in the published tables)" : ""));
            } else {
                t.row("upper limit on signal events", CliJson.fmt(up));
            }
            t.row("expected limit (median)", CliJson.fmt(e.median()));
            t.row("expected ±1σ band", "[" + CliJson.fmt(e.minus1()) + ", " + CliJson.fmt(e.plus1()) + "]");
            t.row("expected ±2σ band", "[" + CliJson.fmt(e.minus2()) + ", " + CliJson.fmt(e.plus2()) + "]");
            t.row("mean expected limit", CliJson.fmt(e.mean()));
            t.print(out);
        }
        out.flush();
        return 0;
    }
}
