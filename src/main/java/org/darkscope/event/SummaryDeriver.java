package org.darkscope.event;

import java.util.List;
import java.util.Map;
import org.darkscope.geometry.CellLayer;
import org.darkscope.geometry.Detector;

/**
 * Computes the derived summary columns (E_ECAL, shower shape, E_HCAL per module, ...) from cell
 * energies, once at load. Works on a chunk of events at a time so that a reader can derive while
 * streaming without keeping every cell in memory.
 */
public final class SummaryDeriver {
    private final Detector detector;
    private final CellLayer pre;
    private final CellLayer main;
    private final List<CellLayer> hcal;
    private final int cellCount;
    private final int nx;
    private final int ny;
    private final int[][] windows;

    public SummaryDeriver(Detector detector) {
        this.detector = detector;
        this.pre = detector.ecalPreshower();
        this.main = detector.ecalMain();
        this.hcal = detector.hcalModules();
        this.cellCount = detector.cellCount();
        this.nx = main.nx();
        this.ny = main.ny();
        if (pre.nx() != nx || pre.ny() != ny) {
            throw new IllegalArgumentException("ECAL segments must share one cell grid");
        }
        windows = new int[nx * ny][];
        for (int i = 0; i < nx * ny; i++) {
            windows[i] = main.window3x3(i);
        }
    }

