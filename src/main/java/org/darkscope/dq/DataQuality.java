package org.darkscope.dq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.event.RunData;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;
import org.darkscope.task.Progress;

/**
 * Finds hot, dead and noisy calorimeter cells by comparing each cell's occupancy, mean energy and
 * spread with a reference, as z-scores (difference over the combined statistical error).
 *
 * <p>The reference is another run (a good run taken with the same beam), or the run's own expectation
 * from the shower model ({@link ModelExpectation}: the run's settings simulated again with other seeds,
 * every cell checked, HCAL included), or, for a run without simulation settings (real data) or on
 * request, the expectation from the detector's symmetry. The symmetry check needs no simulation and does
 * not trust the model: a cell that differs from its symmetric partners is suspect even where the model
 * is wrong about the shower, but it cannot check the HCAL or the beam cell. The beam is aimed at the centre of the central ECAL main
 * cell, so ECAL cells at mirror- or rotation-symmetric positions about that axis see the same showers:
 * each is compared with the median of its symmetric partners (itself left out), so the steep
 * beam-centre profile is never mistaken for a hot spot. A cell with fewer than {@link #MIN_PARTNERS}
 * partners (the beam cell, edge cells without a mirror image) and every HCAL cell (the HCAL grid is
 * not symmetric about the beam axis, and its lateral shape changes from module to module) are
 * {@link CellFlag#UNCHECKED} without a reference run. This is a symmetry argument, not the shower
 * model of the simulation.</p>
 *
 * <p>A cell is flagged only if the difference is both significant ({@link #Z_LIMIT}) and large
 * (a ratio limit), so that high statistics do not flag percent-level asymmetries:</p>
 * <ul>
 *   <li>hot: mean energy above {@link #HOT_RATIO} times the reference, z &gt; {@link #Z_LIMIT}, and the spread
 *       risen with it (at least {@link #GAIN_SHAPE} of the mean's factor, as a gain scales both);</li>
 *   <li>dead: mean energy below {@link #DEAD_RATIO} times the reference, z &lt; -{@link #Z_LIMIT};</li>
 *   <li>noisy: spread above {@link #NOISY_RATIO} times the reference, z &gt; {@link #Z_LIMIT}, at a normal mean;
 *       or a high mean without the spread following it (noise over the zero-suppression threshold fills
 *       events in which the cell saw nothing: occupancy and mean rise, the spread much less).</li>
 * </ul>
 */
public final class DataQuality {
    /** Significance a difference needs to be flagged [display choice: 5 sigma, so ~1e-4 false flags per check of 300 cells]. */
    public static final double Z_LIMIT = 5;
    /** A hot cell's mean energy is at least this factor above the reference [display choice]. */
    public static final double HOT_RATIO = 2;
    /** A dead cell's mean energy is below this fraction of the reference [display choice]. */
    public static final double DEAD_RATIO = 0.2;
    /** A noisy cell's spread is at least this factor above the reference [display choice]. */
    public static final double NOISY_RATIO = 1.5;
    /**
     * A high mean is a hot cell (gain too high) if the spread rose by at least this fraction of the
     * mean's factor, as a gain scales both alike; otherwise it is noise that passed zero suppression
     * [display choice: half, for the heavy tails of outer cells' spread].
     */
    public static final double GAIN_SHAPE = 0.5;
    /** A cell counts as hit in the occupancy at or above this energy [display choice: well above noise, GeV]. */
    public static final double HIT_THRESHOLD_GEV = 0.05;

    private DataQuality() {}

    /** What a run is compared with when no reference run is given. */
    public enum Expectation {
        /** The shower model if the run carries its simulation settings, else the symmetric cells. */
        AUTO,
        /** The shower model: a reference simulated with the run's own settings ({@link ModelExpectation}). */
        MODEL,
        /** The median of each ECAL cell's symmetric partners in the run itself (no HCAL check). */
        SYMMETRY
    }

