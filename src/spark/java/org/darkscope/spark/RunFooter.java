package org.darkscope.spark;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.io.RunFiles;
import org.darkscope.io.RunInfoJson;

/**
 * What the driver reads of a run file before Spark reads its rows: the event count, the column
 * names and the run metadata from the Parquet footer (docs/run-file-format.md#metadata), on any file
 * system Hadoop reaches (local, HDFS, S3). The checks are those of the desktop reader: a newer schema
 * version, a metadata checksum that does not match, or invalid metadata refuse the file.
 *
 * @param path    the file
 * @param rows    events in the file
 * @param columns top-level column names in file order
 * @param info    the run metadata; null if the file has none (then defaults apply, see {@link SparkAnalyse})
 * @param schema  the Parquet schema (files with equal schemas are read by one Spark scan)
 */
record RunFooter(Path path, long rows, Set<String> columns, RunInfo info, MessageType schema) {
    /** True if the column is a non-nullable plain FLOAT, INT32 or INT64 of the given type: read as it is, no cast. */
    boolean plain(String column, org.darkscope.event.ColumnType type) {
        if (!schema.containsField(column)) {
            return false;
        }
        Type t = schema.getType(column);
        if (!t.isPrimitive() || t.getRepetition() != Type.Repetition.REQUIRED || t.getLogicalTypeAnnotation() != null) {
            return false;
        }
        PrimitiveType.PrimitiveTypeName n = t.asPrimitiveType().getPrimitiveTypeName();
        return switch (type) {
            case FLOAT -> n == PrimitiveType.PrimitiveTypeName.FLOAT;
            case INT -> n == PrimitiveType.PrimitiveTypeName.INT32;
            case LONG -> n == PrimitiveType.PrimitiveTypeName.INT64;
        };
    }

    static RunFooter read(Path path, Configuration conf) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
            var meta = r.getFooter().getFileMetaData();
            Map<String, String> kv = meta.getKeyValueMetaData();
            Set<String> cols = new LinkedHashSet<>();
            for (Type t : meta.getSchema().getFields()) {
                if (!cols.add(t.getName())) {
                    throw bad(
                            path,
                            "column '" + t.getName() + "' appears more than once; which copy is meant is unclear");
                }
            }
            String json = kv.get(RunFiles.KEY_RUN);
            String sum = kv.get(RunFiles.KEY_RUN_SHA256);
            if (json == null && sum != null) {
                throw bad(
                        path,
                        "the run metadata (" + RunFiles.KEY_RUN
                                + ") is missing, but its checksum is there: the footer is damaged");
            }
            if (json != null && sum != null && !sum.trim().equalsIgnoreCase(RunFiles.sha256(json))) {
                throw bad(
                        path,
                        "the run metadata (" + RunFiles.KEY_RUN + ") does not match its checksum ("
                                + RunFiles.KEY_RUN_SHA256 + "): it was changed or damaged");
            }
            RunInfo info = null;
            if (json != null) {
                try {
                    info = RunInfoJson.fromJson(json);
                } catch (IOException e) {
                    throw bad(path, "run metadata (" + RunFiles.KEY_RUN + "): " + e.getMessage());
                }
            }
            String v = kv.get(RunFiles.KEY_SCHEMA_VERSION);
            int version = info != null ? info.schemaVersion() : Schema.VERSION;
            if (v != null) {
                try {
                    version = Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw bad(path, "schema version '" + v + "' is not a number");
                }
            }
            if (version > Schema.VERSION || version < 1) {
                throw bad(
                        path,
                        "schema version " + version
                                + (version < 1
                                        ? " is not valid"
                                        : " is newer than this DarkScope (" + Schema.VERSION + ")"));
            }
            return new RunFooter(path, r.getRecordCount(), cols, info, meta.getSchema());
        }
    }

    static IllegalArgumentException bad(Path p, String problem) {
        return new IllegalArgumentException(p + ": " + problem);
    }
}
