package org.darkscope.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/** Rewrites the Thrift footer of a Parquet file (codecs, key-value metadata, schema) for tests. */
public final class FooterEdit {
    private FooterEdit() {}

    public static FileMetaData read(byte[] file) throws IOException {
        int len = ByteBuffer.wrap(file, file.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - len, len));
    }

    /** The file's bytes with its footer replaced by {@code edit} applied to it. */
    public static byte[] edit(byte[] file, Consumer<FileMetaData> edit) throws IOException {
        int len = ByteBuffer.wrap(file, file.length - 8, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        FileMetaData md = Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - len, len));
        edit.accept(md);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(md, footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, file.length - 8 - len);
        out.write(footer.toByteArray());
        out.write(ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(footer.size())
                .array());
        out.write(new byte[] {'P', 'A', 'R', '1'});
        return out.toByteArray();
    }

    public static void edit(Path in, Path out, Consumer<FileMetaData> edit) throws IOException {
        Files.write(out, edit(Files.readAllBytes(in), edit));
    }

    /** Sets one key of the key-value metadata (adds it if missing; null removes it). */
    public static Consumer<FileMetaData> kv(String key, String value) {
        return md -> {
            var list = md.getKey_value_metadata();
            list.removeIf(k -> k.getKey().equals(key));
            if (value != null) {
                list.add(new org.apache.parquet.format.KeyValue(key).setValue(value));
            }
        };
    }

    public static String kvValue(FileMetaData md, String key) {
        return md.getKey_value_metadata().stream()
                .filter(k -> k.getKey().equals(key))
                .map(k -> k.getValue())
                .findFirst()
                .orElse(null);
    }

    /** Removes a top-level column from the schema and every row group (its data stays, unreferenced). */
    public static Consumer<FileMetaData> dropColumn(String name) {
        return md -> {
            var schema = md.getSchema();
            if (schema.removeIf(e -> e.getName().equals(name) && e.getNum_children() == 0)) {
                schema.get(0).setNum_children(schema.get(0).getNum_children() - 1);
            }
            md.getRow_groups().forEach(rg -> rg.getColumns()
                    .removeIf(c -> c.getMeta_data().getPath_in_schema().equals(java.util.List.of(name))));
        };
    }

    static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }
}
