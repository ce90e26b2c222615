package org.darkscope.analysis;

import org.darkscope.event.EventClass;

/**
 * The one pass over the selected events that the cut-tuning loop needs: region counts and the
 * (E_ECAL, E_HCAL) plane histogram, per truth class. One instance per thread and word range;
 * partial results are merged with {@link #merge}.
 */
final class CoreAccumulator {
    static final int CLASSES = EventClass.values().length;
    static final int REGIONS = Region.values().length;
    private static final int ABCD_NONE = 4;
    private static final int LABEL_NONE = 3;

    final long[] regions = new long[CLASSES * REGIONS];
    final int[] plane;
    final long[] outside = new long[CLASSES];
    final long[] selected = new long[CLASSES];
    private final int nbx;
    private final int nby;

    CoreAccumulator(Binning x, Binning y) {
        this.nbx = x.bins();
        this.nby = y.bins();
        this.plane = new int[CLASSES * nbx * nby];
    }

    static int classIndex(int code) {
        return code >= 0 && code < CLASSES ? code : 0;
    }

    /**
     * Accumulates the selected events of words [w0, w1).
     *
     * @param hideBox true: box events are counted in no histogram and their box count is dropped
     */
    void accumulate(long[] sel, int w0, int w1, float[] ecal, float[] hcal, int[] truth, SignalBox box,
                    Binning bx, Binning by, boolean hideBox) {
        final double eMax = box.ecalMax();
        final double hMax = box.hcalMax();
        final double trig = box.ecalTriggerEdge();
        final double hSide = box.hcalSidebandMax();
        final double pile = box.pileupSumMin();
        final double dLo = box.dimuonHcalMin();
        final double dHi = box.dimuonHcalMax();
        final double beam = box.beamEnergy();
        final double hadW = box.hadronSumWindow();
        final double x0 = bx.lo();
        final double x1 = bx.hi();
        final double sx = bx.bins() / (bx.hi() - bx.lo());
        final double y0 = by.lo();
        final double y1 = by.hi();
        final double sy = by.bins() / (by.hi() - by.lo());
        final int planeSize = nbx * nby;
        final int boxIdx = Region.BOX.ordinal();
        for (int w = w0; w < w1; w++) {
            long m = sel[w];
            int base = w << 6;
            while (m != 0) {
                int e = base + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                double ec = ecal[e];
                double hc = hcal[e];
                int c = classIndex(truth[e]);
                int abcd = (ec < trig && hc < hSide) ? ((ec >= eMax ? 2 : 0) + (hc >= hMax ? 1 : 0)) : ABCD_NONE;
                // abcd code 0 box, 1 A, 2 C, 3 D (Region ordinals)
                boolean hidden = hideBox && abcd == boxIdx;
                selected[c]++;
                if (abcd != ABCD_NONE) {
                    regions[c * REGIONS + abcd]++;
                }
                double sum = ec + hc;
                int label;
                if (sum > pile) {
                    label = 2;
                } else if (hc >= dLo && hc < dHi && sum < beam - hadW) {
                    label = 0;
                } else if (hc >= hMax && Math.abs(sum - beam) <= hadW) {
                    label = 1;
                } else {
                    label = LABEL_NONE;
                }
                if (label != LABEL_NONE) {
                    regions[c * REGIONS + 4 + label]++;
                }
                if (hidden) {
                    continue;
                }
                if (ec >= x0 && ec < x1 && hc >= y0 && hc < y1) {
                    int ix = Math.min((int) ((ec - x0) * sx), nbx - 1);
                    int iy = Math.min((int) ((hc - y0) * sy), nby - 1);
                    plane[c * planeSize + iy * nbx + ix]++;
                } else {
                    outside[c]++;
                }
            }
        }
    }

    void merge(CoreAccumulator o) {
        for (int i = 0; i < regions.length; i++) {
            regions[i] += o.regions[i];
        }
        for (int i = 0; i < plane.length; i++) {
            plane[i] += o.plane[i];
        }
        for (int i = 0; i < CLASSES; i++) {
            outside[i] += o.outside[i];
            selected[i] += o.selected[i];
        }
    }
}