    /** Checks every event of a run against a reference run, or (if null) the shower model where possible. */
    public static DqReport check(RunData run, RunData reference, Progress progress) {
        return check(run, reference, Expectation.AUTO, progress);
    }

    /**
     * The one data-quality check of a whole run, for {@code darkscope dq} and the window alike: against
     * a reference run if given, else against the expectation asked for.
     *
     * @throws IllegalArgumentException if the reference has another detector, or the model is asked for
     *     a run without simulation settings
     */
    public static DqReport check(RunData run, RunData reference, Expectation expectation, Progress progress) {
        if (reference != null
                && reference.detector().cellCount() != run.detector().cellCount()) {
            throw new IllegalArgumentException("reference " + reference.displayName() + " has "
                    + reference.detector().cellCount() + " cells, the run "
                    + run.detector().cellCount() + ": not the same detector");
        }
        boolean model = reference == null
                && (expectation == Expectation.MODEL
                        || expectation == Expectation.AUTO
                                && ModelExpectation.config(run.info()).isPresent());
        CellStats ref = null;
        String refName = null;
        if (reference != null) {
            ref = CellStats.of(reference, null, HIT_THRESHOLD_GEV, progress);
            refName = reference.displayName();
        } else if (model) {
            ref = ModelExpectation.of(run, progress);
            refName = ModelExpectation.name(ref.events());
        }
        CellStats obs = CellStats.of(run, null, HIT_THRESHOLD_GEV, progress);
        return check(run.detector(), run.displayName(), obs, ref, refName);
    }

    /**
     * Compares statistics with a reference's, or with the own expectation if {@code ref} is null:
     * ECAL cells with their symmetric partners about the beam axis (HCAL cells unchecked).
     */
    public static DqReport check(Detector d, String runName, CellStats obs, CellStats ref, String refName) {
        List<CellCheck> out = new ArrayList<>();
        CellLayer main = d.ecalMain();
        var aim = main.cells().get(main.centralLocalIndex()).centre();
        List<CellLayer> modules = d.hcalModules();
        for (CellLayer l : d.calorimeterLayers()) {
            Map<Long, List<Cell>> orbits = new HashMap<>();
            for (Cell c : l.cells()) {
                orbits.computeIfAbsent(orbitKey(l, c, aim.x(), aim.y()), k -> new ArrayList<>())
                        .add(c);
            }
            boolean hcal = modules.contains(l);
            for (Cell c : l.cells()) {
                int i = c.index();
                if (ref != null) {
                    out.add(judge(
                            c.name(),
                            obs.occupancy(i),
                            obs.occupancyError(i),
                            ref.occupancy(i),
                            ref.occupancyError(i),
                            obs.mean(i),
                            obs.meanError(i),
                            ref.mean(i),
                            ref.meanError(i),
                            obs.rms(i),
                            obs.rmsError(i),
                            ref.rms(i),
                            ref.rmsError(i)));
                } else if (hcal) {
                    // the HCAL grid is not symmetric about the beam axis and its lateral shape changes
                    // with depth: only a reference run can tell
                    out.add(againstPartners(obs, c, List.of(), p -> 1.0));
                } else {
                    List<Cell> partners = new ArrayList<>(orbits.get(orbitKey(l, c, aim.x(), aim.y())));
                    partners.remove(c);
                    out.add(againstPartners(obs, c, partners, p -> 1.0));
                }
            }
        }
        return new DqReport(runName, refName, obs.events(), out);
    }

    /** Partners needed for a robust expectation: with 3, one bad partner cannot move the median past the others. */
    public static final int MIN_PARTNERS = 3;

