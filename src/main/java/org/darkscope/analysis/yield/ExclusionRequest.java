package org.darkscope.analysis.yield;

import java.util.function.DoubleUnaryOperator;
import org.darkscope.analysis.limits.LimitInput;

/**
 * Everything a 90 % CL exclusion ε(m_A') needs (docs/physics.md#yields).
 *
 * @param eot         electrons on target
 * @param efficiency  signal efficiency as a function of m_A' in MeV (selection and box, without the
 *                    kinematic x &gt; x_c fraction, which the yield carries)
 * @param limit       observed count, background and its error, signal error, CL and method
 * @param process     A'-strahlung, resonant annihilation or both
 * @param yield       yield model (beam energy, IWW/ETL)
 * @param xc          A'-strahlung counted for x = E_A'/E_0 &gt; x_c (1 - box edge/E_0)
 * @param minMissing  annihilation counted for E_R in [minMissing, E_0) (E_0 - box edge)
 * @param alphaD      dark coupling α_D for y
 * @param massRatio   m_A'/m_χ (3 for the thermal-target convention)
 */
public record ExclusionRequest(
        double eot,
        DoubleUnaryOperator efficiency,
        LimitInput limit,
        SignalProcess process,
        DarkPhotonYield yield,
        double xc,
        double minMissing,
        double alphaD,
        double massRatio) {
    /** α_D of the thermal-target plots [src, docs/physics.md#yields: 0.1 or 0.5]. */
    public static final double DEFAULT_ALPHA_D = 0.1;
    /** m_A' = 3 m_χ [src, docs/physics.md#yields]. */
    public static final double DEFAULT_MASS_RATIO = 3;

    public ExclusionRequest {
        if (!(eot > 0) || !Double.isFinite(eot)) {
            throw new IllegalArgumentException("EOT must be a positive number, got " + eot);
        }
        if (!(alphaD > 0)) {
            throw new IllegalArgumentException("alpha_D must be positive, got " + alphaD);
        }
        if (!(massRatio > 2)) {
            throw new IllegalArgumentException("m_A'/m_chi must exceed 2 for invisible decays, got " + massRatio);
        }
        if (!(xc >= 0 && xc < 1)) {
            throw new IllegalArgumentException("x_c must be in [0, 1), got " + xc);
        }
    }

    /** A request with the box edge setting x_c and the annihilation window, constant efficiency. */
    public static ExclusionRequest of(
            double eot,
            double efficiency,
            LimitInput limit,
            SignalProcess process,
            DarkPhotonYield yield,
            double ecalBoxEdge,
            double alphaD) {
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("efficiency must be in (0, 1], got " + efficiency);
        }
        double e0 = yield.beamEnergy();
        return new ExclusionRequest(
                eot,
                m -> efficiency,
                limit,
                process,
                yield,
                1 - ecalBoxEdge / e0,
                e0 - ecalBoxEdge,
                alphaD,
                DEFAULT_MASS_RATIO);
    }
}
