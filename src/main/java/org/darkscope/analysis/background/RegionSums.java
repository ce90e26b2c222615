package org.darkscope.analysis.background;

import org.darkscope.analysis.Region;
import org.darkscope.analysis.SignalBox;

/** Weighted sums Σw and Σw² per ABCD region (box, A, C, D) of a sample. */
final class RegionSums {
    final double[] w = new double[4];
    final double[] w2 = new double[4];
    final long[] n = new long[4];

    static int index(Region r) {
        return switch (r) {
            case BOX -> 0;
            case A -> 1;
            case C -> 2;
            case D -> 3;
            default -> -1;
        };
    }

    static RegionSums of(float[] ecal, float[] hcal, float[] weight, SignalBox box) {
        RegionSums s = new RegionSums();
        for (int i = 0; i < ecal.length; i++) {
            Region r = box.abcdRegion(ecal[i], hcal[i]);
            int k = r == null ? -1 : index(r);
            if (k < 0) {
                continue;
            }
            double wi = weight == null ? 1 : weight[i];
            s.w[k] += wi;
            s.w2[k] += wi * wi;
            s.n[k]++;
        }
        return s;
    }

    double w(Region r) {
        return w[index(r)];
    }

    double w2(Region r) {
        return w2[index(r)];
    }

    long n(Region r) {
        return n[index(r)];
    }

    /** Relative statistical error of a weighted sum: √Σw² / Σw. */
    double rel(Region r) {
        return w(r) > 0 ? Math.sqrt(w2(r)) / w(r) : Double.POSITIVE_INFINITY;
    }

    /** Effective number of MC events √ (Σw)²/Σw². */
    double effective(Region r) {
        return w2(r) > 0 ? w(r) * w(r) / w2(r) : 0;
    }
}
