package org.darkscope.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.darkscope.event.EventClass;

/**
 * Fractions of the event classes among GENERATED (pre-trigger) events of a mixed run. They need not
 * sum to one: they are normalised. Events the trigger rejects are regenerated (with a new class
 * draw), so the classes' shares among triggered events also reflect their trigger acceptance.
 *
 * @param electron   plain beam electron with a full shower (mostly rejected by the trigger)
 * @param hadron     hadron electroproduction in the target (region II, sideband A)
 * @param dimuon     e Z -> e Z mu mu (region I)
 * @param upstream   electron interaction in the beam line upstream of the ECAL (sideband C, box background)
 * @param beamHadron hadron contamination of the beam
 * @param beamMuon   muon contamination of the beam
 */
public record ClassFractions(
        double electron, double hadron, double dimuon, double upstream, double beamHadron, double beamMuon) {
    public ClassFractions {
        double[] v = {electron, hadron, dimuon, upstream, beamHadron, beamMuon};
        double s = 0;
        for (double x : v) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("class fractions must be finite and >= 0, got " + x);
            }
            s += x;
        }
        if (s <= 0) {
            throw new IllegalArgumentException("class fractions sum to zero");
        }
    }

    /**
     * Default physics mix [est] (docs/physics.md#event-mix: hadronic events dominant, dimuons 5-15 %, beam-line
     * interactions 1-5 % of triggered events, beam hadron/muon contamination ~1 % before the SRD).
     * Upstream interactions are generated more often than they trigger (most lose little energy and
     * fail E_ECAL &lt; 80 GeV): 4 % generated gives about 2-3 % of triggered events.
     */
    public static ClassFractions physicsDefault() {
        return new ClassFractions(0.0, 0.83, 0.12, 0.04, 0.006, 0.003);
    }

    /** Only one class. */
    public static ClassFractions only(EventClass c) {
        return switch (c) {
            case ELECTRON -> new ClassFractions(1, 0, 0, 0, 0, 0);
            case HADRON -> new ClassFractions(0, 1, 0, 0, 0, 0);
            case DIMUON -> new ClassFractions(0, 0, 1, 0, 0, 0);
            case UPSTREAM -> new ClassFractions(0, 0, 0, 1, 0, 0);
            case BEAM_HADRON -> new ClassFractions(0, 0, 0, 0, 1, 0);
            case BEAM_MUON -> new ClassFractions(0, 0, 0, 0, 0, 1);
            default -> throw new IllegalArgumentException("no single-class mix for " + c);
        };
    }

    /** Normalised cumulative fractions in the order of {@link #classes()}. */
    double[] cumulative() {
        double[] v = {electron, hadron, dimuon, upstream, beamHadron, beamMuon};
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double[] c = new double[v.length];
        double acc = 0;
        for (int i = 0; i < v.length; i++) {
            acc += v[i] / s;
            c[i] = acc;
        }
        c[v.length - 1] = 1.0;
        return c;
    }

    /** The classes in the order of the components. */
    static EventClass[] classes() {
        return new EventClass[] {
            EventClass.ELECTRON,
            EventClass.HADRON,
            EventClass.DIMUON,
            EventClass.UPSTREAM,
            EventClass.BEAM_HADRON,
            EventClass.BEAM_MUON
        };
    }

    Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fraction.electron", Double.toString(electron));
        m.put("fraction.hadron", Double.toString(hadron));
        m.put("fraction.dimuon", Double.toString(dimuon));
        m.put("fraction.upstream", Double.toString(upstream));
        m.put("fraction.beamHadron", Double.toString(beamHadron));
        m.put("fraction.beamMuon", Double.toString(beamMuon));
        return m;
    }
}
