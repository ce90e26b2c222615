package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the columns of one row group into {@link ColumnTarget}s. DarkScope's own files (REQUIRED,
 * PLAIN, no dictionary) take a bulk path that copies whole pages; files from other tools
 * (dictionary encoding, nullable columns, DOUBLE/INT64 types) go through parquet-java's
 * {@link ColumnReader} with type conversion, nulls left at 0 and counted.
 */
final class RowGroupDecoder {
    private static final Set<Encoding> BULK_ENCODINGS = EnumSet.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);

    private final Path file;

    RowGroupDecoder(Path file) {
        this.file = file;
    }

    private RunFileException fail(String problem) {
        return new RunFileException(file, problem);
    }

    /** Decodes the requested columns of one row group (rows first..first+rows-1) into their targets. */
    void readGroup(
            PageReadStore pages,
            BlockMetaData meta,
            MessageType fileSchema,
            String createdBy,
            List<ColumnDescriptor> requested,
            List<ColumnTarget> targets,
            int first,
            int rows,
            long[] nulls)
            throws IOException {
        Map<String, ColumnChunkMetaData> chunks = new LinkedHashMap<>();
        for (ColumnChunkMetaData cm : meta.getColumns()) {
            chunks.put(cm.getPath().toDotString(), cm);
        }
        ColumnReadStoreImpl slow = null;
        for (int k = 0; k < requested.size(); k++) {
            ColumnDescriptor d = requested.get(k);
            ColumnChunkMetaData cm = chunks.get(String.join(".", d.getPath()));
            if (bulk(d, cm, targets.get(k))) {
                readBulk(pages.getPageReader(d), d, targets.get(k), first, rows);
            } else {
                if (slow == null) {
                    slow = new ColumnReadStoreImpl(pages, new NoopConverter(), fileSchema, createdBy);
                }
                try {
                    nulls[k] += readConverting(slow.getColumnReader(d), d, targets.get(k), first, rows);
                } catch (ColumnTarget.OutOfRange e) {
                    throw new RunFileException(file, e.getMessage());
                }
            }
        }
    }

    /** True if the chunk can be copied page by page: non-nullable, PLAIN, and the target's own type. */
    private static boolean bulk(ColumnDescriptor d, ColumnChunkMetaData cm, ColumnTarget t) {
        if (cm == null
                || d.getMaxDefinitionLevel() != 0
                || cm.hasDictionaryPage()
                || !BULK_ENCODINGS.containsAll(cm.getEncodings())) {
            return false;
        }
        PrimitiveTypeName p = d.getPrimitiveType().getPrimitiveTypeName();
        LogicalTypeAnnotation l = d.getPrimitiveType().getLogicalTypeAnnotation();
        boolean plainNumber =
                l == null || (l instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned());
        return p == t.nativeType && plainNumber;
    }

    private void readBulk(PageReader pr, ColumnDescriptor d, ColumnTarget t, int first, int rows) throws IOException {
        int row = first;
        int end = first + rows;
        DataPage page;
        while (row < end && (page = pr.readPage()) != null) {
            int count = page.getValueCount();
            BytesInput bytes;
            Encoding enc;
            if (page instanceof DataPageV1 v1) {
                bytes = v1.getBytes();
                enc = v1.getValueEncoding();
            } else if (page instanceof DataPageV2 v2) {
                bytes = v2.getData();
                enc = v2.getDataEncoding();
            } else {
                throw fail("column '" + t.name + "' has an unknown page type");
            }
            if (enc != Encoding.PLAIN) {
                throw fail("column '" + t.name + "' has a page with unexpected encoding " + enc);
            }
            if (row + count > end) {
                throw fail("column '" + t.name + "' has more values than its row group");
            }
            t.plain(bytes.toByteBuffer(), row, count);
            row += count;
        }
        if (row != end) {
            throw fail(
                    "column '" + t.name + "' has " + (row - first) + " values in a row group of " + rows + " events");
        }
    }

    /**
     * Reads any encoding and type, honouring the logical type: DECIMAL is scaled, unsigned integers
     * do not wrap. Returns the number of nulls (left at 0). Types the reader refuses (booleans,
     * timestamps, ...) never get here: {@link ParquetRunReader} checks them first.
     */
    private long readConverting(ColumnReader r, ColumnDescriptor d, ColumnTarget t, int first, int rows) {
        int maxDef = d.getMaxDefinitionLevel();
        PrimitiveTypeName p = d.getPrimitiveType().getPrimitiveTypeName();
        LogicalTypeAnnotation l = d.getPrimitiveType().getLogicalTypeAnnotation();
        int scale = l instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec ? dec.getScale() : -1;
        boolean unsigned = l instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        long nulls = 0;
        for (int i = 0; i < rows; i++) {
            int row = first + i;
            if (r.getCurrentDefinitionLevel() < maxDef) {
                nulls++;
            } else if (scale >= 0) {
                java.math.BigInteger unscaled =
                        switch (p) {
                            case INT32 -> java.math.BigInteger.valueOf(r.getInteger());
                            case INT64 -> java.math.BigInteger.valueOf(r.getLong());
                            default -> new java.math.BigInteger(r.getBinary().getBytes());
                        };
                java.math.BigDecimal v = new java.math.BigDecimal(unscaled, scale);
                if (t.nativeType == PrimitiveTypeName.FLOAT) {
                    t.setDouble(row, v.doubleValue());
                } else {
                    try {
                        t.setLong(row, v.longValueExact());
                    } catch (ArithmeticException e) {
                        throw new ColumnTarget.OutOfRange(
                                t.name, "has the value " + v.toPlainString() + " (event " + row + "), not an integer");
                    }
                }
            } else {
                switch (p) {
                    case INT32 -> t.setLong(row, unsigned ? Integer.toUnsignedLong(r.getInteger()) : r.getInteger());
                    case INT64 -> {
                        long v = r.getLong();
                        if (unsigned && v < 0) {
                            double u = Double.parseDouble(Long.toUnsignedString(v));
                            if (t.nativeType == PrimitiveTypeName.FLOAT) {
                                t.setDouble(row, u);
                            } else {
                                throw new ColumnTarget.OutOfRange(
                                        t.name,
                                        "has the value " + Long.toUnsignedString(v) + " (event " + row
                                                + "), beyond the 64-bit integers it holds");
                            }
                        } else {
                            t.setLong(row, v);
                        }
                    }
                    case FLOAT -> t.setDouble(row, r.getFloat());
                    case DOUBLE -> t.setDouble(row, r.getDouble());
                    default -> throw new IllegalStateException("unsupported type " + p);
                }
            }
            r.consume();
        }
        return nulls;
    }

    /** parquet-java wants a converter tree; values are pulled from the readers directly instead. */
    private static final class NoopConverter extends GroupConverter {
        private final PrimitiveConverter leaf = new PrimitiveConverter() {};

        @Override
        public Converter getConverter(int fieldIndex) {
            return leaf;
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
