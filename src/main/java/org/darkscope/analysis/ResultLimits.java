package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.limits.ExpectedLimits;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.UpperLimits;
import org.darkscope.analysis.yield.DarkPhotonYield;
import org.darkscope.analysis.yield.ExclusionCalculator;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;

/**
 * Limits from an evaluated selection: background from the chosen estimate, observed count in the
 * box of the runs in the data role (recorded or simulated) (none while blinded: then only expected limits), efficiency per mass from
 * the signal runs (selected and in the box over generated, so it includes the kinematic acceptance
 * and the yield is taken over all x), EOT of the data/background runs.
 */
public final class ResultLimits {
    /**
     * The numbers behind the limits.
     *
     * @param background      the estimate used (maybe unavailable)
     * @param observed        events in the box of the data runs, -1 while blinded or without data
     * @param eot             electrons on target of the data/background runs
     * @param upperLimit      observed upper limit on signal events (NaN when blinded / no background)
     * @param expectedLimit   median expected upper limit (NaN when no background)
     * @param points          exclusion per signal mass (empty without signal runs)
     * @param reason          "" or why there is no limit
     * @param expectedBands   the expected limit's median with its ±1σ and ±2σ band edges
     */
    public record Summary(
            BackgroundEstimate background,
            long observed,
            double eot,
            double upperLimit,
            double expectedLimit,
            List<ExclusionPoint> points,
            String reason,
            ExpectedLimits expectedBands) {
        public Summary {
            points = List.copyOf(points);
        }
    }

    private ResultLimits() {}

    /** Events in the box of the data-role runs: -1 while blinded or without data. */
    public static long observed(AnalysisResult r) {
        List<RunResult> data = r.dataRuns().stream().filter(x -> !x.isSignal()).toList();
        if (data.isEmpty() || data.stream().anyMatch(RunResult::boxHidden)) {
            return -1;
        }
        return data.stream().mapToLong(x -> x.regions().count(Region.BOX)).sum();
    }

    public static Summary compute(AnalysisResult r, ExclusionSettings s) {
        double e0 = r.runs().isEmpty() ? 100 : r.runs().get(0).run().info().beamEnergy();
        return compute(
                r.background(),
                observed(r),
                r.eot(),
                r::efficiencies,
                e0,
                r.selection().box(),
                s);
    }

    /**
     * The limits from the parts of a result: also for results kept as totals ({@link MergedResult}).
     *
     * @param background   the background estimates
     * @param observed     events in the box of the data runs, -1 while blinded or without data
     * @param eot          electrons on target of the data/background runs
     * @param efficiencies the signal efficiencies (asked for only when the EOT is positive)
     * @param e0           beam energy (GeV)
     * @param box          the signal box
     */
    public static Summary compute(
            BackgroundSummary background,
            long observed,
            double eot,
            java.util.function.Supplier<List<Efficiency>> efficiencies,
            double e0,
            SignalBox box,
            ExclusionSettings s) {
        BackgroundEstimate b = s.background().pick(background);
        if (!b.available()) {
            return new Summary(
                    b,
                    observed,
                    eot,
                    Double.NaN,
                    Double.NaN,
                    List.of(),
                    "no background estimate: " + b.reason(),
                    ExpectedLimits.none());
        }
        double bValue = Math.max(0, b.value());
        LimitInput in = new LimitInput(
                Math.max(0, (int) observed), bValue, b.totalError(), s.signalRelError(), s.cl(), s.method());
        ExpectedLimits bands = UpperLimits.expectedBands(in);
        double expected = bands.median(); // the CLs convention: the median, with the ±1σ/±2σ bands beside it
        double up = observed >= 0 ? UpperLimits.upperLimit(in) : Double.NaN;
        List<ExclusionPoint> pts = new ArrayList<>();
        String reason = "";
        if (!(eot > 0)) {
            reason = "the background runs carry no EOT";
        } else {
            List<Efficiency> effs = efficiencies.get();
            DarkPhotonYield yield = new DarkPhotonYield(e0, s.model(), s.kTable());
            for (Efficiency eff : effs) {
                if (!(eff.value() > 0)) {
                    continue;
                }
                ExclusionRequest req = new ExclusionRequest(
                        eot,
                        m -> eff.value(),
                        in,
                        s.process(),
                        yield,
                        0,
                        e0 - box.ecalMax(),
                        s.alphaD(),
                        ExclusionRequest.DEFAULT_MASS_RATIO);
                pts.add(ExclusionCalculator.point(req, eff.massMeV(), up, bands));
            }
            if (effs.isEmpty()) {
                reason = "no signal runs: no efficiency";
            }
        }
        return new Summary(b, observed, eot, up, expected, pts, reason, bands);
    }
}
