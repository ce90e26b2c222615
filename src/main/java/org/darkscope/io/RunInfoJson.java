package org.darkscope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.GeometryLoader;

/**
 * Run metadata as the JSON stored under the key {@code darkscope.run} of a run file. Field names
 * are the {@link RunInfo} component names; {@code signalMassMeV} is {@code null} when the run is not
 * a signal run (JSON has no NaN). Missing fields take the defaults of {@link RunInfo#data}, so files
 * written by hand or by other tools with partial metadata load; fields present are type-checked.
 */
public final class RunInfoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunInfoJson() {}

    public static String toJson(RunInfo info) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("runNumber", info.runNumber());
        o.put("beamEnergy", info.beamEnergy());
        o.put("eot", info.eot());
        o.put("intensity", info.intensity());
        o.put("geometryVersion", info.geometryVersion());
        o.put("simulated", info.simulated());
        o.put("mix", info.mix());
        o.put("seed", info.seed());
        if (Double.isNaN(info.signalMassMeV())) {
            o.putNull("signalMassMeV");
        } else {
            o.put("signalMassMeV", info.signalMassMeV());
        }
        ObjectNode g = o.putObject("generator");
        info.generator().forEach(g::put);
        o.put("schemaVersion", info.schemaVersion());
        o.put("description", info.description());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise run metadata", e);
        }
    }

    /** A metadata field has the wrong type or an impossible value; the message names the field. */
    public static final class InvalidFieldException extends IOException {
        private final String field;

        InvalidFieldException(String field, JsonNode value, String expected) {
            super("field '" + field + "' is " + value + ", expected " + expected);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Parses run metadata. Missing fields take the defaults of {@link RunInfo#data} (partial metadata
     * written by other tools loads); a field that is present must have its type and a possible value
     * (eot, intensity >= 0, beamEnergy > 0, simulated true/false, ...), else an
     * {@link InvalidFieldException} names it. Duplicate keys and trailing content are refused.
     *
     * @throws IOException if the text is not one JSON object or a field is invalid
     */
    public static RunInfo fromJson(String json) throws IOException {
        JsonNode o = STRICT.readTree(json);
        if (o == null || !o.isObject()) {
            throw new IOException("run metadata is not a JSON object");
        }
        RunInfo d = RunInfo.data(0, GeometryLoader.defaultDetector().beamEnergy(), 0);
        Map<String, String> gen = new LinkedHashMap<>();
        JsonNode g = o.get("generator");
        if (g != null && !g.isNull()) {
            if (!g.isObject()) {
                throw new InvalidFieldException("generator", g, "an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                gen.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
        }
        double m = Double.NaN;
        JsonNode mass = o.get("signalMassMeV");
        if (mass != null && !mass.isNull()) {
            m = number(o, "signalMassMeV", Double.NaN, true, false);
        }
        return new RunInfo(
                (int) integer(o, "runNumber", d.runNumber(), 0, Integer.MAX_VALUE),
                number(o, "beamEnergy", d.beamEnergy(), true, false),
                number(o, "eot", d.eot(), false, false),
                number(o, "intensity", d.intensity(), false, false),
                text(o, "geometryVersion", d.geometryVersion(), false),
                bool(o, "simulated", d.simulated()),
                text(o, "mix", d.mix(), false),
                integer(o, "seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
                m,
                gen,
                (int) integer(o, "schemaVersion", Schema.VERSION, Integer.MIN_VALUE, Integer.MAX_VALUE),
                text(o, "description", d.description(), true));
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static double number(JsonNode o, String field, double dflt, boolean positive, boolean negativeOk)
            throws InvalidFieldException {
        JsonNode v = o.get(field);
        if (v == null) {
            return dflt;
        }
        String expected = positive ? "a number > 0" : negativeOk ? "a number" : "a number >= 0";
        if (!v.isNumber()) {
            throw new InvalidFieldException(field, v, expected);
        }
        double x = v.asDouble();
        if (!Double.isFinite(x) || (positive && x <= 0) || (!positive && !negativeOk && x < 0)) {
            throw new InvalidFieldException(field, v, expected);
        }
        return x;
    }

    private static long integer(JsonNode o, String field, long dflt, long min, long max) throws InvalidFieldException {
        JsonNode v = o.get(field);
        if (v == null) {
            return dflt;
        }
        String expected = min == 0 ? "a whole number >= 0" : "a whole number";
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidFieldException(field, v, expected);
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw new InvalidFieldException(field, v, expected + " up to " + max);
        }
        return x;
    }

    private static boolean bool(JsonNode o, String field, boolean dflt) throws InvalidFieldException {
        JsonNode v = o.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new InvalidFieldException(field, v, "true or false");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode o, String field, String dflt, boolean emptyOk) throws InvalidFieldException {
        JsonNode v = o.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual() || (!emptyOk && v.asText().isBlank())) {
            throw new InvalidFieldException(field, v, emptyOk ? "a string" : "a non-empty string");
        }
        return v.asText();
    }
}
