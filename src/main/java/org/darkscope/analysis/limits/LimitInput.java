package org.darkscope.analysis.limits;

/**
 * What an upper limit on the number of signal events depends on.
 *
 * @param observed        events observed in the box
 * @param background      expected background b
 * @param backgroundError absolute uncertainty Δb (log-normal nuisance), 0 for none
 * @param signalRelError  relative uncertainty of the signal yield (log-normal nuisance), 0 for none
 * @param cl              confidence level, e.g. 0.90
 * @param method          CLs, classical or Feldman-Cousins
 */
public record LimitInput(
        int observed, double background, double backgroundError, double signalRelError, double cl, LimitMethod method) {
    /** The confidence level of the published NA64 limits. */
    public static final double CL90 = 0.90;

    public LimitInput {
        if (observed < 0) {
            throw new IllegalArgumentException("observed must be >= 0, got " + observed);
        }
        if (!(background >= 0) || !Double.isFinite(background)) {
            throw new IllegalArgumentException("background must be a finite number >= 0, got " + background);
        }
        if (!(backgroundError >= 0) || !Double.isFinite(backgroundError)) {
            throw new IllegalArgumentException("background error must be >= 0, got " + backgroundError);
        }
        if (!(signalRelError >= 0) || !Double.isFinite(signalRelError)) {
            throw new IllegalArgumentException("signal error must be >= 0, got " + signalRelError);
        }
        if (!(cl > 0 && cl < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + cl);
        }
        if (method == null) {
            throw new IllegalArgumentException("no limit method");
        }
    }

    /** n observed, b expected, no uncertainties, 90 % CL, CLs. */
    public static LimitInput of(int observed, double background) {
        return new LimitInput(observed, background, 0, 0, CL90, LimitMethod.CLS);
    }

    public LimitInput withMethod(LimitMethod m) {
        return new LimitInput(observed, background, backgroundError, signalRelError, cl, m);
    }

    public LimitInput withObserved(int n) {
        return new LimitInput(n, background, backgroundError, signalRelError, cl, method);
    }

    public LimitInput withErrors(double db, double relSignal) {
        return new LimitInput(observed, background, db, relSignal, cl, method);
    }

    public LimitInput withCl(double c) {
        return new LimitInput(observed, background, backgroundError, signalRelError, c, method);
    }
}
