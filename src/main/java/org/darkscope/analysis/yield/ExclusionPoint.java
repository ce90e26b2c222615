package org.darkscope.analysis.yield;

import java.util.Map;

/**
 * The exclusion at one A' mass.
 *
 * @param massMeV          m_A' (MeV)
 * @param efficiency       signal efficiency used
 * @param bremPerEps2      A'-strahlung yield per EOT / ε²
 * @param annihPerEps2     annihilation yield per EOT / ε²
 * @param signalPerEps2    expected signal events / ε² = EOT · eff · (brem + annih)
 * @param upperLimit       observed upper limit on signal events
 * @param expectedUpperLimit expected upper limit (the median when the bands are known, see {@code expectedBands})
 * @param epsilon          observed 90 % CL limit on ε (NaN when no sensitivity)
 * @param epsilonExpected  expected limit on ε
 * @param mChiMeV          m_χ = m_A'/ratio (MeV)
 * @param y                observed limit on y = α_D ε² (m_χ/m_A')⁴
 * @param yExpected        expected limit on y
 * @param relicY           relic target y at m_χ per line (NaN outside a line's range)
 * @param note             "" or why there is no limit
 * @param expectedBands    expected limits on signal events: median, ±1σ, ±2σ and mean (all NaN if not computed)
 */
public record ExclusionPoint(
        double massMeV,
        double efficiency,
        double bremPerEps2,
        double annihPerEps2,
        double signalPerEps2,
        double upperLimit,
        double expectedUpperLimit,
        double epsilon,
        double epsilonExpected,
        double mChiMeV,
        double y,
        double yExpected,
        Map<String, Double> relicY,
        String note,
        org.darkscope.analysis.limits.ExpectedLimits expectedBands) {
    public ExclusionPoint {
        relicY = Map.copyOf(relicY);
        if (expectedBands == null) {
            expectedBands = org.darkscope.analysis.limits.ExpectedLimits.none();
        }
    }

    /** ε for a number of signal events at this mass: √(events / (N_sig/ε²)); NaN without sensitivity. */
    public double epsilonFor(double events) {
        return signalPerEps2 > 0 ? Math.sqrt(events / signalPerEps2) : Double.NaN;
    }

    /** Expected ε band edges {-2σ, -1σ, median, +1σ, +2σ} (NaN where unknown). */
    public double[] epsilonBands() {
        var e = expectedBands;
        return new double[] {
            epsilonFor(e.minus2()),
            epsilonFor(e.minus1()),
            epsilonFor(e.median()),
            epsilonFor(e.plus1()),
            epsilonFor(e.plus2())
        };
    }

    public boolean available() {
        return Double.isFinite(epsilon);
    }
}
