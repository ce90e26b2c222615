package org.darkscope.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Detailed knobs of the event processes and of the beam-line response. Defaults in
 * {@link #defaults()}, each with its source (docs/physics.md section, [src] published, [est] our choice).
 *
 * @param beamMomentumSpread    sigma of the measured track momentum in GeV (docs/physics.md#beam-srd-pileup: ≈ 1 GeV, δp/p ≈ 1 % [src])
 * @param beamSpotSigma         sigma of the beam spot on the ECAL face in mm [est]
 * @param beamAngleSigma        sigma of the incoming track angle per projection in mrad [est]
 * @param srdEmittedMeV         synchrotron energy radiated by a beam e- in the vessel, MeV (docs/physics.md#experiment, #beam-srd-pileup: ~150 MeV)
 * @param srdCollectedFraction  fraction of it deposited in the 3 SRD cells [est]: 0.5, so that the published
 *                              window (1-80 MeV per cell, sum &lt; 120 MeV) keeps &gt; 95 % of electrons (docs/physics.md#selection)
 * @param srdPhotons            mean number of detected SR photons per electron (docs/physics.md#beam-srd-pileup: ~40)
 * @param srdNoiseMeV           SRD cell noise sigma in MeV [est]
 * @param srdAccidental         probability that a non-electron gets an electron-like SRD signal (docs/physics.md#beam-srd-pileup: ~1e-5)
 * @param hadronNeutralOnly     probability that the hadronic energy leaving the ECAL is carried by neutrals only
 *                              (leading K0L/n, VETO silent: sideband A after the VETO cut) [est]
 * @param punchThrough          probability that such a leading neutral crosses all HCAL modules unseen [est]
 * @param upstreamLateFraction  fraction of upstream interactions downstream of the last straw chamber (no straw
 *                              or momentum veto: the irreducible background of docs/physics.md#regions) [est]
 * @param upstreamEarlyFraction fraction of upstream interactions before the momentum measurement (p off) [est]
 * @param upstreamMeanLoss      mean of the exponential energy fraction lost by the e- in an upstream interaction [est]
 * @param upstreamHcalHit       probability that the upstream secondaries reach the HCAL [est]
 * @param upstreamSoftElectron  probability of an extra soft e-/photon in the ECAL from the upstream interaction [est]
 * @param upstreamLargeLoss     probability that an upstream interaction loses more than half the energy to
 *                              secondaries that miss the ECAL and HCAL (the box background) [est]: 6.5e-5, tuned so that
 *                              the published selection leaves ≈ 1.5e-12 upstream events per EOT in the box (docs/physics.md#event-mix:
 *                              0.43 of NA64's 0.53 expected for 2.84e11 EOT); otherwise the loss is an exponential cut at one half
 * @param alphaD                dark coupling α_D for the resonance width of annihilation signal runs (docs/physics.md#annihilation)
 * @param chiMassRatio          m_χ/m_A' for the width (docs/physics.md#yields: m_A' = 3 m_χ)
 */
public record ProcessKnobs(
        double beamMomentumSpread,
        double beamSpotSigma,
        double beamAngleSigma,
        double srdEmittedMeV,
        double srdCollectedFraction,
        double srdPhotons,
        double srdNoiseMeV,
        double srdAccidental,
        double hadronNeutralOnly,
        double punchThrough,
        double upstreamLateFraction,
        double upstreamEarlyFraction,
        double upstreamMeanLoss,
        double upstreamHcalHit,
        double upstreamSoftElectron,
        double upstreamLargeLoss,
        double alphaD,
        double chiMassRatio) {
    public ProcessKnobs {
        check("beamMomentumSpread", beamMomentumSpread, 0, 100);
        check("beamSpotSigma", beamSpotSigma, 0, 100);
        check("beamAngleSigma", beamAngleSigma, 0, 100);
        check("srdEmittedMeV", srdEmittedMeV, 0, 1e4);
        check("srdCollectedFraction", srdCollectedFraction, 0, 1);
        check("srdPhotons", srdPhotons, 1, 1e4);
        check("srdNoiseMeV", srdNoiseMeV, 0, 100);
        check("srdAccidental", srdAccidental, 0, 1);
        check("hadronNeutralOnly", hadronNeutralOnly, 0, 1);
        check("punchThrough", punchThrough, 0, 1);
        check("upstreamLateFraction", upstreamLateFraction, 0, 1);
        check("upstreamEarlyFraction", upstreamEarlyFraction, 0, 1 - upstreamLateFraction);
        check("upstreamMeanLoss", upstreamMeanLoss, 1e-3, 10);
        check("upstreamHcalHit", upstreamHcalHit, 0, 1);
        check("upstreamSoftElectron", upstreamSoftElectron, 0, 1);
        check("upstreamLargeLoss", upstreamLargeLoss, 0, 1);
        check("alphaD", alphaD, 1e-6, 10);
        check("chiMassRatio", chiMassRatio, 0, 0.4999);
    }

    private static void check(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    /** Default {@code punchThrough} [est]: ≈ 3.5e-13 hadron events per EOT in the box after the published selection (NA64: 0.1 of 0.53 for 2.84e11 EOT from sources other than the beam line). */
    public static final double PUNCH_THROUGH = 3.7e-5;
    /** Default {@code upstreamLargeLoss} [est], see the parameter. */
    public static final double UPSTREAM_LARGE_LOSS = 6.5e-5;

    public static ProcessKnobs defaults() {
        return new ProcessKnobs(
                1.0,
                5.0,
                0.1,
                150.0,
                0.5,
                40.0,
                0.3,
                1e-5,
                0.0015,
                PUNCH_THROUGH,
                0.014,
                0.40,
                0.15,
                0.5,
                0.3,
                UPSTREAM_LARGE_LOSS,
                0.1,
                1.0 / 3.0);
    }

    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        for (var c : ProcessKnobs.class.getRecordComponents()) {
            try {
                m.put(c.getName(), String.valueOf(c.getAccessor().invoke(this)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }
}
