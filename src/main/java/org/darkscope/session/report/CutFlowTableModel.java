package org.darkscope.session.report;

import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.CutFlow;
import org.darkscope.analysis.RunResult;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cut flow as text cells: one row per enabled cut (after "all events"), columns for the data
 * (events after the cut and the fraction kept by this cut), every signal run (efficiency after the
 * cut) and every background MC run (events after the cut). Also the CSV export of the table.
 * While the data's box is hidden (blinded) the data column counts the events outside the box only.
 * Built from the engine's cut flows only. No toolkit.
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
        CutFlow dataFlow = null;
        boolean hidden = false;
        for (RunData d : data) {
            // a hidden (blinded) box: the cut flow outside the box, so the box count cannot be derived
            CutFlow f = r.run(d).cutFlow();
            hidden |= r.run(d).boxHidden();
            dataFlow = dataFlow == null ? f : dataFlow.plus(f);
        }
        List<String> header = new ArrayList<>(hidden ? List.of("cut", "data outside the box: events", "data: kept by cut")
                : List.of("cut", "data: events", "data: kept by cut"));
        List<RunResult> signals = r.signalRuns();
        for (RunResult s : signals) {
            // process and mass: "signal brem 225 MeV" and "signal annihilation 225 MeV" stay apart
            header.add(org.darkscope.report.RunLabels.of(s.run()) + ": eff.");
        }
        List<RunResult> bgs = new ArrayList<>();
        for (RunData b : background) {
            RunResult rr = r.run(b);
            bgs.add(rr);
            header.add("bkg MC " + b.displayName());
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> first = new ArrayList<>();
        first.add("all events");
        first.add(dataFlow == null ? "" : Long.toString(dataFlow.total()));
        first.add("");
        for (RunResult s : signals) {
            first.add(s.cutFlow().total() == 0 ? "" : "1");
        }
        for (RunResult b : bgs) {
            first.add(Long.toString(b.cutFlow().total()));
        }
        rows.add(first);
        List<String> cutNames = (dataFlow != null ? dataFlow : r.runs().get(0).cutFlow()).rows().stream().map(CutFlow.Row::cut).toList();
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
                row.add(f.total() == 0 ? "" : String.format(Locale.ROOT, "%.4f", (double) f.row(cut).after() / f.total()));
            }
            for (RunResult b : bgs) {
                row.add(Long.toString(b.cutFlow().row(cut).after()));
            }
            rows.add(row);
        }
        return new CutFlowTableModel(header, rows);
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
