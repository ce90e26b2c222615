package org.darkscope.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.darkscope.event.EventClass;

/**
 * Every knob of a simulated run. Start from {@link #defaults(Mix)} and change what you need with
 * the {@code with...} methods. Energies in GeV.
 *
 * @param mix                what the run contains
 * @param events             number of TRIGGERED events in the run
 * @param seed               random seed: the same seed gives bit-identical runs whatever the thread count
 * @param threads            worker threads (≥ 1)
 * @param massMeV            A' mass in MeV for signal mixes, NaN otherwise
 * @param beamEnergy         beam energy E0 (docs/physics.md#experiment: 100 GeV [src])
 * @param triggerThreshold   trigger: E_ECAL below this (docs/physics.md#trigger: ≈ 80-85 GeV [src]; default 80)
 * @param openTrigger        true: every generated event is kept (calibration runs)
 * @param ecalA              ECAL stochastic term a in σ/E = a/√E ⊕ b (docs/physics.md#detector: 0.10 [src, seed 002])
 * @param ecalB              ECAL constant term b (docs/physics.md#detector: 0.04 [src, seed 002])
 * @param ecalNoise          ECAL per-cell noise sigma (docs/physics.md#shower-model: 20-50 MeV [est]; 0.03)
 * @param hcalNoise          HCAL per-cell noise sigma [est] (0.04)
 * @param zeroSuppression    cells below this energy are stored as 0 (docs/physics.md#shower-model [est]; 0.1 GeV)
 * @param fractions          class fractions of generated events in mixed runs
 * @param pileupProbability  probability of overlaying a second beam particle (docs/physics.md#beam-srd-pileup: 5-17 % [est])
 * @param eotPerEvent        electrons on target one GENERATED event stands for: run EOT = generated × this
 * @param runNumber          run number written into every event
 * @param knobs              detailed process and beam-line knobs
 */
