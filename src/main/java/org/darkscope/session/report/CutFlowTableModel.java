package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.WeightedResult;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;

/**
 * The cut flow as text cells: one row per enabled cut (after "all events"), columns for the data
 * (events after the cut and the fraction kept by this cut), every signal run (efficiency after the
 * cut) and every background MC run (weighted events after the cut, Σw ± √Σw²: docs/decisions/0006).
 * Also the CSV export of the table. While the data's box is hidden (blinded) the data column counts
 * the events outside the box only. When no run is in the data role and the background MC stands in
 * for it, the data columns are weighted too. Built from the engine's results only. No toolkit.
 */
public final class CutFlowTableModel {
    private final List<String> header;
    private final List<List<String>> rows;

    private CutFlowTableModel(List<String> header, List<List<String>> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public static CutFlowTableModel empty() {
        return new CutFlowTableModel(List.of("cut"), List.of());
    }

    /**
     * @param data       runs shown as data
     * @param background simulated background runs (own columns)
     */
    public static CutFlowTableModel of(AnalysisResult r, List<RunData> data, List<RunData> background) {
        List<WeightedResult> weightedData = new ArrayList<>();
        for (RunData d : data) {
            r.run(d).weighted().ifPresent(weightedData::add);
        }
        if (!data.isEmpty() && weightedData.size() == data.size()) {
            return weighted(r, weightedData, background);
        }
        CutFlow dataFlow = null;
        boolean hidden = false;
        for (RunData d : data) {
            // a hidden (blinded) box: the cut flow outside the box, so the box count cannot be derived
            CutFlow f = r.run(d).cutFlow();
            hidden |= r.run(d).boxHidden();
            dataFlow = dataFlow == null ? f : dataFlow.plus(f);
        }
        List<String> header = new ArrayList<>(
                hidden
                        ? List.of("cut", "data outside the box: events", "data: kept by cut")
                        : List.of("cut", "data: events", "data: kept by cut"));
        List<RunResult> signals = r.signalRuns();
        for (RunResult s : signals) {
            // process and mass: "signal brem 225 MeV" and "signal annihilation 225 MeV" stay apart
            header.add(org.darkscope.report.RunLabels.of(s.run()) + ": eff.");
        }
        List<WeightedResult> bgs = backgroundColumns(r, background, header);
        List<List<String>> rows = new ArrayList<>();
        List<String> first = new ArrayList<>();
        first.add("all events");
        first.add(dataFlow == null ? "" : Long.toString(dataFlow.total()));
        first.add("");
        for (RunResult s : signals) {
            first.add(s.cutFlow().total() == 0 ? "" : "1");
        }
        for (WeightedResult b : bgs) {
            first.add(sum(b.total()));
        }
        rows.add(first);
        List<String> cutNames = (dataFlow != null ? dataFlow : r.runs().get(0).cutFlow())
                .rows().stream().map(CutFlow.Row::cut).toList();
        for (String cut : cutNames) {
            List<String> row = new ArrayList<>();
            row.add(cut);
            if (dataFlow != null) {
                CutFlow.Row dr = dataFlow.row(cut);
                row.add(Long.toString(dr.after()));
                row.add(pct(dr.relative()));
            } else {
                row.add("");
                row.add("");
            }
            for (RunResult s : signals) {
                CutFlow f = s.cutFlow();
                row.add(
                        f.total() == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT, "%.4f", (double) f.row(cut).after() / f.total()));
            }
            for (WeightedResult b : bgs) {
                row.add(sum(b.after(cut)));
            }
            rows.add(row);
        }
        return new CutFlowTableModel(header, rows);
    }

    /** The background MC columns: one per run in the background-MC role, weighted. */
    private static List<WeightedResult> backgroundColumns(
            AnalysisResult r, List<RunData> background, List<String> header) {
        List<WeightedResult> bgs = new ArrayList<>();
        for (RunData b : background) {
            r.run(b).weighted().ifPresent(w -> {
                bgs.add(w);
                header.add(backgroundHeader(w));
            });
        }
        return bgs;
    }

