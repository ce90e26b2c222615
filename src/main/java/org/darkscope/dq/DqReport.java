package org.darkscope.dq;

import java.util.List;

/**
 * The data-quality check of one run: every calorimeter cell with its numbers and verdict.
 *
 * @param reference the reference's name (a run, or the shower model), or null for the run's own symmetric cells
 */
public record DqReport(String run, String reference, int events, List<CellCheck> cells) {
    public DqReport {
        cells = List.copyOf(cells);
    }

    /** Cells flagged hot, dead or noisy, in detector order. */
    public List<CellCheck> problems() {
        return cells.stream().filter(c -> c.flag().isProblem()).toList();
    }

    public boolean clean() {
        return problems().isEmpty();
    }

    /** Names of the cells with this flag, in full. */
    public List<String> names(CellFlag f) {
        return DataQuality.names(this, f);
    }

    /** One line a shifter can read: "hot: a, b; dead: c; noisy: none (reference: ...)". */
    public String summary() {
        return "hot: " + join(names(CellFlag.HOT)) + "; dead: " + join(names(CellFlag.DEAD)) + "; noisy: "
                + join(names(CellFlag.NOISY)) + " (" + events + " events vs "
                + (reference == null ? "the run's own symmetric cells" : reference) + ")"
                + (names(CellFlag.UNCHECKED).isEmpty()
                        ? ""
                        : "; " + names(CellFlag.UNCHECKED).size() + " cells not checked by the symmetric cells");
    }

    private static String join(List<String> l) {
        return l.isEmpty() ? "none" : String.join(", ", l);
    }
}
