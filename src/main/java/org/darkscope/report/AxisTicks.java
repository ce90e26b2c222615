package org.darkscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ticks of a figure axis and their labels, as many as fit the axis length at the font size. */
final class AxisTicks {
    private AxisTicks() {}

    /** A tick: position, major or minor, label (null for none), power of ten label. */
    record Tick(double v, boolean major, String label, Integer pow10) {
        double width(Canvas c, double fs) {
            if (pow10 != null) {
                return c.textWidth("10", fs) + c.textWidth(Integer.toString(pow10), fs * 0.7);
            }
            return label == null ? 0 : c.textWidth(label, fs);
        }
    }

    /**
     * The ticks of an axis {@code span} pixels long with font size {@code fs}: categories, decades
     * (with minor ticks) on a log axis spanning two or more decades, otherwise 1-2-5 steps.
     */
    static List<Tick> ticks(Figure.Axis a, double span, double fs, boolean horizontal) {
        List<Tick> t = new ArrayList<>();
        if (a.categories() != null) {
            for (int i = 0; i < a.categories().size(); i++) {
                if (i >= a.lo() && i <= a.hi()) {
                    t.add(new Tick(i, true, a.categories().get(i), null));
                }
            }
            return t;
        }
        if (a.log()) {
            int d0 = (int) Math.floor(Math.log10(a.lo()) + 1e-9);
            int d1 = (int) Math.ceil(Math.log10(a.hi()) - 1e-9);
            int decades = Math.max(1, d1 - d0);
            if (d1 - d0 >= 1 && Math.pow(10, d0) <= a.hi() && countDecadesInside(a, d0, d1) >= 2) {
                int maxLabels = Math.max(2, (int) (span / (fs * (horizontal ? 4.0 : 2.2))));
                int every = Math.max(1, (int) Math.ceil((double) decades / maxLabels));
                for (int d = d0; d <= d1; d++) {
                    double v = Math.pow(10, d);
                    boolean labelled = Math.floorMod(d, every) == 0;
                    t.add(new Tick(v, true, null, labelled ? d : null));
                    if (decades <= 8 && every == 1) {
                        for (int m = 2; m <= 9; m++) {
                            t.add(new Tick(m * v, false, null, null));
                        }
                    }
                }
                t.removeIf(x -> x.v() < a.lo() * (1 - 1e-9) || x.v() > a.hi() * (1 + 1e-9));
                return t;
            }
            // less than two decades labelled: plain numbers at 1-2-5 steps
            for (int d = d0 - 1; d <= d1; d++) {
                for (int m : new int[] {1, 2, 5}) {
                    double v = m * Math.pow(10, d);
                    if (v >= a.lo() && v <= a.hi()) {
                        t.add(new Tick(v, true, fmt(v, Math.max(0, -d)), null));
                    }
                }
            }
            return t;
        }
        int target = (int) Math.max(2, Math.min(10, span / (fs * (horizontal ? 5.5 : 2.6))));
        double step = niceStep((a.hi() - a.lo()) / target);
        int dec = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        double first = Math.ceil(a.lo() / step - 1e-9) * step;
        for (double v = first; v <= a.hi() + step * 1e-9; v += step) {
            double vv = Math.abs(v) < step * 1e-9 ? 0 : v;
            t.add(new Tick(vv, true, fmt(vv, dec), null));
            for (int m = 1; m < 5; m++) {
                double mv = vv + step * m / 5;
                if (mv <= a.hi()) {
                    t.add(new Tick(mv, false, null, null));
                }
            }
        }
        for (int m = 1; m < 5; m++) {
            double mv = first - step * m / 5;
            if (mv >= a.lo()) {
                t.add(new Tick(mv, false, null, null));
            }
        }
        return t;
    }

    private static int countDecadesInside(Figure.Axis a, int d0, int d1) {
        int n = 0;
        for (int d = d0; d <= d1; d++) {
            double v = Math.pow(10, d);
            if (v >= a.lo() * (1 - 1e-9) && v <= a.hi() * (1 + 1e-9)) {
                n++;
            }
        }
        return n;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    static String fmt(double v, int decimals) {
        if (Math.abs(v) >= 1e6 && decimals == 0) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }
}
