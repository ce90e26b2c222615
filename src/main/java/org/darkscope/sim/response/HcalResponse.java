package org.darkscope.sim.response;

import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.sim.EventRandom;
import org.darkscope.sim.EventRecord;

/**
 * HCAL response (docs/physics.md#hadrons-muons): hadronic showers with σ/E = 0.6/√E, a Gamma longitudinal
 * profile in interaction lengths shared over the modules (tabulated once), lateral core + halo
 * sharing over the 3x3 cells, narrow e-m deposits and MIPs with a Landau-like (Moyal) tail.
 * Cell counts and pitches come from the {@link Detector}. Thread-safe after construction.
 */
public final class HcalResponse {
    /** Hadronic stochastic term: σ/E = 0.6/√E (docs/physics.md#experiment, #hadrons-muons [src]). */
    public static final double HADRONIC_RESOLUTION = 0.60;
    /** Interaction lengths per module (docs/physics.md#detector [src]: ≈ 7 λ_I). */
    public static final double LAMBDA_PER_MODULE = 7.0;
    /** Slope β of the hadronic Gamma profile in 1/λ_I [est]. */
    public static final double PROFILE_BETA = 1.0;
    /** Central-cell fraction of a centred hadron shower: uniform in [0.75, 0.85] (docs/physics.md#hadrons-muons [est]). */
    public static final double CORE_MIN = 0.75;

    public static final double CORE_MAX = 0.85;
    /** Central-cell fraction of an e-m shower in the HCAL: R &lt; 0.06 (docs/physics.md#hadrons-muons [est]). */
    public static final double EM_CORE = 0.97;
    /**
     * Most probable energy of a muon per HCAL module, GeV [est]: docs/physics.md#hadrons-muons gives ≈ 1.4 GeV deposited
     * and region I ≈ 10 GeV for 2 muons x 4 modules; 1.1 GeV MPV + Moyal tail gives a mean of ≈ 1.25 GeV.
     */
    public static final double MIP_MODULE_MPV = 1.1;
    /** Moyal width of the module MIP deposit relative to the MPV [est]. */
    public static final double MIP_MODULE_WIDTH = 0.11;

    private static final int E_NODES = 32;
    private static final double E_MIN = 0.5;
    private static final double E_MAX = 500;
    private static final int S_NODES = 16;

    private final List<CellLayer> modules;
    private final int nMod;
    /** [eNode][sNode][module] fraction of the visible energy. */
    private final double[] longTable;

    public HcalResponse(Detector detector) {
        this.modules = detector.hcalModules();
        this.nMod = modules.size();
        this.longTable = new double[E_NODES * S_NODES * nMod];
        for (int i = 0; i < E_NODES; i++) {
            double e = energyNode(i);
            // shower maximum t_max ≈ 0.2 ln E + 0.7 λ_I (PDG, hadronic showers) [src]
            double tMax = 0.2 * Math.log(e) + 0.7;
            double alpha = 1 + PROFILE_BETA * tMax;
            for (int s = 0; s < S_NODES; s++) {
                double start = LAMBDA_PER_MODULE * s / S_NODES;
                double prev = 0;
                for (int m = 0; m < nMod; m++) {
                    double depth = LAMBDA_PER_MODULE * (m + 1) - start;
                    double cum = Gamma.regularizedGammaP(alpha, PROFILE_BETA * depth);
                    longTable[(i * S_NODES + s) * nMod + m] = cum - prev;
                    prev = cum;
                }
            }
        }
    }

    private static double energyNode(int i) {
        return E_MIN * Math.pow(E_MAX / E_MIN, (double) i / (E_NODES - 1));
    }

    public int moduleCount() {
        return nMod;
    }

