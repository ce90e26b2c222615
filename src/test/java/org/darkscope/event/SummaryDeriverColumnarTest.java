package org.darkscope.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.Random;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.GeometryLoader;
import org.junit.jupiter.api.Test;

/**
 * The column-major derivation (what the reader uses for runs whose cells stay in the file) gives
 * the event-major one's values bit for bit, on random cells with NaN, negative and infinite values,
 * for a chunk that does not start at event 0 and is longer than one inner block.
 */
class SummaryDeriverColumnarTest {
    @Test
    void columnarEqualsEventMajorBitForBit() {
        Detector d = GeometryLoader.defaultDetector();
        SummaryDeriver deriver = new SummaryDeriver(d);
        int nc = d.cellCount();
        int n = 3000;
        int first = 700;
        int count = 2100;
        Random r = new Random(7);
        float[] eventMajor = new float[count * nc];
        int stride = count + 5; // a buffer may be longer than the events in it
        float[] columnMajor = new float[nc * stride];
        for (int k = 0; k < count; k++) {
            for (int c = 0; c < nc; c++) {
                int pick = r.nextInt(200);
                float v = pick == 0
                        ? Float.NaN
                        : pick == 1
                                ? -r.nextFloat()
                                : pick == 2
                                        ? Float.POSITIVE_INFINITY
                                        : (float) (r.nextDouble() < 0.3 ? 0 : Math.exp(r.nextGaussian() * 3));
                eventMajor[k * nc + c] = v;
                columnMajor[c * stride + k] = v;
            }
        }
        float[][] srd = new float[d.srdCellCount()][n];
        float[][] veto = new float[d.vetoCount()][n];
        for (float[] a : srd) {
            for (int e = 0; e < n; e++) {
                a[e] = (float) (r.nextDouble() * 100);
            }
        }
        for (float[] a : veto) {
            for (int e = 0; e < n; e++) {
                a[e] = r.nextInt(50) == 0 ? Float.NaN : (float) r.nextDouble();
            }
        }
        Map<String, Object> a = deriver.allocate(n);
        Map<String, Object> b = deriver.allocate(n);
        deriver.derive(first, count, eventMajor, srd, veto, a);
        deriver.deriveColumnar(first, count, columnMajor, stride, srd, veto, b);
        for (String name : a.keySet()) {
            float[] x = (float[]) a.get(name);
            float[] y = (float[]) b.get(name);
            int[] bx = new int[n];
            int[] by = new int[n];
            for (int e = 0; e < n; e++) {
                bx[e] = Float.floatToRawIntBits(x[e]);
                by[e] = Float.floatToRawIntBits(y[e]);
            }
            assertArrayEquals(bx, by, name);
        }
    }
}
