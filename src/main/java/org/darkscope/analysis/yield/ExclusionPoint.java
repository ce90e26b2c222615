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
 * @param expectedUpperLimit mean expected upper limit
 * @param epsilon          observed 90 % CL limit on ε (NaN when no sensitivity)
 * @param epsilonExpected  expected limit on ε
 * @param mChiMeV          m_χ = m_A'/ratio (MeV)
 * @param y                observed limit on y = α_D ε² (m_χ/m_A')⁴
 * @param yExpected        expected limit on y
 * @param relicY           relic target y at m_χ per line (NaN outside a line's range)
 * @param note             "" or why there is no limit
 */
public record ExclusionPoint(double massMeV, double efficiency, double bremPerEps2, double annihPerEps2,
                             double signalPerEps2, double upperLimit, double expectedUpperLimit, double epsilon,
                             double epsilonExpected, double mChiMeV, double y, double yExpected,
                             Map<String, Double> relicY, String note) {
    public ExclusionPoint {
        relicY = Map.copyOf(relicY);
    }

    public boolean available() {
        return Double.isFinite(epsilon);
    }
}
