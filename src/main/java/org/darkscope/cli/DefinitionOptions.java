package org.darkscope.cli;

import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.limits.LimitMethod;
import picocli.CommandLine.Option;

/**
 * {@code --background-method}, {@code --limit-method} and {@code --cl}: the parts of the analysis
 * definition a command line may override (mixed in with {@code @Mixin} by {@code analyse} and
 * {@code result}).
 */
final class DefinitionOptions {
    @Option(
            names = "--background-method",
            paramLabel = "M",
            description = "background for the limit: ${COMPLETION-CANDIDATES} (default: the session's, else "
                    + "mc-transfer; 'fits' is accepted for sideband-fits)",
            completionCandidates = AnalyseCommand.BackgroundNames.class)
    String backgroundMethod;

    @Option(
            names = {"--limit-method", "--method"},
            paramLabel = "M",
            description = "limit method: cls, classical or fc (default: the session's, else cls)")
    String method;

    @Option(
            names = "--cl",
            paramLabel = "CL",
            description = "confidence level of the limits, e.g. 0.9 (default: the session's, else 0.9)")
    Double cl;

    /** The given definition with every option that was set on the command line applied. */
    AnalysisDefinition apply(AnalysisDefinition def) {
        if (backgroundMethod != null) {
            def = def.withBackground(AnalysisDefinition.parseBackground(backgroundMethod));
        }
        if (method != null) {
            def = def.withLimitMethod(LimitMethod.parse(method));
        }
        if (cl != null) {
            def = def.withCl(cl);
        }
        return def;
    }
}
