package org.darkscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;

/**
 * The checks a run file passes before any data is decoded: the Parquet frame (magic numbers at both
 * ends), then the footer: schema version, run metadata and its checksum, geometry, event count,
 * required columns, column types and compression codecs. Each failure is one
 * {@link RunFileException} naming the file and the problem in plain words.
 */
final class RunFileHeader {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final Path file;

    RunFileHeader(Path file) {
        this.file = file;
    }

    private RunFileException fail(String problem) {
        return new RunFileException(file, problem);
    }

    private RunFileException fail(String problem, Throwable cause) {
        return new RunFileException(file, problem, cause);
    }

    /** Checks the magic numbers at both ends before handing the file to parquet-java. */
    void checkFrame() throws RunFileException {
        if (Files.isDirectory(file)) {
            throw fail("is a directory, not a run file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw fail("file not found");
        } catch (AccessDeniedException e) {
            throw fail("permission denied");
        } catch (IOException e) {
            throw fail("cannot be read (" + ParquetRunReader.plain(e) + ")", e);
        }
        if (size == 0) {
            throw fail("file is empty");
        }
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            readFully(ch, head);
            if (size >= 8) {
                ch.position(size - 4);
                readFully(ch, tail);
            }
        } catch (AccessDeniedException e) {
            throw fail("permission denied");
        } catch (IOException e) {
            throw fail("cannot be read (" + ParquetRunReader.plain(e) + ")", e);
        }
        byte[] encrypted = {'P', 'A', 'R', 'E'};
        if (Arrays.equals(head, encrypted) || Arrays.equals(tail, encrypted)) {
            throw fail("encrypted Parquet files are not supported");
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw fail("not a Parquet file");
        }
        if (size < 12 || !Arrays.equals(tail, MAGIC)) {
            throw fail("file is truncated (footer missing)");
        }
    }

