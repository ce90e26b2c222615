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
        return run.column(Schema.EVENT).getInt(index);
    }

    public int runNumber() {
        return run.column(Schema.RUN).getInt(index);
    }

    public double value(String column) {
        return run.value(column, index);
    }

    public double ecal() {
        return run.column(Schema.ECAL).getFloat(index);
    }

    public double hcal() {
        return run.column(Schema.HCAL).getFloat(index);
    }

    public EventClass truthClass() {
        return run.truthClass(index);
    }

    public boolean pileup() {
        return run.column(Schema.TRUTH_PILEUP).getInt(index) != 0;
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