    /** One cell against the median of its partners (each scaled by {@code scale}). */
    private static CellCheck againstPartners(
            CellStats obs, Cell c, List<Cell> partners, java.util.function.ToDoubleFunction<Cell> scale) {
        int i = c.index();
        if (partners.size() < MIN_PARTNERS) {
            return new CellCheck(
                    c.name(),
                    obs.occupancy(i),
                    Double.NaN,
                    Double.NaN,
                    obs.mean(i),
                    Double.NaN,
                    Double.NaN,
                    obs.rms(i),
                    Double.NaN,
                    Double.NaN,
                    CellFlag.UNCHECKED);
        }
        // error of a median of k values ~ 1.25 sigma / sqrt(k)
        double f = 1.25 / Math.sqrt(partners.size());
        return judge(
                c.name(),
                obs.occupancy(i),
                obs.occupancyError(i),
                median(partners, p -> obs.occupancy(p.index())),
                f * median(partners, p -> obs.occupancyError(p.index())),
                obs.mean(i),
                obs.meanError(i),
                median(partners, p -> scale.applyAsDouble(p) * obs.mean(p.index())),
                f * median(partners, p -> scale.applyAsDouble(p) * obs.meanError(p.index())),
                obs.rms(i),
                obs.rmsError(i),
                median(partners, p -> scale.applyAsDouble(p) * obs.rms(p.index())),
                f * median(partners, p -> scale.applyAsDouble(p) * obs.rmsError(p.index())));
    }

    /**
     * Symmetry class of a cell about the beam axis (the centre of the central ECAL main cell, where the
     * beam is aimed): offsets in half pitches, mirrored, and swapped on square cells.
     */
    static long orbitKey(CellLayer l, Cell c, double axisX, double axisY) {
        int dc = (int) Math.abs(Math.round(2 * (c.centre().x() - axisX) / l.pitchX()));
        int dr = (int) Math.abs(Math.round(2 * (c.centre().y() - axisY) / l.pitchY()));
        if (Math.abs(l.pitchX() - l.pitchY()) < 1e-6 && dr > dc) {
            int t = dr;
            dr = dc;
            dc = t;
        }
        return ((long) dr << 32) | dc;
    }

    private static double median(List<Cell> cells, java.util.function.ToDoubleFunction<Cell> f) {
        double[] v = cells.stream().mapToDouble(f).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static double z(double a, double ea, double b, double eb) {
        double e = Math.sqrt(ea * ea + eb * eb);
        if (e == 0) {
            return a == b ? 0 : Math.copySign(Double.POSITIVE_INFINITY, a - b);
        }
        return (a - b) / e;
    }

    static CellCheck judge(
            String name,
            double occ,
            double eOcc,
            double rOcc,
            double erOcc,
            double mean,
            double eMean,
            double rMean,
            double erMean,
            double rms,
            double eRms,
            double rRms,
            double erRms) {
        double zOcc = z(occ, eOcc, rOcc, erOcc);
        double zMean = z(mean, eMean, rMean, erMean);
        double zRms = z(rms, eRms, rRms, erRms);
        CellFlag flag = CellFlag.OK;
        if (zMean > Z_LIMIT && mean > HOT_RATIO * rMean) {
            // a gain k multiplies every value, so the spread rises with the mean; added noise raises the
            // mean only through the noise that passes zero suppression in otherwise empty events, and
            // the spread far less than the mean
            flag = rms >= GAIN_SHAPE * (mean / rMean) * rRms ? CellFlag.HOT : CellFlag.NOISY;
        } else if (zMean < -Z_LIMIT && mean < DEAD_RATIO * rMean) {
            flag = CellFlag.DEAD;
        } else if (zRms > Z_LIMIT && rms > NOISY_RATIO * rRms) {
            flag = CellFlag.NOISY;
        }
        return new CellCheck(name, occ, rOcc, zOcc, mean, rMean, zMean, rms, rRms, zRms, flag);
    }

    /** Cell names of one flag, in detector order. */
    public static List<String> names(DqReport r, CellFlag f) {
        return r.cells().stream()
                .filter(c -> c.flag() == f)
                .map(CellCheck::cell)
                .toList();
    }
}
