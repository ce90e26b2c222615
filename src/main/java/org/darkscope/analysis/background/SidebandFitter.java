package org.darkscope.analysis.background;

import org.darkscope.analysis.SignalBox;

/** Sideband-fit extrapolation into the box (physics.md section 4). */
public class SidebandFitter {
    public static final String METHOD_C = "sideband C fit (E_ECAL)";
    public static final String METHOD_A = "sideband A fit (E_HCAL)";

    /** Fit of the E_ECAL spectrum of sideband C, extrapolated below the box edge. */
    public BackgroundEstimate sidebandC(float[] ecal, float[] hcal, SignalBox box) {
        return BackgroundEstimate.unavailable(METHOD_C, "fits not implemented yet");
    }

    /** Fit of the E_HCAL spectrum of sideband A, extrapolated below the box edge. */
    public BackgroundEstimate sidebandA(float[] ecal, float[] hcal, SignalBox box) {
        return BackgroundEstimate.unavailable(METHOD_A, "fits not implemented yet");
    }
}
