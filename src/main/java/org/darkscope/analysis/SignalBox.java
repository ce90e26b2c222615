package org.darkscope.analysis;

/**
 * The signal box and the sidebands in the (E_ECAL, E_HCAL) plane (docs/physics.md#regions), plus the
 * named regions I/II/III. All energies in GeV; lower edges inclusive, upper edges exclusive.
 *
 * <ul>
 *   <li>box: E_ECAL &lt; ecalMax and E_HCAL &lt; hcalMax</li>
 *   <li>A: E_ECAL &lt; ecalMax, hcalMax &le; E_HCAL &lt; hcalSidebandMax</li>
 *   <li>C: ecalMax &le; E_ECAL &lt; ecalTriggerEdge, E_HCAL &lt; hcalMax</li>
 *   <li>D: ecalMax &le; E_ECAL &lt; ecalTriggerEdge, hcalMax &le; E_HCAL &lt; hcalSidebandMax</li>
 *   <li>III (pile-up): E_ECAL + E_HCAL &gt; pileupSumMin</li>
 *   <li>I (dimuons): not III, dimuonHcalMin &le; E_HCAL &lt; dimuonHcalMax and
 *       E_ECAL + E_HCAL &lt; beamEnergy - hadronSumWindow</li>
 *   <li>II (hadrons): not III, E_HCAL &ge; hcalMax and |E_ECAL + E_HCAL - beamEnergy| &le; hadronSumWindow</li>
 * </ul>
 * Events above the trigger edge or the sideband E_HCAL edge are in none of box/A/C/D.
 *
 * @param ecalMax          upper E_ECAL edge of the box: 50 GeV [src, docs/physics.md#regions]
 * @param hcalMax          upper E_HCAL edge of the box: 1 GeV [src, docs/physics.md#regions]
 * @param ecalTriggerEdge  upper E_ECAL edge of sidebands C and D: the trigger threshold, 80-85 GeV [src]
 * @param hcalSidebandMax  upper E_HCAL edge of sidebands A and D [est]
 * @param beamEnergy       beam energy used for the sums of regions II/III: 100 GeV [src]
 * @param dimuonHcalMin    region I lower E_HCAL edge [est: 2 MIPs x 4 modules ~ 10 GeV, docs/physics.md#experiment, #hadrons-muons]
 * @param dimuonHcalMax    region I upper E_HCAL edge [est]
 * @param hadronSumWindow  region II half-width of E_ECAL + E_HCAL around the beam energy [est]
 * @param pileupSumMin     region III lower edge of E_ECAL + E_HCAL [est]
 */
