package org.darkscope.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.Schema;
import org.darkscope.geometry.GeometryLoader;

/**
 * When the derived summary columns stored in a run file may be used instead of deriving them again
 * from the 108 cell columns (docs/decisions/0016-stored-derived-columns.md).
 *
 * <p>The writer records {@link #KEY_VERSION} (the derivation version, {@link #VERSION}) and
 * {@link #KEY_FINGERPRINT}: a SHA-256 over what the footer says of every row group's derivation
 * columns (the cells, the SRD and VETO columns and the derived columns themselves): row count, and
 * per column chunk its value count, size on disk, codec, null count and min/max statistics, plus the
 * geometry version. The reader recomputes it from the footer alone; a file whose cells were
 * rewritten by another tool (pyarrow injecting a hot cell) no longer matches and is derived again.
 */
final class DerivedColumns {
    /** Footer key: the derivation version the stored derived columns were computed with. */
    static final String KEY_VERSION = "darkscope.derived.version";
    /** Footer key: fingerprint of the derivation columns as the footer describes them. */
    static final String KEY_FINGERPRINT = "darkscope.derived.fingerprint";
    /**
     * Version of {@link org.darkscope.event.SummaryDeriver}'s results. Raise it whenever a derived
     * value changes (a formula, the summation order): files written before are then derived again.
     */
    static final int VERSION = 1;

    private DerivedColumns() {}

    /** Which way the derived columns of a run are obtained. */
    enum Verdict {
        STORED("stored in the file, fingerprint matches the cells (cells not decoded at open)"),
        NONE("derived from the cells (the file has no stored derivation fingerprint)"),
        OTHER_VERSION("derived from the cells (stored derivation has another version)"),
        CHANGED("derived from the cells (the cell, SRD or VETO columns changed since the derived columns were stored)"),
        INCOMPLETE("derived from the cells (a derived column is missing or not FLOAT)"),
        UNCLEAN_CELLS("derived from the cells (stored ones match, but the cell statistics do not rule out NaN, Inf or"
                + " negative cells, which are counted while deriving)");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /**
     * The verdict, and whether the footer statistics show every cell finite and non-negative (then
     * the cells' NaN/Inf/negative counts are zero without decoding them).
     */
    record Check(Verdict verdict, boolean cellsClean) {
        boolean stored() {
            return verdict == Verdict.STORED;
        }
    }