public record SimConfig(
        Mix mix,
        int events,
        long seed,
        int threads,
        double massMeV,
        double beamEnergy,
        double triggerThreshold,
        boolean openTrigger,
        double ecalA,
        double ecalB,
        double ecalNoise,
        double hcalNoise,
        double zeroSuppression,
        ClassFractions fractions,
        double pileupProbability,
        double eotPerEvent,
        int runNumber,
        ProcessKnobs knobs) {

    /** Default trigger threshold on E_ECAL in GeV (docs/physics.md#trigger [src]). */
    public static final double DEFAULT_TRIGGER_GEV = 80.0;
    /** Default beam energy in GeV (docs/physics.md#experiment [src]). */
    public static final double DEFAULT_BEAM_ENERGY = 100.0;
    /** Pile-up probability of physics and signal runs [est, docs/physics.md#beam-srd-pileup: 5-17 %]. */
    public static final double DEFAULT_PILEUP = 0.08;
    /**
     * EOT per generated event of a physics run [est]: with it a 250k-event physics run stands for
     * ~3e9 EOT, the exposure of the 2016 runs (docs/physics.md#published-result: 2016-I 2.3e10 ... ; 5e4 loose events per 2.75e9 EOT).
     */
    public static final double DEFAULT_PHYSICS_EOT_PER_EVENT = 1.0e4;

    public SimConfig {
        if (mix == null) {
            throw new IllegalArgumentException("mix is required");
        }
        if (events < 1) {
            throw new IllegalArgumentException("events must be >= 1, got " + events);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!(beamEnergy > 1 && beamEnergy < 1e4)) {
            throw new IllegalArgumentException("beam energy must be in (1, 1e4) GeV, got " + beamEnergy);
        }
        if (!(triggerThreshold > 0)) {
            throw new IllegalArgumentException("trigger threshold must be > 0 GeV, got " + triggerThreshold);
        }
        if (!(ecalA >= 0 && ecalB >= 0 && ecalNoise >= 0 && hcalNoise >= 0 && zeroSuppression >= 0)) {
            throw new IllegalArgumentException("ECAL/HCAL resolution, noise and zero suppression must be >= 0");
        }
        if (!(pileupProbability >= 0 && pileupProbability <= 1)) {
            throw new IllegalArgumentException("pile-up probability must be in [0, 1], got " + pileupProbability);
        }
        if (!(eotPerEvent > 0)) {
            throw new IllegalArgumentException("EOT per event must be > 0, got " + eotPerEvent);
        }
        if (mix.isSignal() && !Double.isNaN(massMeV) && !(massMeV > 0)) {
            throw new IllegalArgumentException("A' mass must be > 0 MeV, got " + massMeV);
        }
        if (fractions == null || knobs == null) {
            throw new IllegalArgumentException("fractions and knobs are required");
        }
    }

    /**
     * Defaults for a mix: 10 000 events, seed 1, all available processors, trigger at 80 GeV
     * (open for calibration), σ/E = 10 %/√E ⊕ 4 %, pile-up 8 % in physics and signal runs (0 in
     * calibration and single-class runs), EOT per event 1e4 for physics, 1 otherwise. Signal mixes
     * need a mass ({@link #withMassMeV}).
     */
    public static SimConfig defaults(Mix mix) {
        boolean calib = mix == Mix.CALIBRATION;
        ClassFractions f =
                switch (mix) {
                    case PHYSICS, BACKGROUND_MC -> ClassFractions.physicsDefault();
                    case DIMUON -> ClassFractions.only(EventClass.DIMUON);
                    case HADRON -> ClassFractions.only(EventClass.HADRON);
                    case UPSTREAM -> ClassFractions.only(EventClass.UPSTREAM);
                    default -> ClassFractions.only(EventClass.ELECTRON);
                };
        boolean physics = mix == Mix.PHYSICS || mix == Mix.BACKGROUND_MC;
        double pileup = (physics || mix.isSignal()) ? DEFAULT_PILEUP : 0.0;
        double eot = physics ? DEFAULT_PHYSICS_EOT_PER_EVENT : 1.0;
        return new SimConfig(
                mix,
                10_000,
                1L,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Double.NaN,
                DEFAULT_BEAM_ENERGY,
                DEFAULT_TRIGGER_GEV,
                calib,
                0.10,
                0.04,
                0.03,
                0.04,
                0.10,
                f,
                pileup,
                eot,
                1,
                ProcessKnobs.defaults());
    }

    public SimConfig withMix(Mix m) {
        return new SimConfig(
                m,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withEvents(int n) {
        return new SimConfig(
                mix,
                n,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(
                mix,
                events,
                s,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withThreads(int t) {
        return new SimConfig(
                mix,
                events,
                seed,
                t,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withMassMeV(double m) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                m,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withBeamEnergy(double e) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                e,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withTriggerThreshold(double gev) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                gev,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withOpenTrigger(boolean open) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                open,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withEcalResolution(double a, double b) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                a,
                b,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withNoise(double ecal, double hcal, double zs) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecal,
                hcal,
                zs,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withFractions(ClassFractions f) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                f,
                pileupProbability,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withPileupProbability(double p) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                p,
                eotPerEvent,
                runNumber,
                knobs);
    }

    public SimConfig withEotPerEvent(double e) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                e,
                runNumber,
                knobs);
    }

    public SimConfig withRunNumber(int r) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                r,
                knobs);
    }

    public SimConfig withKnobs(ProcessKnobs k) {
        return new SimConfig(
                mix,
                events,
                seed,
                threads,
                massMeV,
                beamEnergy,
                triggerThreshold,
                openTrigger,
                ecalA,
                ecalB,
                ecalNoise,
                hcalNoise,
                zeroSuppression,
                fractions,
                pileupProbability,
                eotPerEvent,
                runNumber,
                k);
    }

    /** Oversampling of rare classes: {@link Enrichment#backgroundMc()} for the background-mc mix, none otherwise. */
    public Enrichment enrichment() {
        return mix == Mix.BACKGROUND_MC ? Enrichment.backgroundMc() : Enrichment.none();
    }

    /** Every setting as text, for the run metadata (threads excluded: they do not change the output). */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mix", mix.cliName());
        m.put("events", Integer.toString(events));
        m.put("seed", Long.toString(seed));
        m.put("massMeV", Double.toString(massMeV));
        m.put("beamEnergy", Double.toString(beamEnergy));
        m.put("triggerThreshold", Double.toString(triggerThreshold));
        m.put("openTrigger", Boolean.toString(openTrigger));
        m.put("ecalA", Double.toString(ecalA));
        m.put("ecalB", Double.toString(ecalB));
        m.put("ecalNoise", Double.toString(ecalNoise));
        m.put("hcalNoise", Double.toString(hcalNoise));
        m.put("zeroSuppression", Double.toString(zeroSuppression));
        m.putAll(fractions.describe());
        m.put("pileupProbability", Double.toString(pileupProbability));
        m.put("eotPerEvent", Double.toString(eotPerEvent));
        m.put("runNumber", Integer.toString(runNumber));
        m.putAll(knobs.describe());
        if (enrichment().isWeighted()) {
            m.put("weighted", "true");
            m.putAll(enrichment().describe());
        }
        return m;
    }
}
