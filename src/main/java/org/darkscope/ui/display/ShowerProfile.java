package org.darkscope.ui.display;

import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.sim.response.Gflash;

/**
 * What the tour's dark-photon animation draws, free of any toolkit: the recoil electron's mean
 * longitudinal shower profile (GFLASH, docs/physics.md#shower-model) from the A' emission point
 * through the ECAL depth, and how much of the recoil energy is deposited up to a given depth.
 *
 * @param recoilGeV    the recoil shower's energy (the event's E_ECAL)
 * @param invisibleGeV the A' energy (truth), carried out of the detector unseen
 * @param startX0      depth of the A' emission in the ECAL [X0]
 * @param ecalDepthX0  total ECAL depth [X0]
 * @param preshowerX0  depth of the preshower segment [X0]
 * @param alpha        shape parameter of the mean profile
 * @param beta         scale parameter of the mean profile [1/X0]
 */
record ShowerProfile(
        double recoilGeV,
        double invisibleGeV,
        double startX0,
        double ecalDepthX0,
        double preshowerX0,
        double alpha,
        double beta) {

    /** The profile of one signal event of a run: E_ECAL, E_A' and the emission depth from the truth columns. */
    static ShowerProfile of(RunData run, int row) {
        Detector d = run.detector();
        double x0 = d.ecalRadiationLength();
        double front = d.ecalPreshower().zMin();
        double depth = (d.ecalMain().zMax() - front) / x0;
        double pre = (d.ecalPreshower().zMax() - front) / x0;
        double e = run.value(Schema.ECAL, row);
        double ea = run.has(Schema.TRUTH_EA)
                ? run.value(Schema.TRUTH_EA, row)
                : Math.max(0, run.info().beamEnergy() - e);
        double z = run.has(Schema.TRUTH_Z) ? run.value(Schema.TRUTH_Z, row) : front;
        double start = Math.max(0, Math.min(depth, (z - front) / x0));
        return of(e, ea, start, depth, pre);
    }

    static ShowerProfile of(double recoilGeV, double invisibleGeV, double startX0, double depthX0, double preX0) {
        double e = Math.max(recoilGeV, Gflash.MIN_ENERGY);
        return new ShowerProfile(
                recoilGeV, invisibleGeV, startX0, depthX0, preX0, Gflash.meanAlpha(e), Gflash.meanBeta(e));
    }

    /** Energy per X0 [GeV/X0] at depth t (from the ECAL front); 0 before the emission point. */
    double dEdt(double t) {
        double s = t - startX0;
        if (s <= 0) {
            return 0;
        }
        double bs = beta * s;
        return recoilGeV
                * beta
                * Math.exp((alpha - 1) * Math.log(bs) - bs - org.apache.commons.math3.special.Gamma.logGamma(alpha));
    }

    /** Energy deposited from the ECAL front to depth t [GeV]. */
    double depositedUpTo(double t) {
        return recoilGeV * Gflash.containedUpTo(alpha, beta, Math.min(t, ecalDepthX0) - startX0);
    }

    /** Depth of the shower maximum from the ECAL front [X0]. */
    double maximumX0() {
        return startX0 + (alpha - 1) / beta;
    }
}
