package org.darkscope.ui.display;

import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Regions of the (E_ECAL, E_HCAL) plane computed from an event's columns, for browsing when no
 * analysis engine feeds lists. Box and sidebands follow physics.md section 1 [src] with edges set by
 * {@link #setBoxEdges} (the lead feeds the live selection); the overlay regions I, II, III are
 * display approximations [est] with named parameters.
 */
public final class RegionRules {
    /** Signal-box E_ECAL edge, GeV: physics.md section 1, selection item 5 [src]. */
    public static final double DEFAULT_ECAL_EDGE_GEV = 50;
    /** Signal-box E_HCAL edge, GeV: physics.md section 1, selection item 5 [src]. */
    public static final double DEFAULT_HCAL_EDGE_GEV = 1;
    /** Region I (dimuons, "about 10 GeV in the HCAL", physics.md section 1): lower E_HCAL edge [est]. */
    public static final double DIMUON_HCAL_MIN_GEV = 5;
    /** Region I upper E_HCAL edge [est]: 2 MIPs x 4 modules x up to 2.5 GeV (physics.md 2.2). */
    public static final double DIMUON_HCAL_MAX_GEV = 20;
    /** Region II (E_ECAL + E_HCAL close to the beam energy, physics.md section 1): half-width as a fraction of E_beam [est]. */
    public static final double HADRON_SUM_TOLERANCE = 0.15;
    /** Region III (pile-up, E_ECAL + E_HCAL above the beam energy, physics.md 2.3): excess as a fraction of E_beam [est]. */
    public static final double PILEUP_EXCESS = 0.15;
    /** "Near the box" for alerts: within this fraction of each edge [est, display choice]. */
    public static final double DEFAULT_NEAR_MARGIN = 0.2;

    /** The region names offered for browsing. */
    public static final List<String> REGIONS = List.of("box", "A", "C", "D", "I", "II", "III");

    private double ecalEdge = DEFAULT_ECAL_EDGE_GEV;
    private double hcalEdge = DEFAULT_HCAL_EDGE_GEV;
    private double nearMargin = DEFAULT_NEAR_MARGIN;

    public void setBoxEdges(double ecalEdgeGeV, double hcalEdgeGeV) {
        if (!(ecalEdgeGeV > 0) || !(hcalEdgeGeV > 0)) {
            throw new IllegalArgumentException("box edges must be positive, got " + ecalEdgeGeV + ", " + hcalEdgeGeV);
        }
        this.ecalEdge = ecalEdgeGeV;
        this.hcalEdge = hcalEdgeGeV;
    }

    public void setNearMargin(double fraction) {
        if (fraction < 0) {
            throw new IllegalArgumentException("margin must be >= 0");
        }
        this.nearMargin = fraction;
    }

    public double ecalEdge() { return ecalEdge; }
    public double hcalEdge() { return hcalEdge; }

    /** True if (ecal, hcal) lies in the named region at beam energy {@code beam}. */
    public boolean in(String region, double ecal, double hcal, double beam) {
        double sum = ecal + hcal;
        return switch (region) {
            case "box" -> ecal < ecalEdge && hcal < hcalEdge;
            case "A" -> ecal < ecalEdge && hcal >= hcalEdge;
            case "C" -> ecal >= ecalEdge && hcal < hcalEdge;
            case "D" -> ecal >= ecalEdge && hcal >= hcalEdge;
            case "I" -> hcal >= DIMUON_HCAL_MIN_GEV && hcal <= DIMUON_HCAL_MAX_GEV && sum < beam * (1 - HADRON_SUM_TOLERANCE);
            case "II" -> hcal >= hcalEdge && Math.abs(sum - beam) <= beam * HADRON_SUM_TOLERANCE;
            case "III" -> sum > beam * (1 + PILEUP_EXCESS);
            default -> throw new IllegalArgumentException("unknown region '" + region + "', expected one of " + REGIONS);
        };
    }

    /** True if the event is in the box or within the near margin of both edges. */
    public boolean nearBox(double ecal, double hcal) {
        return ecal < ecalEdge * (1 + nearMargin) && hcal < hcalEdge * (1 + nearMargin);
    }

    /** All regions an event belongs to, e.g. "C, II". */
    public String label(double ecal, double hcal, double beam) {
        List<String> in = new ArrayList<>();
        for (String r : REGIONS) {
            if (in(r, ecal, hcal, beam)) {
                in.add(r);
            }
        }
        return String.join(", ", in);
    }

    /** Row indices of the run's events in a region. */
    public int[] select(RunData run, String region) {
        float[] e = run.floats(Schema.ECAL);
        float[] h = run.floats(Schema.HCAL);
        double beam = run.info().beamEnergy();
        int[] tmp = new int[run.size()];
        int n = 0;
        for (int i = 0; i < run.size(); i++) {
            if (in(region, e[i], h[i], beam)) {
                tmp[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }

    /** Row indices of the events in or near the box (the shift-crew alert list). */
    public int[] alerts(RunData run) {
        float[] e = run.floats(Schema.ECAL);
        float[] h = run.floats(Schema.HCAL);
        int[] tmp = new int[run.size()];
        int n = 0;
        for (int i = 0; i < run.size(); i++) {
            if (nearBox(e[i], h[i])) {
                tmp[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(tmp, n);
    }
}
