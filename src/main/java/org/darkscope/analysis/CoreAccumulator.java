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
    /** Per-class stride of {@link #regions}: the 7 regions plus one dummy slot for "none". */
    static final int STRIDE = 8;

    private static final int NONE = 7;

    /** regions[class * STRIDE + region ordinal]; slot 7 of every class counts nothing useful. */
    final long[] regions = new long[CLASSES * STRIDE];
    /** plane[class * nbx * nby + iy * nbx + ix]; the last element is a dummy slot. */
    final int[] plane;

    final long[] outside = new long[CLASSES];
    final long[] selected = new long[CLASSES];
    private final int nbx;
    private final int nby;

    CoreAccumulator(Binning x, Binning y) {
        this.nbx = x.bins();
        this.nby = y.bins();
        this.plane = new int[CLASSES * nbx * nby + 1];
    }

    static int classIndex(int code) {
        return code >= 0 && code < CLASSES ? code : 0;
    }

    /** Count of one region for one class. */
    long region(int cls, int region) {
        return regions[cls * STRIDE + region];
    }

    /** 1 if x is negative (sign bit set), else 0. */
    private static int neg(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 63);
    }

    /** A threshold t for the form neg(x - t): -0.0 instead of 0 so that x = ±0 compares like the reference. */
    private static double edge(double t) {
        return t == 0 ? -0.0 : t;
    }

    /**
     * Accumulates the selected events of words [w0, w1). Branch-free per event: the comparisons are
     * sign bits of differences (exact for non-NaN values once zero edges carry the right sign) and
     * every count goes to a real or a dummy slot, so unpredictable region patterns cost no branch
     * mispredictions. Events with a NaN energy take the plain path.
     *
     * @param ecal    E_ECAL of event e at {@code ecal[e - eOff]} (hcal likewise)
     * @param eOff    first event of the energy arrays (0 for whole columns, the chunk start for scratch arrays)
     * @param truth   truth class of event e at {@code truth[e - tOff]}; unused if {@code truthB} is given
     * @param truthB  truth classes as a whole-column byte array, or null
     * @param hideBox true: box events are counted in no histogram (their box count is hidden later)
     */
    void accumulate(
            long[] sel,
            int w0,
            int w1,
            float[] ecal,
            float[] hcal,
            int eOff,
            int[] truth,
            byte[] truthB,
            int tOff,
            SignalBox box,
            Binning bx,
            Binning by,
            boolean hideBox) {
        final double eMax = edge(box.ecalMax());
        final double hMax = edge(box.hcalMax());
        final double trig = edge(box.ecalTriggerEdge());
        final double hSide = edge(box.hcalSidebandMax());
        final double pile = box.pileupSumMin();
        final double dLo = edge(box.dimuonHcalMin());
        final double dHi = edge(box.dimuonHcalMax());
        final double beam = box.beamEnergy();
        final double hadW = box.hadronSumWindow();
        final double dimuonSumMax = edge(box.beamEnergy() - box.hadronSumWindow());
        final double x0 = edge(bx.lo());
        final double x1 = edge(bx.hi());
        final double sx = bx.bins() / (bx.hi() - bx.lo());
        final double y0 = edge(by.lo());
        final double y1 = edge(by.hi());
        final double sy = by.bins() / (by.hi() - by.lo());
        final int planeSize = nbx * nby;
        final int dummy = plane.length - 1;
        final int hide = hideBox ? 1 : 0;
        final int[] pl = plane;
        final long[] rg = regions;
        for (int w = w0; w < w1; w++) {
            long m = sel[w];
            int base = w << 6;
            while (m != 0) {
                int e = base + Long.numberOfTrailingZeros(m);
                m &= m - 1;
                double ec = ecal[e - eOff];
                double hc = hcal[e - eOff];
                int code = truthB != null ? truthB[e] : truth[e - tOff];
                int c = code * (((code >>> 31) ^ 1) & ((code - CLASSES) >>> 31));
                if (ec != ec || hc != hc) {
                    plain(c, ec, hc, box, hideBox);
                    continue;
                }
                selected[c]++;
                int in = neg(ec - trig) & neg(hc - hSide);
                int highE = 1 - neg(ec - eMax);
                int highH = 1 - neg(hc - hMax);
                int abcd = (2 * highE + highH) | ((in ^ 1) * NONE);
                rg[c * STRIDE + abcd]++;
                double sum = ec + hc;
                int iii = neg(pile - sum);
                int i1 = (1 - iii) & (1 - neg(hc - dLo)) & neg(hc - dHi) & neg(sum - dimuonSumMax);
                int i2 = (1 - iii) & (1 - i1) & highH & (1 - neg(hadW - Math.abs(sum - beam)));
                rg[c * STRIDE + NONE - iii - 3 * i1 - 2 * i2]++;
                int hid = hide & in & (1 - highE) & (1 - highH);
                int inPlane = (1 - neg(ec - x0)) & neg(ec - x1) & (1 - neg(hc - y0)) & neg(hc - y1);
                int ok = inPlane & (1 - hid);
                int ix = Math.min((int) ((ec - x0) * sx), nbx - 1);
                int iy = Math.min((int) ((hc - y0) * sy), nby - 1);
                pl[dummy + ok * (c * planeSize + iy * nbx + ix - dummy)]++;
                outside[c] += (1 - inPlane) & (1 - hid);
            }
        }
    }

    /** One event with a NaN energy: outside every region and the plane. */
    private void plain(int c, double ec, double hc, SignalBox box, boolean hideBox) {
        selected[c]++;
        Region a = box.abcdRegion(ec, hc);
        Region l = box.labelRegion(ec, hc);
        if (a != null) {
            regions[c * STRIDE + a.ordinal()]++;
        }
        if (l != null) {
            regions[c * STRIDE + l.ordinal()]++;
        }
        if (!(hideBox && a == Region.BOX)) {
            outside[c]++;
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
