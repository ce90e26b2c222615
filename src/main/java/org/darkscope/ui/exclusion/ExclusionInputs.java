package org.darkscope.ui.exclusion;

import java.util.List;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.yield.DarkPhotonYield;
import org.darkscope.analysis.yield.ExclusionCalculator;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.analysis.yield.SignalProcess;
import org.darkscope.event.ExternalEfficiency;

/**
 * What the exclusion plot is computed from: N_EOT and α_D (editable), the signal efficiency per mass
 * from the signal runs, the observed count (0 while blinded: then only the expected limit means
 * something) and the chosen background estimate. {@link #compute} calls the engine's
 * {@link ExclusionCalculator}. No toolkit.
 *
 * @param eot            electrons on target
 * @param alphaD         dark coupling α_D
 * @param massesWithEff  signal masses (MeV, ascending) with efficiencies; empty: {@link #DEFAULT_EFFICIENCY}
 * @param efficiencies   efficiency at each of those masses
 * @param limit          observed count, background and its error
 * @param ecalBoxEdge    E_ECAL box edge (GeV): sets x_c of A'-strahlung and the annihilation window
 * @param beamEnergy     GeV
 * @param external       the signal runs' external inefficiency factor (not modelled by the simulation), or null
 * @param applyExternal  true: the efficiency used is the simulated one times the external factor
 */
public record ExclusionInputs(
        double eot,
        double alphaD,
        double[] massesWithEff,
        double[] efficiencies,
        LimitInput limit,
        double ecalBoxEdge,
        double beamEnergy,
        ExternalEfficiency external,
        boolean applyExternal) {
    /** Without an external factor. */
    public ExclusionInputs(
            double eot,
            double alphaD,
            double[] massesWithEff,
            double[] efficiencies,
            LimitInput limit,
            double ecalBoxEdge,
            double beamEnergy) {
        this(eot, alphaD, massesWithEff, efficiencies, limit, ecalBoxEdge, beamEnergy, null, false);
    }

    /** Efficiency assumed when no signal run is open [est]. */
    public static final double DEFAULT_EFFICIENCY = 0.5;
    /** Masses of the curve: log-spaced from 1 MeV to 1 GeV. */
    public static final double[] MASSES_MEV = logSpace(1, 1000, 40);

    public static double[] logSpace(double lo, double hi, int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = lo * Math.pow(hi / lo, (double) i / (n - 1));
        }
        return m;
    }

    /** Inputs from a (detailed) result with the given N_EOT (NaN: the runs' EOT) and α_D. */
    public static ExclusionInputs from(AnalysisResult r, double eot, double alphaD, long observedInBox) {
        return from(r, eot, alphaD, observedInBox, org.darkscope.analysis.AnalysisDefinition.defaults());
    }

    /** Inputs with the background method and limit method of the session's analysis definition. */
    public static ExclusionInputs from(
            AnalysisResult r,
            double eot,
            double alphaD,
            long observedInBox,
            org.darkscope.analysis.AnalysisDefinition def) {
        return from(r, eot, alphaD, observedInBox, def, false);
    }

    /**
     * With the signal runs' external inefficiency factor (the first signal run that carries one),
     * multiplied into the efficiency only if {@code applyExternal}.
     */
    public static ExclusionInputs from(
            AnalysisResult r,
            double eot,
            double alphaD,
            long observedInBox,
            org.darkscope.analysis.AnalysisDefinition def,
            boolean applyExternal) {
        List<Efficiency> effs =
                r.efficiencies().stream().filter(e -> e.value() > 0).toList();
        double[] m = effs.stream().mapToDouble(Efficiency::massMeV).toArray();
        double[] e = effs.stream().mapToDouble(Efficiency::value).toArray();
        BackgroundEstimate picked = def.background().pick(r.background());
        BackgroundEstimate b = picked.available() ? picked : null;
        double bkg = b == null ? 0 : Math.max(0, b.value());
        double db = b == null || !Double.isFinite(b.totalError()) ? 0 : b.totalError();
        int n = r.selection().blinded() ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, observedInBox));
        double useEot = Double.isNaN(eot) ? r.eot() : eot;
        ExternalEfficiency ext = r.signalRuns().stream()
                .map(x -> ExternalEfficiency.of(x.run().info()))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(null);
        return new ExclusionInputs(
                useEot,
                alphaD,
                m,
                e,
                new LimitInput(n, bkg, db, def.settings().signalRelError(), def.cl(), def.limitMethod()),
                r.selection().box().ecalMax(),
                r.selection().box().beamEnergy(),
                ext,
                applyExternal && ext != null);
    }

    /** Efficiency used at a mass: the simulated one, times the external factor if applied. */
    public double efficiencyAt(double mMeV) {
        double e = simulatedEfficiencyAt(mMeV);
        return applyExternal && external != null ? e * external.value() : e;
    }

    /** Simulated efficiency at a mass: linear interpolation between signal runs, constant beyond them. */
    public double simulatedEfficiencyAt(double mMeV) {
        if (massesWithEff.length == 0) {
            return DEFAULT_EFFICIENCY;
        }
        if (mMeV <= massesWithEff[0]) {
            return efficiencies[0];
        }
        for (int i = 1; i < massesWithEff.length; i++) {
            if (mMeV <= massesWithEff[i]) {
                double f = (mMeV - massesWithEff[i - 1]) / (massesWithEff[i] - massesWithEff[i - 1]);
                return efficiencies[i - 1] + f * (efficiencies[i] - efficiencies[i - 1]);
            }
        }
        return efficiencies[efficiencies.length - 1];
    }

    public List<ExclusionPoint> compute() {
        DarkPhotonYield yield = DarkPhotonYield.iww(beamEnergy);
        ExclusionRequest req = new ExclusionRequest(
                eot,
                this::efficiencyAt,
                limit,
                SignalProcess.BOTH,
                yield,
                1 - ecalBoxEdge / beamEnergy,
                beamEnergy - ecalBoxEdge,
                alphaD,
                ExclusionRequest.DEFAULT_MASS_RATIO);
        return ExclusionCalculator.compute(req, MASSES_MEV);
    }
}
