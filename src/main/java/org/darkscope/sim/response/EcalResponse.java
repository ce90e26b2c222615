package org.darkscope.sim.response;

import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;

/**
 * ECAL response (docs/physics.md#shower-model, #hadrons-muons): e-m showers with the GFLASH longitudinal profile split into
 * preshower and main segment, smeared with σ/E = a/√E ⊕ b, then shared among cells with the
 * lateral tables; hadronic deposits and MIPs. Geometry (cell grid, depths, X0, R_M) from the
 * {@link Detector}. Thread-safe after construction (read-only tables).
 */
public final class EcalResponse {
    /** MIP energy deposited across the whole ECAL depth, GeV (docs/physics.md#hadrons-muons [est]: ≈ 0.33 GeV). */
    public static final double MIP_ENERGY = 0.33;
    /** Relative Landau (Moyal) width of a MIP deposit [est]. */
    public static final double MIP_WIDTH = 0.08;
    /** Lateral spread (mm) of the hadronic part deposited in the ECAL around the shower axis [est]. */
    public static final double HADRONIC_SPREAD = 25.0;
    /** Fraction of a hadronic ECAL deposit in the preshower [est]: hadrons interact deep, ~ 1/λ_I. */
    public static final double HADRONIC_PRESHOWER_FRACTION = 0.04;

    private final CellLayer pre;
    private final CellLayer main;
    private final double preDepth;
    private final double totalDepth;
    private final double x0;
    private final double zFront;
    private final double a;
    private final double b;
    private final LateralTable preTable;
    private final LateralTable mainTable;
    private final double aimX;
    private final double aimY;

    /**
     * @param detector the geometry
     * @param a        stochastic term of σ/E
     * @param b        constant term of σ/E
     */
    public EcalResponse(Detector detector, double a, double b) {
        this.pre = detector.ecalPreshower();
        this.main = detector.ecalMain();
        this.x0 = detector.ecalRadiationLength();
        this.preDepth = (pre.zMax() - pre.zMin()) / x0;
        this.totalDepth = (main.zMax() - pre.zMin()) / x0;
        this.zFront = pre.zMin();
        this.a = a;
        this.b = b;
        this.preTable = LateralTables.get(detector, true);
        this.mainTable = LateralTables.get(detector, false);
        var aim = main.cells().get(main.centralLocalIndex()).centre();
        this.aimX = aim.x();
        this.aimY = aim.y();
    }

    /** x (mm) the beam is aimed at: the centre of the ECAL's central cell. */
    public double aimX() {
        return aimX;
    }

    public double aimY() {
        return aimY;
    }

    /** z (mm) of the ECAL front face. */
    public double zFront() {
        return zFront;
    }

    public double radiationLength() {
        return x0;
    }

    /** Depth of the preshower in X0. */
    public double preshowerDepth() {
        return preDepth;
    }

    /** Total ECAL depth in X0. */
    public double totalDepth() {
        return totalDepth;
    }

    /** Relative resolution a/√E ⊕ b at energy e. */
    public double relativeResolution(double e) {
        return Math.sqrt(a * a / Math.max(e, 1e-3) + b * b);
    }

    /**
     * An e-m shower of energy e (GeV) starting at depth t0 (X0) with its axis at (x, y) mm.
     * Returns the energy leaking out of the back (goes to the HCAL), after smearing.
     *
     * @param scratch two doubles for the sampled (α, β)
     */
    public double shower(EventRecord ev, EventRandom rng, double e, double x, double y, double t0, double[] scratch) {
        if (e <= 0) {
            return 0;
        }
        Gflash.sample(e, rng, scratch);
        double alpha = scratch[0];
        double beta = scratch[1];
        double fPre = Gflash.containedUpToFast(alpha, beta, preDepth - t0);
        double fAll = Gflash.containedUpToFast(alpha, beta, totalDepth - t0);
        double vis = e * (1 + relativeResolution(e) * rng.gauss());
        if (vis <= 0) {
            return 0;
        }
        preTable.deposit(ev.cells, pre.firstIndex(), vis * fPre, x, y, e);
        mainTable.deposit(ev.cells, main.firstIndex(), vis * (fAll - fPre), x, y, e);
        return vis * (1 - fAll);
    }

    /**
     * Hadronic energy deposited in the ECAL (charged hadrons, π0 showers of a hadronic interaction):
     * smeared with the hadronic resolution, centred at a random offset of ~{@value #HADRONIC_SPREAD} mm
     * from (x, y), so the shower looks wider than an e-m one.
     */
    public void hadronic(EventRecord ev, EventRandom rng, double e, double x, double y, double hadResolution) {
        if (e <= 0) {
            return;
        }
        double vis = Math.max(0, e * (1 + hadResolution / Math.sqrt(e) * rng.gauss()));
        double hx = x + rng.gauss(0, HADRONIC_SPREAD);
        double hy = y + rng.gauss(0, HADRONIC_SPREAD);
        preTable.deposit(ev.cells, pre.firstIndex(), vis * HADRONIC_PRESHOWER_FRACTION, hx, hy, e);
        mainTable.deposit(ev.cells, main.firstIndex(), vis * (1 - HADRONIC_PRESHOWER_FRACTION), hx, hy, e);
    }

    /** A minimum-ionising particle crossing the whole ECAL at (x, y), shared by segment length. */
    public void mip(EventRecord ev, EventRandom rng, double x, double y) {
        CellLayerHit.add(ev.cells, pre, x, y, MIP_ENERGY * (1 + MIP_WIDTH * rng.moyal()) * preDepth / totalDepth);
        CellLayerHit.add(
                ev.cells, main, x, y, MIP_ENERGY * (1 + MIP_WIDTH * rng.moyal()) * (1 - preDepth / totalDepth));
    }
}
