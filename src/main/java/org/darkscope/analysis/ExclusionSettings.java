package org.darkscope.analysis;

import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.analysis.yield.BremModel;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.analysis.yield.KFactorTable;
import org.darkscope.analysis.yield.SignalProcess;

/**
 * How limits are derived from an {@link AnalysisResult}.
 *
 * @param method          CLs, classical or Feldman-Cousins
 * @param cl              confidence level
 * @param background      which background estimate
 * @param signalRelError  relative uncertainty of the signal yield (log-normal) [est: 10-15 %, docs/physics.md#published-result]
 * @param process         A' production counted
 * @param model           IWW or ETL
 * @param kTable          K factors for ETL
 * @param alphaD          α_D for y
 */
public record ExclusionSettings(
        LimitMethod method,
        double cl,
        BackgroundChoice background,
        double signalRelError,
        SignalProcess process,
        BremModel model,
        KFactorTable kTable,
        double alphaD) {
    /** Relative uncertainty of the signal efficiency × yield: 10-15 % per run [src, docs/physics.md#published-result]; 0.1 used. */
    public static final double DEFAULT_SIGNAL_ERROR = 0.10;

    /**
     * CLs at 90 % CL with the MC transfer factor, the method NA64 used and the one whose coverage
     * {@code validate-background} checks. Without a weighted background simulation it is unavailable
     * and says so; the user then chooses another method (there is no silent fallback).
     */
    public static ExclusionSettings defaults() {
        return new ExclusionSettings(
                LimitMethod.CLS,
                LimitInput.CL90,
                BackgroundChoice.MC_TRANSFER,
                DEFAULT_SIGNAL_ERROR,
                SignalProcess.BREM,
                BremModel.IWW,
                KFactorTable.defaultTable(),
                ExclusionRequest.DEFAULT_ALPHA_D);
    }

    public ExclusionSettings withMethod(LimitMethod m) {
        return new ExclusionSettings(m, cl, background, signalRelError, process, model, kTable, alphaD);
    }

    public ExclusionSettings withBackground(BackgroundChoice b) {
        return new ExclusionSettings(method, cl, b, signalRelError, process, model, kTable, alphaD);
    }
}
