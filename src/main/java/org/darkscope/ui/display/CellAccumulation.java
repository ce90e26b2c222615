package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.List;
import org.darkscope.event.RunData;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.task.Progress;

/**
 * Occupancy (fraction of events with the cell above a threshold) and mean energy (over those
 * events) of every calorimeter cell over many events: the shift crew's view for hot and dead cells.
 * Immutable result of {@link #compute}.
 */
public final class CellAccumulation {
    /** A cell is "hot" ("dead") if its occupancy is this factor above (below) its neighbours' mean [display choice]. */
    public static final double HOT_FACTOR = 5;
    /** Occupancy below which a comparison with the neighbours means nothing [display choice]. */
    public static final double MIN_NEIGHBOUR_OCCUPANCY = 0.05;
    /** Hits a dead cell would have had at 1/{@link #HOT_FACTOR} of its neighbours' rate [display choice]. */
    public static final double DEAD_MIN_EXPECTED_HITS = 5;

    private final Detector detector;
    private final int events;
    private final float[] occupancy;
    private final float[] meanEnergy;

    private CellAccumulation(Detector detector, int events, float[] occupancy, float[] meanEnergy) {
        this.detector = detector;
        this.events = events;
        this.occupancy = occupancy;
        this.meanEnergy = meanEnergy;
    }

    /**
     * Accumulates over the given rows (all rows if null). Reads one event at a time; reports
     * progress and stops with {@link org.darkscope.task.CancelledException} when cancelled.
     */
    public static CellAccumulation compute(RunData run, int[] rows, double thresholdGeV, Progress progress) {
        int nc = run.detector().cellCount();
        int n = rows == null ? run.size() : rows.length;
        long[] hits = new long[nc];
        double[] sum = new double[nc];
        float[] buf = new float[nc];
        int step = Math.max(1, n / 100);
        for (int k = 0; k < n; k++) {
            int e = rows == null ? k : rows[k];
            run.cells().read(e, buf);
            for (int c = 0; c < nc; c++) {
                if (buf[c] >= thresholdGeV && buf[c] > 0) {
                    hits[c]++;
                    sum[c] += buf[c];
                }
            }
            if (k % step == 0) {
                progress.checkCancelled();
                progress.update((double) k / n, "accumulating " + k + " / " + n + " events");
            }
        }
        float[] occ = new float[nc];
        float[] mean = new float[nc];
        for (int c = 0; c < nc; c++) {
            occ[c] = n > 0 ? (float) hits[c] / n : 0f;
            mean[c] = hits[c] > 0 ? (float) (sum[c] / hits[c]) : 0f;
        }
        progress.update(1, "accumulated " + n + " events");
        return new CellAccumulation(run.detector(), n, occ, mean);
    }

    public int events() {
        return events;
    }

    private volatile org.darkscope.dq.DqReport quality;

    /** Attaches the data-quality check of the same events (hot, dead and noisy cells). */
    void setQuality(org.darkscope.dq.DqReport q) {
        this.quality = q;
    }

    /** The data-quality check of the same events, or null. */
    public org.darkscope.dq.DqReport quality() {
        return quality;
    }

    /** The flagged cells in full, for the shift panel ("" without a check). */
    public String qualityReport() {
        return quality == null ? "" : "Data quality: " + quality.summary() + ".";
    }

    /** Occupancy per cell (0..1), indexed like {@link Detector#cells()}. Do not modify. */
    public float[] occupancy() {
        return occupancy;
    }

    /** Mean energy per cell in GeV over the events where it fired. Do not modify. */
    public float[] meanEnergy() {
        return meanEnergy;
    }

    /**
     * Cells that never fired although their up-to-4 edge neighbours fire in at least
     * {@link #MIN_NEIGHBOUR_OCCUPANCY} of the events and even 1/{@link #HOT_FACTOR} of their rate
     * would have given {@link #DEAD_MIN_EXPECTED_HITS} hits (so a quiet corner with few events is
     * not called dead; zero hits then has a Poisson probability below 1 %).
     */
    public List<String> deadCells() {
        return compareToNeighbours(false);
    }

    /**
     * Cells that fire much more than their neighbours: occupancy above {@link #HOT_FACTOR} times the
     * busiest edge neighbour and above {@link #MIN_NEIGHBOUR_OCCUPANCY} (the beam spot itself,
     * whose neighbours are busy too, is not "hot").
     */
    public List<String> hotCells() {
        return compareToNeighbours(true);
    }

    /** Cells that never fired (unreached or dead). */
    public List<String> silentCells() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < occupancy.length; c++) {
            if (occupancy[c] == 0) {
                out.add(detector.cells().get(c).name());
            }
        }
        return out;
    }

    private List<String> compareToNeighbours(boolean hot) {
        List<String> out = new ArrayList<>();
        for (CellLayer l : detector.calorimeterLayers()) {
            for (Cell c : l.cells()) {
                double sum = 0;
                double max = 0;
                int n = 0;
                int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                for (int[] st : steps) {
                    int r = c.row() + st[0];
                    int k = c.col() + st[1];
                    if (r >= 0 && r < l.ny() && k >= 0 && k < l.nx()) {
                        double o = occupancy[l.cell(r, k).index()];
                        sum += o;
                        max = Math.max(max, o);
                        n++;
                    }
                }
                double mean = n > 0 ? sum / n : 0;
                double occ = occupancy[c.index()];
                boolean flagged = hot
                        ? occ > MIN_NEIGHBOUR_OCCUPANCY && occ > HOT_FACTOR * max
                        : occ == 0
                                && mean >= MIN_NEIGHBOUR_OCCUPANCY
                                && mean * events / HOT_FACTOR >= DEAD_MIN_EXPECTED_HITS;
                if (flagged) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }
}
