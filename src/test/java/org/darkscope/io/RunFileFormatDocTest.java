package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.Schema;
import org.darkscope.geometry.GeometryLoader;
import org.junit.jupiter.api.Test;

/** docs/run-file-format.md lists every column with its unit and the metadata keys the code uses. */
class RunFileFormatDocTest {
    @Test
    void documentationMatchesTheSchema() throws IOException {
        String doc = Files.readString(Path.of("docs/run-file-format.md"));
        Schema schema = Schema.of(GeometryLoader.defaultDetector());
        for (ColumnDef c : schema.scalars()) {
            String row = "| `" + c.name() + "` | ";
            assertTrue(doc.contains(row), "column " + c.name() + " documented");
            String line = doc.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            assertTrue(line.contains("| " + c.unit() + " |"), "unit of " + c.name() + ": " + line);
            assertTrue(
                    line.contains(
                            switch (c.type()) {
                                case INT -> "INT32";
                                case LONG -> "INT64";
                                case FLOAT -> "FLOAT";
                            }),
                    "type of " + c.name());
        }
        List<String> cells = schema.cellColumns();
        assertTrue(doc.contains("`" + cells.get(0) + "`") && doc.contains("`" + cells.get(cells.size() - 1) + "`"));
        assertTrue(doc.contains("`" + RunFiles.KEY_RUN + "`") && doc.contains("`" + RunFiles.KEY_SCHEMA_VERSION + "`"));
        assertTrue(doc.contains("schema version " + Schema.VERSION));
    }
}
