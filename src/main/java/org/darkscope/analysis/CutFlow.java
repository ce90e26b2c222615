package org.darkscope.analysis;

import java.util.List;

/**
 * Events remaining after each enabled cut, applied in selection order.
 *
 * @param total events before any cut
 * @param rows  one row per enabled cut, in order
 */
public record CutFlow(long total, List<Row> rows) {
    /**
     * @param cut      cut name
     * @param after    events passing this cut and every earlier one
     * @param absolute after / total (NaN when total is 0)
     * @param relative after / (events after the previous cut) (NaN when that is 0)
     * @param alone    events passing this cut alone
     */
    public record Row(String cut, long after, double absolute, double relative, long alone) {}

    public CutFlow {
        rows = List.copyOf(rows);
    }

    /** Events passing every enabled cut. */
    public long selected() {
        return rows.isEmpty() ? total : rows.get(rows.size() - 1).after();
    }

    /** The row of the named cut, or null if the cut is absent or disabled. */
    public Row row(String cut) {
        for (Row r : rows) {
            if (r.cut().equals(cut)) {
                return r;
            }
        }
        return null;
    }

    /** Sum of two cut flows of the same selection (e.g. over runs). */
    public CutFlow plus(CutFlow o) {
        if (o.rows.size() != rows.size()) {
            throw new IllegalArgumentException("cut flows of different selections");
        }
        long t = total + o.total;
        java.util.ArrayList<Row> l = new java.util.ArrayList<>();
        long prev = t;
        for (int i = 0; i < rows.size(); i++) {
            long a = rows.get(i).after() + o.rows.get(i).after();
            l.add(new Row(
                    rows.get(i).cut(),
                    a,
                    ratio(a, t),
                    ratio(a, prev),
                    rows.get(i).alone() + o.rows.get(i).alone()));
            prev = a;
        }
        return new CutFlow(t, l);
    }

    static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