    /**
     * A hadronic shower of energy e (GeV) entering module {@code firstModule} at (x, y) mm. The
     * interaction depth in the module is exponential in λ_I; energy past the last module is lost.
     */
    public void hadron(EventRecord ev, EventRandom rng, double e, double x, double y, int firstModule) {
        if (e <= 0 || firstModule >= nMod) {
            return;
        }
        double vis = e * (1 + HADRONIC_RESOLUTION / Math.sqrt(e) * rng.gauss());
        if (vis <= 0) {
            return;
        }
        double start = Math.min(rng.exponential(1.0), LAMBDA_PER_MODULE * 0.999);
        int s = (int) (start / LAMBDA_PER_MODULE * S_NODES);
        double le = Math.log(Math.max(E_MIN, Math.min(E_MAX, e)) / E_MIN) / Math.log(E_MAX / E_MIN) * (E_NODES - 1);
        int ie = (int) Math.round(le);
        int base = (ie * S_NODES + s) * nMod;
        double core = rng.uniform(CORE_MIN, CORE_MAX);
        for (int m = firstModule; m < nMod; m++) {
            double f = longTable[base + m - firstModule];
            if (f > 1e-6) {
                spread(ev, rng, modules.get(m), vis * f, x, y, core);
            }
        }
    }

    /** A narrow e-m deposit (e.g. leakage from the ECAL, a photon) in one module. */
    public void electromagnetic(EventRecord ev, EventRandom rng, double e, double x, double y, int module) {
        if (e > 0 && module < nMod) {
            spread(ev, rng, modules.get(module), e, x, y, EM_CORE);
        }
    }

    /** A muon crossing every module at (x, y): one Landau-like deposit per module. */
    public void muon(EventRecord ev, EventRandom rng, double x, double y) {
        for (CellLayer m : modules) {
            CellLayerHit.add(ev.cells, m, x, y, MIP_MODULE_MPV * (1 + MIP_MODULE_WIDTH * rng.moyal()));
        }
    }

    /**
     * Puts {@code core} of e into the cell hit at (x, y) and shares the rest among its neighbours
     * with random weights (energy for neighbours outside the module is lost).
     */
    private void spread(EventRecord ev, EventRandom rng, CellLayer layer, double e, double x, double y, double core) {
        int centre = CellLayerHit.localIndex(layer, x, y);
        if (centre < 0) {
            return;
        }
        int nx = layer.nx();
        int ny = layer.ny();
        int r0 = centre / nx;
        int c0 = centre % nx;
        int first = layer.firstIndex();
        ev.cells[first + centre] += e * core;
        double halo = e * (1 - core);
        // 8 neighbour weights: uniform in [0.5, 1.5], normalised over all 8 (so edge cells lose their share)
        double w0 = rng.uniform(0.5, 1.5),
                w1 = rng.uniform(0.5, 1.5),
                w2 = rng.uniform(0.5, 1.5),
                w3 = rng.uniform(0.5, 1.5);
        double w4 = rng.uniform(0.5, 1.5),
                w5 = rng.uniform(0.5, 1.5),
                w6 = rng.uniform(0.5, 1.5),
                w7 = rng.uniform(0.5, 1.5);
        double norm = halo / (w0 + w1 + w2 + w3 + w4 + w5 + w6 + w7);
        addAt(ev.cells, first, nx, ny, r0 - 1, c0 - 1, w0 * norm);
        addAt(ev.cells, first, nx, ny, r0 - 1, c0, w1 * norm);
        addAt(ev.cells, first, nx, ny, r0 - 1, c0 + 1, w2 * norm);
        addAt(ev.cells, first, nx, ny, r0, c0 - 1, w3 * norm);
        addAt(ev.cells, first, nx, ny, r0, c0 + 1, w4 * norm);
        addAt(ev.cells, first, nx, ny, r0 + 1, c0 - 1, w5 * norm);
        addAt(ev.cells, first, nx, ny, r0 + 1, c0, w6 * norm);
        addAt(ev.cells, first, nx, ny, r0 + 1, c0 + 1, w7 * norm);
    }

    private static void addAt(double[] cells, int first, int nx, int ny, int r, int c, double e) {
        if (r >= 0 && r < ny && c >= 0 && c < nx) {
            cells[first + r * nx + c] += e;
        }
    }
}