    /** "bkg MC NAME (weighted MC): Σw ± √Σw²". */
    public static String backgroundHeader(WeightedResult w) {
        return "bkg MC " + w.run().displayName() + (w.label().isPresent() ? " (weighted MC)" : "") + ": Σw ± √Σw²";
    }

    /**
     * The table when the background MC stands in for the data (no run in the data role): its data
     * columns are weighted (Σw ± √Σw², fraction of Σw kept by each cut).
     */
    private static CutFlowTableModel weighted(AnalysisResult r, List<WeightedResult> data, List<RunData> background) {
        List<String> header =
                new ArrayList<>(List.of("cut", "bkg MC (no data), weighted: Σw ± √Σw²", "bkg MC: Σw kept by cut"));
        List<RunResult> signals = r.signalRuns();
        for (RunResult s : signals) {
            header.add(org.darkscope.report.RunLabels.of(s.run()) + ": eff.");
        }
        List<WeightedResult> bgs = backgroundColumns(r, background, header);
        List<List<String>> rows = new ArrayList<>();
        List<String> first = new ArrayList<>(List.of("all events", sum(total(data, null)), ""));
        for (RunResult s : signals) {
            first.add(s.cutFlow().total() == 0 ? "" : "1");
        }
        for (WeightedResult b : bgs) {
            first.add(sum(b.total()));
        }
        rows.add(first);
        String previous = null;
        for (WeightedCounts.Step step : data.get(0).cutFlow()) {
            String cut = step.cut();
            WeightedCounts.Sum after = total(data, cut);
            WeightedCounts.Sum before = total(data, previous);
            List<String> row = new ArrayList<>(
                    List.of(cut, sum(after), pct(before.w() > 0 ? after.w() / before.w() : Double.NaN)));
            for (RunResult s : signals) {
                CutFlow f = s.cutFlow();
                row.add(
                        f.total() == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT, "%.4f", (double) f.row(cut).after() / f.total()));
            }
            for (WeightedResult b : bgs) {
                row.add(sum(b.after(cut)));
            }
            rows.add(row);
            previous = cut;
        }
        return new CutFlowTableModel(header, rows);
    }

    /** Σ over runs of the weighted count after a cut (null: all events). */
    private static WeightedCounts.Sum total(List<WeightedResult> runs, String cut) {
        double w = 0;
        double w2 = 0;
        long n = 0;
        for (WeightedResult x : runs) {
            WeightedCounts.Sum s = cut == null ? x.total() : x.after(cut);
            w += s.w();
            w2 += s.w2();
            n += s.n();
        }
        return new WeightedCounts.Sum(w, w2, n);
    }

    /**
     * A weighted count as shown: "Σw ± √Σw²", three significant digits ("0.00413 ± 0.00051",
     * "23.0 ± 1.3"), whole numbers from 100 on ("1234 ± 35"); empty for a missing cut.
     */
    public static String sum(WeightedCounts.Sum s) {
        return s == null ? "" : s.describe();
    }

    /** Selected background MC events per truth class (one row per class present). */
    public static List<List<String>> perClass(AnalysisResult r, List<RunData> background) {
        List<List<String>> out = new ArrayList<>();
        for (EventClass c : EventClass.values()) {
            long n = 0;
            for (RunData b : background) {
                n += r.run(b).selectedCount(c);
            }
            if (n > 0) {
                out.add(List.of(c.label(), Long.toString(n)));
            }
        }
        return out;
    }

    public static String pct(double f) {
        return Double.isNaN(f) ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * f);
    }

    public static String fmtMass(double m) {
        return m == Math.rint(m) ? String.format(Locale.ROOT, "%.0f", m) : String.format(Locale.ROOT, "%.1f", m);
    }
}
