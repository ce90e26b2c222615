package org.darkscope.ui.plane;

/**
 * The edges the plane draws (GeV): the signal box is E_ECAL &lt; ecalMax and E_HCAL &lt; hcalMax;
 * sidebands A (E_HCAL above the box), C (E_ECAL above the box up to the trigger edge) and D (both
 * above) are bounded by ecalTrigger and hcalSidebandMax. The view model maps it to the engine's box.
 */
public record BoxEdges(double ecalMax, double hcalMax, double ecalTrigger, double hcalSidebandMax) {
    public BoxEdges {
        if (!(ecalMax > 0) || !(hcalMax > 0)) {
            throw new IllegalArgumentException(
                    "box edges must be positive: E_ECAL < " + ecalMax + ", E_HCAL < " + hcalMax);
        }
        if (!(ecalMax < ecalTrigger)) {
            throw new IllegalArgumentException(
                    "box E_ECAL edge " + ecalMax + " GeV must be below the trigger edge " + ecalTrigger + " GeV");
        }
        if (!(hcalMax < hcalSidebandMax)) {
            throw new IllegalArgumentException(
                    "box E_HCAL edge " + hcalMax + " GeV must be below the sideband edge " + hcalSidebandMax + " GeV");
        }
    }

    public BoxEdges withEcalMax(double v) {
        return new BoxEdges(v, hcalMax, ecalTrigger, hcalSidebandMax);
    }

    public BoxEdges withHcalMax(double v) {
        return new BoxEdges(ecalMax, v, ecalTrigger, hcalSidebandMax);
    }

    /** The nearest valid E_ECAL edge to {@code v} (kept inside (0, trigger)). */
    public double clampEcal(double v) {
        return Math.max(0.1, Math.min(ecalTrigger - 0.1, v));
    }

    /** The nearest valid E_HCAL edge to {@code v} (kept inside (0, sideband max)). */
    public double clampHcal(double v) {
        return Math.max(0.01, Math.min(hcalSidebandMax - 0.01, v));
    }
}
