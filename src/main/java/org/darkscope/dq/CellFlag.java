package org.darkscope.dq;

/** What the data-quality check says of one cell. */
public enum CellFlag {
    OK("ok"),
    /** Mean energy far above the reference (a gain or calibration too high, a cell firing by itself). */
    HOT("hot"),
    /** Mean energy far below the reference (nothing or almost nothing read out). */
    DEAD("dead"),
    /** Spread far above the reference at a normal mean (electronic noise). */
    NOISY("noisy"),
    /** No reference for this cell (no symmetric partner in the run's own expectation). */
    UNCHECKED("not checked");

    private final String label;

    CellFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isProblem() {
        return this == HOT || this == DEAD || this == NOISY;
    }
}
