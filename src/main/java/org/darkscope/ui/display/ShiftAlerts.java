package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.Column;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The shift crew's alerts, free of any toolkit: the events of a data run that pass the selection and
 * lie in or near the signal box of {@link SignalBox}. With the box hidden (blinded), only the events
 * near it, outside it, are alerts, so that neither the list nor its count reveals the box.
 *
 * <p>An {@link AlertLog} keeps the alerts of every followed file, newest file first.</p>
 */
public final class ShiftAlerts {
    /**
     * "Near the box": below {@code (1 + margin)} times each box edge [display choice: 20 %, so that
     * a shifter sees candidates just outside a box edge that moved, without the bulk of sideband C].
     */
    public static final double DEFAULT_NEAR_MARGIN = 0.2;

    private ShiftAlerts() {}

    /** True if (E_ECAL, E_HCAL) is in the box or within the margin of both of its upper edges. */
    public static boolean inOrNear(SignalBox box, double margin, double ecal, double hcal) {
        return ecal < box.ecalMax() * (1 + margin) && hcal < box.hcalMax() * (1 + margin);
    }

    /**
     * Alert rows of a run, ascending.
     *
     * @param candidates selected rows from the engine (null: every row, when no selection is known)
     * @param boxHidden  leave out events in the box (blinded)
     */
    public static int[] rows(RunData run, int[] candidates, SignalBox box, double margin, boolean boxHidden) {
        Column e = run.column(Schema.ECAL);
        Column h = run.column(Schema.HCAL);
        int n = candidates == null ? run.size() : candidates.length;
        int[] out = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            int i = candidates == null ? j : candidates[j];
            if (inOrNear(box, margin, e.getFloat(i), h.getFloat(i))
                    && !(boxHidden && box.abcdRegion(e.getFloat(i), h.getFloat(i)) == Region.BOX)) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** One alert: an event of a followed file, with everything a shifter writes in the logbook. */
    public record Alert(
            String file,
            RunData run,
            int row,
            int runNumber,
            int spill,
            int event,
            long timeNs,
            double ecal,
            double hcal,
            boolean inBox) {
        /** Builds the alert of one row (spill and time 0 when the run has no such column). */
        public static Alert of(String file, RunData run, int row, SignalBox box) {
            int spill = run.has(Schema.SPILL) ? run.column(Schema.SPILL).getInt(row) : 0;
            long t = run.has(Schema.TIME) ? run.column(Schema.TIME).getLong(row) : 0;
            double e = run.column(Schema.ECAL).getFloat(row);
            double h = run.column(Schema.HCAL).getFloat(row);
            return new Alert(
                    file,
                    run,
                    row,
                    run.column(Schema.RUN).getInt(row),
                    spill,
                    run.column(Schema.EVENT).getInt(row),
                    t,
                    e,
                    h,
                    box.abcdRegion(e, h) == Region.BOX);
        }

        /** One line: "file.parquet  run 5005  spill 3  event 17   t = 1.234 s   E_ECAL 42.1   E_HCAL 0.80 GeV   near box". */
        public String describe() {
            return text("   ");
        }

        /**
         * The same in two lines for the alert list, so that a row needs no horizontal scrolling:
         * "file.parquet  run 5005  spill 3  event 17" / "t = 1.234 s   E_ECAL 42.1   E_HCAL 0.80 GeV   near box".
         */
        public String twoLines() {
            return text(System.lineSeparator());
        }

        private String text(String between) {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s  run %d  spill %d  event %d%st = %.3f s   E_ECAL %.1f   E_HCAL %.2f GeV   %s",
                    file,
                    runNumber,
                    spill,
                    event,
                    between,
                    timeNs / 1e9,
                    ecal,
                    hcal,
                    inBox ? "IN BOX" : "near box");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** The alerts of every followed file, newest file first and, within a file, newest event first. */
    public static final class AlertLog {
        private final List<Alert> alerts = new ArrayList<>();

        /**
         * Replaces the alerts of {@code file} (a file rewritten as it grows) by these, put first.
         *
         * @return the number of alerts this file has that it did not have before
         */
        public int update(String file, List<Alert> fileAlerts) {
            long before = alerts.stream().filter(a -> a.file().equals(file)).count();
            alerts.removeIf(a -> a.file().equals(file));
            List<Alert> sorted = new ArrayList<>(fileAlerts);
            sorted.sort((a, b) -> a.timeNs() != b.timeNs()
                    ? Long.compare(b.timeNs(), a.timeNs())
                    : Integer.compare(b.row(), a.row()));
            alerts.addAll(0, sorted);
            return (int) Math.max(0, fileAlerts.size() - before);
        }

        public void clear() {
            alerts.clear();
        }

        /** Drops the alerts of a file (deleted). */
        public void remove(String file) {
            alerts.removeIf(a -> a.file().equals(file));
        }

        /** All alerts, newest first (read-only). */
        public List<Alert> all() {
            return Collections.unmodifiableList(alerts);
        }
    }
}
