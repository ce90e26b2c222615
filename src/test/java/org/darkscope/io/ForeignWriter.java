package org.darkscope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;

/**
 * Writes a run the way other tools do (record API, optional columns, doubles and longs, dictionary,
 * snappy, no or odd metadata), to test the reader against foreign files and broken ones.
 */
final class ForeignWriter {
    boolean nullable = true;
    boolean widen = true;
    boolean dictionary = true;
    CompressionCodecName codec = CompressionCodecName.SNAPPY;
    final Map<String, String> metadata = new LinkedHashMap<>();
    final Set<String> drop = new HashSet<>();
    /** Column name to "every k-th event is null". */
    final Map<String, Integer> nullEvery = new LinkedHashMap<>();
    /** Column name to its file type (any primitive type and logical annotation). */
    final Map<String, org.apache.parquet.schema.PrimitiveType> typeOverride = new LinkedHashMap<>();
    /** Column name to the value written for event e (instead of the run's value); null = no value. */
    final Map<String, java.util.function.IntFunction<Object>> valueOverride = new LinkedHashMap<>();
    /** Columns written a second time under the same name. */
    final Set<String> duplicate = new HashSet<>();

    void write(RunData run, Path file) throws IOException {
        List<String> names = new ArrayList<>();
        List<PrimitiveTypeName> types = new ArrayList<>();
        for (ColumnDef c : run.schema().scalars()) {
            names.add(c.name());
            types.add(
                    switch (c.type()) {
                        case INT -> widen ? PrimitiveTypeName.INT64 : PrimitiveTypeName.INT32;
                        case LONG -> PrimitiveTypeName.INT64;
                        case FLOAT -> widen ? PrimitiveTypeName.DOUBLE : PrimitiveTypeName.FLOAT;
                    });
        }
        for (String cell : run.schema().cellColumns()) {
            names.add(cell);
            types.add(widen ? PrimitiveTypeName.DOUBLE : PrimitiveTypeName.FLOAT);
        }
        Types.MessageTypeBuilder b = Types.buildMessage();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (drop.contains(names.get(i))) {
                continue;
            }
            kept.add(i);
            if (typeOverride.containsKey(names.get(i))) {
                b.addField(typeOverride.get(names.get(i)));
            } else {
                (nullable ? b.optional(types.get(i)) : b.required(types.get(i))).named(names.get(i));
            }
            if (duplicate.contains(names.get(i))) {
                (nullable ? b.optional(types.get(i)) : b.required(types.get(i))).named(names.get(i));
            }
        }
        MessageType schema = b.named("schema");
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        int nScalars = run.schema().scalars().size();
        float[] cells = new float[run.cells().cellCount()];
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec)
                .withDictionaryEncoding(dictionary)
                .withExtraMetaData(metadata)
                .build()) {
            for (int e = 0; e < run.size(); e++) {
                run.cells().read(e, cells);
                Group g = f.newGroup();
                for (int i : kept) {
                    String name = names.get(i);
                    Integer every = nullEvery.get(name);
                    if (every != null && e % every == 0) {
                        continue;
                    }
                    if (valueOverride.containsKey(name)) {
                        Object v = valueOverride.get(name).apply(e);
                        if (v instanceof Integer x) {
                            g.add(name, x);
                        } else if (v instanceof Long x) {
                            g.add(name, x);
                        } else if (v instanceof Float x) {
                            g.add(name, x);
                        } else if (v instanceof Double x) {
                            g.add(name, x);
                        } else if (v instanceof Boolean x) {
                            g.add(name, x);
                        } else if (v instanceof byte[] x) {
                            g.add(name, org.apache.parquet.io.api.Binary.fromConstantByteArray(x));
                        } else if (v != null) {
                            throw new IllegalArgumentException("value type " + v.getClass());
                        }
                        continue;
                    }
                    double v = i < nScalars ? run.value(name, e) : cells[i - nScalars];
                    long l =
                            i < nScalars && !(run.columns().get(name) instanceof float[]) ? longValue(run, name, e) : 0;
                    switch (types.get(i)) {
                        case INT32 -> g.add(name, (int) l);
                        case INT64 -> g.add(name, l);
                        case FLOAT -> g.add(name, (float) v);
                        case DOUBLE -> g.add(name, v);
                        default -> throw new IllegalStateException();
                    }
                }
                w.write(g);
            }
        }
    }

    private static long longValue(RunData run, String name, int e) {
        Object a = run.columns().get(name);
        return a instanceof int[] i ? i[e] : ((long[]) a)[e];
    }
}
