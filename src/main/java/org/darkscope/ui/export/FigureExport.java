package org.darkscope.ui.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Variable;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.report.Figure;
import org.darkscope.report.Figures;
import org.darkscope.session.OpenRun;
import org.darkscope.session.Session;
import org.darkscope.ui.exclusion.ExclusionInputs;

/**
 * The figures the window exports, by name, built by the same {@link Figures} code as {@code darkscope
 * plot} from the session's latest result: drawn off-screen at the requested size, without controls,
 * whether or not their tab is showing. No toolkit.
 */
public final class FigureExport {
    private FigureExport() {}

    /**
     * Figure builders by menu name.
     *
     * @param logHcal   the plane's E_HCAL axis mode
     * @param exclusion the points the exclusion view shows (empty: computed here as the view would)
     */
    public static Map<String, Supplier<Figure>> figures(Session s, boolean logHcal, List<ExclusionPoint> exclusion) {
        Map<String, Supplier<Figure>> m = new LinkedHashMap<>();
        AnalysisResult fresh = s.result();
        AnalysisResult detailed = s.details() != null ? s.details() : fresh;
        if (fresh == null) {
            return m;
        }
        OpenRun data = s.dataRun().orElse(null);
        boolean hasBackground = !fresh.backgroundRuns().isEmpty();
        if (hasBackground) {
            m.put(
                    "energy plane",
                    () -> Figures.plane(
                            fresh,
                            data != null && fresh.runs().stream().anyMatch(x -> x.run() == data.data())
                                    ? data.data()
                                    : null,
                            logHcal));
        }
        if (!fresh.runs().isEmpty()) {
            m.put("cut flow", () -> Figures.cutFlow(fresh));
        }
        for (Cut c : fresh.selection().cuts()) {
            if (hasBackground || !fresh.signalRuns().isEmpty()) {
                m.put("N-1: " + c.name(), () -> Figures.nMinusOne(fresh, c.name()));
            }
        }
        if (hasBackground) {
            for (Variable v : Variable.values()) {
                m.put("distribution: " + v.label(), () -> Figures.distribution(fresh, v));
            }
            m.put("sideband fits C (E_ECAL)", () -> Figures.fits(detailed, true));
            m.put("sideband fits A (E_HCAL)", () -> Figures.fits(detailed, false));
            Supplier<List<ExclusionPoint>> pts = () -> !exclusion.isEmpty()
                    ? exclusion
                    : ExclusionInputs.from(
                                    detailed,
                                    Double.NaN,
                                    ExclusionRequest.DEFAULT_ALPHA_D,
                                    org.darkscope.analysis.ResultLimits.observed(detailed))
                            .compute();
            m.put(
                    "exclusion ε vs m_A'",
                    () -> Figures.exclusion(pts.get(), detailed.selection().blinded(), false, null, null));
            m.put(
                    "exclusion y vs m_χ",
                    () -> Figures.exclusion(pts.get(), detailed.selection().blinded(), true, null, null));
        }
        return m;
    }
}
