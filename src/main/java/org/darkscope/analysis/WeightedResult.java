package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.darkscope.analysis.WeightedCounts.Step;
import org.darkscope.analysis.WeightedCounts.Sum;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The weighted view of one run's result, for runs in the background-MC role
 * ({@link RunResult#isBackgroundMc()}): every event counts with its {@code truth_weight} (1 when the
 * column is absent) and every count comes with its error √Σw² (docs/decisions/0006). Cut flow, regions
 * (per truth class too) and 1-D histograms are read from the engine's pass bitsets of the same
 * evaluation, so they describe exactly the events the unweighted counts of {@link RunResult} count;
 * only the sums differ. Immutable, safe to read from any thread.
 *
 * <p>{@link WeightedCounts} is the independent plain-loop evaluation of a selection that {@code validate}
 * uses; the two must agree.</p>
 */
public final class WeightedResult {
    private final RunData run;
    private final long[] selectedBits;
    private final Column weights;
    private final Sum total;
    private final List<Step> cutFlow;
    private final List<Sum> alone;
    private final Map<Region, Sum> regions;
    private final Map<EventClass, Map<Region, Sum>> perClass;
    private final Map<EventClass, Sum> perClassSelected;
    private final Map<Object, Histogram> histograms = new ConcurrentHashMap<>();

    private WeightedResult(
            RunData run,
            long[] selectedBits,
            Column weights,
            Sum total,
            List<Step> cutFlow,
            List<Sum> alone,
            Map<Region, Sum> regions,
            Map<EventClass, Map<Region, Sum>> perClass,
            Map<EventClass, Sum> perClassSelected) {
        this.run = run;
        this.selectedBits = selectedBits;
        this.weights = weights;
        this.total = total;
        this.cutFlow = List.copyOf(cutFlow);
        this.alone = List.copyOf(alone);
        this.regions = Collections.unmodifiableMap(regions);
        this.perClass = Collections.unmodifiableMap(perClass);
        this.perClassSelected = Collections.unmodifiableMap(perClassSelected);
    }

    /**
     * Sums the weights over the engine's bitsets.
     *
     * @param cuts     enabled cuts, in order
     * @param cutBits  pass bitset of each cut (never modified)
     * @param selected events passing every cut (never modified)
     */
    static WeightedResult of(RunData run, List<Cut> cuts, List<long[]> cutBits, long[] selected, SignalBox box) {
        int n = run.size();
        Column w = run.has(Schema.TRUTH_WEIGHT) ? run.column(Schema.TRUTH_WEIGHT) : null;
        int k = cuts.size();
        double[] aw = new double[k];
        double[] aw2 = new double[k];
        long[] an = new long[k];
        double[] lw = new double[k];
        double[] lw2 = new double[k];
        long[] ln = new long[k];
        double tw = 0;
        double tw2 = 0;
        int words = Bits.words(n);
        int tail = n & 63;
        for (int word = 0; word < words; word++) {
            long valid = (word == words - 1 && tail != 0) ? (1L << tail) - 1 : -1L;
            tw += sum(w, word, valid, 1);
            tw2 += sum(w, word, valid, 2);
            long a = valid;
            for (int i = 0; i < k; i++) {
                long bits = cutBits.get(i)[word] & valid;
                a &= bits;
                aw[i] += sum(w, word, a, 1);
                aw2[i] += sum(w, word, a, 2);
                an[i] += Long.bitCount(a);
                lw[i] += sum(w, word, bits, 1);
                lw2[i] += sum(w, word, bits, 2);
                ln[i] += Long.bitCount(bits);
            }
        }
        List<Step> flow = new ArrayList<>();
        List<Sum> alone = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            flow.add(new Step(cuts.get(i).name(), new Sum(aw[i], aw2[i], an[i])));
            alone.add(new Sum(lw[i], lw2[i], ln[i]));
        }
        Column ecal = run.column(Schema.ECAL);
        Column hcal = run.column(Schema.HCAL);
        Column cls = run.column(Schema.TRUTH_CLASS);
        double[][] rw = new double[EventClass.values().length][Region.values().length];
        double[][] rw2 = new double[rw.length][Region.values().length];
        long[][] rn = new long[rw.length][Region.values().length];
        double[] cw = new double[rw.length];
        double[] cw2 = new double[rw.length];
        long[] cn = new long[rw.length];
        for (int e : Bits.indices(selected)) {
            double we = w == null ? 1 : w.getFloat(e);
            int c = EventClass.of(cls.getInt(e)).ordinal();
            cw[c] += we;
            cw2[c] += we * we;
            cn[c]++;
            Region a = box.abcdRegion(ecal.getFloat(e), hcal.getFloat(e));
            Region l = box.labelRegion(ecal.getFloat(e), hcal.getFloat(e));
            for (Region r : new Region[] {a, l}) {
                if (r != null) {
                    rw[c][r.ordinal()] += we;
                    rw2[c][r.ordinal()] += we * we;
                    rn[c][r.ordinal()]++;
                }
            }
        }
        Map<Region, Sum> regions = new EnumMap<>(Region.class);
        Map<EventClass, Map<Region, Sum>> perClass = new EnumMap<>(EventClass.class);
        Map<EventClass, Sum> perClassSelected = new EnumMap<>(EventClass.class);
        for (EventClass c : EventClass.values()) {
            Map<Region, Sum> m = new EnumMap<>(Region.class);
            for (Region r : Region.values()) {
                int i = c.ordinal();
                int j = r.ordinal();
                if (rn[i][j] > 0) {
                    m.put(r, new Sum(rw[i][j], rw2[i][j], rn[i][j]));
                    Sum s = regions.getOrDefault(r, Sum.ZERO);
                    regions.put(r, new Sum(s.w() + rw[i][j], s.w2() + rw2[i][j], s.n() + rn[i][j]));
                }
            }
            if (!m.isEmpty()) {
                perClass.put(c, Collections.unmodifiableMap(m));
            }
            if (cn[c.ordinal()] > 0) {
                perClassSelected.put(c, new Sum(cw[c.ordinal()], cw2[c.ordinal()], cn[c.ordinal()]));
            }
        }
        return new WeightedResult(
                run, selected, w, new Sum(tw, tw2, n), flow, alone, regions, perClass, perClassSelected);
    }

    /** Σw^power over the set bits of one word (the events e = 64·word + bit). */
    private static double sum(Column w, int word, long bits, int power) {
        if (w == null) {
            return Long.bitCount(bits);
        }
        double s = 0;
        int base = word << 6;
        long m = bits;
        while (m != 0) {
            double x = w.getFloat(base + Long.numberOfTrailingZeros(m));
            s += power == 1 ? x : x * x;
            m &= m - 1;
        }
        return s;
    }

    /** The run. */
    public RunData run() {
        return run;
    }

    /** All events of the run, weighted. */
    public Sum total() {
        return total;
    }

    /** After each enabled cut (this cut and every earlier one), in selection order. */
    public List<Step> cutFlow() {
        return cutFlow;
    }

    /** The weighted count after the named cut, or null if it is absent or disabled. */
    public Sum after(String cut) {
        for (Step s : cutFlow) {
            if (s.cut().equals(cut)) {
                return s.after();
            }
        }
        return null;
    }

    /** Events passing each enabled cut alone, weighted, in selection order. */
    public List<Sum> alone() {
        return alone;
    }

    /** Events passing every enabled cut, weighted. */
    public Sum selected() {
        return cutFlow.isEmpty() ? total : cutFlow.get(cutFlow.size() - 1).after();
    }

    /** Weighted fraction after / total of a cut-flow step (NaN for an empty run). */
    public double fraction(Sum after) {
        return total.w() > 0 ? after.w() / total.w() : Double.NaN;
    }

    /** Selected events in a region, weighted (zero when none). */
    public Sum region(Region r) {
        return regions.getOrDefault(r, Sum.ZERO);
    }

    /** Selected events of one truth class in a region, weighted (zero when none). */
    public Sum region(EventClass c, Region r) {
        return perClass.getOrDefault(c, Map.of()).getOrDefault(r, Sum.ZERO);
    }

    /** Selected events of one truth class, weighted. */
    public Sum selected(EventClass c) {
        return perClassSelected.getOrDefault(c, Sum.ZERO);
    }

    /** Truth classes with at least one selected event, in enum order. */
    public java.util.Set<EventClass> classes() {
        return perClassSelected.keySet();
    }

    /** "weighted MC, rare classes boosted upstream x5, ..." if the run's metadata says it is enriched. */
    public Optional<String> label() {
        return WeightedCounts.weightedLabel(run.info());
    }

    /** True if the run carries per-event weights (a {@code truth_weight} column). */
    public boolean hasWeights() {
        return weights != null;
    }

    /** Weighted 1-D histogram of a variable for the selected events, default binning. */
    public Histogram histogram(Variable v) {
        return histogram(v.column(), v.defaultBinning(), null);
    }

    /**
     * Weighted 1-D histogram of a scalar column for the selected events: Σw and Σw² per bin.
     *
     * @param cls truth class, or null for all
     */
    public Histogram histogram(String column, Binning binning, EventClass cls) {
        return histograms.computeIfAbsent(Arrays.asList(column, binning, cls), k -> fill(column, binning, cls));
    }

    private Histogram fill(String column, Binning b, EventClass cls) {
        Column col = run.column(column);
        Column truth = run.column(Schema.TRUTH_CLASS);
        double[] sw = new double[b.bins()];
        double[] sw2 = new double[b.bins()];
        Sum under = Sum.ZERO;
        Sum over = Sum.ZERO;
        for (int e : Bits.indices(selectedBits)) {
            if (cls != null && EventClass.of(truth.getInt(e)) != cls) {
                continue;
            }
            double we = weights == null ? 1 : weights.getFloat(e);
            int i = b.index(col.value(e));
            if (i < 0) {
                under = under.plus(we);
            } else if (i >= sw.length) {
                over = over.plus(we);
            } else {
                sw[i] += we;
                sw2[i] += we * we;
            }
        }
        return new Histogram(column, b, sw, sw2, under, over);
    }

    /**
     * A weighted 1-D histogram.
     *
     * @param variable column name
     * @param binning  the bins
     * @param sumW     Σw per bin
     * @param sumW2    Σw² per bin (error of a bin: √Σw²)
     * @param under    below the first bin
     * @param over     above the last bin
     */
    public record Histogram(String variable, Binning binning, double[] sumW, double[] sumW2, Sum under, Sum over) {
        public Histogram {
            sumW = sumW.clone();
            sumW2 = sumW2.clone();
        }

        /** Σw of a bin. */
        public double weight(int bin) {
            return sumW[bin];
        }

        /** √Σw² of a bin. */
        public double error(int bin) {
            return Math.sqrt(sumW2[bin]);
        }

        /** Σw inside the range. */
        public double inRange() {
            double s = 0;
            for (double x : sumW) {
                s += x;
            }
            return s;
        }

        @Override
        public double[] sumW() {
            return sumW.clone();
        }

        @Override
        public double[] sumW2() {
            return sumW2.clone();
        }
    }
}
