package org.darkscope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.GeometryLoader;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run metadata as the JSON stored under the key {@code darkscope.run} of a run file. Field names
 * are the {@link RunInfo} component names; {@code signalMassMeV} is {@code null} when the run is not
 * a signal run (JSON has no NaN). Reading is lenient: missing fields take the defaults of
 * {@link RunInfo#data}, so files written by hand or by other tools with partial metadata load.
 */
public final class RunInfoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunInfoJson() {
    }

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

    /**
     * Parses run metadata.
     *
     * @throws IOException if the text is not a JSON object
     */
    public static RunInfo fromJson(String json) throws IOException {
        JsonNode o = MAPPER.readTree(json);
        if (o == null || !o.isObject()) {
            throw new IOException("run metadata is not a JSON object");
        }
        RunInfo d = RunInfo.data(0, GeometryLoader.defaultDetector().beamEnergy(), 0);
        Map<String, String> gen = new LinkedHashMap<>();
        JsonNode g = o.path("generator");
        for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            gen.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        JsonNode mass = o.path("signalMassMeV");
        double m = mass.isNumber() ? mass.asDouble() : Double.NaN;
        return new RunInfo(
                o.path("runNumber").asInt(d.runNumber()),
                o.path("beamEnergy").asDouble(d.beamEnergy()),
                o.path("eot").asDouble(d.eot()),
                o.path("intensity").asDouble(d.intensity()),
                o.path("geometryVersion").asText(d.geometryVersion()),
                o.path("simulated").asBoolean(d.simulated()),
                o.path("mix").asText(d.mix()),
                o.path("seed").asLong(d.seed()),
                m,
                gen,
                o.path("schemaVersion").asInt(Schema.VERSION),
                o.path("description").asText(d.description()));
    }
}
