package org.darkscope.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkscope.analysis.Binning;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunTotals;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunInfo;

/**
 * Result files: an evaluated selection as totals per run ({@link MergedResult}), one JSON document
 * (format in docs/result-file-format.md). Written by the Spark job and by {@code analyse
 * --save-result}; read by {@code darkscope result} and the window (File → Open result…).
 * Writing is atomic (a temporary file renamed over the target). A file that is not a result file,
 * has a newer version, or whose numbers do not fit the selection is refused with a
 * {@link RunFileException} naming the file and the problem.
 */
public final class ResultFiles {
    /** Value of the "format" field. */
    public static final String FORMAT = "darkscope-result";
    /** Version written; newer ones are refused. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ResultFiles() {}

    /** Writes the result atomically. */
    public static void write(MergedResult r, Path file) throws IOException {
        String json = MAPPER.writeValueAsString(toJson(r));
        AtomicFiles.write(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(json);
                w.write('\n');
            }
        });
    }

    /** The JSON document of a result. */
    public static ObjectNode toJson(MergedResult r) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.set("selection", MAPPER.readTree(SelectionIo.toJson(r.selection())));
        ObjectNode plane = o.putObject("plane");
        plane.set("x", binning(r.planeX()));
        plane.set("y", binning(r.planeY()));
        ArrayNode regions = o.putArray("regions");
        for (Region reg : Region.values()) {
            regions.add(reg.name());
        }
        ArrayNode runs = o.putArray("runs");
        for (MergedResult.Run run : r.runs()) {
            runs.add(run(run));
        }
        return o;
    }

    private static ObjectNode binning(Binning b) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("bins", b.bins());
        o.put("lo", b.lo());
        o.put("hi", b.hi());
        return o;
    }

    private static ObjectNode run(MergedResult.Run run) throws IOException {
        RunTotals t = run.totals();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", run.name());
        o.put("source", run.source());
        o.put("role", run.role().name().toLowerCase(Locale.ROOT));
        o.put("events", run.events());
        o.put("boxHidden", run.boxHidden());
        o.set("info", MAPPER.readTree(RunInfoJson.toJson(run.info())));
        ObjectNode flow = o.putObject("cutFlow");
        flow.put("total", t.total());
        ArrayNode after = flow.putArray("after");
        ArrayNode alone = flow.putArray("alone");
        for (int k = 0; k < t.cutCount(); k++) {
            after.add(t.after(k));
            alone.add(t.alone(k));
        }
        ObjectNode classes = o.putObject("classes");
        for (EventClass c : EventClass.values()) {
            long[] plane = t.plane(c);
            long inPlane = 0;
            for (long v : plane) {
                inPlane += v;
            }
            long regionSum = 0;
            for (Region reg : Region.values()) {
                regionSum += t.region(c, reg);
            }
            if (t.selected(c) == 0 && inPlane == 0 && regionSum == 0 && t.planeOutside(c) == 0) {
                continue;
            }
            ObjectNode x = classes.putObject(c.name().toLowerCase(Locale.ROOT));
            x.put("selected", t.selected(c));
            ArrayNode rg = x.putArray("regions");
            for (Region reg : Region.values()) {
                rg.add(t.region(c, reg));
            }
            x.put("planeOutside", t.planeOutside(c));
            ArrayNode p = x.putArray("plane"); // sparse: bin index, count
            for (int i = 0; i < plane.length; i++) {
                if (plane[i] != 0) {
                    p.add(i).add(plane[i]);
                }
            }
        }
        ObjectNode n1 = o.putObject("nMinusOne");
        for (Map.Entry<String, long[]> e : t.nMinusOne().entrySet()) {
            ArrayNode a = n1.putArray(e.getKey());
            for (long v : e.getValue()) {
                a.add(v);
            }
        }
        if (t.isWeighted()) {
            ObjectNode w = o.putObject("weighted");
            w.put("weights", t.hasWeightColumn());
            w.set("total", sum(t.weightedTotal()));
            ArrayNode wa = w.putArray("after");
            for (int k = 0; k < t.cutCount(); k++) {
                wa.add(sum(t.weightedAfter(k)));
            }
            if (t.cutCount() == 0 || t.weightedAlone(0) != null) {
                ArrayNode wl = w.putArray("alone");
                for (int k = 0; k < t.cutCount(); k++) {
                    wl.add(sum(t.weightedAlone(k)));
                }
            }
            ObjectNode wc = w.putObject("classes");
            for (EventClass c : EventClass.values()) {
                ArrayNode a = MAPPER.createArrayNode();
                boolean any = false;
                for (Region reg : Region.values()) {
                    var s = t.weighted(c, reg);
                    any |= s.n() != 0;
                    a.add(sum(s));
                }
                if (any) {
                    wc.set(c.name().toLowerCase(Locale.ROOT), a);
                }
            }
        }
        ObjectNode pts = o.putObject("points");
        ArrayNode row = pts.putArray("row");
        ArrayNode ecal = pts.putArray("ecal");
        ArrayNode hcal = pts.putArray("hcal");
        ArrayNode weight = pts.putArray("weight");
        for (int i = 0; i < t.pointCount(); i++) {
            row.add(t.pointRow(i));
            ecal.add(t.pointEcal(i));
            hcal.add(t.pointHcal(i));
            weight.add(t.pointWeight(i));
        }
        return o;
    }

    private static ArrayNode sum(org.darkscope.analysis.WeightedCounts.Sum s) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(s.w()).add(s.w2()).add(s.n());
        return a;
    }

    /**
     * Reads a result file.
     *
     * @throws RunFileException naming the file: not JSON, not a result file, a newer version, numbers
     *                          that do not fit the selection
     */
    public static MergedResult read(Path file) throws RunFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new RunFileException(file, "is not a readable JSON result file: " + e.getMessage(), e);
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException | IOException | NullPointerException | ClassCastException e) {
            throw new RunFileException(file, "is not a valid result file: " + e.getMessage(), e);
        }
    }

    /** The result of a JSON document from {@link #toJson}. */
    public static MergedResult fromJson(JsonNode root) throws IOException {
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("no \"format\": \"" + FORMAT + "\" field (a DarkScope result file?)");
        }
        int version = root.path("version").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException(
                    "version " + root.path("version") + " (this DarkScope reads up to " + VERSION + ")");
        }
        Selection sel = SelectionIo.read(MAPPER.writeValueAsString(need(root, "selection")));
        Binning bx = binning(need(need(root, "plane"), "x"));
        Binning by = binning(need(need(root, "plane"), "y"));
        List<Region> regionOrder = new ArrayList<>();
        for (JsonNode n : need(root, "regions")) {
            regionOrder.add(Region.valueOf(n.asText()));
        }
        if (regionOrder.size() != Region.values().length) {
            throw new IllegalArgumentException(
                    "\"regions\" lists " + regionOrder.size() + " regions, expected " + Region.values().length);
        }
        int cuts = sel.enabledCuts().size();
        int bins = bx.bins() * by.bins();
        List<MergedResult.Run> runs = new ArrayList<>();
        for (JsonNode r : need(root, "runs")) {
            String name = need(r, "name").asText();
            RunInfo info = RunInfoJson.fromJson(MAPPER.writeValueAsString(need(r, "info")));
            MergedResult.Role role =
                    MergedResult.Role.valueOf(need(r, "role").asText().toUpperCase(Locale.ROOT));
            RunTotals t = new RunTotals(cuts, bins);
            JsonNode flow = need(r, "cutFlow");
            t.setCutFlow(
                    need(flow, "total").asLong(),
                    longs(need(flow, "after"), cuts, "after"),
                    longs(need(flow, "alone"), cuts, "alone"));
            Iterator<Map.Entry<String, JsonNode>> cls = need(r, "classes").fields();
            while (cls.hasNext()) {
                Map.Entry<String, JsonNode> e = cls.next();
                EventClass c = EventClass.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                JsonNode x = e.getValue();
                long[] byFile = longs(need(x, "regions"), regionOrder.size(), "regions");
                long[] reg = new long[Region.values().length];
                for (int i = 0; i < byFile.length; i++) {
                    reg[regionOrder.get(i).ordinal()] = byFile[i];
                }
                long[] plane = new long[bins];
                JsonNode p = need(x, "plane");
                if (p.size() % 2 != 0) {
                    throw new IllegalArgumentException(
                            "plane of class " + e.getKey() + ": odd number of entries (pairs of bin, count)");
                }
                for (int i = 0; i < p.size(); i += 2) {
                    int bin = p.get(i).asInt();
                    if (bin < 0 || bin >= bins) {
                        throw new IllegalArgumentException("plane bin " + bin + " outside 0.." + (bins - 1));
                    }
                    plane[bin] = p.get(i + 1).asLong();
                }
                t.setClass(
                        c,
                        need(x, "selected").asLong(),
                        reg,
                        plane,
                        need(x, "planeOutside").asLong());
            }
            Iterator<Map.Entry<String, JsonNode>> n1 = need(r, "nMinusOne").fields();
            while (n1.hasNext()) {
                Map.Entry<String, JsonNode> e = n1.next();
                sel.cut(e.getKey()); // refuses a cut the selection does not have
                t.setNMinusOne(e.getKey(), longs(e.getValue(), -1, "nMinusOne"));
            }
            JsonNode w = r.get("weighted");
            if (w != null && !w.isNull()) {
                double[] a = new double[3 * (1 + 2 * cuts + EventClass.values().length * Region.values().length)];
                putSum(a, 0, need(w, "total"));
                JsonNode wa = need(w, "after");
                if (wa.size() != cuts) {
                    throw new IllegalArgumentException(
                            "weighted \"after\" has " + wa.size() + " entries for " + cuts + " cuts");
                }
                JsonNode wl = w.get("alone"); // absent in files written before it was kept: not known
                if (wl != null && wl.size() != cuts) {
                    throw new IllegalArgumentException(
                            "weighted \"alone\" has " + wl.size() + " entries for " + cuts + " cuts");
                }
                for (int k = 0; k < cuts; k++) {
                    putSum(a, 1 + k, wa.get(k));
                    if (wl != null) {
                        putSum(a, 1 + cuts + k, wl.get(k));
                    } else {
                        a[3 * (1 + cuts + k)] = Double.NaN;
                        a[3 * (1 + cuts + k) + 1] = Double.NaN;
                        a[3 * (1 + cuts + k) + 2] = -1;
                    }
                }
                Iterator<Map.Entry<String, JsonNode>> wc = need(w, "classes").fields();
                while (wc.hasNext()) {
                    Map.Entry<String, JsonNode> e = wc.next();
                    EventClass c = EventClass.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                    for (int i = 0; i < regionOrder.size(); i++) {
                        putSum(
                                a,
                                1
                                        + 2 * cuts
                                        + c.ordinal() * Region.values().length
                                        + regionOrder.get(i).ordinal(),
                                e.getValue().get(i));
                    }
                }
                // "weights" (a truth_weight column) is absent in older files: every weight 1 leaves Σw = Σw² = n
                JsonNode hw = w.get("weights");
                boolean weights = hw != null ? hw.asBoolean() : a[0] != a[2] || a[1] != a[2];
                t.setWeighted(a, weights);
            }
            JsonNode pts = need(r, "points");
            JsonNode row = need(pts, "row");
            JsonNode ecal = need(pts, "ecal");
            JsonNode hcal = need(pts, "hcal");
            JsonNode weight = need(pts, "weight");
            if (ecal.size() != row.size() || hcal.size() != row.size() || weight.size() != row.size()) {
                throw new IllegalArgumentException(
                        "points of " + name + ": row, ecal, hcal and weight differ in length");
            }
            for (int i = 0; i < row.size(); i++) {
                t.point(row.get(i).asLong(), f(ecal.get(i)), f(hcal.get(i)), f(weight.get(i)));
            }
            runs.add(new MergedResult.Run(
                    name,
                    r.path("source").asText(""),
                    info,
                    role,
                    need(r, "events").asLong(),
                    need(r, "boxHidden").asBoolean(),
                    t));
        }
        return new MergedResult(sel, bx, by, runs);
    }

    /** A float exactly as written (the decimal rounded once, to float). */
    private static float f(JsonNode n) {
        return n.decimalValue().floatValue();
    }

    private static void putSum(double[] a, int slot, JsonNode s) {
        if (s == null || s.size() != 3) {
            throw new IllegalArgumentException("a weighted sum is [w, w2, n]");
        }
        a[3 * slot] = s.get(0).decimalValue().doubleValue();
        a[3 * slot + 1] = s.get(1).decimalValue().doubleValue();
        a[3 * slot + 2] = s.get(2).asLong();
    }

    private static Binning binning(JsonNode n) {
        return new Binning(
                need(n, "bins").asInt(),
                need(n, "lo").decimalValue().doubleValue(),
                need(n, "hi").decimalValue().doubleValue());
    }

    private static long[] longs(JsonNode a, int expected, String what) {
        if (!a.isArray() || (expected >= 0 && a.size() != expected)) {
            throw new IllegalArgumentException(
                    "\"" + what + "\" must be an array of " + (expected >= 0 ? expected + " " : "") + "counts");
        }
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).canConvertToLong() || !a.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException("\"" + what + "\" holds " + a.get(i) + ", not a count");
            }
            v[i] = a.get(i).asLong();
        }
        return v;
    }

    private static JsonNode need(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return n;
    }
}
