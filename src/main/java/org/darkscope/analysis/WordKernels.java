package org.darkscope.analysis;

/**
 * Pass bits of whole 64-event words [w0, w1) of a column against float-rounded (or int) edges, as
 * {@link CutKernel} defines them: {@code MIN} v &gt; lo, {@code MAX} v &lt; hi, {@code WINDOW}
 * lo &lt; v &lt; hi, {@code OUTSIDE} v &lt; lo or v &gt; hi, {@code ABS_MAX} |v| &lt; hi. Only
 * called for NaN-free columns (and ints within ±2^30). Writes ({@code and == false}) or ANDs into
 * {@code out[w]}.
 *
 * <p>Two implementations: {@link CutKernel}'s scalar one (always there, the one JDK 17 uses) and
 * {@code VectorCutKernel} (the Vector API, source in {@code src/main/vector}), which
 * {@link CutKernel#vector()} loads reflectively on JDK 21+ when the {@code jdk.incubator.vector}
 * module is present ({@code java --add-modules jdk.incubator.vector ...}).</p>
 */
interface WordKernels {
    void floats(CutKind kind, float lo, float hi, float[] a, long[] out, int w0, int w1, boolean and);

    /** {@code lo < v < hi} on ints (MIN and MAX pass ±2^30 for the unused edge). */
    void intWindow(int lo, int hi, int[] a, long[] out, int w0, int w1, boolean and);

    /**
     * {@code lo < v < hi} on bytes: the int edges as {@link #intWindow} gets them; an edge beyond
     * the byte range lets every value pass that side.
     */
    void byteWindow(int lo, int hi, byte[] a, long[] out, int w0, int w1, boolean and);

    /** For reports: "scalar" or "vector N-bit". */
    String describe();
}
