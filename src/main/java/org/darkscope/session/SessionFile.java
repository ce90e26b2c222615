package org.darkscope.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.analysis.limits.LimitMethod;

/**
 * A whole session as a JSON file: the run files with their roles, the selection (in the selection
 * file format, blinding included), the analysis definition (background method, limit method, CL),
 * the blinding log (who unblinded, when) and the view settings (free key/value pairs the UI stores
 * and restores). Reopening it gives the same runs, selection, numbers and views; {@code analyse
 * --session} reads the same file. Runs made in memory (no file) cannot be stored: {@link #write}
 * refuses them with a message.
 *
 * <p>Version 2 added "analysis" and "blinding"; a version 1 file reads with the default definition
 * and an empty log.</p>
 *
 * @param runs        run files and their roles, in opening order
 * @param selection   the selection
 * @param view        view settings (string values)
 * @param definition  how limits are derived
 * @param blindingLog blinding changes, oldest first
 */
public record SessionFile(
        List<RunEntry> runs,
        Selection selection,
        Map<String, String> view,
        AnalysisDefinition definition,
        List<BlindingEvent> blindingLog) {
    /** Format name written into the file. */
    public static final String FORMAT = "darkscope-session";

    public static final int VERSION = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One run of the session. */
    public record RunEntry(Path path, RunRole role) {}

    public SessionFile {
        runs = List.copyOf(runs);
        view = Map.copyOf(view);
        definition = definition == null ? AnalysisDefinition.defaults() : definition;
        blindingLog = List.copyOf(blindingLog);
    }

    /** A session with the default analysis definition and no blinding log (as version 1 files). */
    public SessionFile(List<RunEntry> runs, Selection selection, Map<String, String> view) {
        this(runs, selection, view, AnalysisDefinition.defaults(), List.of());
    }

    /** Puts the selection, the blinding log and the analysis definition into a session (not the runs: see {@link #runs()}). */
    public void restoreInto(Session s) {
        s.setSelection(selection);
        s.restoreBlindingLog(blindingLog);
        s.setDefinition(definition);
    }

    /** The state of a session with the given view settings. */
    public static SessionFile of(Session s, Map<String, String> view) {
        List<RunEntry> runs = new ArrayList<>();
        for (OpenRun r : s.runs()) {
            if (r.path() == null) {
                throw new IllegalStateException(
                        "run " + r.name() + " was not read from a file and cannot be stored in a session");
            }
            runs.add(new RunEntry(r.path().toAbsolutePath(), r.role()));
        }
        return new SessionFile(runs, s.selection(), view, s.definition(), s.blindingLog());
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode rs = root.putArray("runs");
        for (RunEntry e : runs) {
            ObjectNode o = rs.addObject();
            o.put("path", e.path().toString());
            o.put("role", e.role().name());
        }
        ObjectNode a = root.putObject("analysis");
        a.put("backgroundMethod", AnalysisDefinition.name(definition.background()));
        a.put("limitMethod", definition.limitMethod().cliName());
        a.put("cl", definition.cl());
        ObjectNode b = root.putObject("blinding");
        b.put("blinded", selection.blinded());
        ArrayNode log = b.putArray("log");
        for (BlindingEvent e : blindingLog) {
            ObjectNode o = log.addObject();
            o.put("action", e.action());
            o.put("user", e.user());
            o.put("time", e.time().toString());
        }
        try {
            root.set("selection", MAPPER.readTree(SelectionIo.toJson(selection)));
            ObjectNode v = root.putObject("view");
            new java.util.TreeMap<>(view).forEach(v::put);
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the file atomically (temporary file, then rename). */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".darkscope-session-", ".tmp");
        try {
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a session file; a malformed one fails with a message naming the file and the field. */
    public static SessionFile read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": not a readable JSON file: " + e.getMessage(), e);
        }
        try {
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new IllegalArgumentException("format: expected \"" + FORMAT + "\"");
            }
            int v = root.path("version").asInt(-1);
            if (v < 1 || v > VERSION) {
                throw new IllegalArgumentException("version: unsupported " + root.path("version"));
            }
            List<RunEntry> runs = new ArrayList<>();
            for (JsonNode r : root.path("runs")) {
                String p = r.path("path").asText("");
                if (p.isEmpty()) {
                    throw new IllegalArgumentException("runs[].path: missing");
                }
                String role = r.path("role").asText("DATA");
                try {
                    runs.add(new RunEntry(Path.of(p), RunRole.valueOf(role)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "runs[].role: unknown role '" + role + "' (DATA, BACKGROUND or SIGNAL)");
                }
            }
            if (!root.has("selection")) {
                throw new IllegalArgumentException("selection: missing");
            }
            Selection sel = SelectionIo.read(MAPPER.writeValueAsString(root.get("selection")));
            Map<String, String> view = new LinkedHashMap<>();
            root.path("view")
                    .fields()
                    .forEachRemaining(e -> view.put(e.getKey(), e.getValue().asText()));
            AnalysisDefinition def = AnalysisDefinition.defaults();
            JsonNode a = root.path("analysis");
            if (a.has("backgroundMethod")) {
                def = def.withBackground(AnalysisDefinition.parseBackground(
                        a.get("backgroundMethod").asText()));
            }
            if (a.has("limitMethod")) {
                def = def.withLimitMethod(LimitMethod.parse(a.get("limitMethod").asText()));
            }
            if (a.has("cl")) {
                if (!a.get("cl").isNumber()) {
                    throw new IllegalArgumentException("analysis.cl: expected a number, got " + a.get("cl"));
                }
                def = def.withCl(a.get("cl").asDouble());
            }
            List<BlindingEvent> log = new ArrayList<>();
            for (JsonNode e : root.path("blinding").path("log")) {
                try {
                    log.add(new BlindingEvent(
                            e.path("action").asText(""),
                            e.path("user").asText(""),
                            java.time.Instant.parse(e.path("time").asText(""))));
                } catch (java.time.format.DateTimeParseException ex) {
                    throw new IllegalArgumentException(
                            "blinding.log[].time: not an ISO-8601 instant: " + e.path("time"));
                }
            }
            return new SessionFile(runs, sel, view, def, log);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
