package org.darkscope.ui.display;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The guided tour: five kinds of events, each with a title and a plain-language text from
 * {@code resources/tour/ID.md}, and the rule that picks an example from the loaded runs by truth.
 */
public final class TeachingTour {
    /** A full shower keeps at least this fraction of the beam energy in the ECAL [est, display choice]. */
    public static final double FULL_SHOWER_FRACTION = 0.9;

    /** One step of the tour. */
    public enum Step {
        ENERGY_PLANE("energy-plane"),
        EM_SHOWER("em-shower"),
        DIMUON("dimuon"),
        HADRON("hadron"),
        PILEUP("pileup"),
        DARK_PHOTON("dark-photon");

        private final String id;

        Step(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Title and text of a step. */
    public record Text(String title, String body) {}

    private TeachingTour() {}

    public static Text text(Step s) {
        return text(s.id());
    }

    /** Resource id of the text for a step and the example shown (the annihilation text for an annihilation run). */
    public static String textId(Step s, EventRef example) {
        if (s == Step.DARK_PHOTON
                && example != null
                && (example.run().info().mix().contains("annihilation")
                        || example.run().truthClass(example.index()) == EventClass.SIGNAL_ANNIHILATION)) {
            return "dark-photon-annihilation";
        }
        return s.id();
    }

    /** Title and text of a resource id (a file {@code resources/tour/ID.md}). */
    public static Text text(String id) {
        String path = "/tour/" + id + ".md";
        try (InputStream in = TeachingTour.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing tour text " + path);
            }
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            int nl = all.indexOf('\n');
            String title = (nl < 0 ? all : all.substring(0, nl)).replaceFirst("^#\\s*", "");
            String body = nl < 0 ? "" : all.substring(nl + 1).strip().replaceAll("\\s*\\n\\s*", " ");
            return new Text(title, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A' masses (MeV) of the loaded signal runs, sorted. */
    public static List<Double> signalMasses(List<RunData> runs) {
        TreeSet<Double> s = new TreeSet<>();
        for (RunData r : runs) {
            if (r.info().isSignal()) {
                s.add(r.info().signalMassMeV());
            }
        }
        return new ArrayList<>(s);
    }

    /**
     * A dark-photon example must show what the tour text says: the event in the signal box with a
     * visible recoil shower (preshower above the published 0.5 GeV cut, docs/physics.md#selection).
     */
    public static final double SIGNAL_BOX_ECAL = 50;

    public static final double SIGNAL_BOX_HCAL = 1;
    public static final double VISIBLE_PRESHOWER = 0.5;

    /**
     * Picks a typical event of the step's kind: in the first run that has such events, the one whose
     * E_ECAL is the median of the candidates (the first event is often an odd one, e.g. a signal event
     * whose recoil left nothing visible). For the dark photon, runs whose A' mass is closest to
     * {@code massMeV} are searched first (any signal event otherwise).
     */
    public static Optional<EventRef> pick(Step s, List<RunData> runs, double massMeV) {
        return pick(s, runs, massMeV, SignalBox.published());
    }

    /**
     * As {@link #pick(Step, List, double)}, with the regions of {@code box} (the selection's rule book):
     * dimuons from region I, hadrons from region II and pile-up from region III when the runs have
     * such events (any event of the kind otherwise). The energy-plane step shows no event.
     */
    public static Optional<EventRef> pick(Step s, List<RunData> runs, double massMeV, SignalBox box) {
        if (s == Step.ENERGY_PLANE) {
            return Optional.empty();
        }
        Region want =
                switch (s) {
                    case DIMUON -> Region.I;
                    case HADRON -> Region.II;
                    case PILEUP -> Region.III;
                    default -> null;
                };
        if (want != null) {
            Optional<EventRef> inRegion = pick(s, runs, massMeV, true, box, want);
            if (inRegion.isPresent()) {
                return inRegion;
            }
        }
        Optional<EventRef> typical = pick(s, runs, massMeV, true, box, null);
        // runs without such a textbook event (e.g. a tiny signal run): any event of the kind
        return typical.isPresent() || s != Step.DARK_PHOTON ? typical : pick(s, runs, massMeV, false, box, null);
    }

    private static Optional<EventRef> pick(
            Step s, List<RunData> runs, double massMeV, boolean textbook, SignalBox box, Region region) {
        List<RunData> order = new ArrayList<>(runs);
        if (s == Step.DARK_PHOTON && !Double.isNaN(massMeV)) {
            order.sort((a, b) -> Double.compare(massDistance(a, massMeV), massDistance(b, massMeV)));
        }
        for (RunData r : order) {
            if (!r.info().simulated()) {
                continue;
            }
            Column cls = r.column(Schema.TRUTH_CLASS);
            Column pile = r.column(Schema.TRUTH_PILEUP);
            Column ecal = r.column(Schema.ECAL);
            Column hcal = r.column(Schema.HCAL);
            Column pre = r.column(Schema.ECAL_PRE);
            double beam = r.info().beamEnergy();
            java.util.List<Integer> candidates = new ArrayList<>();
            for (int e = 0; e < r.size(); e++) {
                EventClass c = EventClass.of(cls.getInt(e));
                boolean clean = pile.getInt(e) == 0;
                boolean ok =
                        switch (s) {
                            case EM_SHOWER -> c == EventClass.ELECTRON
                                    && clean
                                    && ecal.getFloat(e) > FULL_SHOWER_FRACTION * beam;
                            case DIMUON -> c == EventClass.DIMUON && clean;
                            case HADRON -> c == EventClass.HADRON && clean;
                            case PILEUP -> !clean;
                            case DARK_PHOTON -> c.isSignal()
                                    && clean
                                    && (!textbook
                                            || box.abcdRegion(ecal.getFloat(e), hcal.getFloat(e)) == Region.BOX
                                                    && pre.getFloat(e) > VISIBLE_PRESHOWER);
                            case ENERGY_PLANE -> false;
                        };
                ok &= region == null || box.labelRegion(ecal.getFloat(e), hcal.getFloat(e)) == region;
                if (ok) {
                    candidates.add(e);
                }
            }
            if (!candidates.isEmpty()) {
                candidates.sort((a, b) -> Float.compare(ecal.getFloat(a), ecal.getFloat(b)));
                return Optional.of(new EventRef(r, candidates.get(candidates.size() / 2)));
            }
        }
        return Optional.empty();
    }

    private static double massDistance(RunData r, double m) {
        return r.info().isSignal() ? Math.abs(Math.log(r.info().signalMassMeV() / m)) : Double.POSITIVE_INFINITY;
    }
}
