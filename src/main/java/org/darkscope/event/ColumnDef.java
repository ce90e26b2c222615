package org.darkscope.event;

/**
 * One per-event column of a run.
 *
 * @param name        column name in run files and selections
 * @param type        primitive type
 * @param unit        unit shown to users ("" if none)
 * @param description plain-language meaning
 * @param kind        where the values come from
 */
public record ColumnDef(String name, ColumnType type, String unit, String description, Kind kind) {
    /** Where a column comes from. */
    public enum Kind {
        /** Stored in the run file and required there. */
        REQUIRED,
        /** Stored in the run file; a default is used when a foreign file lacks it. */
        OPTIONAL,
        /** Simulation truth; stored, defaults for recorded data. */
        TRUTH,
        /** Computed from the cells at load (also written to files for other tools). */
        DERIVED
    }

    public String label() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