    /** Allocates the derived columns for {@code n} events. */
    public Map<String, Object> allocate(int n) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (ColumnDef c : Schema.of(detector).derived()) {
            m.put(c.name(), new float[n]);
        }
        return m;
    }

    /**
     * Derives the summary of events {@code first .. first+count-1}.
     *
     * @param cells   cell energies of these events, event-major ({@code cells[(e-first)*cellCount + cell]})
     * @param srd     SRD columns of the whole run (srd[i][event])
     * @param veto    VETO columns of the whole run
     * @param out     derived columns of the whole run, from {@link #allocate(int)}
     */
    public void derive(int first, int count, float[] cells, float[][] srd, float[][] veto, Map<String, Object> out) {
        float[] ePre = (float[]) out.get(Schema.ECAL_PRE);
        float[] eMain = (float[]) out.get(Schema.ECAL_MAIN);
        float[] eEcal = (float[]) out.get(Schema.ECAL);
        float[] shape = (float[]) out.get(Schema.ECAL_SHAPE);
        float[] cx = (float[]) out.get(Schema.ECAL_X);
        float[] cy = (float[]) out.get(Schema.ECAL_Y);
        float[][] hMod = new float[hcal.size()][];
        for (int m = 0; m < hcal.size(); m++) {
            hMod[m] = (float[]) out.get(Schema.hcalModule(m));
        }
        float[] eHcal = (float[]) out.get(Schema.HCAL);
        float[] hR = (float[]) out.get(Schema.HCAL_R);
        float[] srdSum = (float[]) out.get(Schema.SRD_SUM);
        float[] vetoMax = (float[]) out.get(Schema.VETO_MAX);
        float[] eTot = (float[]) out.get(Schema.E_TOTAL);
        int nTower = nx * ny;
        float[] tower = new float[nTower];
        int preOff = pre.firstIndex();
        int mainOff = main.firstIndex();
        for (int k = 0; k < count; k++) {
            int e = first + k;
            int base = k * cellCount;
            double sp = 0, sm = 0;
            int hot = 0;
            float hotE = -Float.MAX_VALUE;
            for (int t = 0; t < nTower; t++) {
                float a = cells[base + preOff + t];
                float b = cells[base + mainOff + t];
                sp += a;
                sm += b;
                float tt = a + b;
                tower[t] = tt;
                if (tt > hotE) {
                    hotE = tt;
                    hot = t;
                }
            }
            double tot = sp + sm;
            double e3 = 0, wx = 0, wy = 0;
            for (int t : windows[hot]) {
                double v = tower[t];
                e3 += v;
                wx += v * main.cells().get(t).centre().x();
                wy += v * main.cells().get(t).centre().y();
            }
            ePre[e] = (float) sp;
            eMain[e] = (float) sm;
            eEcal[e] = (float) tot;
            shape[e] = tot > 0 ? (float) ((tot - e3) / tot) : 0f;
            cx[e] = e3 > 0 ? (float) (wx / e3) : 0f;
            cy[e] = e3 > 0 ? (float) (wy / e3) : 0f;
            double h = 0, hc = 0;
            for (int m = 0; m < hcal.size(); m++) {
                CellLayer l = hcal.get(m);
                double s = 0;
                int off = base + l.firstIndex();
                for (int c = 0; c < l.size(); c++) {
                    s += cells[off + c];
                }
                hMod[m][e] = (float) s;
                h += s;
                hc += cells[off + l.centralLocalIndex()];
            }
            eHcal[e] = (float) h;
            hR[e] = h > 0 ? (float) ((h - hc) / h) : 0f;
            counters(e, srd, veto, srdSum, vetoMax);
            eTot[e] = (float) (tot + h);
        }
    }

    /** Events per inner block of {@link #deriveColumnar}: its per-event accumulators stay in the L1/L2 cache. */
    private static final int BLOCK = 1024;

    /**
     * The same as {@link #derive} (bit for bit: the same double sums in the same order) for cells
     * given column-major, as a reader decodes them: {@code cells[cell * stride + (e - first)]}. The
     * loops run over events, so the compiler can vectorise them.
     *
     * @param stride distance between two cells of one event (at least {@code count})
     */
    public void deriveColumnar(
            int first, int count, float[] cells, int stride, float[][] srd, float[][] veto, Map<String, Object> out) {
        float[] ePre = (float[]) out.get(Schema.ECAL_PRE);
        float[] eMain = (float[]) out.get(Schema.ECAL_MAIN);
        float[] eEcal = (float[]) out.get(Schema.ECAL);
        float[] shape = (float[]) out.get(Schema.ECAL_SHAPE);
        float[] cx = (float[]) out.get(Schema.ECAL_X);
        float[] cy = (float[]) out.get(Schema.ECAL_Y);
        float[] eHcal = (float[]) out.get(Schema.HCAL);
        float[] hR = (float[]) out.get(Schema.HCAL_R);
        float[] srdSum = (float[]) out.get(Schema.SRD_SUM);
        float[] vetoMax = (float[]) out.get(Schema.VETO_MAX);
        float[] eTot = (float[]) out.get(Schema.E_TOTAL);
        int nTower = nx * ny;
        int preOff = pre.firstIndex();
        int mainOff = main.firstIndex();
        double[] tx = new double[nTower];
        double[] ty = new double[nTower];
        for (int t = 0; t < nTower; t++) {
            tx[t] = main.cells().get(t).centre().x();
            ty[t] = main.cells().get(t).centre().y();
        }
        double[] sp = new double[BLOCK];
        double[] sm = new double[BLOCK];
        float[] hotE = new float[BLOCK];
        int[] hot = new int[BLOCK];
        double[] h = new double[BLOCK];
        double[] hc = new double[BLOCK];
        double[] s = new double[BLOCK];
        for (int k0 = 0; k0 < count; k0 += BLOCK) {
            int len = Math.min(BLOCK, count - k0);
            java.util.Arrays.fill(sp, 0, len, 0);
            java.util.Arrays.fill(sm, 0, len, 0);
            java.util.Arrays.fill(hotE, 0, len, -Float.MAX_VALUE);
            java.util.Arrays.fill(hot, 0, len, 0);
            for (int t = 0; t < nTower; t++) {
                int pa = (preOff + t) * stride + k0;
                int pb = (mainOff + t) * stride + k0;
                // three simple loops (each vectorises) rather than one with mixed float/double/int work
                for (int k = 0; k < len; k++) {
                    sp[k] += cells[pa + k];
                }
                for (int k = 0; k < len; k++) {
                    sm[k] += cells[pb + k];
                }
                for (int k = 0; k < len; k++) {
                    float tt = cells[pa + k] + cells[pb + k];
                    if (tt > hotE[k]) {
                        hotE[k] = tt;
                        hot[k] = t;
                    }
                }
            }
            for (int k = 0; k < len; k++) {
                int e = first + k0 + k;
                double tot = sp[k] + sm[k];
                double e3 = 0, wx = 0, wy = 0;
                for (int t : windows[hot[k]]) {
                    double v = cells[(preOff + t) * stride + k0 + k] + cells[(mainOff + t) * stride + k0 + k];
                    e3 += v;
                    wx += v * tx[t];
                    wy += v * ty[t];
                }
                ePre[e] = (float) sp[k];
                eMain[e] = (float) sm[k];
                eEcal[e] = (float) tot;
                shape[e] = tot > 0 ? (float) ((tot - e3) / tot) : 0f;
                cx[e] = e3 > 0 ? (float) (wx / e3) : 0f;
                cy[e] = e3 > 0 ? (float) (wy / e3) : 0f;
            }
            java.util.Arrays.fill(h, 0, len, 0);
            java.util.Arrays.fill(hc, 0, len, 0);
            int e0 = first + k0;
            for (int m = 0; m < hcal.size(); m++) {
                CellLayer l = hcal.get(m);
                float[] hMod = (float[]) out.get(Schema.hcalModule(m));
                java.util.Arrays.fill(s, 0, len, 0);
                for (int c = 0; c < l.size(); c++) {
                    int pc = (l.firstIndex() + c) * stride + k0;
                    for (int k = 0; k < len; k++) {
                        s[k] += cells[pc + k];
                    }
                }
                int central = (l.firstIndex() + l.centralLocalIndex()) * stride + k0;
                for (int k = 0; k < len; k++) {
                    hMod[e0 + k] = (float) s[k];
                    h[k] += s[k];
                    hc[k] += cells[central + k];
                }
            }
            for (int k = 0; k < len; k++) {
                int e = e0 + k;
                eHcal[e] = (float) h[k];
                hR[e] = h[k] > 0 ? (float) ((h[k] - hc[k]) / h[k]) : 0f;
                eTot[e] = (float) ((double) (sp[k] + sm[k]) + h[k]);
            }
            for (int k = 0; k < len; k++) {
                counters(e0 + k, srd, veto, srdSum, vetoMax);
            }
        }
    }

    public Detector detector() {
        return detector;
    }

    /** The SRD sum and the largest VETO signal of event e, the same for the row-wise and columnar paths. */
    private static void counters(int e, float[][] srd, float[][] veto, float[] srdSum, float[] vetoMax) {
        double ss = 0;
        for (float[] x : srd) {
            ss += x[e];
        }
        srdSum[e] = (float) ss;
        float vm = 0;
        for (float[] v : veto) {
            vm = Math.max(vm, v[e]);
        }
        vetoMax[e] = vm;
    }
}
