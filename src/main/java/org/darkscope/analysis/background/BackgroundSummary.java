package org.darkscope.analysis.background;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.darkscope.event.EventClass;

/**
 * Every background estimate for the signal box from the non-signal runs, and on simulation the
 * truth per class with the closure ratio of each method (docs/physics.md#backgrounds).
 *
 * @param sidebandC   fit of the E_ECAL spectrum of sideband C extrapolated below the box edge
 * @param sidebandA   fit of the E_HCAL spectrum of sideband A extrapolated below the box edge
 * @param abcd        N_A · N_C / N_D (assumes E_ECAL and E_HCAL uncorrelated)
 * @param truthInBox  simulated runs only: selected background events in the box per class
 * @param simulated   true if every non-signal run is simulated (truth known)
 * @param mcTransfer  data sidebands times the box/sideband ratio of a weighted background MC
 * @param abcdCorrected ABCD times its correlation correction from the MC
 */
public record BackgroundSummary(
        BackgroundEstimate sidebandC,
        BackgroundEstimate sidebandA,
        BackgroundEstimate abcd,
        Map<EventClass, Long> truthInBox,
        boolean simulated,
        BackgroundEstimate mcTransfer,
        BackgroundEstimate abcdCorrected) {
    /** Why the MC-based estimates are missing when no background MC was given. */
    public static final String NO_MC = "no weighted background simulation loaded (add background MC)";

    public BackgroundSummary {
        truthInBox = Collections.unmodifiableMap(
                truthInBox.isEmpty() ? new EnumMap<>(EventClass.class) : new EnumMap<>(truthInBox));
        if (mcTransfer == null) {
            mcTransfer = BackgroundEstimate.unavailable(MonteCarloTransfer.METHOD, NO_MC);
        }
        if (abcdCorrected == null) {
            abcdCorrected = BackgroundEstimate.unavailable(MonteCarloTransfer.METHOD_ABCD, NO_MC);
        }
    }

    /** Without MC-based estimates. */
    public BackgroundSummary(
            BackgroundEstimate sidebandC,
            BackgroundEstimate sidebandA,
            BackgroundEstimate abcd,
            Map<EventClass, Long> truthInBox,
            boolean simulated) {
        this(sidebandC, sidebandA, abcd, truthInBox, simulated, null, null);
    }

    /** True background events in the box (simulation), -1 if unknown. */
    public long truthTotal() {
        if (!simulated) {
            return -1;
        }
        return truthInBox.values().stream().mapToLong(Long::longValue).sum();
    }

    /** estimate / truth on simulation; empty when either is unavailable or the truth is 0. */
    public OptionalDouble closure(BackgroundEstimate e) {
        long t = truthTotal();
        if (!e.available() || t <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(e.value() / t);
    }
}
