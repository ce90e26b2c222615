package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.UpperLimits;
import org.darkscope.task.Progress;

/**
 * Scans the E_ECAL box edge and finds the one minimising the expected limit on ε for one signal
 * mass (docs/physics.md#statistics: NA64 found the optimum depends weakly on m_A' and fixed it at 50 GeV).
 * Since N_sig ∝ ε² · eff(edge), the expected ε_90 ∝ √(s_exp(b(edge)) / eff(edge)).
 */
public final class BoxEdgeScan {
    /**
     * One edge.
     *
     * @param edge            E_ECAL box edge (GeV)
     * @param efficiency      signal efficiency at this edge
     * @param background      background estimate at this edge
     * @param expectedLimit   mean expected upper limit on signal events (NaN without background)
     * @param relativeEpsilon √(expectedLimit / efficiency): expected ε_90 up to a constant
     */
    public record Point(
            double edge,
            double efficiency,
            BackgroundEstimate background,
            double expectedLimit,
            double relativeEpsilon) {}

    /** The scan and the best edge (NaN if no edge gives a limit). */
    public record Result(List<Point> points, double bestEdge) {
        public Result {
            points = List.copyOf(points);
        }
    }

    private BoxEdgeScan() {}

    /**
     * @param massMeV the signal run mass to optimise for (the signal run with the nearest mass is used)
     */
    public static Result scan(
            AnalysisEngine engine,
            Selection selection,
            double[] edges,
            double massMeV,
            ExclusionSettings s,
            Progress progress) {
        return scan(engine, selection, edges, massMeV, s, AnalysisEngine.RECORDED_ONLY, progress);
    }

    /**
     * @param massMeV  the signal run mass to optimise for (the signal run with the nearest mass is used)
     * @param dataRole simulated runs in the data role (blinded like recorded data)
     */
    public static Result scan(
            AnalysisEngine engine,
            Selection selection,
            double[] edges,
            double massMeV,
            ExclusionSettings s,
            java.util.function.Predicate<? super org.darkscope.event.RunData> dataRole,
            Progress progress) {
        List<Point> pts = new ArrayList<>();
        double best = Double.NaN;
        double bestV = Double.POSITIVE_INFINITY;
        for (int i = 0; i < edges.length; i++) {
            progress.checkCancelled();
            progress.update((double) i / edges.length, "box edge " + edges[i] + " GeV");
            Selection sel =
                    selection.withBox(selection.box().withEcalMax(edges[i])).withBlinded(true);
            AnalysisResult r = engine.evaluate(sel, dataRole, progress);
            Efficiency eff = r.efficiencies().stream()
                    .min((a, b) -> Double.compare(Math.abs(a.massMeV() - massMeV), Math.abs(b.massMeV() - massMeV)))
                    .orElseThrow(() -> new IllegalArgumentException("no signal run to compute the efficiency"));
            BackgroundEstimate b = s.background().pick(r.background());
            double exp = Double.NaN;
            double rel = Double.NaN;
            if (b.available() && eff.value() > 0) {
                exp = UpperLimits.expectedLimit(new LimitInput(
                        0, Math.max(0, b.value()), b.totalError(), s.signalRelError(), s.cl(), s.method()));
                rel = Math.sqrt(exp / eff.value());
                if (rel < bestV) {
                    bestV = rel;
                    best = edges[i];
                }
            }
            pts.add(new Point(edges[i], eff.value(), b, exp, rel));
        }
        progress.update(1, "done");
        return new Result(pts, best);
    }
}
