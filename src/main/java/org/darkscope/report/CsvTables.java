package org.darkscope.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.Efficiency;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;

/**
 * Machine-readable tables: one number per cell (no units, percentages or intervals inside a cell),
 * the first column a row label, headers naming the run and the quantity
 * ("signal brem 225 MeV: passed"). Numbers are written in full precision (Java's shortest
 * round-trip form); a number that does not exist is "NaN". pandas reads them with
 * {@code read_csv(f, index_col=0)} into numeric columns.
 */
public record CsvTables(List<String> header, List<List<String>> rows) {
    public CsvTables {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("row of " + r.size() + " cells for " + header.size() + " columns");
            }
        }
    }

    static String num(double v) {
        return Double.isFinite(v)
                ? (v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v))
                : "NaN";
    }

    static String num(long v) {
        return Long.toString(v);
    }

    /**
     * The cut flow of every run (data/background, then signal by mass): per run the events after each
     * cut, the fraction of all events and of the previous step. A blinded run counts events outside the box.
     */
    public static CsvTables cutFlow(AnalysisResult r) {
        List<RunResult> runs = new ArrayList<>(r.backgroundRuns());
        runs.addAll(r.signalRuns());
        List<String> h = new ArrayList<>(List.of("cut"));
        List<String> labels = uniqueLabels(runs.stream().map(RunResult::run).toList());
        for (int k = 0; k < runs.size(); k++) {
            String l = labels.get(k) + (runs.get(k).boxHidden() ? " (outside box)" : "");
            h.add(l + ": passed");
            h.add(l + ": fraction of all");
            h.add(l + ": fraction of previous");
            h.add(l + ": passing alone");
            if (runs.get(k).weighted().isPresent()) {
                // background MC role: Σw and √Σw² of the event weights, as analyse prints them
                h.add(l + ": weighted");
                h.add(l + ": weighted_err");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        if (runs.isEmpty()) {
            return new CsvTables(h, rows);
        }
        int n = runs.get(0).cutFlow().rows().size();
        List<String> first = new ArrayList<>(List.of("all events"));
        for (RunResult rr : runs) {
            long t = rr.cutFlow().total();
            first.addAll(List.of(num(t), t > 0 ? "1" : "NaN", t > 0 ? "1" : "NaN", num(t)));
            rr.weighted()
                    .ifPresent(w -> first.addAll(
                            List.of(num(w.total().w()), num(w.total().error()))));
        }
        rows.add(first);
        for (int i = 0; i < n; i++) {
            List<String> row =
                    new ArrayList<>(List.of(runs.get(0).cutFlow().rows().get(i).cut()));
            for (RunResult rr : runs) {
                CutFlow.Row c = rr.cutFlow().rows().get(i);
                row.addAll(List.of(num(c.after()), num(c.absolute()), num(c.relative()), num(c.alone())));
                rr.weighted().ifPresent(w -> {
                    WeightedCounts.Sum after = w.after(c.cut());
                    row.addAll(after == null ? List.of("NaN", "NaN") : List.of(num(after.w()), num(after.error())));
                });
            }
            rows.add(row);
        }
        return new CsvTables(h, rows);
    }

    /**
     * Signal efficiency per signal run: passed, total, value and interval edges, confidence level, then the
     * inefficiency the simulation does not model (the run's {@link ExternalEfficiency}, NaN when none is
     * recorded) and efficiency × that factor, in their own columns: the efficiency never includes it.
     */
    public static CsvTables efficiencies(AnalysisResult r) {
        List<String> h = List.of(
                "signal run",
                "mass_MeV",
                "passed",
                "total",
                "efficiency",
                "lower",
                "upper",
                "cl",
                "external_factor",
                "efficiency_times_external");
        List<List<String>> rows = new ArrayList<>();
        List<RunResult> sig = r.signalRuns();
        List<String> labels = uniqueLabels(sig.stream().map(RunResult::run).toList());
        List<Efficiency> effs = r.efficiencies();
        for (int i = 0; i < effs.size(); i++) {
            Efficiency e = effs.get(i);
            double f = ExternalEfficiency.of(sig.get(i).run().info())
                    .map(ExternalEfficiency::value)
                    .orElse(Double.NaN);
            rows.add(List.of(
                    labels.get(i),
                    num(e.massMeV()),
                    num(e.passed()),
                    num(e.total()),
                    num(e.value()),
                    num(e.lower()),
                    num(e.upper()),
                    num(e.cl()),
                    num(f),
                    num(e.value() * f)));
        }
        return new CsvTables(h, rows);
    }

    /** Events of a run in the given order (e.g. the event table with its filter): one column per run-file column. */
    public static CsvTables events(RunData run, int[] indices, List<String> columns) {
        List<String> cols = columns.stream().filter(run::has).toList();
        List<String> h = new ArrayList<>(List.of("index"));
        h.addAll(cols);
        List<List<String>> rows = new ArrayList<>(indices.length);
        for (int e : indices) {
            List<String> row = new ArrayList<>(cols.size() + 1);
            row.add(Integer.toString(e));
            for (String c : cols) {
                org.darkscope.event.Column col = run.column(c);
                row.add(
                        switch (col.type()) {
                            case FLOAT -> Float.isFinite(col.getFloat(e)) ? Float.toString(col.getFloat(e)) : "NaN";
                            case INT -> Integer.toString(col.getInt(e));
                            case LONG -> Long.toString(col.getLong(e));
                        });
            }
            rows.add(row);
        }
        return new CsvTables(h, rows);
    }

    /**
     * The exclusion curves: per mass the efficiency, then for the limit on signal events, on ε and on
     * y one number per column: observed (left out while blinded: it would reveal the box count),
     * expected median, and the expected band edges -2σ, -1σ, +1σ, +2σ (docs/physics.md#statistics).
     */
    public static CsvTables exclusion(List<ExclusionPoint> points, boolean blinded) {
        List<String> h = new ArrayList<>(List.of("mass_MeV", "efficiency", "signal_per_eps2", "m_chi_MeV"));
        for (String q : new String[] {"upper_limit", "epsilon", "y"}) {
            if (!blinded) {
                h.add(q + "_observed");
            }
            h.addAll(List.of(
                    q + "_expected",
                    q + "_expected_minus2sigma",
                    q + "_expected_minus1sigma",
                    q + "_expected_plus1sigma",
                    q + "_expected_plus2sigma"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ExclusionPoint p : points) {
            List<String> row = new ArrayList<>(
                    List.of(num(p.massMeV()), num(p.efficiency()), num(p.signalPerEps2()), num(p.mChiMeV())));
            double[] n = eventBands(p);
            double[] e = p.epsilonBands();
            double[] y = yBands(p);
            addBands(row, blinded, p.upperLimit(), n);
            addBands(row, blinded, p.epsilon(), e);
            addBands(row, blinded, p.y(), y);
            rows.add(row);
        }
        return new CsvTables(h, rows);
    }

    private static void addBands(List<String> row, boolean blinded, double observed, double[] b) {
        if (!blinded) {
            row.add(num(observed));
        }
        row.addAll(List.of(num(b[2]), num(b[0]), num(b[1]), num(b[3]), num(b[4])));
    }

    /**
     * Expected limits on signal events {-2σ, -1σ, median, +1σ, +2σ}; the median falls back to the
     * point's expected limit where no bands were computed.
     */
    public static double[] eventBands(ExclusionPoint p) {
        var b = p.expectedBands();
        return new double[] {
            b.minus2(),
            b.minus1(),
            Double.isFinite(b.median()) ? b.median() : p.expectedUpperLimit(),
            b.plus1(),
            b.plus2()
        };
    }

    /** Expected limits on y {-2σ, -1σ, median, +1σ, +2σ}: y ∝ ε², so y_band = y_expected (ε_band / ε_expected)². */
    public static double[] yBands(ExclusionPoint p) {
        double[] e = p.epsilonBands();
        double[] y = new double[5];
        for (int i = 0; i < 5; i++) {
            double r = e[i] / p.epsilonExpected();
            y[i] = i == 2 ? p.yExpected() : p.yExpected() * r * r;
        }
        return y;
    }

    /** Labels that differ between runs: a run number is added where two runs would carry the same label. */
    static List<String> uniqueLabels(List<RunData> runs) {
        List<String> l = new ArrayList<>();
        for (RunData r : runs) {
            l.add(RunLabels.of(r));
        }
        for (int i = 0; i < l.size(); i++) {
            String a = l.get(i);
            if (l.stream().filter(a::equals).count() > 1) {
                for (int j = 0; j < l.size(); j++) {
                    if (l.get(j).equals(a)) {
                        l.set(
                                j,
                                a + " (run " + runs.get(j).info().runNumber() + ", "
                                        + runs.get(j).displayName() + ")");
                    }
                }
            }
        }
        return l;
    }

    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public void write(Writer w) throws IOException {
        line(w, header);
        for (List<String> r : rows) {
            line(w, r);
        }
    }

    public String text() {
        StringWriter w = new StringWriter();
        try {
            write(w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** Writes the table (UTF-8, CRLF line ends as RFC 4180) atomically. */
    public void write(Path file) throws IOException {
        FigureFiles.writeAtomically(file, text().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }
}
