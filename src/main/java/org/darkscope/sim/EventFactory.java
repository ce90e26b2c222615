package org.darkscope.sim;

import org.darkscope.event.EventClass;
import org.darkscope.sim.process.AnnihilationSignal;
import org.darkscope.sim.process.BeamContamination;
import org.darkscope.sim.process.BremSignal;
import org.darkscope.sim.process.Dimuon;
import org.darkscope.sim.process.ElectronShower;
import org.darkscope.sim.process.EventProcess;
import org.darkscope.sim.process.HadronProduction;
import org.darkscope.sim.process.PileUp;
import org.darkscope.sim.process.UpstreamInteraction;
import org.darkscope.sim.response.DetectorResponse;

/**
 * Generates one triggered event: draws the class, runs its process, overlays pile-up, adds noise,
 * digitises and applies the trigger; rejected events are generated again from the same event
 * stream. Immutable, shared by the worker threads.
 */
final class EventFactory {
    /** Attempts per triggered event before giving up (the trigger would reject nearly everything). */
    static final int MAX_ATTEMPTS = 100_000;

    private final DetectorResponse response;
    private final EventProcess[] processes;
    private final double[] cumulative;
    private final PileUp pileUp;
    private final boolean openTrigger;
    private final double threshold;
    private final SimConfig cfg;
    private final double earlyReject;
    private final Enrichment enrichment;
    /** Physical class fractions over boosted ones, per class (all 1 in unweighted runs). */
    private final double[] classWeight;

    private final java.util.Map<String, String> processInfo = new java.util.LinkedHashMap<>();

    EventFactory(DetectorResponse response, SimConfig cfg) {
        this.response = response;
        this.cfg = cfg;
        this.enrichment = cfg.enrichment();
        this.pileUp = new PileUp(response, cfg.pileupProbability(), enrichment.pileup());
        this.openTrigger = cfg.openTrigger();
        this.threshold = cfg.triggerThreshold();
        this.earlyReject = threshold + response.triggerMargin();
        if (cfg.mix().isSignal()) {
            double m = cfg.massMeV();
            if (Double.isNaN(m)) {
                throw new IllegalArgumentException("a " + cfg.mix().cliName() + " run needs an A' mass (--mass-mev)");
            }
            EventProcess p;
            if (cfg.mix() == Mix.SIGNAL_BREM) {
                BremSignal b = new BremSignal(response, m * 1e-3);
                processInfo.put(
                        "signal.generated",
                        "A' emissions by the primary electron while E_e > "
                                + "signal.minElectronEnergy (thick target, docs/physics.md)");
                processInfo.put("signal.minElectronEnergy", Double.toString(b.minElectronEnergy()));
                processInfo.put(
                        "signal.effectivePathX0", String.format(java.util.Locale.ROOT, "%.4f", b.effectivePathX0()));
                p = b;
            } else {
                p = new AnnihilationSignal(response, m * 1e-3, cfg.knobs());
                processInfo.put(
                        "signal.generated",
                        "resonant annihilations of shower positrons (E+ from the "
                                + "Breit-Wigner times t+(E), docs/physics.md)");
            }
            processes = new EventProcess[] {p};
            cumulative = new double[] {1.0};
            classWeight = new double[] {1.0};
            org.darkscope.event.ExternalEfficiency.na64Published().putInto(processInfo);
        } else {
            EventClass[] classes = ClassFractions.classes();
            processes = new EventProcess[classes.length];
            for (int i = 0; i < classes.length; i++) {
                processes[i] = create(classes[i]);
            }
            double[] physical = cfg.fractions().cumulative();
            double[] f = new double[classes.length];
            double sum = 0;
            for (int i = 0; i < classes.length; i++) {
                f[i] = physical[i] - (i == 0 ? 0 : physical[i - 1]);
                sum += classes[i] == EventClass.UPSTREAM ? f[i] * enrichment.upstream() : f[i];
            }
            cumulative = new double[classes.length];
            classWeight = new double[classes.length];
            double acc = 0;
            for (int i = 0; i < classes.length; i++) {
                double g = (classes[i] == EventClass.UPSTREAM ? f[i] * enrichment.upstream() : f[i]) / sum;
                acc += g;
                cumulative[i] = acc;
                classWeight[i] = g > 0 ? f[i] / g : 1;
            }
            cumulative[classes.length - 1] = 1.0;
        }
    }

    /** What the signal process adds to the run metadata (empty for background mixes). */
    java.util.Map<String, String> processInfo() {
        return java.util.Collections.unmodifiableMap(processInfo);
    }

    private EventProcess create(EventClass c) {
        return switch (c) {
            case ELECTRON -> new ElectronShower(response);
            case HADRON -> new HadronProduction(response, enrichment);
            case DIMUON -> new Dimuon(response);
            case UPSTREAM -> new UpstreamInteraction(response, enrichment);
            case BEAM_HADRON -> new BeamContamination(response, false);
            case BEAM_MUON -> new BeamContamination(response, true);
            default -> throw new IllegalArgumentException("no process for " + c);
        };
    }

    /**
     * Generates event {@code index} into {@code cellsOut[offset..]} and {@code ev}; returns how many
     * events were generated to get one that passed the trigger.
     */
    int generate(long index, EventRecord ev, EventRandom rng, float[] cellsOut, int offset) {
        rng.reset(cfg.seed(), index);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ev.clear();
            int c = pick(rng.uniform());
            ev.weight = classWeight[c];
            processes[c].generate(ev, rng);
            pileUp.maybeOverlay(ev, rng);
            if (!openTrigger && response.ecalSumBeforeNoise(ev) > earlyReject) {
                continue; // certainly above the trigger threshold: skip the digitisation
            }
            response.beamLine.noise(ev, rng);
            double eEcal = response.digitize(ev, rng, cellsOut, offset);
            if (openTrigger || eEcal < threshold) {
                return attempt;
            }
        }
        throw new IllegalStateException(
                "the trigger (E_ECAL < " + threshold + " GeV) rejected " + MAX_ATTEMPTS + " events in a row for mix '"
                        + cfg.mix().cliName() + "': raise the threshold or use the open trigger");
    }

    private int pick(double u) {
        int n = cumulative.length;
        for (int i = 0; i < n - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return n - 1;
    }
}
