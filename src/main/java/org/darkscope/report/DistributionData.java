package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Histogram1D;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.Variable;
import org.darkscope.event.RunData;

/**
 * The linked distributions of one variable, per EOT: all data events, selected data events and
 * selected background MC, plus the cut edges on that variable. Histograms come from the engine
 * (selected: the current result; all: a result of the same runs with every cut off). No toolkit:
 * the distributions view and {@code darkscope plot distribution} both draw it.
 *
 * @param variable   the variable
 * @param edges      bin edges
 * @param allData    all data events per EOT (null if not available)
 * @param selData    selected data events per EOT
 * @param selMc      selected background MC per EOT (null without background MC)
 * @param cutEdges   edges of enabled cuts on this variable's column
 */
public record DistributionData(
        Variable variable, double[] edges, double[] allData, double[] selData, double[] selMc, double[] cutEdges) {

    /** The selection with every cut switched off (for the "all events" histograms). */
    public static Selection allEvents(Selection s) {
        List<Cut> off = s.cuts().stream().map(c -> c.withEnabled(false)).toList();
        return s.withCuts(off).withName("all events");
    }

    public static DistributionData of(
            Variable v, AnalysisResult selected, AnalysisResult all, List<RunData> data, List<RunData> mc) {
        Histogram1D h = null;
        double eotData = 0;
        for (RunData d : data) {
            Histogram1D x = selected.run(d).histogram(v);
            h = h == null ? x : h.plus(x);
            eotData += d.info().eot();
        }
        double[] edges = edges(v);
        double[] sel = perEot(h, eotData);
        double[] allD = null;
        if (all != null) {
            Histogram1D a = null;
            for (RunData d : data) {
                if (all.runs().stream().anyMatch(r -> r.run() == d)) {
                    Histogram1D x = all.run(d).histogram(v);
                    a = a == null ? x : a.plus(x);
                }
            }
            allD = perEot(a, eotData);
        }
        double[] mcD = null;
        if (!mc.isEmpty()) {
            // background MC counts with its weights (Σw per bin): an enriched sample's events are not rates
            double[] m = null;
            double eotMc = 0;
            for (RunData d : mc) {
                var rr = selected.run(d);
                double[] x = rr.weighted().map(w -> w.histogram(v).sumW()).orElseGet(() -> {
                    Histogram1D h1 = rr.histogram(v);
                    double[] c = new double[h1.bins()];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = h1.count(i);
                    }
                    return c;
                });
                if (m == null) {
                    m = x;
                } else {
                    for (int i = 0; i < m.length; i++) {
                        m[i] += x[i];
                    }
                }
                eotMc += d.info().eot();
            }
            double norm = eotMc > 0 ? eotMc : 1;
            mcD = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                mcD[i] = m[i] / norm;
            }
        }
        List<Double> cuts = new ArrayList<>();
        for (Cut c : selected.selection().enabledCuts()) {
            if (c.column().equals(v.column())) {
                if (c.kind().usesMin()) {
                    cuts.add(c.min());
                }
                if (c.kind().usesMax()) {
                    cuts.add(c.max());
                }
            }
        }
        return new DistributionData(
                v,
                edges,
                allD,
                sel,
                mcD,
                cuts.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double[] edges(Variable v) {
        var b = v.defaultBinning();
        double[] e = new double[b.bins() + 1];
        for (int i = 0; i <= b.bins(); i++) {
            e[i] = b.lo() + (b.hi() - b.lo()) * i / b.bins();
        }
        return e;
    }

    /** Counts divided by EOT (counts themselves if the EOT is unknown). */
    static double[] perEot(Histogram1D h, double eot) {
        if (h == null) {
            return null;
        }
        double norm = eot > 0 ? eot : 1;
        double[] out = new double[h.bins()];
        for (int i = 0; i < out.length; i++) {
            out[i] = h.count(i) / norm;
        }
        return out;
    }
}
