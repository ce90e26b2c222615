package org.darkscope.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.darkscope.event.Schema;
import org.darkscope.geometry.GeometryLoader;

/**
 * Reads and writes selections as versioned JSON:
 * <pre>{ "format": "darkscope-selection", "version": 1, "name": ..., "description": ..., "blinded": true,
 *   "box": { "ecalMax": 50, "hcalMax": 1, ... every {@link SignalBox} component },
 *   "cuts": [ { "name", "column", "kind", "min", "max", "enabled", "unit", "description" }, ... ],
 *   "basedOn": "published", "history": [ { "time": "2026-11-29T19:05:12Z", "what": "preshower 1" }, ... ] }</pre>
 * "basedOn" (the preset the selection started from) and "history" are optional: files written before
 * them still load. A file without "basedOn" whose name is a preset name is taken as based on that
 * preset. The name is generated from the differences to that preset ("published, modified:
 * preshower 1") unless the user gave it another name, on reading and on writing, so a file can no
 * longer call a changed selection "published". Cut descriptions say {min}/{max} where they quote the
 * edges (see {@link Cut#describe()}); numbers quoted after a comparison in older files are turned
 * into these placeholders on reading.
 * Reading is strict: unknown fields, wrong types, missing required fields, unknown columns, bad
 * kinds or edges, a key given twice and anything after the closing brace are rejected with a
 * {@link SelectionFormatException} naming the field (and the line for syntax errors). "min"/"max"
 * must be omitted (or null) when the kind does not use them: a "min" on a {@code max} cut would be
 * silently ignored, so it is an error. A UTF-8 byte order mark is accepted. Box fields that are
 * omitted take the published values.
 */
public final class SelectionIo {
    /** Value of the "format" field. */
    public static final String FORMAT = "darkscope-selection";
    /** Current version written; versions 1..VERSION are read. */
    public static final int VERSION = 1;

