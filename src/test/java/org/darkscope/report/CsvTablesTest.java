package org.darkscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Selection;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ReportRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV tables: written, read back, every cell after the row label a number; runs told apart. */
class CsvTablesTest {
    private static final AnalysisResult R = ReportRuns.evaluate(Selection.published());

    /** A small RFC 4180 reader (quotes, doubled quotes), independent of the writer. */
    static List<List<String>> read(Path f) throws Exception {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString().replaceFirst("\r$", ""));
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private static void allNumbers(List<List<String>> rows, int fromColumn) {
        for (List<String> r : rows.subList(1, rows.size())) {
            assertEquals(rows.get(0).size(), r.size(), "ragged row " + r);
            for (String cell : r.subList(fromColumn, r.size())) {
                Double.parseDouble(cell); // throws on "94.67 %" or "0.43 [0.42, 0.43]"
            }
        }
    }

    @Test
    void cutFlowRoundTripsAsNumbersWithRunsToldApart(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cutflow.csv");
        CsvTables.cutFlow(R).write(f);
        List<List<String>> rows = read(f);
        allNumbers(rows, 1);
        List<String> h = rows.get(0);
        assertTrue(h.contains("signal brem 225 MeV: passed"), h.toString());
        assertTrue(h.contains("signal annihilation 225 MeV: passed"), h.toString());
        assertEquals(h.size(), h.stream().distinct().count(), "duplicate headers " + h);
        // first row: every event of each signal run; later rows: the engine's counts, fractions consistent
        int col = h.indexOf("signal brem 225 MeV: passed");
        assertEquals(ReportRuns.BREM.size(), Long.parseLong(rows.get(1).get(col)));
        CutFlow flow = R.run(ReportRuns.BREM).cutFlow();
        for (int i = 0; i < flow.rows().size(); i++) {
            List<String> row = rows.get(i + 2);
            assertEquals(flow.rows().get(i).cut(), row.get(0));
            long passed = Long.parseLong(row.get(col));
            assertEquals(flow.rows().get(i).after(), passed);
            assertEquals((double) passed / ReportRuns.BREM.size(), Double.parseDouble(row.get(col + 1)), 1e-12);
        }
        // the blinded data run is labelled as counting outside the box
        assertTrue(
                h.stream().anyMatch(x -> x.startsWith("data ") && x.contains("(outside box): passed")), h.toString());
    }

    @Test
    void efficienciesHaveValueAndIntervalInOwnColumns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("eff.csv");
        CsvTables.efficiencies(R).write(f);
        List<List<String>> rows = read(f);
        assertEquals(
                List.of(
                        "signal run",
                        "mass_MeV",
                        "passed",
                        "total",
                        "efficiency",
                        "lower",
                        "upper",
                        "cl",
                        "external_factor",
                        "efficiency_times_external"),
                rows.get(0));
        assertEquals(3, rows.size());
        allNumbers(rows, 1);
        for (List<String> r : rows.subList(1, 3)) {
            double passed = Double.parseDouble(r.get(2));
            double total = Double.parseDouble(r.get(3));
            double v = Double.parseDouble(r.get(4));
            assertEquals(passed / total, v, 1e-12);
            assertTrue(Double.parseDouble(r.get(5)) <= v && v <= Double.parseDouble(r.get(6)), r.toString());
        }
    }

    @Test
    void eventTableHasTheFilteredEventsAndTheirValues(@TempDir Path dir) throws Exception {
        int[] shown = R.run(ReportRuns.DATA).selectedEvents();
        Path f = dir.resolve("events.csv");
        CsvTables.events(ReportRuns.DATA, shown, List.of(Schema.EVENT, Schema.ECAL, Schema.HCAL, Schema.TRUTH_CLASS))
                .write(f);
        List<List<String>> rows = read(f);
        assertEquals(List.of("index", Schema.EVENT, Schema.ECAL, Schema.HCAL, Schema.TRUTH_CLASS), rows.get(0));
        assertEquals(shown.length + 1, rows.size());
        allNumbers(rows, 0);
        float[] ecal = ReportRuns.DATA.floats(Schema.ECAL);
        for (int i = 0; i < shown.length; i += Math.max(1, shown.length / 20)) {
            assertEquals(shown[i], Integer.parseInt(rows.get(i + 1).get(0)));
            assertEquals(ecal[shown[i]], Float.parseFloat(rows.get(i + 1).get(2)));
        }
    }

    @Test
    void exclusionLeavesOutObservedColumnsWhileBlinded(@TempDir Path dir) throws Exception {
        var pts = org.darkscope.analysis.ResultLimits.compute(R, org.darkscope.analysis.ExclusionSettings.defaults())
                .points();
        Path f = dir.resolve("excl.csv");
        CsvTables.exclusion(pts, true).write(f);
        List<List<String>> rows = read(f);
        allNumbers(rows, 0);
        assertFalse(rows.get(0).contains("epsilon_observed"));
        assertTrue(rows.get(0).contains("epsilon_expected"));
        CsvTables.exclusion(pts, false).write(f);
        assertTrue(read(f).get(0).contains("epsilon_observed"));
    }
}
