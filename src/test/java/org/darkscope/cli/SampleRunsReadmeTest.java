package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.junit.jupiter.api.Test;

/**
 * The tables of sample-runs/README.md are recomputed from the shipped files (the same code as
 * {@code darkscope validate --markdown sample-runs}), so the README cannot drift from the files.
 * After regenerating the sample runs, paste the output of
 * {@code java -jar target/darkscope.jar validate --markdown --selection sample-runs/selection-published.json sample-runs}
 * between the markers.
 */
class SampleRunsReadmeTest {
    static final Path DIR = Path.of("sample-runs");
    static final String BEGIN = "<!-- validate:begin -->";
    static final String END = "<!-- validate:end -->";

    @Test
    void readmeTablesMatchTheFiles() throws Exception {
        Path readme = DIR.resolve("README.md");
        assertTrue(Files.exists(readme), "sample-runs/README.md must exist");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, "README needs the " + BEGIN + " ... " + END + " block");
        String block = text.substring(b + BEGIN.length(), e).strip();
        Selection sel = SelectionIo.read(DIR.resolve("selection-published.json"));
        List<RunData> runs = new ArrayList<>();
        for (Path p : ValidateCommand.expand(List.of(DIR))) {
            runs.add(RunFiles.read(p));
        }
        String expected =
                ValidateCommand.markdown(ValidateCommand.compute(runs, sel)).strip();
        assertEquals(
                expected,
                block,
                "sample-runs/README.md tables differ from the files: regenerate the block with "
                        + "'darkscope validate --markdown --selection sample-runs/selection-published.json sample-runs'");
    }
}
