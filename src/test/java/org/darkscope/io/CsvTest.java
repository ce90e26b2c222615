package org.darkscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.RandomColumnRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void exportWithCellsThenImportGivesTheSameRun() throws IOException {
        RunData run = RandomColumnRuns.random(300, 21);
        Path csv = dir.resolve("teach.csv");
        CsvExport.write(run, csv, true, Progress.NONE);
        RunData back = CsvImport.read(csv);
        RandomColumnRuns.assertSameColumns(run, back);
        assertEquals(run.ints(Schema.RUN)[0], back.info().runNumber());
    }

    @Test
    void summaryExportHasHeaderAndOneRowPerEventWithDotDecimalsInAnyLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            RunData run = RandomColumnRuns.random(25, 4);
            Path csv = dir.resolve("out.csv");
            CsvExport.write(run, csv);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(26, lines.size());
            List<String> names =
                    run.schema().scalars().stream().map(ColumnDef::name).toList();
            assertEquals(String.join(",", names), lines.get(0));
            String[] row7 = lines.get(8).split(",");
            int p = names.indexOf(Schema.P);
            int ecal = names.indexOf(Schema.ECAL);
            int time = names.indexOf(Schema.TIME);
            assertEquals(run.floats(Schema.P)[7], Float.parseFloat(row7[p]));
            assertEquals(run.floats(Schema.ECAL)[7], Float.parseFloat(row7[ecal]));
            assertEquals(run.longs(Schema.TIME)[7], Long.parseLong(row7[time]));
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(csv), s.toList(), "no temporary file left");
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    private Path teachingFile(String name, int events) throws IOException {
        Path csv = dir.resolve(name);
        CsvExport.write(RandomColumnRuns.random(events, 8), csv, true, Progress.NONE);
        return csv;
    }

    @Test
    void rowWithTooFewValuesNamesTheLine() throws IOException {
        Path csv = teachingFile("short.csv", 5);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
        Files.write(csv, lines);
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.read(csv));
        int fields = lines.get(0).split(",").length;
        assertEquals("short.csv: line 4: expected " + fields + " values, found " + (fields - 1), e.getMessage());
    }

    @Test
    void nonNumericValueNamesLineAndColumn() throws IOException {
        Path csv = teachingFile("bad.csv", 5);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        List<String> header = List.of(lines.get(0).split(","));
        String[] f = lines.get(2).split(",");
        f[header.indexOf(Schema.P)] = "abc";
        lines.set(2, String.join(",", f));
        Files.write(csv, lines);
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.read(csv));
        assertEquals("bad.csv: line 3: column 'p': 'abc' is not a number", e.getMessage());
    }

    @Test
    void fractionalIntegerIsRejected() throws IOException {
        Path csv = teachingFile("int.csv", 3);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        List<String> header = List.of(lines.get(0).split(","));
        String[] f = lines.get(1).split(",");
        f[header.indexOf(Schema.STRAW_HITS)] = "7.5";
        lines.set(1, String.join(",", f));
        Files.write(csv, lines);
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.read(csv));
        assertEquals("int.csv: line 2: column 'straw_hits': '7.5' is not an integer", e.getMessage());
    }

    @Test
    void missingCellsAndEmptyFile() throws IOException {
        RunData run = RandomColumnRuns.random(3, 1);
        Path summaryOnly = dir.resolve("summary.csv");
        CsvExport.write(run, summaryOnly);
        RunFileException e = assertThrows(RunFileException.class, () -> CsvImport.read(summaryOnly));
        assertEquals("summary.csv: required column 'ecal_pre_r0c0' is missing (and 107 more)", e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "# only a comment\n\n");
        assertEquals(
                "empty.csv: file is empty (no header row)",
                assertThrows(RunFileException.class, () -> CsvImport.read(empty))
                        .getMessage());
    }

    @Test
    void commentsQuotesEmptyValuesAndIntegralFloatsAreAccepted() throws IOException {
        Path csv = teachingFile("pandas.csv", 4);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(csv));
        List<String> header = List.of(lines.get(0).split(","));
        String[] h = lines.get(0).split(",");
        h[0] = "\"" + h[0] + "\"";
        lines.set(0, String.join(",", h));
        String[] f = lines.get(1).split(",");
        f[header.indexOf(Schema.STRAW_HITS)] = "12.0";
        f[header.indexOf(Schema.ANGLE)] = "";
        lines.set(1, String.join(",", f));
        lines.add(0, "# teaching sample, written by hand");
        Files.write(csv, lines);
        RunData r = CsvImport.read(csv);
        assertEquals(4, r.size());
        assertEquals(12, r.ints(Schema.STRAW_HITS)[0]);
        assertEquals(0f, r.floats(Schema.ANGLE)[0]);
    }
}
