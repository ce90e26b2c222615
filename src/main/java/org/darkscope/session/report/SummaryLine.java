package org.darkscope.session.report;

/**
 * One line of the results summary.
 *
 * @param key     stable identifier (node id "result-KEY"; tests look lines up by it)
 * @param label   what the number is
 * @param value   the number as shown
 * @param warning why the number is unreliable or missing ("" if fine): shown as a warning icon
 */
public record SummaryLine(String key, String label, String value, String warning) {
    public SummaryLine {
        warning = warning == null ? "" : warning;
    }

    public static SummaryLine ok(String key, String label, String value) {
        return new SummaryLine(key, label, value, "");
    }

    public boolean hasWarning() {
        return !warning.isEmpty();
    }
}
