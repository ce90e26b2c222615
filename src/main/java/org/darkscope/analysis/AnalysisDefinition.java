package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.darkscope.analysis.limits.LimitMethod;

/**
 * How the numbers of an analysis are derived beyond the selection: which background estimate feeds
 * the limit, the limit method and the confidence level. The window and {@code analyse} both read it
 * from the session, so one definition gives one set of numbers (docs/analysis.md, "The analysis
 * definition"). The other limit settings (signal uncertainty, yield model) are the defaults of
 * {@link ExclusionSettings}.
 *
 * @param background  the background estimate used for the limits
 * @param limitMethod CLs, classical or Feldman-Cousins
 * @param cl          confidence level, in (0, 1)
 */
public record AnalysisDefinition(BackgroundChoice background, LimitMethod limitMethod, double cl) {
    public AnalysisDefinition {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(limitMethod, "limitMethod");
        if (!(cl > 0 && cl < 1)) {
            throw new IllegalArgumentException("confidence level must lie between 0 and 1 (exclusive), got " + cl);
        }
    }

    /** The defaults: those of {@link ExclusionSettings#defaults()} (used by the window and the command line alike). */
    public static AnalysisDefinition defaults() {
        ExclusionSettings s = ExclusionSettings.defaults();
        return new AnalysisDefinition(s.background(), s.method(), s.cl());
    }

    public AnalysisDefinition withBackground(BackgroundChoice b) {
        return new AnalysisDefinition(b, limitMethod, cl);
    }

    public AnalysisDefinition withLimitMethod(LimitMethod m) {
        return new AnalysisDefinition(background, m, cl);
    }

    public AnalysisDefinition withCl(double c) {
        return new AnalysisDefinition(background, limitMethod, c);
    }

    /** The limit settings this definition stands for. */
    public ExclusionSettings settings() {
        ExclusionSettings d = ExclusionSettings.defaults();
        return new ExclusionSettings(
                limitMethod, cl, background, d.signalRelError(), d.process(), d.model(), d.kTable(), d.alphaD());
    }

    /** The name of a background method in files and on the command line: "sideband-fits", "abcd", ... */
    public static String name(BackgroundChoice b) {
        return b.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a background method by its name (any case, '-' or '_'), for every value of
     * {@link BackgroundChoice}; "fits" is the old name of SIDEBAND_FITS.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static BackgroundChoice parseBackground(String s) {
        String k = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (k.equals("FITS") || k.equals("FIT")) {
            k = "SIDEBAND_FITS";
        }
        for (BackgroundChoice b : BackgroundChoice.values()) {
            if (b.name().equals(k)) {
                return b;
            }
        }
        List<String> names = new ArrayList<>();
        for (BackgroundChoice b : BackgroundChoice.values()) {
            names.add(name(b));
        }
        throw new IllegalArgumentException(
                "unknown background method '" + s + "' (expected one of " + String.join(", ", names) + ")");
    }

    /** "CLs, 90% CL, background sideband-fits". */
    public String describe() {
        return String.format(
                Locale.ROOT, "%s, %s%% CL, background %s", limitMethod.cliName(), percent(cl), name(background));
    }

    /** A confidence level as a percentage without trailing zeros: 0.9 → "90", 0.955 → "95.5". */
    public static String percent(double cl) {
        return new java.math.BigDecimal(Double.toString(100 * cl))
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
