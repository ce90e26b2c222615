package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkscope.io.RunFiles;
import org.darkscope.testsupport.ClassMixRuns;
import org.darkscope.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyse's per-mass table carries the ±1σ/±2σ bands of the expected eps90 beside its median. The
 * band edges are checked against the expected limits on signal events printed on the limit line:
 * ε scales as √N (ε = √(N / (N_sig/ε²)) at one mass), so ε at a band edge is ε_median · √(N_edge / N_median).
 */
class AnalyseBandsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static final String NUM = "([-+0-9.eE]+)";

    @Test
    void thePerMassTableHasTheExpectedBands() throws Exception {
        Path bg = dir.resolve("bg.parquet");
        Path sig = dir.resolve("sig.parquet");
        RunFiles.write(ClassMixRuns.background(20_000, 21), bg);
        RunFiles.write(ClassMixRuns.signal(5_000, 22, 30), sig);
        assertEquals(
                0,
                DarkScopeCli.run("analyse", bg.toString(), "--signal", sig.toString(), "--background-method", "abcd"));
        List<String> lines = console.out().lines().toList();
        String limit = lines.stream()
                .filter(l -> l.startsWith("limit: background"))
                .findFirst()
                .orElseThrow();
        Matcher m = Pattern.compile("expected " + NUM + " \\(median; ±1σ \\[" + NUM + ", " + NUM + "\\], ±2σ \\[" + NUM
                        + ", " + NUM + "\\]\\)")
                .matcher(limit);
        assertTrue(m.find(), limit);
        double median = Double.parseDouble(m.group(1));
        double[] n = {
            Double.parseDouble(m.group(4)),
            Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(5))
        }; // -2σ, -1σ, +1σ, +2σ
        int head = 0;
        while (!lines.get(head).startsWith("m_A' [MeV]")) {
            head++;
        }
        List<String> cols = List.of(lines.get(head).split("\\s{2,}"));
        int eps = cols.indexOf("eps90 expected");
        int one = cols.indexOf("exp -1s..+1s");
        int two = cols.indexOf("exp -2s..+2s");
        assertTrue(eps > 0 && one > eps && two > one, cols.toString());
        String[] row = lines.get(head + 2).split("\\s{2,}");
        assertEquals("30", row[0], "the 30 MeV signal run");
        double e = Double.parseDouble(row[eps]);
        String[] b1 = row[one].split("\\.\\.");
        String[] b2 = row[two].split("\\.\\.");
        double[] shown = {
            Double.parseDouble(b2[0]), Double.parseDouble(b1[0]), Double.parseDouble(b1[1]), Double.parseDouble(b2[1])
        };
        for (int i = 0; i < 4; i++) {
            double expected = e * Math.sqrt(n[i] / median);
            assertEquals(expected, shown[i], 3e-3 * expected, "band edge " + i + " of " + row[one] + " / " + row[two]);
        }
        // a Poisson count: the lower edges may coincide with the median, the upper ones lie above it
        assertTrue(
                shown[0] <= shown[1] && shown[1] <= e && e < shown[2] && shown[2] < shown[3], String.join(" | ", row));
    }
}
