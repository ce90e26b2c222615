package org.darkscope.event;

/** All cells in one float block, event-major: {@code block[event * cellCount + cell]}. */
public final class ArrayCellStore implements CellStore {
    private final float[] block;
    private final int cellCount;
    private final int size;

    public ArrayCellStore(float[] block, int cellCount) {
        if (cellCount <= 0 || block.length % cellCount != 0) {
            throw new IllegalArgumentException(
                    "cell block of " + block.length + " floats is not a multiple of " + cellCount + " cells");
        }
        this.block = block;
        this.cellCount = cellCount;
        this.size = block.length / cellCount;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int cellCount() {
        return cellCount;
    }

    @Override
    public void read(int event, float[] dst) {
        System.arraycopy(block, event * cellCount, dst, 0, cellCount);
    }

    @Override
    public float get(int event, int cell) {
        return block[event * cellCount + cell];
    }

    /** Energy of a cell in a column layout helper: used by writers that go column by column. */
    public float[] column(int cell) {
        float[] out = new float[size];
        for (int e = 0, k = cell; e < size; e++, k += cellCount) {
            out[e] = block[k];
        }
        return out;
    }
}
