package org.darkscope.session.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.ResultView;
import org.darkscope.analysis.ResultView.RunView;
import org.darkscope.analysis.WeightedCounts;
import org.darkscope.analysis.WeightedResult;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.report.RunLabels;

/**
 * The cut flow as text cells: one row per enabled cut (after "all events"), columns for the data
 * (events after the cut and the fraction kept by this cut), every signal run (efficiency after the
 * cut) and every background MC run (weighted events after the cut, Σw ± √Σw²: docs/decisions/0006).
 * Also the CSV export of the table. While the data's box is hidden (blinded) the data column counts
 * the events outside the box only. When no run is in the data role and the background MC stands in
 * for it, the data columns are weighted too. Built from the engine's results only, through
 * {@link ResultView}: the result-file window's cut flow (the totals of a result file) is this code too.
 * No toolkit.
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
        ResultView v = ResultView.of(r);
        List<RunView> all = v.runs();
        return of(v, ResultsSummary.views(r, all, data), ResultsSummary.views(r, all, background));
    }

    /**
     * The table of an evaluation or of the totals of a result file (one code for the results panel and
     * the result-file window).
     *
     * @param data       runs shown as data (elements of {@code v.runs()})
     * @param background runs in the background-MC role (own weighted columns)
     */
    public static CutFlowTableModel of(ResultView v, List<RunView> data, List<RunView> background) {
        List<RunView> signals = v.runs().stream()
                .filter(RunView::isSignal)
                .sorted(Comparator.comparingDouble(s -> s.info().signalMassMeV()))
                .toList();
        if (ResultsSummary.allWeighted(data)) {
            return weighted(data, signals, background);
        }
        CutFlow dataFlow = null;
        boolean hidden = false;
        for (RunView d : data) {
            // a hidden (blinded) box: the cut flow outside the box, so the box count cannot be derived
            CutFlow f = d.cutFlow();
            hidden |= d.boxHidden();
            dataFlow = dataFlow == null ? f : dataFlow.plus(f);
        }
        List<String> header = new ArrayList<>(
                hidden
                        ? List.of("cut", "data outside the box: events", "data: kept by cut")
                        : List.of("cut", "data: events", "data: kept by cut"));
        signalHeaders(signals, header);
        List<RunView> bgs = backgroundColumns(background, header);
        List<List<String>> rows = new ArrayList<>();
        List<String> first = new ArrayList<>();
        first.add("all events");
        first.add(dataFlow == null ? "" : Long.toString(dataFlow.total()));
        first.add("");
        firstRowTail(signals, bgs, first);
        rows.add(first);
        if (v.runs().isEmpty()) {
            return new CutFlowTableModel(header, rows);
        }
        CutFlow names = dataFlow != null ? dataFlow : v.runs().get(0).cutFlow();
        for (int k = 0; k < names.rows().size(); k++) {
            String cut = names.rows().get(k).cut();
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
            rowTail(signals, bgs, cut, k, row);
            rows.add(row);
        }
        return new CutFlowTableModel(header, rows);
    }

    /** Process and mass: "signal brem 225 MeV" and "signal annihilation 225 MeV" stay apart. */
    private static void signalHeaders(List<RunView> signals, List<String> header) {
        for (RunView s : signals) {
            header.add(RunLabels.of(s.info(), s.name()) + ": eff.");
        }
    }

    /** The "all events" cells of the signal (1) and background MC (Σw) columns. */
    private static void firstRowTail(List<RunView> signals, List<RunView> bgs, List<String> first) {
        for (RunView s : signals) {
            first.add(s.cutFlow().total() == 0 ? "" : "1");
        }
        for (RunView b : bgs) {
            first.add(sum(b.weighted().orElseThrow().total()));
        }
    }

    /** The signal efficiency and background MC Σw cells after cut number {@code k}, named {@code cut}. */
    private static void rowTail(List<RunView> signals, List<RunView> bgs, String cut, int k, List<String> row) {
        for (RunView s : signals) {
            CutFlow f = s.cutFlow();
            row.add(
                    f.total() == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%.4f", (double) f.row(cut).after() / f.total()));
        }
        for (RunView b : bgs) {
            List<WeightedCounts.Sum> after = b.weighted().orElseThrow().after();
            row.add(k < after.size() ? sum(after.get(k)) : "");
        }
    }

    /** The background MC columns: one per run in the background-MC role, weighted. */
    private static List<RunView> backgroundColumns(List<RunView> background, List<String> header) {
        List<RunView> bgs = new ArrayList<>();
        for (RunView b : background) {
            if (b.weighted().isPresent()) {
                bgs.add(b);
                header.add(backgroundHeader(b.name(), b.info()));
            }
        }
        return bgs;
    }

    /** "bkg MC NAME (weighted MC): Σw ± √Σw²". */
    public static String backgroundHeader(WeightedResult w) {
        return backgroundHeader(w.run().displayName(), w.run().info());
    }

    private static String backgroundHeader(String name, RunInfo info) {
        return "bkg MC " + name + (WeightedCounts.weightedLabel(info).isPresent() ? " (weighted MC)" : "")
                + ": Σw ± √Σw²";
    }

    /**
     * The table when the background MC stands in for the data (no run in the data role): its data
     * columns are weighted (Σw ± √Σw², fraction of Σw kept by each cut).
     */
    private static CutFlowTableModel weighted(List<RunView> data, List<RunView> signals, List<RunView> background) {
        List<String> header =
                new ArrayList<>(List.of("cut", "bkg MC (no data), weighted: Σw ± √Σw²", "bkg MC: Σw kept by cut"));
        signalHeaders(signals, header);
        List<RunView> bgs = backgroundColumns(background, header);
        List<List<String>> rows = new ArrayList<>();
        List<String> first = new ArrayList<>(List.of("all events", sum(total(data, -1)), ""));
        firstRowTail(signals, bgs, first);
        rows.add(first);
        List<CutFlow.Row> cuts = data.get(0).cutFlow().rows();
        for (int k = 0; k < cuts.size(); k++) {
            String cut = cuts.get(k).cut();
            WeightedCounts.Sum after = total(data, k);
            WeightedCounts.Sum before = total(data, k - 1);
            List<String> row = new ArrayList<>(
                    List.of(cut, sum(after), pct(before.w() > 0 ? after.w() / before.w() : Double.NaN)));
            rowTail(signals, bgs, cut, k, row);
            rows.add(row);
        }
        return new CutFlowTableModel(header, rows);
    }

    /** Σ over runs of the weighted count after cut number {@code k} (-1: all events). */
    private static WeightedCounts.Sum total(List<RunView> runs, int k) {
        double w = 0;
        double w2 = 0;
        long n = 0;
        for (RunView x : runs) {
            ResultView.Weighted ws = x.weighted().orElseThrow();
            WeightedCounts.Sum s = k < 0 ? ws.total() : ws.after().get(k);
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
