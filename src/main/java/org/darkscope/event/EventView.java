package org.darkscope.event;

/** One event of a run: its summary values and, on demand, its cell energies. */
public final class EventView {
    private final RunData run;
    private final int index;

    EventView(RunData run, int index) {
        this.run = run;
        this.index = index;
    }

    public RunData run() {
        return run;
    }
    /** Row index of the event in its run (0-based). */
    public int index() {
        return index;
    }

    public int eventNumber() {
        return run.ints(Schema.EVENT)[index];
    }

    public int runNumber() {
        return run.ints(Schema.RUN)[index];
    }

    public double value(String column) {
        return run.value(column, index);
    }

    public double ecal() {
        return run.floats(Schema.ECAL)[index];
    }

    public double hcal() {
        return run.floats(Schema.HCAL)[index];
    }

    public EventClass truthClass() {
        return run.truthClass(index);
    }

    public boolean pileup() {
        return run.ints(Schema.TRUTH_PILEUP)[index] != 0;
    }

    /** Cell energies in GeV, indexed like {@link org.darkscope.geometry.Detector#cells()}. */
    public float[] cells() {
        float[] out = new float[run.cells().cellCount()];
        run.cells().read(index, out);
        return out;
    }

    @Override
    public String toString() {
        return "run " + runNumber() + " event " + eventNumber() + " (row " + index + ")";
    }
}
