package org.darkscope.analysis.yield;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.limits.ExpectedLimits;
import org.darkscope.analysis.limits.UpperLimits;

/**
 * 90 % CL exclusion: N_sig(ε, m) = N_EOT · eff(m) · n_A'(ε, m) ∝ ε², so ε_90 = √(N_up / (N_sig/ε²)),
 * and y = α_D ε² (m_χ/m_A')⁴ (docs/physics.md#yields).
 */
public final class ExclusionCalculator {
    private ExclusionCalculator() {}

    public static List<ExclusionPoint> compute(ExclusionRequest r, double[] massesMeV) {
        double sUp = UpperLimits.upperLimit(r.limit());
        ExpectedLimits e = UpperLimits.expected(r.limit());
        List<ExclusionPoint> out = new ArrayList<>();
        for (double mMeV : massesMeV) {
            out.add(point(r, mMeV, sUp, e));
        }
        return out;
    }

    /** One mass, given the upper limit on signal events and the expected limits (median and bands). */
    public static ExclusionPoint point(ExclusionRequest r, double mMeV, double sUp, ExpectedLimits expected) {
        if (!(mMeV > 0) || !Double.isFinite(mMeV)) {
            throw new IllegalArgumentException("mass must be positive, got " + mMeV + " MeV");
        }
        double m = mMeV / 1000;
        DarkPhotonYield y = r.yield();
        double brem = r.process().brem() && m < y.beamEnergy() ? y.bremPerEotPerEps2(m, r.xc()) : 0;
        double ann = r.process().annihilation() ? y.annihilationPerEotPerEps2(m, r.minMissing()) : 0;
        double eff = r.efficiency().applyAsDouble(mMeV);
        double perEps2 = r.eot() * eff * (brem + ann);
        double mChi = mMeV / r.massRatio();
        Map<String, Double> relic = new LinkedHashMap<>();
        for (Map.Entry<String, RelicTargets.Line> e : RelicTargets.all().entrySet()) {
            relic.put(e.getKey(), e.getValue().at(mChi / 1000));
        }
        String note = "";
        double eps = Double.NaN;
        double epsExp = Double.NaN;
        if (!(perEps2 > 0)) {
            note = r.process() == SignalProcess.ANNIHILATION
                    ? String.format(
                            java.util.Locale.ROOT,
                            "no sensitivity: resonance E_R = %.3g GeV outside the missing-energy window [%.3g, %.3g) GeV",
                            DarkPhotonYield.resonanceEnergy(m),
                            r.minMissing(),
                            y.beamEnergy())
                    : "no sensitivity: zero expected signal";
        } else {
            eps = Math.sqrt(sUp / perEps2);
            epsExp = Math.sqrt(expected.median() / perEps2);
        }
        double scale = r.alphaD() / Math.pow(r.massRatio(), 4);
        return new ExclusionPoint(
                mMeV,
                eff,
                brem,
                ann,
                perEps2,
                sUp,
                expected.median(),
                eps,
                epsExp,
                mChi,
                scale * eps * eps,
                scale * epsExp * epsExp,
                relic,
                note,
                expected);
    }
}
