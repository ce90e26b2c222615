package org.darkscope.dq;

import org.darkscope.event.RunData;
import org.darkscope.task.Progress;

/**
 * Per-cell sums over many events of a run: number of events, hits above a threshold, sum and sum of
 * squares of the cell energy (over every event, hit or not). From these follow the occupancy, the
 * mean energy per event and its spread, each with its statistical error.
 */
public final class CellStats {
    private final int events;
    private final long[] hits;
    private final double[] sum;
    private final double[] sumSq;
    private final double[] sum3;
    private final double[] sum4;

    private CellStats(int events, long[] hits, double[] sum, double[] sumSq, double[] sum3, double[] sum4) {
        this.events = events;
        this.hits = hits;
        this.sum = sum;
        this.sumSq = sumSq;
        this.sum3 = sum3;
        this.sum4 = sum4;
    }

    /**
     * Accumulates over the given rows (every row if null), reading one event at a time.
     *
     * @param thresholdGeV a cell counts as hit at or above this energy
     */
    public static CellStats of(RunData run, int[] rows, double thresholdGeV, Progress progress) {
        int nc = run.detector().cellCount();
        int n = rows == null ? run.size() : rows.length;
        long[] hits = new long[nc];
        double[] sum = new double[nc];
        double[] sumSq = new double[nc];
        double[] sum3 = new double[nc];
        double[] sum4 = new double[nc];
        float[] buf = new float[nc];
        int step = Math.max(1, n / 100);
        for (int k = 0; k < n; k++) {
            run.cells().read(rows == null ? k : rows[k], buf);
            for (int c = 0; c < nc; c++) {
                double v = buf[c];
                if (v >= thresholdGeV && v > 0) {
                    hits[c]++;
                }
                sum[c] += v;
                double v2 = v * v;
                sumSq[c] += v2;
                sum3[c] += v2 * v;
                sum4[c] += v2 * v2;
            }
            if (k % step == 0) {
                progress.checkCancelled();
                progress.update((double) k / Math.max(1, n), "data quality: " + k + " / " + n + " events");
            }
        }
        return new CellStats(n, hits, sum, sumSq, sum3, sum4);
    }

    /** The sums of two independent samples of the same detector, as one sample. */
    public CellStats plus(CellStats o) {
        if (o.hits.length != hits.length) {
            throw new IllegalArgumentException("cell counts differ: " + hits.length + " and " + o.hits.length);
        }
        int nc = hits.length;
        long[] h = new long[nc];
        double[] s1 = new double[nc];
        double[] s2 = new double[nc];
        double[] s3 = new double[nc];
        double[] s4 = new double[nc];
        for (int c = 0; c < nc; c++) {
            h[c] = hits[c] + o.hits[c];
            s1[c] = sum[c] + o.sum[c];
            s2[c] = sumSq[c] + o.sumSq[c];
            s3[c] = sum3[c] + o.sum3[c];
            s4[c] = sum4[c] + o.sum4[c];
        }
        return new CellStats(events + o.events, h, s1, s2, s3, s4);
    }

    public int events() {
        return events;
    }

    public int cells() {
        return hits.length;
    }

    /** Fraction of events with the cell hit. */
    public double occupancy(int c) {
        return events == 0 ? 0 : (double) hits[c] / events;
    }

    /** Binomial error of the occupancy (at least that of one hit, so an empty cell is not exact). */
    public double occupancyError(int c) {
        if (events == 0) {
            return 0;
        }
        double p = Math.max(occupancy(c), 1.0 / events);
        return Math.sqrt(p * (1 - p) / events);
    }

    /** Mean cell energy per event (GeV). */
    public double mean(int c) {
        return events == 0 ? 0 : sum[c] / events;
    }

    /** RMS spread of the cell energy around its mean (GeV). */
    public double rms(int c) {
        if (events < 2) {
            return 0;
        }
        double m = mean(c);
        return Math.sqrt(Math.max(0, sumSq[c] / events - m * m));
    }

    /** Error of the mean: rms / sqrt(n). */
    public double meanError(int c) {
        return events == 0 ? 0 : rms(c) / Math.sqrt(events);
    }

    /**
     * Error of the rms from the fourth central moment, var(s^2) = (m4 - s^4) / n, so that the rare large
     * deposits of an outer cell (heavy tails) do not make a small spread look precise.
     */
    public double rmsError(int c) {
        if (events < 2) {
            return 0;
        }
        double n = events;
        double mu = sum[c] / n;
        double e2 = sumSq[c] / n;
        double e3 = sum3[c] / n;
        double e4 = sum4[c] / n;
        double m2 = Math.max(0, e2 - mu * mu);
        double m4 = Math.max(0, e4 - 4 * mu * e3 + 6 * mu * mu * e2 - 3 * mu * mu * mu * mu);
        double s = Math.sqrt(m2);
        if (s == 0) {
            return 0;
        }
        double varS2 = Math.max(m4 - m2 * m2, 2 * m2 * m2) / n;
        return Math.sqrt(varS2) / (2 * s);
    }
}
