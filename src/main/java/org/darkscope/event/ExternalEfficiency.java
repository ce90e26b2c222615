package org.darkscope.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signal inefficiencies the fast simulation does not model (docs/physics.md "Inefficiencies not in
 * the simulation"), as ONE named factor per run set. It travels in a signal run's metadata
 * (generator keys {@code external.*}) and is reported next to the simulated efficiency, never
 * multiplied into it silently: efficiency × factor is the number to compare with NA64's quoted 0.5-0.7.
 *
 * @param name       short name, e.g. {@code na64-2016-2018}
 * @param value      product of the components
 * @param components factor per source (name to value), in the order published
 * @param source     where the numbers come from
 */
public record ExternalEfficiency(String name, double value, Map<String, Double> components, String source) {
    /** Metadata keys. */
    public static final String KEY_NAME = "external.efficiency.name";

    public static final String KEY_VALUE = "external.efficiency.value";
    public static final String KEY_COMPONENTS = "external.efficiency.components";
    public static final String KEY_SOURCE = "external.efficiency.source";

    public ExternalEfficiency {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("external efficiency must be in (0, 1], got " + value);
        }
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /**
     * The NA64 2016-2018 breakdown (docs/physics.md#detector [src]: acceptance 0.97 × track 0.83 × SRD ≥ 0.95 ×
     * VETO 0.94 × HCAL 0.94 × DAQ 0.93 × trigger 0.95). The fast simulation models the acceptance
     * (shower shape, preshower, box), the SRD window, the momentum cut and pile-up itself; it does
     * not model track-reconstruction losses, VETO and HCAL noise or backsplash, DAQ dead time and
     * the trigger counters' efficiency: those five make the factor, 0.648.
     */
    public static ExternalEfficiency na64Published() {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("tracking", 0.83);
        c.put("veto", 0.94);
        c.put("hcal", 0.94);
        c.put("daq", 0.93);
        c.put("trigger", 0.95);
        double v = 1;
        for (double x : c.values()) {
            v *= x;
        }
        return new ExternalEfficiency(
                "na64-2016-2018",
                v,
                c,
                "NA64 published efficiency breakdown 2016-2018 (docs/physics.md#published-result)");
    }

    /** "na64-2016-2018 (tracking 0.83, veto 0.94, hcal 0.94, daq 0.93, trigger 0.95)", as the window and the report show it. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        components.forEach((k, v) ->
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(trim(v)));
        return name + (sb.isEmpty() ? "" : " (" + sb + ")");
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.4f", v);
        return t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Writes the factor into a generator map. */
    public void putInto(Map<String, String> generator) {
        generator.put(KEY_NAME, name);
        generator.put(KEY_VALUE, String.format(Locale.ROOT, "%.4f", value));
        StringBuilder sb = new StringBuilder();
        components.forEach((k, v) ->
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        generator.put(KEY_COMPONENTS, sb.toString());
        generator.put(KEY_SOURCE, source);
    }

    /** The factor stored in a run's metadata, if any (malformed entries count as absent). */
    public static Optional<ExternalEfficiency> of(RunInfo info) {
        Map<String, String> g = info.generator();
        String name = g.get(KEY_NAME);
        String value = g.get(KEY_VALUE);
        if (name == null || value == null) {
            return Optional.empty();
        }
        try {
            Map<String, Double> c = new LinkedHashMap<>();
            String comps = g.getOrDefault(KEY_COMPONENTS, "");
            for (String part : comps.trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    c.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
                }
            }
            return Optional.of(
                    new ExternalEfficiency(name, Double.parseDouble(value), c, g.getOrDefault(KEY_SOURCE, "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