    /** The columns the fingerprint covers, in schema order: SRD, VETO, the derived columns, the cells. */
    static List<String> covered(Schema schema) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < schema.detector().srdCellCount(); i++) {
            out.add(Schema.srd(i));
        }
        for (int i = 0; i < schema.detector().vetoCount(); i++) {
            out.add(Schema.veto(i));
        }
        schema.derived().forEach(c -> out.add(c.name()));
        out.addAll(schema.cellColumns());
        return new ArrayList<>(out);
    }

    /** Accumulates the fingerprint, row group by row group, chunk by chunk (the writer and the reader use it). */
    static final class Fingerprint {
        private final MessageDigest md;
        private final StringBuilder line = new StringBuilder();

        Fingerprint(String geometry) {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from this Java", e);
            }
            add("darkscope derived v" + VERSION + " geometry " + geometry);
        }

        void group(long rows) {
            add("group " + rows);
        }

        void chunk(String name, long values, long bytesOnDisk, CompressionCodecName codec, Statistics<?> stats) {
            line.setLength(0);
            line.append(name)
                    .append(' ')
                    .append(values)
                    .append(' ')
                    .append(bytesOnDisk)
                    .append(' ')
                    .append(codec);
            // a NaN min or max is not written to the footer by parquet-java: both sides then say "nostats"
            if (stats == null
                    || stats.isEmpty()
                    || !stats.hasNonNullValue()
                    || stats.genericGetMin() instanceof Float min && min.isNaN()
                    || stats.genericGetMax() instanceof Float max && max.isNaN()) {
                line.append(" nostats");
            } else {
                HexFormat hex = HexFormat.of();
                line.append(' ')
                        .append(stats.getNumNulls())
                        .append(' ')
                        .append(hex.formatHex(stats.getMinBytes()))
                        .append(' ')
                        .append(hex.formatHex(stats.getMaxBytes()));
            }
            add(line.toString());
        }

        private void add(String s) {
            md.update(s.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    /** The fingerprint recomputed from the footer; null if a covered column is missing from a row group. */
    static String fingerprint(ParquetRunReader.Header h) {
        return fingerprint(h.footer().getBlocks(), Schema.of(h.detector()), geometry(h));
    }

    /** The fingerprint of row groups as a footer describes them (also for a file being assembled from them). */
    static String fingerprint(List<BlockMetaData> blocks, Schema schema, String geometry) {
        List<String> covered = covered(schema);
        Fingerprint f = new Fingerprint(geometry);
        for (BlockMetaData b : blocks) {
            Map<String, ColumnChunkMetaData> chunks = new HashMap<>();
            for (ColumnChunkMetaData cm : b.getColumns()) {
                chunks.put(cm.getPath().toDotString(), cm);
            }
            f.group(b.getRowCount());
            for (String name : covered) {
                ColumnChunkMetaData cm = chunks.get(name);
                if (cm == null) {
                    return null;
                }
                f.chunk(name, cm.getValueCount(), cm.getTotalSize(), cm.getCodec(), cm.getStatistics());
            }
        }
        return f.hex();
    }

    static String geometry(ParquetRunReader.Header h) {
        return h.info() != null ? h.info().geometryVersion() : GeometryLoader.DEFAULT_VERSION;
    }

    /** Decides from the footer alone whether the stored derived columns may be used. */
    static Check check(ParquetRunReader.Header h) {
        Map<String, String> kv = h.footer().getFileMetaData().getKeyValueMetaData();
        String version = kv.get(KEY_VERSION);
        String stored = kv.get(KEY_FINGERPRINT);
        if (version == null || stored == null) {
            return new Check(Verdict.NONE, false);
        }
        if (!version.trim().equals(Integer.toString(VERSION))) {
            return new Check(Verdict.OTHER_VERSION, false);
        }
        Schema schema = Schema.of(h.detector());
        for (ColumnDef c : schema.derived()) {
            var d = h.columns().get(c.name());
            if (d == null
                    || d.getMaxDefinitionLevel() != 0
                    || d.getPrimitiveType().getPrimitiveTypeName()
                            != org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT) {
                return new Check(Verdict.INCOMPLETE, false);
            }
        }
        String now = fingerprint(h);
        if (now == null || !now.equalsIgnoreCase(stored.trim())) {
            return new Check(Verdict.CHANGED, false);
        }
        return new Check(Verdict.STORED, cellsClean(h, schema));
    }

    /**
     * What a read does: the stored derived columns when they match; for runs whose cells are not
     * decoded at open ({@code cellsLeftInFile}) only if the statistics also show clean cells.
     */
    static Verdict decide(ParquetRunReader.Header h, boolean cellsLeftInFile) {
        Check c = check(h);
        if (c.stored() && cellsLeftInFile && !c.cellsClean()) {
            return Verdict.UNCLEAN_CELLS;
        }
        return c.verdict();
    }

    /** True if every cell chunk's statistics show min ≥ 0 (or -0) and a finite max (no NaN: parquet drops NaN stats). */
    private static boolean cellsClean(ParquetRunReader.Header h, Schema schema) {
        Set<String> cells = new java.util.HashSet<>(schema.cellColumns());
        for (BlockMetaData b : h.footer().getBlocks()) {
            for (ColumnChunkMetaData cm : b.getColumns()) {
                if (!cells.contains(cm.getPath().toDotString()) || cm.getValueCount() == 0) {
                    continue;
                }
                Statistics<?> s = cm.getStatistics();
                if (s == null
                        || s.isEmpty()
                        || !s.hasNonNullValue()
                        || s.getNumNulls() != 0
                        || !(s.genericGetMin() instanceof Float min)
                        || !(s.genericGetMax() instanceof Float max)
                        || !(min >= 0f)
                        || !(max < Float.POSITIVE_INFINITY)) {
                    return false;
                }
            }
        }
        return true;
    }
}
