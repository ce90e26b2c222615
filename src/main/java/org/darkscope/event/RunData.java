package org.darkscope.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.geometry.Detector;

/**
 * One run as immutable columns: the summary columns as {@link Column}s (see {@link Schema}: arrays,
 * compact forms or buffers outside the heap) plus the cell energies in a {@link CellStore}. Build
 * one with {@link #builder}. Hot paths read {@link #column(String)} chunk by chunk or through its
 * backing array; {@link #floats}/{@link #ints}/{@link #longs} hand out the internal array of an
 * array column (callers must not modify it) and a copy otherwise, refused above
 * {@link #materialiseLimit()} events.
 */
public final class RunData {
    private final RunInfo info;
    private final Detector detector;
    private final Schema schema;
    private final int size;
    private final Map<String, Column> columns;
    private final CellStore cells;
    private final String source;
    private final java.util.Set<String> missingColumns;
    private final Map<String, ValueCounts> valueCounts;
    /** Whole-array copies of non-array columns handed out by floats/ints/longs/columns, kept while memory allows. */
    private final Map<String, java.lang.ref.SoftReference<Object>> copies =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Values of one column that are not ordinary numbers, counted when the run was loaded.
     *
     * @param nan         NaN values
     * @param posInf      +Inf values
     * @param negInf      -Inf values
     * @param negative    finite values below zero (counted only for energies: GeV, MeV, MIP and cells)
     */
    public record ValueCounts(long nan, long posInf, long negInf, long negative) {
        public long total() {
            return nan + posInf + negInf + negative;
        }
    }

    private RunData(
            RunInfo info,
            Detector detector,
            int size,
            Map<String, Column> columns,
            CellStore cells,
            String source,
            java.util.Set<String> missingColumns,
            Map<String, ValueCounts> valueCounts) {
        this.info = info;
        this.detector = detector;
        this.schema = Schema.of(detector);
        this.size = size;
        this.columns = Collections.unmodifiableMap(columns);
        this.cells = cells;
        this.source = source;
        this.missingColumns = Collections.unmodifiableSet(new java.util.TreeSet<>(missingColumns));
        this.valueCounts = Collections.unmodifiableMap(new LinkedHashMap<>(valueCounts));
    }

    /**
     * Optional stored columns the source did not have, filled with their defaults (0, or the run
     * number / event index / weight 1). A cut on one of them must not be applied silently: see
     * {@code org.darkscope.analysis.MissingColumns}. Empty for runs built with every column.
     */
    public java.util.Set<String> missingColumns() {
        return missingColumns;
    }

    /** True if the source had this column (false for optional columns filled with defaults). */
    public boolean hasSourceColumn(String name) {
        return !missingColumns.contains(name);
    }

    /**
     * NaN, +Inf, -Inf and negative-energy counts per column (cell columns included), only for
     * columns with at least one such value; empty if none or if the source did not count them.
     */
    public Map<String, ValueCounts> valueCounts() {
        return valueCounts;
    }

    public RunInfo info() {
        return info;
    }

    public Detector detector() {
        return detector;
    }

    public Schema schema() {
        return schema;
    }
    /** Number of events. */
    public int size() {
        return size;
    }

    public CellStore cells() {
        return cells;
    }
    /** Where the run came from: a file path, or a description such as "simulated". */
    public String source() {
        return source;
    }

