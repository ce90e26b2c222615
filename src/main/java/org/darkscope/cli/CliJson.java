package org.darkscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** JSON and number formatting shared by the analysis commands (NaN and infinities become null). */
final class CliJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CliJson() {}

    static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    static void put(ObjectNode o, String key, long v) {
        o.put(key, v);
    }

    /** 4 significant digits, "-" for NaN. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
