package org.darkscope.ui.display;

import org.darkscope.event.RunData;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.task.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Occupancy (fraction of events with the cell above a threshold) and mean energy (over those
 * events) of every calorimeter cell over many events: the shift crew's view for hot and dead cells.
 * Immutable result of {@link #compute}.
 */
public final class CellAccumulation {
    /** A cell is "hot" if its occupancy exceeds this multiple of its layer's median [display choice]. */
    public static final double HOT_FACTOR = 5;

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

    public int events() { return events; }

    /** Occupancy per cell (0..1), indexed like {@link Detector#cells()}. Do not modify. */
    public float[] occupancy() { return occupancy; }

    /** Mean energy per cell in GeV over the events where it fired. Do not modify. */
    public float[] meanEnergy() { return meanEnergy; }

    /** Names of cells that never fired (dead or unreached). */
    public List<String> deadCells() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < occupancy.length; c++) {
            if (occupancy[c] == 0) {
                out.add(detector.cells().get(c).name());
            }
        }
        return out;
    }

    /** Names of cells whose occupancy is above {@link #HOT_FACTOR} times their layer's median. */
    public List<String> hotCells() {
        List<String> out = new ArrayList<>();
        for (CellLayer l : detector.calorimeterLayers()) {
            float[] occ = Arrays.copyOfRange(occupancy, l.firstIndex(), l.firstIndex() + l.size());
            float[] sorted = occ.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            for (int i = 0; i < occ.length; i++) {
                if (median > 0 && occ[i] > HOT_FACTOR * median) {
                    out.add(l.cells().get(i).name());
                }
            }
        }
        return out;
    }
}
