package org.darkscope.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The additive part of one run's evaluation: what {@link RunResult} gives for the cut flow, the
 * region counts per truth class, the plane histogram per class, the N-1 histograms and (for
 * weighted background MC) Σw and Σw², made so that the totals of pieces of a run add up to the
 * totals of the whole run. A data set too large for one machine is evaluated in pieces (the Spark
 * job, docs/decisions/0007-spark-job.md): each piece is a {@link RunData} of some of the run's rows,
 * evaluated by the {@link AnalysisEngine}; {@link #of} takes its result and {@link #add} sums.
 *
 * <p>Besides counts it keeps the selected (E_ECAL, E_HCAL, weight) points that lie in the box or a
 * sideband (A, C, D), each with its row in the run: the background fits read exactly those points
 * ({@code BackgroundInputs}), in row order ({@link #sortPoints()} restores it after a merge). The
 * remaining selected events (the main shower peak above the trigger edge) are counted only.</p>
 *
 * <p>Blinding is the engine's: for a hidden box the piece's result holds nothing from the box, so
 * neither does this. Mutable while pieces are added; Serializable for the partial results of Spark.</p>
 */
public final class RunTotals implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int CLASSES = EventClass.values().length;
    static final int REGIONS = Region.values().length;

    final int cuts;
    final int planeBins;
    /** Events before any cut (outside the box for a hidden box), after each enabled cut, passing each alone. */
    long total;

    final long[] after;
    final long[] alone;
    /** Selected events per class and region: [class * REGIONS + region]; the box of a hidden box is 0. */
    final long[] regions = new long[CLASSES * REGIONS];
    /** Selected events per class. */
    final long[] selected = new long[CLASSES];
    /** Plane histogram per class: [class * planeBins + iy * nx + ix]. */
    final long[] plane;
    /** Selected events outside the plane's ranges, per class. */
    final long[] planeOutside = new long[CLASSES];
    /** N-1 histograms by cut name: bins, then underflow, then overflow. */
    final Map<String, long[]> nMinusOne = new LinkedHashMap<>();
    /**
     * Weighted counts (background MC only, else null): [w, w2, n] for the total, after each cut, each cut
     * alone, each class x region. The "alone" sums of a file written before they were kept are NaN, n = -1.
     */
    double[] weighted;
    /** True if the run has a {@code truth_weight} column (else every weight is 1: "unweighted simulation"). */
    boolean weightColumn;
    /** Selected points in the box and sidebands: row in the run, E_ECAL, E_HCAL, weight. */
    long[] pointRow = new long[0];

    float[] pointEcal = new float[0];
    float[] pointHcal = new float[0];
    float[] pointWeight = new float[0];
    int points;

    /** Empty totals for a selection with {@code cuts} enabled cuts and a plane of {@code planeBins} bins. */
    public RunTotals(int cuts, int planeBins) {
        this.cuts = cuts;
        this.planeBins = planeBins;
        this.after = new long[cuts];
        this.alone = new long[cuts];
        this.plane = new long[CLASSES * planeBins];
    }

    /** Length of {@link #weighted}: total, two per cut (after, alone), one per class and region; 3 numbers each. */
    static int weightedLength(int cuts) {
        return 3 * (1 + 2 * cuts + CLASSES * REGIONS);
    }

    /**
     * The totals of one evaluated run or piece of a run.
     *
     * @param rr       the engine's result for the piece
     * @param weighted also Σw, Σw² of the piece (the engine's {@link WeightedResult}, the sums
     *                 {@code analyse} prints; background MC only)
     * @param rows     row in the whole run of each row of the piece (null: the piece is the whole run)
     */
    public static RunTotals of(RunResult rr, boolean weighted, long[] rows) {
        Selection sel = rr.selection();
        RunData run = rr.run();
        CutFlow flow = rr.cutFlow();
        int nb = rr.plane().x().bins() * rr.plane().y().bins();
        RunTotals t = new RunTotals(flow.rows().size(), nb);
        t.total = flow.total();
        for (int k = 0; k < t.cuts; k++) {
            t.after[k] = flow.rows().get(k).after();
            t.alone[k] = flow.rows().get(k).alone();
        }
        for (EventClass c : EventClass.values()) {
            int ci = c.ordinal();
            t.selected[ci] = rr.selectedCount(c);
            RegionCounts rc = rr.regions(c);
            for (Region r : Region.values()) {
                t.regions[ci * REGIONS + r.ordinal()] = Math.max(0, rc.count(r));
            }
            Histogram2D h = rr.plane(c);
            int[] counts = h.counts();
            for (int i = 0; i < nb; i++) {
                t.plane[ci * nb + i] = counts[i];
            }
            t.planeOutside[ci] = h.outside();
        }
        for (Cut c : sel.cuts()) {
            if (!c.columns(run::has).isEmpty()) {
                Histogram1D h = rr.nMinusOne(c.name());
                long[] v = Arrays.copyOf(h.counts(), h.bins() + 2);
                v[h.bins()] = h.underflow();
                v[h.bins() + 1] = h.overflow();
                t.nMinusOne.put(c.name(), v);
            }
        }
        if (weighted) {
            WeightedResult w = rr.weightedSums();
            double[] a = new double[weightedLength(t.cuts)];
            put(a, 0, w.total());
            for (int k = 0; k < t.cuts; k++) {
                put(a, 1 + k, w.cutFlow().get(k).after());
                put(a, 1 + t.cuts + k, w.alone().get(k));
            }
            for (EventClass c : EventClass.values()) {
                for (Region r : Region.values()) {
                    put(a, t.classSlot(c, r), w.region(c, r));
                }
            }
            t.weighted = a;
            t.weightColumn = w.hasWeights();
        }
        Column ecal = run.column(Schema.ECAL);
        Column hcal = run.column(Schema.HCAL);
        Column wt = run.has(Schema.TRUTH_WEIGHT) ? run.column(Schema.TRUTH_WEIGHT) : null;
        SignalBox box = sel.box();
        for (int e : rr.selectedEvents()) {
            if (box.abcdRegion(ecal.getFloat(e), hcal.getFloat(e)) != null) {
                t.addPoint(
                        rows == null ? e : rows[e],
                        ecal.getFloat(e),
                        hcal.getFloat(e),
                        wt == null ? 1f : wt.getFloat(e));
            }
        }
        return t;
    }

    private static void put(double[] a, int slot, WeightedCounts.Sum s) {
        a[3 * slot] = s.w();
        a[3 * slot + 1] = s.w2();
        a[3 * slot + 2] = s.n();
    }

    void addPoint(long row, float ecal, float hcal, float weight) {
        if (points == pointRow.length) {
            int n = Math.max(16, points * 2);
            pointRow = Arrays.copyOf(pointRow, n);
            pointEcal = Arrays.copyOf(pointEcal, n);
            pointHcal = Arrays.copyOf(pointHcal, n);
            pointWeight = Arrays.copyOf(pointWeight, n);
        }
        pointRow[points] = row;
        pointEcal[points] = ecal;
        pointHcal[points] = hcal;
        pointWeight[points] = weight;
        points++;
    }

    /**
     * Adds the totals of another piece of the same run under the same selection.
     *
     * @return this
     * @throws IllegalArgumentException if the other totals are of a different selection or plane
     */
    public RunTotals add(RunTotals o) {
        if (o.cuts != cuts
                || o.planeBins != planeBins
                || !o.nMinusOne.keySet().equals(nMinusOne.keySet())
                || (o.weighted == null) != (weighted == null)) {
            throw new IllegalArgumentException("totals of different selections cannot be added");
        }
        total += o.total;
        addInto(after, o.after);
        addInto(alone, o.alone);
        addInto(regions, o.regions);
        addInto(selected, o.selected);
        addInto(plane, o.plane);
        addInto(planeOutside, o.planeOutside);
        for (Map.Entry<String, long[]> e : nMinusOne.entrySet()) {
            long[] b = o.nMinusOne.get(e.getKey());
            if (b.length != e.getValue().length) {
                throw new IllegalArgumentException("N-1 histograms of '" + e.getKey() + "' differ in binning");
            }
            addInto(e.getValue(), b);
        }
        if (weighted != null) {
            for (int i = 0; i < weighted.length; i++) {
                weighted[i] += o.weighted[i];
            }
            weightColumn |= o.weightColumn;
        }
        for (int i = 0; i < o.points; i++) {
            addPoint(o.pointRow[i], o.pointEcal[i], o.pointHcal[i], o.pointWeight[i]);
        }
        return this;
    }

    private static void addInto(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    /** Puts the points in row order (the order in which the engine lists the selected events of a whole run). */
    public RunTotals sortPoints() {
        Integer[] idx = new Integer[points];
        for (int i = 0; i < points; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(pointRow[a], pointRow[b]));
        long[] r = new long[points];
        float[] x = new float[points];
        float[] y = new float[points];
        float[] w = new float[points];
        for (int i = 0; i < points; i++) {
            r[i] = pointRow[idx[i]];
            x[i] = pointEcal[idx[i]];
            y[i] = pointHcal[idx[i]];
            w[i] = pointWeight[idx[i]];
        }
        pointRow = r;
        pointEcal = x;
        pointHcal = y;
        pointWeight = w;
        return this;
    }

    // ---- read access (the result file writer and reader, MergedResult) ----

    public int cutCount() {
        return cuts;
    }

    public int planeBins() {
        return planeBins;
    }

    public long total() {
        return total;
    }

    public long after(int cut) {
        return after[cut];
    }

    public long alone(int cut) {
        return alone[cut];
    }

    public long selected(EventClass c) {
        return selected[c.ordinal()];
    }

    /** Selected events of a class in a region (0 for the box of a hidden box). */
    public long region(EventClass c, Region r) {
        return regions[c.ordinal() * REGIONS + r.ordinal()];
    }

    /** Plane counts of one class, [iy * nx + ix] (a copy). */
    public long[] plane(EventClass c) {
        return Arrays.copyOfRange(plane, c.ordinal() * planeBins, (c.ordinal() + 1) * planeBins);
    }

    public long planeOutside(EventClass c) {
        return planeOutside[c.ordinal()];
    }

    /** N-1 histograms by cut name: bins, underflow, overflow (the arrays themselves: do not modify). */
    public Map<String, long[]> nMinusOne() {
        return java.util.Collections.unmodifiableMap(nMinusOne);
    }

    /** True if Σw, Σw² were collected (background MC). */
    public boolean isWeighted() {
        return weighted != null;
    }

    /** Weighted sum of every event (background MC; null otherwise). */
    public WeightedCounts.Sum weightedTotal() {
        return sum(0);
    }

    /** Weighted sum after an enabled cut (background MC; null otherwise). */
    public WeightedCounts.Sum weightedAfter(int cut) {
        return sum(1 + cut);
    }

    /**
     * Weighted sum of the events passing an enabled cut alone (background MC; null otherwise, and for a
     * file written before these sums were kept).
     */
    public WeightedCounts.Sum weightedAlone(int cut) {
        return sum(1 + cuts + cut);
    }

    /** Weighted sum of the selected events of a class in a region (background MC; null otherwise). */
    public WeightedCounts.Sum weighted(EventClass c, Region r) {
        return sum(classSlot(c, r));
    }

    /** True if the run has a {@code truth_weight} column (meaningful for {@link #isWeighted()} totals). */
    public boolean hasWeightColumn() {
        return weightColumn;
    }

    private int classSlot(EventClass c, Region r) {
        return 1 + 2 * cuts + c.ordinal() * REGIONS + r.ordinal();
    }

    private WeightedCounts.Sum sum(int slot) {
        if (weighted == null || weighted[3 * slot + 2] < 0) {
            return null;
        }
        return new WeightedCounts.Sum(weighted[3 * slot], weighted[3 * slot + 1], (long) weighted[3 * slot + 2]);
    }

    public int pointCount() {
        return points;
    }

    public long pointRow(int i) {
        return pointRow[i];
    }

    public float pointEcal(int i) {
        return pointEcal[i];
    }

    public float pointHcal(int i) {
        return pointHcal[i];
    }

    public float pointWeight(int i) {
        return pointWeight[i];
    }

    // ---- the result file reader rebuilds totals with these ----

    /** Sets the cut flow counts (reader). */
    public void setCutFlow(long total, long[] after, long[] alone) {
        this.total = total;
        System.arraycopy(after, 0, this.after, 0, cuts);
        System.arraycopy(alone, 0, this.alone, 0, cuts);
    }

    /** Sets one class's counts (reader). */
    public void setClass(EventClass c, long selected, long[] regionCounts, long[] planeCounts, long outside) {
        int ci = c.ordinal();
        this.selected[ci] = selected;
        System.arraycopy(regionCounts, 0, regions, ci * REGIONS, REGIONS);
        System.arraycopy(planeCounts, 0, plane, ci * planeBins, planeBins);
        this.planeOutside[ci] = outside;
    }

    /** Sets an N-1 histogram (reader): bins, underflow, overflow. */
    public void setNMinusOne(String cut, long[] counts) {
        nMinusOne.put(cut, counts.clone());
    }

    /**
     * Sets the weighted sums (reader): [w, w2, n] for the total, after each cut, each cut alone (n = -1:
     * not known), each class x region.
     *
     * @param weightColumn the run has a {@code truth_weight} column
     */
    public void setWeighted(double[] w, boolean weightColumn) {
        if (w != null && w.length != weightedLength(cuts)) {
            throw new IllegalArgumentException(
                    "weighted sums: " + w.length + " numbers, expected " + weightedLength(cuts));
        }
        this.weighted = w == null ? null : w.clone();
        this.weightColumn = w != null && weightColumn;
    }

    /** Adds a point (reader). */
    public void point(long row, float ecal, float hcal, float weight) {
        addPoint(row, ecal, hcal, weight);
    }

    /** Every count equal (points included, in order). */
    public boolean sameAs(RunTotals o) {
        if (o.cuts != cuts
                || o.planeBins != planeBins
                || o.total != total
                || o.points != points
                || !Arrays.equals(after, o.after)
                || !Arrays.equals(alone, o.alone)
                || !Arrays.equals(regions, o.regions)
                || !Arrays.equals(selected, o.selected)
                || !Arrays.equals(plane, o.plane)
                || !Arrays.equals(planeOutside, o.planeOutside)
                || !Arrays.equals(weighted, o.weighted)
                || weightColumn != o.weightColumn
                || !nMinusOne.keySet().equals(o.nMinusOne.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : nMinusOne.entrySet()) {
            if (!Arrays.equals(e.getValue(), o.nMinusOne.get(e.getKey()))) {
                return false;
            }
        }
        return Arrays.equals(Arrays.copyOf(pointRow, points), Arrays.copyOf(o.pointRow, points))
                && Arrays.equals(Arrays.copyOf(pointEcal, points), Arrays.copyOf(o.pointEcal, points))
                && Arrays.equals(Arrays.copyOf(pointHcal, points), Arrays.copyOf(o.pointHcal, points))
                && Arrays.equals(Arrays.copyOf(pointWeight, points), Arrays.copyOf(o.pointWeight, points));
    }

    /** Names of the cuts with an N-1 histogram, in selection order. */
    public List<String> nMinusOneCuts() {
        return List.copyOf(nMinusOne.keySet());
    }
}