public record SignalBox(
        double ecalMax,
        double hcalMax,
        double ecalTriggerEdge,
        double hcalSidebandMax,
        double beamEnergy,
        double dimuonHcalMin,
        double dimuonHcalMax,
        double hadronSumWindow,
        double pileupSumMin) {
    /** Box upper E_ECAL edge of the published analysis [src, docs/physics.md#regions]. */
    public static final double PUBLISHED_ECAL_MAX = 50.0;
    /** Box upper E_HCAL edge of the published analysis [src, docs/physics.md#regions]. */
    public static final double PUBLISHED_HCAL_MAX = 1.0;
    /** Trigger threshold on E_ECAL, "≲ 80-85 GeV" [src, docs/physics.md#trigger]; 80 as in the simulator. */
    public static final double TRIGGER_EDGE = 80.0;
    /** Upper E_HCAL edge of sidebands A and D [est]. */
    public static final double HCAL_SIDEBAND_MAX = 100.0;
    /** Nominal beam energy [src, docs/physics.md#experiment]. */
    public static final double BEAM_ENERGY = 100.0;
    /** Region I window on E_HCAL around the dimuon peak ≈ 10 GeV [est, docs/physics.md#selection]. */
    public static final double DIMUON_HCAL_MIN = 5.0;

    public static final double DIMUON_HCAL_MAX = 16.0;
    /** Region II half width on E_ECAL + E_HCAL around the beam energy [est: ≈ 2-3 σ of the HCAL at 50 GeV]. */
    public static final double HADRON_SUM_WINDOW = 15.0;
    /** Region III: E_ECAL + E_HCAL above the beam energy by more than the resolution [est]. */
    public static final double PILEUP_SUM_MIN = 120.0;

    public SignalBox {
        check("ecalMax", ecalMax);
        check("hcalMax", hcalMax);
        check("ecalTriggerEdge", ecalTriggerEdge);
        check("hcalSidebandMax", hcalSidebandMax);
        check("beamEnergy", beamEnergy);
        check("dimuonHcalMin", dimuonHcalMin);
        check("dimuonHcalMax", dimuonHcalMax);
        check("hadronSumWindow", hadronSumWindow);
        check("pileupSumMin", pileupSumMin);
        if (ecalMax <= 0 || hcalMax <= 0) {
            throw new IllegalArgumentException(
                    "box edges must be positive: ecalMax " + ecalMax + ", hcalMax " + hcalMax);
        }
        if (ecalTriggerEdge < ecalMax) {
            throw new IllegalArgumentException(
                    "ecalTriggerEdge " + ecalTriggerEdge + " is below the box edge ecalMax " + ecalMax);
        }
        if (hcalSidebandMax < hcalMax) {
            throw new IllegalArgumentException(
                    "hcalSidebandMax " + hcalSidebandMax + " is below the box edge hcalMax " + hcalMax);
        }
        if (dimuonHcalMax < dimuonHcalMin) {
            throw new IllegalArgumentException("dimuonHcalMax " + dimuonHcalMax + " < dimuonHcalMin " + dimuonHcalMin);
        }
    }

    private static void check(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("box field '" + field + "' must be a finite number, got " + v);
        }
    }

    /** The published box and sidebands. */
    public static SignalBox published() {
        return new SignalBox(
                PUBLISHED_ECAL_MAX,
                PUBLISHED_HCAL_MAX,
                TRIGGER_EDGE,
                HCAL_SIDEBAND_MAX,
                BEAM_ENERGY,
                DIMUON_HCAL_MIN,
                DIMUON_HCAL_MAX,
                HADRON_SUM_WINDOW,
                PILEUP_SUM_MIN);
    }

    public SignalBox withEcalMax(double v) {
        return new SignalBox(
                v,
                hcalMax,
                Math.max(ecalTriggerEdge, v),
                hcalSidebandMax,
                beamEnergy,
                dimuonHcalMin,
                dimuonHcalMax,
                hadronSumWindow,
                pileupSumMin);
    }

    public SignalBox withHcalMax(double v) {
        return new SignalBox(
                ecalMax,
                v,
                ecalTriggerEdge,
                Math.max(hcalSidebandMax, v),
                beamEnergy,
                dimuonHcalMin,
                dimuonHcalMax,
                hadronSumWindow,
                pileupSumMin);
    }

    /** The box/sideband region of one point: BOX, A, C, D, or null (outside all four). */
    public Region abcdRegion(double ecal, double hcal) {
        if (!(ecal < ecalTriggerEdge) || !(hcal < hcalSidebandMax)) {
            return null;
        }
        boolean lowE = ecal < ecalMax;
        boolean lowH = hcal < hcalMax;
        if (lowE) {
            return lowH ? Region.BOX : Region.A;
        }
        return lowH ? Region.C : Region.D;
    }

    /** The labelled region I, II or III of one point, or null. */
    public Region labelRegion(double ecal, double hcal) {
        double sum = ecal + hcal;
        if (sum > pileupSumMin) {
            return Region.III;
        }
        if (hcal >= dimuonHcalMin && hcal < dimuonHcalMax && sum < beamEnergy - hadronSumWindow) {
            return Region.I;
        }
        if (hcal >= hcalMax && Math.abs(sum - beamEnergy) <= hadronSumWindow) {
            return Region.II;
        }
        return null;
    }

    /** True if the point is in the given region. */
    public boolean contains(Region r, double ecal, double hcal) {
        return r.isAbcd() ? abcdRegion(ecal, hcal) == r : labelRegion(ecal, hcal) == r;
    }
}
