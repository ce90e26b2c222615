package org.darkscope.analysis;

/** A selection file that cannot be read: the message names the offending field. */
public class SelectionFormatException extends IllegalArgumentException {
    private final String field;

    public SelectionFormatException(String field, String message) {
        super((field == null || field.isEmpty() ? "" : "field '" + field + "': ") + message);
        this.field = field == null ? "" : field;
    }

    /** JSON path of the field ("cuts[2].min", "box.ecalMax", "version"), "" for the whole document. */
    public String field() {
        return field;
    }
}