    /** A short name for lists: the file name or "run N". */
    public String displayName() {
        if (source != null && !source.isEmpty()) {
            int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
            return source.substring(slash + 1);
        }
        return "run " + info.runNumber();
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** The column with this name; throws IllegalArgumentException naming the run if there is none. */
    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "' in " + displayName());
        }
        return c;
    }

    /** Map of column name to its {@link Column}, in schema order (read only). */
    public Map<String, Column> columnMap() {
        return columns;
    }

    /**
     * The largest run whose non-array columns {@link #floats}, {@link #ints}, {@link #longs},
     * {@link #columns()} and {@link #asDoubles} copy into a new array: system property
     * {@code darkscope.materialiseLimit}, default 2^24 events (64 MB per float column).
     */
    public static int materialiseLimit() {
        return Integer.getInteger("darkscope.materialiseLimit", 1 << 24);
    }

    public float[] floats(String name) {
        return (float[]) array(name, ColumnType.FLOAT);
    }

    public int[] ints(String name) {
        return (int[]) array(name, ColumnType.INT);
    }

    public long[] longs(String name) {
        return (long[]) array(name, ColumnType.LONG);
    }

    /** Value of any scalar column for one event, as a double. */
    public double value(String name, int event) {
        return column(name).value(event);
    }

    /** The column as doubles (a copy): convenient for statistics and charts of small runs. */
    public double[] asDoubles(String name) {
        Column c = column(name);
        checkMaterialise(name, c);
        double[] d = new double[size];
        c.doubles(0, size, d);
        return d;
    }

    public EventClass truthClass(int event) {
        return EventClass.of(column(Schema.TRUTH_CLASS).getInt(event));
    }

    /** A view of one event. */
    public EventView event(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " outside 0.." + (size - 1));
        }
        return new EventView(this, index);
    }

    private Object array(String name, ColumnType type) {
        Column c = column(name);
        if (c.type() != type) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type() + ", not " + type);
        }
        return materialise(name, c);
    }

    /** The backing array, or a copy (kept softly, so repeated calls on a small run cost nothing). */
    private Object materialise(String name, Column c) {
        Object a = c.array();
        if (a != null) {
            return a;
        }
        checkMaterialise(name, c);
        java.lang.ref.SoftReference<Object> ref = copies.get(name);
        Object copy = ref == null ? null : ref.get();
        if (copy == null) {
            copy = c.toArray();
            copies.put(name, new java.lang.ref.SoftReference<>(copy));
        }
        return copy;
    }

    private void checkMaterialise(String name, Column c) {
        if (c.array() == null && size > materialiseLimit()) {
            throw new IllegalStateException("column '" + name + "' of " + displayName() + " has " + size
                    + " events held as " + c.storage() + "; copying it whole is refused above "
                    + materialiseLimit() + " events (this tool needs a smaller run)");
        }
    }

    /**
     * Map of column name to its values as a primitive array (read only): the internal arrays of
     * array columns, copies of the others (see {@link #materialiseLimit()}). Prefer
     * {@link #columnMap()}.
     */
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            m.put(e.getKey(), materialise(e.getKey(), e.getValue()));
        }
        return Collections.unmodifiableMap(m);
    }

    public static Builder builder(RunInfo info, Detector detector, int size) {
        return new Builder(info, detector, size);
    }

    /** Collects columns, fills defaults for optional and truth columns, derives the summary. */
    public static final class Builder {
        private final RunInfo info;
        private final Detector detector;
        private final int size;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private CellStore cells;
        private String source = "";
        private final java.util.Set<String> missing = new java.util.HashSet<>();
        private Map<String, ValueCounts> counts = Map.of();

        private Builder(RunInfo info, Detector detector, int size) {
            this.info = info;
            this.detector = detector;
            this.size = size;
        }

        /** A column as a {@code float[]}, {@code int[]} or {@code long[]} (kept, not copied), or a {@link Column}. */
        public Builder column(String name, Object primitiveArray) {
            ColumnDef def = Schema.of(detector).column(name);
            if (!(primitiveArray instanceof Column)) {
                Class<?> expected =
                        switch (def.type()) {
                            case INT -> int[].class;
                            case LONG -> long[].class;
                            case FLOAT -> float[].class;
                        };
                if (primitiveArray == null || !primitiveArray.getClass().isArray()) {
                    throw new IllegalArgumentException("column '" + name + "' must be " + expected.getSimpleName());
                }
                int len = java.lang.reflect.Array.getLength(primitiveArray);
                if (len != size) {
                    throw new IllegalArgumentException(
                            "column '" + name + "' has " + len + " values, run has " + size + " events");
                }
                if (!expected.isInstance(primitiveArray)) {
                    throw new IllegalArgumentException("column '" + name + "' must be " + expected.getSimpleName());
                }
            }
            return put(def, Column.of(primitiveArray));
        }

        /**
         * A column whose values stay in a buffer: a little-endian {@code FloatBuffer}, {@code IntBuffer}
         * or {@code LongBuffer} matching the column's type (direct, or a view of a
         * {@code FileChannel.map} buffer), position 0, {@code remaining() == size}. Not copied.
         */
        public Builder column(String name, java.nio.Buffer values) {
            ColumnDef def = Schema.of(detector).column(name);
            return put(def, Column.of(values));
        }

        private Builder put(ColumnDef def, Column c) {
            if (c.size() != size) {
                throw new IllegalArgumentException(
                        "column '" + def.name() + "' has " + c.size() + " values, run has " + size + " events");
            }
            if (c.type() != def.type()) {
                throw new IllegalArgumentException(
                        "column '" + def.name() + "' must be " + def.type() + ", got " + c.type());
            }
            columns.put(def.name(), c);
            return this;
        }

        public Builder cells(CellStore store) {
            if (store.size() != size || store.cellCount() != detector.cellCount()) {
                throw new IllegalArgumentException("cell store has " + store.size() + " events x " + store.cellCount()
                        + " cells, expected " + size + " x " + detector.cellCount());
            }
            this.cells = store;
            return this;
        }

        /** Value counts found while loading (see {@link RunData#valueCounts()}). */
        public Builder valueCounts(Map<String, ValueCounts> c) {
            this.counts = c == null ? Map.of() : c;
            return this;
        }

        public Builder source(String s) {
            this.source = s == null ? "" : s;
            return this;
        }

        /** True if the derived columns were given (e.g. derived while streaming). */
        private boolean hasDerived() {
            return Schema.of(detector).derived().stream().allMatch(c -> columns.containsKey(c.name()));
        }

        public RunData build() {
            if (cells == null) {
                throw new IllegalStateException("run has no cell energies");
            }
            Schema schema = Schema.of(detector);
            for (ColumnDef c : schema.stored()) {
                if (!columns.containsKey(c.name())) {
                    if (c.kind() == ColumnDef.Kind.REQUIRED) {
                        throw new IllegalArgumentException("required column '" + c.name() + "' is missing");
                    }
                    columns.put(c.name(), defaultColumn(c));
                    if (c.kind() == ColumnDef.Kind.OPTIONAL) {
                        missing.add(c.name());
                    }
                }
            }
            if (!hasDerived()) {
                SummaryDeriver d = new SummaryDeriver(detector);
                Map<String, Object> out = d.allocate(size);
                float[][] srd = new float[detector.srdCellCount()][];
                for (int i = 0; i < srd.length; i++) {
                    srd[i] = (float[]) columns.get(Schema.srd(i)).toArray();
                }
                float[][] veto = new float[detector.vetoCount()][];
                for (int i = 0; i < veto.length; i++) {
                    veto[i] = (float[]) columns.get(Schema.veto(i)).toArray();
                }
                int chunk = 4096;
                int nc = detector.cellCount();
                float[] buf = new float[chunk * nc];
                float[] one = new float[nc];
                for (int first = 0; first < size; first += chunk) {
                    int count = Math.min(chunk, size - first);
                    for (int k = 0; k < count; k++) {
                        cells.read(first + k, one);
                        System.arraycopy(one, 0, buf, k * nc, nc);
                    }
                    d.derive(first, count, buf, srd, veto, out);
                }
                out.forEach((k, v) -> columns.put(k, Column.of(v)));
            }
            // keep schema order
            Map<String, Column> ordered = new LinkedHashMap<>();
            for (ColumnDef c : schema.scalars()) {
                ordered.put(c.name(), columns.get(c.name()));
            }
            if (ColumnCompactor.enabled()) {
                ColumnCompactor.compact(ordered);
            }
            return new RunData(info, detector, size, ordered, cells, source, missing, counts);
        }

        /** The value an absent stored column takes: the run number, the event index, weight 1, else 0. */
        private Column defaultColumn(ColumnDef c) {
            return switch (c.name()) {
                case Schema.RUN -> Column.constantInt(size, info.runNumber());
                case Schema.EVENT -> Column.sequence(size);
                case Schema.TRUTH_WEIGHT -> Column.constantFloat(size, 1f);
                default -> switch (c.type()) {
                    case INT -> Column.constantInt(size, 0);
                    case LONG -> new Columns.ConstLong(size, 0L);
                    case FLOAT -> Column.constantFloat(size, 0f);
                };
            };
        }
    }
}