    /** Strict reader: a repeated key or anything after the closing brace is an error, not silently resolved. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP =
            Set.of("format", "version", "name", "description", "blinded", "box", "cuts", "basedOn", "history");
    private static final Set<String> CHANGE = Set.of("time", "what");
    private static final Set<String> CUT =
            Set.of("name", "column", "kind", "min", "max", "enabled", "unit", "description");
    private static final List<String> BOX = List.of(
            "ecalMax",
            "hcalMax",
            "ecalTriggerEdge",
            "hcalSidebandMax",
            "beamEnergy",
            "dimuonHcalMin",
            "dimuonHcalMax",
            "hadronSumWindow",
            "pileupSumMin");

    private SelectionIo() {}

    /** Reads a selection file. */
    public static Selection read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read selection file " + file + ": " + e.getMessage(), e);
        }
        return read(text);
    }

    /** Parses a selection from JSON text. */
    public static Selection read(String json) {
        JsonNode root;
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // UTF-8 byte order mark written by some Windows editors
        }
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw jsonError(e);
        }
        if (root == null || !root.isObject()) {
            throw new SelectionFormatException("", "a selection must be a JSON object");
        }
        checkFields(root, TOP, "");
        String format = text(root, "format", "", true);
        if (!FORMAT.equals(format)) {
            throw new SelectionFormatException("format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        JsonNode v = root.get("version");
        if (v == null || !v.isIntegralNumber()) {
            throw new SelectionFormatException("version", "must be an integer");
        }
        if (v.intValue() < 1 || v.intValue() > VERSION) {
            throw new SelectionFormatException(
                    "version", "unsupported version " + v.intValue() + " (this program reads 1.." + VERSION + ")");
        }
        String name = text(root, "name", "", false);
        String description = text(root, "description", "", false);
        boolean blinded = bool(root, "blinded", "", false, true);
        SignalBox box = readBox(root.get("box"));
        JsonNode cutsNode = root.get("cuts");
        if (cutsNode == null || !cutsNode.isArray()) {
            throw new SelectionFormatException("cuts", "must be an array of cuts");
        }
        Predicate<String> known = knownColumns();
        List<Cut> cuts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cutsNode.size(); i++) {
            String path = "cuts[" + i + "]";
            Cut c = readCut(cutsNode.get(i), path, known);
            if (names.contains(c.name())) {
                throw new SelectionFormatException(path + ".name", "duplicate cut name '" + c.name() + "'");
            }
            names.add(c.name());
            cuts.add(c.withValuePlaceholders());
        }
        String basedOn = text(root, "basedOn", "", false);
        if (basedOn.isEmpty()
                && root.get("basedOn") == null
                && Selection.preset(name).isPresent()) {
            basedOn = name; // written before "basedOn" existed: a preset's name means it started there
        }
        List<Selection.Change> history = readHistory(root.get("history"));
        return new Selection(name, description, cuts, box, blinded, basedOn, history).withHonestName();
    }

    private static List<Selection.Change> readHistory(JsonNode node) {
        List<Selection.Change> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new SelectionFormatException("history", "must be an array of {\"time\", \"what\"}");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "history[" + i + "]";
            JsonNode e = node.get(i);
            if (e == null || !e.isObject()) {
                throw new SelectionFormatException(path, "must be an object {\"time\", \"what\"}");
            }
            checkFields(e, CHANGE, path + ".");
            out.add(new Selection.Change(text(e, "time", path + ".", true), text(e, "what", path + ".", true)));
        }
        return out;
    }

    /** A JSON syntax error with its line and column and, where known, the field it is in. */
    private static SelectionFormatException jsonError(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 1
                ? ""
                : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        String field = "";
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            field = pointerToPath(p.getParsingContext().pathAsPointer().toString());
        }
        String m = e.getOriginalMessage();
        String what;
        if (m != null && m.startsWith("Duplicate field")) {
            what = "key given twice ("
                    + m.replace("Duplicate field", "duplicate key").trim() + "); keep one";
        } else if (m != null && m.startsWith("Trailing token")) {
            what = "content after the end of the selection object";
            field = "";
        } else {
            what = "not valid JSON: " + m;
            field = "";
        }
        return new SelectionFormatException(field, where + what);
    }

    /** "/cuts/6/min" to "cuts[6].min". */
    static String pointerToPath(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }

    private static Predicate<String> knownColumns() {
        Schema s = Schema.of(GeometryLoader.defaultDetector());
        return s::hasColumn;
    }

    private static SignalBox readBox(JsonNode node) {
        SignalBox def = SignalBox.published();
        if (node == null || node.isNull()) {
            return def;
        }
        if (!node.isObject()) {
            throw new SelectionFormatException("box", "must be an object");
        }
        checkFields(node, Set.copyOf(BOX), "box.");
        double[] d = {
            def.ecalMax(),
            def.hcalMax(),
            def.ecalTriggerEdge(),
            def.hcalSidebandMax(),
            def.beamEnergy(),
            def.dimuonHcalMin(),
            def.dimuonHcalMax(),
            def.hadronSumWindow(),
            def.pileupSumMin()
        };
        for (int i = 0; i < BOX.size(); i++) {
            JsonNode f = node.get(BOX.get(i));
            if (f != null) {
                d[i] = number(f, "box." + BOX.get(i));
            }
        }
        try {
            return new SignalBox(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]);
        } catch (IllegalArgumentException e) {
            throw new SelectionFormatException("box", e.getMessage());
        }
    }

    private static Cut readCut(JsonNode node, String path, Predicate<String> known) {
        if (node == null || !node.isObject()) {
            throw new SelectionFormatException(path, "a cut must be an object");
        }
        checkFields(node, CUT, path + ".");
        String name = text(node, "name", path + ".", true);
        if (name.isBlank()) {
            throw new SelectionFormatException(path + ".name", "is empty");
        }
        String column = text(node, "column", path + ".", true);
        Cut probe = new Cut(name, column, CutKind.MAX, Double.NaN, 0, true, "", "");
        if (probe.columns(known).isEmpty()) {
            throw new SelectionFormatException(path + ".column", "unknown column '" + column + "'");
        }
        CutKind kind;
        try {
            kind = CutKind.parse(text(node, "kind", path + ".", true));
        } catch (IllegalArgumentException e) {
            throw new SelectionFormatException(path + ".kind", e.getMessage());
        }
        for (String edge : new String[] {"min", "max"}) {
            boolean used = edge.equals("min") ? kind.usesMin() : kind.usesMax();
            JsonNode given = node.get(edge);
            if (!used && given != null && !given.isNull()) {
                throw new SelectionFormatException(
                        path + "." + edge,
                        "a '" + kind.jsonName() + "' cut has no "
                                + (edge.equals("min") ? "lower" : "upper") + " edge, so \"" + edge
                                + "\" would be ignored;"
                                + " remove it or use kind "
                                + (kind == CutKind.MIN || kind == CutKind.MAX ? "window" : "min/max/window"));
            }
        }
        double min = optionalNumber(node, "min", path + ".", kind.usesMin());
        double max = optionalNumber(node, "max", path + ".", kind.usesMax());
        boolean enabled = bool(node, "enabled", path + ".", false, true);
        String unit = text(node, "unit", path + ".", false);
        String description = text(node, "description", path + ".", false);
        if (kind.usesMin() && kind.usesMax() && min > max) {
            throw new SelectionFormatException(path + ".min", "min " + min + " is above max " + max);
        }
        return new Cut(name, column, kind, min, max, enabled, unit, description);
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new SelectionFormatException(
                        prefix + f,
                        "unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String prefix, boolean required) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            if (required) {
                throw new SelectionFormatException(prefix + field, "is required");
            }
            return "";
        }
        if (!f.isTextual()) {
            throw new SelectionFormatException(prefix + field, "must be a string");
        }
        return f.textValue();
    }

    private static boolean bool(JsonNode node, String field, String prefix, boolean required, boolean def) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            if (required) {
                throw new SelectionFormatException(prefix + field, "is required");
            }
            return def;
        }
        if (!f.isBoolean()) {
            throw new SelectionFormatException(prefix + field, "must be true or false");
        }
        return f.booleanValue();
    }

    private static double optionalNumber(JsonNode node, String field, String prefix, boolean required) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            if (required) {
                throw new SelectionFormatException(prefix + field, "is required for this kind of cut");
            }
            return Double.NaN;
        }
        return number(f, prefix + field);
    }

    private static double number(JsonNode f, String path) {
        if (!f.isNumber()) {
            throw new SelectionFormatException(path, "must be a number");
        }
        double d = f.doubleValue();
        if (!Double.isFinite(d)) {
            throw new SelectionFormatException(path, "must be finite");
        }
        return d;
    }

    /** The selection as JSON text. */
    public static String toJson(Selection s) {
        s = s.withHonestName();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", s.name());
        root.put("description", s.description());
        root.put("blinded", s.blinded());
        ObjectNode box = root.putObject("box");
        SignalBox b = s.box();
        double[] d = {
            b.ecalMax(),
            b.hcalMax(),
            b.ecalTriggerEdge(),
            b.hcalSidebandMax(),
            b.beamEnergy(),
            b.dimuonHcalMin(),
            b.dimuonHcalMax(),
            b.hadronSumWindow(),
            b.pileupSumMin()
        };
        for (int i = 0; i < BOX.size(); i++) {
            box.put(BOX.get(i), d[i]);
        }
        ArrayNode cuts = root.putArray("cuts");
        for (Cut c : s.cuts()) {
            ObjectNode o = cuts.addObject();
            o.put("name", c.name());
            o.put("column", c.column());
            o.put("kind", c.kind().jsonName());
            if (c.kind().usesMin()) {
                o.put("min", c.min());
            }
            if (c.kind().usesMax()) {
                o.put("max", c.max());
            }
            o.put("enabled", c.enabled());
            o.put("unit", c.unit());
            o.put("description", c.description());
        }
        root.put("basedOn", s.basedOn());
        ArrayNode history = root.putArray("history");
        for (Selection.Change ch : s.history()) {
            history.addObject().put("time", ch.time()).put("what", ch.what());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the selection to a file (temporary file, then atomic rename). */
    public static void write(Selection s, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, toJson(s), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
