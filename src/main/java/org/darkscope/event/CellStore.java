package org.darkscope.event;

/**
 * Cell energies (GeV) of a run, indexed by event and global cell index (see
 * {@link org.darkscope.geometry.Detector#cells()}). Implementations may keep every cell in memory
 * or read blocks of events on demand; callers read one event at a time.
 */
public interface CellStore {
    /** Number of events. */
    int size();

    /** Number of cells per event. */
    int cellCount();

    /** Copies the cell energies of one event into {@code dst} (length at least {@link #cellCount()}). */
    void read(int event, float[] dst);

    /**
     * The events of {@code base} repeated to {@code size} events: event {@code e} reads event
     * {@code e % base.size()} (a run tiled for benchmarks and large-run tests).
     */
    static CellStore repeated(CellStore base, int size) {
        int n = base.size();
        return new CellStore() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public int cellCount() {
                return base.cellCount();
            }

            @Override
            public void read(int event, float[] dst) {
                base.read(event % n, dst);
            }
        };
    }

    /** Energy of one cell of one event. */
    default float get(int event, int cell) {
        float[] tmp = new float[cellCount()];
        read(event, tmp);
        return tmp[cell];
    }
}
