package org.darkscope.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata of one run: stored as JSON in the run file's key-value metadata (key {@code darkscope.run}).
 *
 * @param runNumber       run number
 * @param beamEnergy      nominal beam energy in GeV
 * @param eot             electrons on target this run represents
 * @param intensity       beam intensity in e-/spill
 * @param geometryVersion detector description used (resources/geometry/VERSION.json)
 * @param simulated       true for simulated runs
 * @param mix             simulation mix ("physics", "calibration", "signal-brem", ...) or "data"
 * @param seed            simulation seed (0 for data)
 * @param signalMassMeV   A' mass of a signal run in MeV, NaN otherwise
 * @param generator       further simulator settings (knob name to value), empty for data
 * @param schemaVersion   schema version of the file
 * @param description     free text
 */
public record RunInfo(
        int runNumber,
        double beamEnergy,
        double eot,
        double intensity,
        String geometryVersion,
        boolean simulated,
        String mix,
        long seed,
        double signalMassMeV,
        Map<String, String> generator,
        int schemaVersion,
        String description) {
    public RunInfo {
        generator = Collections.unmodifiableMap(new LinkedHashMap<>(generator));
    }

    /** Metadata of a recorded run with default values. */
    public static RunInfo data(int runNumber, double beamEnergy, double eot) {
        return new RunInfo(
                runNumber,
                beamEnergy,
                eot,
                0,
                org.darkscope.geometry.GeometryLoader.DEFAULT_VERSION,
                false,
                "data",
                0,
                Double.NaN,
                Map.of(),
                Schema.VERSION,
                "");
    }

    /** Generator-map key holding the number of events generated before the trigger (simulated runs). */
    public static final String GENERATED_KEY = "generated";

    /**
     * Events generated before the trigger, from the generator map ({@value #GENERATED_KEY}); for
     * recorded runs or files without it, {@code recorded} (the events in the file). Efficiencies are
     * selected / this.
     */
    public long generatedEvents(long recorded) {
        String g = generator.get(GENERATED_KEY);
        if (g != null) {
            try {
                long n = Long.parseLong(g.trim());
                if (n >= recorded) {
                    return n;
                }
            } catch (NumberFormatException e) {
                return recorded;
            }
        }
        return recorded;
    }

    public boolean isSignal() {
        return !Double.isNaN(signalMassMeV);
    }

    public RunInfo withDescription(String d) {
        return new RunInfo(
                runNumber,
                beamEnergy,
                eot,
                intensity,
                geometryVersion,
                simulated,
                mix,
                seed,
                signalMassMeV,
                generator,
                schemaVersion,
                d);
    }

    public RunInfo withEot(double newEot) {
        return new RunInfo(
                runNumber,
                beamEnergy,
                newEot,
                intensity,
                geometryVersion,
                simulated,
                mix,
                seed,
                signalMassMeV,
                generator,
                schemaVersion,
                description);
    }
}
