package org.darkscope.geometry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a detector description from {@code resources/geometry/<version>.json}. */
public final class GeometryLoader {
    /** Geometry used when a run does not name one. */
    public static final String DEFAULT_VERSION = "na64-2018";

    private static final Map<String, Detector> CACHE = new ConcurrentHashMap<>();

    private GeometryLoader() {}

    /** The default NA64 2018 geometry. */
    public static Detector defaultDetector() {
        return load(DEFAULT_VERSION);
    }

    /** Loads (once, then cached) the geometry of the given version from the class path. */
    public static Detector load(String version) {
        return CACHE.computeIfAbsent(version, v -> {
            String path = "/geometry/" + v + ".json";
            try (InputStream in = GeometryLoader.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException(
                            "unknown geometry version '" + v + "' (no resource " + path + ")");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read geometry " + path, e);
            }
        });
    }

    /** Parses a geometry JSON document. */
    public static Detector parse(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        String version = req(root, "version").asText();
        List<Element> elements = new ArrayList<>();
        int nextIndex = 0;
        java.util.Map<String, Double> numbers = new java.util.LinkedHashMap<>();
        for (JsonNode n : req(root, "elements")) {
            String name = req(n, "name").asText();
            ElementKind kind = ElementKind.valueOf(req(n, "kind").asText());
            JsonNode s = req(n, "size");
            Vec3 size =
                    new Vec3(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asDouble());
            Vec3 centre = new Vec3(
                    n.path("x").asDouble(0),
                    n.path("y").asDouble(0),
                    req(n, "z").asDouble());
            double z0 = centre.z() - size.z() / 2;
            List<CellLayer> layers = new ArrayList<>();
            JsonNode cells = n.get("cells");
            if (cells != null) {
                int nx = req(cells, "nx").asInt();
                int ny = req(cells, "ny").asInt();
                double px = req(cells, "pitchX").asDouble();
                double py = req(cells, "pitchY").asDouble();
                JsonNode segments = n.get("segments");
                if (segments != null) {
                    double z = z0;
                    for (JsonNode seg : segments) {
                        double len = req(seg, "length").asDouble();
                        int first = kind.isCalorimeter() ? nextIndex : -1;
                        layers.add(new CellLayer(
                                req(seg, "prefix").asText(), name, kind, nx, ny, px, py, z, z + len, first));
                        if (kind.isCalorimeter()) {
                            nextIndex += nx * ny;
                        }
                        z += len;
                    }
                } else {
                    int nLayers = cells.path("layers").asInt(1);
                    String prefix = req(cells, "prefix").asText();
                    double len = size.z() / nLayers;
                    for (int l = 0; l < nLayers; l++) {
                        int first = kind.isCalorimeter() ? nextIndex : -1;
                        String p = nLayers == 1 ? prefix : prefix + l;
                        layers.add(
                                new CellLayer(p, name, kind, nx, ny, px, py, z0 + l * len, z0 + (l + 1) * len, first));
                        if (kind.isCalorimeter()) {
                            nextIndex += nx * ny;
                        }
                    }
                }
            }
            if (kind == ElementKind.ECAL) {
                numbers.put("radiationLength", req(n, "radiationLength").asDouble());
                numbers.put("moliereRadius", req(n, "moliereRadius").asDouble());
            }
            elements.add(new Element(name, kind, centre, size, n.path("note").asText(""), layers));
        }
        Detector d = new Detector(
                version,
                root.path("description").asText(""),
                root.path("beamEnergyGeV").asDouble(100.0),
                elements);
        d.numbers.putAll(numbers);
        return d;
    }

    static double ecalNumber(Detector d, String key) {
        Double v = d.numbers.get(key);
        if (v == null) {
            throw new IllegalStateException("geometry " + d.version() + " has no ECAL " + key);
        }
        return v;
    }

    private static JsonNode req(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("geometry: missing field '" + field + "' in " + n);
        }
        return v;
    }
}
