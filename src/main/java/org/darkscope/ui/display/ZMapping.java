package org.darkscope.ui.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.darkscope.geometry.Detector;
import org.darkscope.geometry.Element;

/**
 * Maps a true z (mm) to the z drawn in the 3D view. The identity keeps true positions; the
 * compressed mapping shrinks every gap between elements to at most {@link #DEFAULT_MAX_GAP_MM} and
 * every element longer than {@link #DEFAULT_MAX_LENGTH_MM} (the 15 m vacuum vessel) to that length,
 * piecewise linearly, so that order is kept and the calorimeters keep their true depth.
 */
public final class ZMapping {
    /** Longest gap drawn between two elements in compressed mode (display choice). */
    public static final double DEFAULT_MAX_GAP_MM = 250;
    /** Longest element drawn in compressed mode (display choice; the HCAL modules of 1392 mm stay true). */
    public static final double DEFAULT_MAX_LENGTH_MM = 1500;

    private final double[] knotZ;
    private final double[] knotM;
    private final boolean compressed;

    private ZMapping(double[] knotZ, double[] knotM, boolean compressed) {
        this.knotZ = knotZ;
        this.knotM = knotM;
        this.compressed = compressed;
    }

    public static ZMapping identity() {
        return new ZMapping(new double[0], new double[0], false);
    }

    public static ZMapping forDetector(Detector d, boolean compressed) {
        if (!compressed) {
            return identity();
        }
        List<double[]> spans = new ArrayList<>();
        for (Element e : d.elements()) {
            spans.add(new double[] {e.zMin(), e.zMax()});
        }
        return compressed(spans, DEFAULT_MAX_GAP_MM, DEFAULT_MAX_LENGTH_MM);
    }

    /** Compressed mapping for the given element spans {zMin, zMax}. */
    public static ZMapping compressed(List<double[]> spans, double maxGap, double maxLength) {
        if (spans.isEmpty()) {
            return identity();
        }
        double[][] s = spans.stream()
                .map(double[]::clone)
                .sorted((a, b) -> Double.compare(a[0], b[0]))
                .toArray(double[][]::new);
        List<double[]> merged = new ArrayList<>();
        for (double[] iv : s) {
            if (!merged.isEmpty() && iv[0] <= merged.get(merged.size() - 1)[1]) {
                double[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], iv[1]);
            } else {
                merged.add(iv);
            }
        }
        double[] kz = new double[merged.size() * 2];
        double[] km = new double[merged.size() * 2];
        double m = merged.get(0)[0];
        double prevEnd = Double.NaN;
        int k = 0;
        for (double[] iv : merged) {
            if (!Double.isNaN(prevEnd)) {
                m += Math.min(iv[0] - prevEnd, maxGap);
            }
            kz[k] = iv[0];
            km[k++] = m;
            m += Math.min(iv[1] - iv[0], maxLength);
            kz[k] = iv[1];
            km[k++] = m;
            prevEnd = iv[1];
        }
        return new ZMapping(kz, km, true);
    }

    public boolean isCompressed() {
        return compressed;
    }

    /** Drawn z for a true z. */
    public double map(double z) {
        int n = knotZ.length;
        if (n == 0) {
            return z;
        }
        if (z <= knotZ[0]) {
            return knotM[0] + (z - knotZ[0]);
        }
        if (z >= knotZ[n - 1]) {
            return knotM[n - 1] + (z - knotZ[n - 1]);
        }
        int i = Arrays.binarySearch(knotZ, z);
        if (i >= 0) {
            return knotM[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double span = knotZ[hi] - knotZ[lo];
        double f = span > 0 ? (z - knotZ[lo]) / span : 0;
        return knotM[lo] + f * (knotM[hi] - knotM[lo]);
    }
}