    private static void readFully(SeekableByteChannel ch, byte[] dst) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(dst);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // until full or end of file
        }
    }

    /** Reads and checks the footer. */
    ParquetRunReader.Header read(ParquetFileReader reader) throws RunFileException {
        ParquetMetadata footer = reader.getFooter();
        Map<String, String> kv = footer.getFileMetaData().getKeyValueMetaData();
        MessageType fileSchema = footer.getFileMetaData().getSchema();
        long total = reader.getRecordCount();
        String runJson = kv.get(RunFiles.KEY_RUN);
        int version = schemaVersion(kv.get(RunFiles.KEY_SCHEMA_VERSION), runJson);
        if (version > Schema.VERSION) {
            throw fail("schema version " + version + " is newer than this DarkScope (" + Schema.VERSION + ")");
        }
        if (version < 1) {
            throw fail("schema version " + version + " is not valid");
        }
        RunInfo info = null;
        if (runJson == null && kv.containsKey(RunFiles.KEY_RUN_SHA256)) {
            throw fail("the run metadata (" + RunFiles.KEY_RUN
                    + ") is missing, but its checksum is there: the footer is damaged");
        }
        if (runJson != null) {
            String sum = kv.get(RunFiles.KEY_RUN_SHA256);
            if (sum != null && !sum.trim().equalsIgnoreCase(RunFiles.sha256(runJson))) {
                throw fail("the run metadata (" + RunFiles.KEY_RUN + ") does not match its checksum ("
                        + RunFiles.KEY_RUN_SHA256 + "): it was changed or damaged");
            }
            info = parseInfo(runJson);
        }
        Detector detector;
        String geometry = info != null ? info.geometryVersion() : GeometryLoader.DEFAULT_VERSION;
        try {
            detector = GeometryLoader.load(geometry);
        } catch (RuntimeException e) {
            throw fail("unknown detector geometry '" + geometry + "'", e);
        }
        Schema schema = Schema.of(detector);
        int nc = detector.cellCount();
        if (total > Integer.MAX_VALUE - 8
                || (total > ParquetRunReader.inMemoryMaxEvents ? 0 : total * nc) > Integer.MAX_VALUE - 8) {
            throw fail("has " + total + " events, more than DarkScope can hold");
        }
        Map<String, ColumnDescriptor> available = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (org.apache.parquet.schema.Type field : fileSchema.getFields()) {
            if (!names.add(field.getName())) {
                throw fail("column '" + field.getName() + "' appears more than once; which copy is meant is unclear");
            }
        }
        for (ColumnDescriptor d : fileSchema.getColumns()) {
            if (d.getPath().length == 1) {
                available.put(d.getPath()[0], d);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ColumnDef c : schema.stored()) {
            if (c.kind() == ColumnDef.Kind.REQUIRED && !available.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        for (String cell : schema.cellColumns()) {
            if (!available.containsKey(cell)) {
                missing.add(cell);
            }
        }
        if (info != null && info.simulated()) {
            // a simulated run without its truth would silently become data (class 0, weight 1)
            for (ColumnDef c : schema.stored()) {
                if (c.kind() == ColumnDef.Kind.TRUTH && !available.containsKey(c.name())) {
                    missing.add(c.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw fail("required column '" + missing.get(0) + "' is missing"
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
        }
        for (ColumnDef c : schema.stored()) {
            if (available.containsKey(c.name())) {
                checkType(c.name(), available.get(c.name()));
            }
        }
        for (String cell : schema.cellColumns()) {
            checkType(cell, available.get(cell));
        }
        checkCodecs(footer, schema);
        return new ParquetRunReader.Header(footer, info, detector, (int) total, available);
    }

    private int schemaVersion(String key, String runJson) throws RunFileException {
        if (key != null) {
            try {
                return Integer.parseInt(key.trim());
            } catch (NumberFormatException e) {
                throw fail("schema version '" + key + "' is not a number");
            }
        }
        if (runJson != null) {
            return parseInfo(runJson).schemaVersion();
        }
        return Schema.VERSION;
    }

    private RunInfo parseInfo(String runJson) throws RunFileException {
        try {
            return RunInfoJson.fromJson(runJson);
        } catch (RunInfoJson.InvalidFieldException e) {
            throw fail("run metadata (" + RunFiles.KEY_RUN + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw fail(
                    "the run metadata (" + RunFiles.KEY_RUN + ") is not valid JSON ("
                            + firstLine(ParquetRunReader.plain(e)) + ")",
                    e);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Numbers only, read as the file means them: DECIMAL (INT32, INT64, FIXED, BINARY) is scaled,
     * unsigned integers are read unsigned; booleans, timestamps, dates, times, intervals, strings and
     * INT96 are refused with the column's name.
     */
    private void checkType(String name, ColumnDescriptor d) throws RunFileException {
        if (d.getMaxRepetitionLevel() > 0) {
            throw fail("column '" + name + "' holds lists, expected one number per event");
        }
        org.apache.parquet.schema.PrimitiveType pt = d.getPrimitiveType();
        PrimitiveTypeName t = pt.getPrimitiveTypeName();
        org.apache.parquet.schema.LogicalTypeAnnotation l = pt.getLogicalTypeAnnotation();
        if (t == PrimitiveTypeName.BOOLEAN) {
            throw fail("column '" + name + "' holds booleans (true/false), expected a number");
        }
        if (t == PrimitiveTypeName.INT96) {
            throw fail("column '" + name + "' holds INT96 timestamps, expected a number");
        }
        if (l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation
                || l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation
                || l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation
                || l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.IntervalLogicalTypeAnnotation) {
            throw fail("column '" + name + "' holds " + l + " values (dates or times), expected a plain number"
                    + (name.equals(Schema.TIME) ? " of nanoseconds since the start of the run" : ""));
        }
        boolean decimal = l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        switch (t) {
            case INT32, INT64, FLOAT, DOUBLE -> {
                if (l != null
                        && !decimal
                        && !(l instanceof org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation)) {
                    throw fail("column '" + name + "' has logical type " + l + ", expected a number");
                }
            }
            case FIXED_LEN_BYTE_ARRAY, BINARY -> {
                if (!decimal) {
                    throw fail("column '" + name + "' has type " + t + (l == null ? "" : " (" + l + ")")
                            + ", expected a number");
                }
            }
            default -> throw fail("column '" + name + "' has type " + t + ", expected a number");
        }
    }

    /** Compressions parquet-java decodes here; others (BROTLI, LZO) are named as unsupported, not as damage. */
    private static final java.util.Set<org.apache.parquet.hadoop.metadata.CompressionCodecName> CODECS =
            java.util.EnumSet.of(
                    org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED,
                    org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY,
                    org.apache.parquet.hadoop.metadata.CompressionCodecName.GZIP,
                    org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD,
                    org.apache.parquet.hadoop.metadata.CompressionCodecName.LZ4_RAW);

    private void checkCodecs(ParquetMetadata footer, Schema schema) throws RunFileException {
        java.util.Set<String> wanted = new java.util.HashSet<>(schema.cellColumns());
        schema.stored().forEach(c -> wanted.add(c.name()));
        for (BlockMetaData b : footer.getBlocks()) {
            for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData cm : b.getColumns()) {
                if (wanted.contains(cm.getPath().toDotString()) && !CODECS.contains(cm.getCodec())) {
                    throw fail(
                            "column '" + cm.getPath().toDotString() + "' uses " + cm.getCodec()
                                    + " compression, which DarkScope does not support (use zstd, snappy, gzip, lz4_raw or none)");
                }
            }
        }
    }
}
