package org.darkscope.analysis;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WordKernels} with the Vector API: one lane-wise comparison per {@code L} events and the
 * comparison mask moved to a long ({@code VectorMask.toLong}, one instruction on AVX-512 and AVX2).
 * Compiled against the incubator module of JDK 17 (see pom.xml, {@code src/main/vector}) but only
 * loaded by {@link CutKernel#vector()} on JDK 21+ with the module resolved; never referenced
 * directly, so the class is harmless where the module is absent.
 */
final class VectorCutKernel implements WordKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED;
    private static final int BL = Math.min(64, B.length());
    private static final int FL = F.length();
    private static final int IL = I.length();

    VectorCutKernel() {
        if (64 % FL != 0 || 64 % IL != 0) {
            throw new IllegalStateException("vector length " + FL + " does not divide 64");
        }
    }

    @Override
    public String describe() {
        return "vector " + F.vectorBitSize() + "-bit";
    }

    @Override
    public void floats(CutKind kind, float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        switch (kind) {
            case MIN -> min(lo, a, out, w0, w1, and);
            case MAX -> max(hi, a, out, w0, w1, and);
            case WINDOW -> window(lo, hi, a, out, w0, w1, and);
            case OUTSIDE -> outside(lo, hi, a, out, w0, w1, and);
            case ABS_MAX -> absMax(hi, a, out, w0, w1, and);
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private static void min(float lo, float[] a, long[] out, int w0, int w1, boolean and) {
        FloatVector l = FloatVector.broadcast(F, lo);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += FL) {
                bits |= FloatVector.fromArray(F, a, b + j)
                                .compare(VectorOperators.GT, l)
                                .toLong()
                        << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }

    private static void max(float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        FloatVector h = FloatVector.broadcast(F, hi);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += FL) {
                bits |= FloatVector.fromArray(F, a, b + j)
                                .compare(VectorOperators.LT, h)
                                .toLong()
                        << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }

    private static void window(float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        FloatVector l = FloatVector.broadcast(F, lo);
        FloatVector h = FloatVector.broadcast(F, hi);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += FL) {
                FloatVector v = FloatVector.fromArray(F, a, b + j);
                bits |= v.compare(VectorOperators.GT, l)
                                .and(v.compare(VectorOperators.LT, h))
                                .toLong()
                        << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }

    private static void outside(float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        FloatVector l = FloatVector.broadcast(F, lo);
        FloatVector h = FloatVector.broadcast(F, hi);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += FL) {
                FloatVector v = FloatVector.fromArray(F, a, b + j);
                bits |= v.compare(VectorOperators.LT, l)
                                .or(v.compare(VectorOperators.GT, h))
                                .toLong()
                        << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }

    private static void absMax(float hi, float[] a, long[] out, int w0, int w1, boolean and) {
        FloatVector h = FloatVector.broadcast(F, hi);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += FL) {
                bits |= FloatVector.fromArray(F, a, b + j)
                                .abs()
                                .compare(VectorOperators.LT, h)
                                .toLong()
                        << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }

    @Override
    public void intWindow(int lo, int hi, int[] a, long[] out, int w0, int w1, boolean and) {
        IntVector l = IntVector.broadcast(I, lo);
        IntVector h = IntVector.broadcast(I, hi);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += IL) {
                IntVector v = IntVector.fromArray(I, a, b + j);
                bits |= v.compare(VectorOperators.GT, l)
                                .and(v.compare(VectorOperators.LT, h))
                                .toLong()
                        << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }

    @Override
    public void byteWindow(int lo, int hi, byte[] a, long[] out, int w0, int w1, boolean and) {
        // an edge beyond the byte range: that side passes every value
        boolean allLo = lo < -128;
        boolean allHi = hi > 127;
        ByteVector l = ByteVector.broadcast(B, (byte) Math.max(-128, Math.min(127, lo)));
        ByteVector h = ByteVector.broadcast(B, (byte) Math.max(-128, Math.min(127, hi)));
        VectorMask<Byte> all = B.maskAll(true);
        for (int w = w0; w < w1; w++) {
            int b = w << 6;
            long bits = 0;
            for (int j = 0; j < 64; j += BL) {
                ByteVector v = ByteVector.fromArray(B, a, b + j);
                VectorMask<Byte> gt = allLo ? all : v.compare(VectorOperators.GT, l);
                VectorMask<Byte> lt = allHi ? all : v.compare(VectorOperators.LT, h);
                long m = gt.and(lt).toLong();
                bits |= (BL == 64 ? m : m & ((1L << BL) - 1)) << j;
            }
            out[w] = and ? out[w] & bits : bits;
        }
    }
}
