package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.darkscope.event.Column;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Futures;
import org.darkscope.task.Progress;

/**
 * Evaluates a {@link Selection} on a set of runs and returns an immutable {@link AnalysisResult}.
 *
 * <p>Each cut keeps its pass bitset (64 events per long) in a per-run cache keyed by what the cut
 * tests: when only one cut changed since the previous evaluation, only its bitset is recomputed,
 * then the AND, the cut flow, the region counts and the plane histogram. Bitsets are computed in
 * parallel over event ranges on {@link Options#threads()} threads.</p>
 *
 * <p>Thread-safety: {@link #evaluate} may be called from any thread; evaluations are serialised
 * (one at a time). Cancel a running evaluation through its {@link Progress}: it then throws
 * {@link CancelledException}. Results are immutable and may be read from any thread.</p>
 *
 * <p>Past 500 lines on purpose: the parallel split, the array and chunked (mapped, compact column)
 * paths of the cut kernels and of the cut-flow/plane pass share their word ranges and scratch
 * arrays; apart they would pass a dozen arguments back and forth.</p>
 */
public final class AnalysisEngine implements AutoCloseable {
    /** Below this many events a run is processed on the calling thread only. */
    private static final int PARALLEL_MIN_EVENTS = 1 << 16;

    /**
     * Engine settings.
     *
     * @param planeX  E_ECAL binning of the plane histogram (default 120 bins, 0-120 GeV)
     * @param planeY  E_HCAL binning of the plane histogram (default 100 bins, 0-100 GeV)
     * @param threads worker threads for the evaluation (default: available processors)
     */
    public record Options(Binning planeX, Binning planeY, int threads) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
        }

        public static Options defaults() {
            return new Options(
                    new Binning(120, 0, 120),
                    new Binning(100, 0, 100),
                    Runtime.getRuntime().availableProcessors());
        }

        public Options withThreads(int t) {
            return new Options(planeX, planeY, t);
        }
    }

    private final Options options;
    private final ExecutorService pool;
    private List<RunData> runs;
    private final Map<RunData, RunState> states = new IdentityHashMap<>();

    public AnalysisEngine(List<RunData> runs) {
        this(runs, Options.defaults());
    }

    public AnalysisEngine(List<RunData> runs, Options options) {
        this.options = options;
        this.runs = List.copyOf(runs);
        if (options.threads() > 1) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "darkscope-analysis-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(options.threads() - 1, tf); // the calling thread is the last worker
        } else {
            pool = null;
        }
    }

    public Options options() {
        return options;
    }

    /**
     * Which cut kernels evaluate float and int columns in this JVM: "scalar", or "vector N-bit" (the
     * Vector API, on JDK 21+ started with {@code --add-modules jdk.incubator.vector}). For reports.
     */
    public static String kernel() {
        return CutKernel.describe();
    }

    /** Replaces the runs (caches of runs still present are kept). */
    public synchronized void setRuns(List<RunData> newRuns) {
        this.runs = List.copyOf(newRuns);
        states.keySet().removeIf(r -> runs.stream().noneMatch(x -> x == r));
    }

    public synchronized List<RunData> runs() {
        return runs;
    }

    /**
     * Drops every cached cut bitset: the next evaluation recomputes every cut (a full evaluation).
     * Facts about the immutable columns (which need the plain kernel) are kept.
     */
    public synchronized void invalidate() {
        for (RunState s : states.values()) {
            s.cache = new HashMap<>();
        }
    }

    /** No simulated run is in the data role: only recorded runs are data (and blinded while the selection is). */
    public static final Predicate<RunData> RECORDED_ONLY = r -> false;

    /** Evaluates without progress reports. */
    public AnalysisResult evaluate(Selection selection) {
        return evaluate(selection, Progress.NONE);
    }

    /** Evaluates; only recorded runs are in the data role (blinded while the selection is). */
    public AnalysisResult evaluate(Selection selection, Progress progress) {
        return evaluate(selection, RECORDED_ONLY, progress);
    }

    /**
     * Evaluates the selection on every run: cut bitsets (cached ones reused), cut flow, region
     * counts and the plane histogram per truth class.
     *
     * <p>Blinding: while {@link Selection#blinded()}, the box of every run in the data role is hidden:
     * recorded runs and the simulated runs accepted by {@code dataRole} (simulation opened as
     * pseudo-data). The box events of such a run are removed from its selected events before any count,
     * histogram or list is made, so its {@link RunResult} holds nothing from which they follow. Other
     * simulated runs (signal and background MC) stay visible.</p>
     *
     * @param dataRole simulated runs in the data role (e.g. the runs opened as data)
     * @throws IllegalArgumentException if a cut names a column a run lacks (message names the cut)
     * @throws CancelledException if the progress was cancelled
     */
    public synchronized AnalysisResult evaluate(
            Selection selection, Predicate<? super RunData> dataRole, Progress progress) {
        long t0 = System.nanoTime();
        List<Cut> cuts = selection.enabledCuts();
        List<RunState> rs = new ArrayList<>();
        for (RunData r : runs) {
            rs.add(states.computeIfAbsent(r, RunState::new));
            for (String needed : new String[] {Schema.ECAL, Schema.HCAL, Schema.TRUTH_CLASS}) {
                if (!r.has(needed)) {
                    throw new IllegalArgumentException("run " + r.displayName() + " has no column '" + needed + "'");
                }
            }
        }
        // 1. which bitsets must be computed
        List<Map<RunState.TestKey, RunState.CutBits>> next = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        int reused = 0;
        for (RunState s : rs) {
            Map<RunState.TestKey, RunState.CutBits> m = new HashMap<>();
            for (Cut c : cuts) {
                RunState.TestKey k = RunState.TestKey.of(c);
                if (m.containsKey(k)) {
                    continue;
                }
                RunState.CutBits cached = s.cache.get(k);
                if (cached != null) {
                    m.put(k, cached);
                    reused++;
                } else {
                    List<String> cols = s.columns(c);
                    long[] bits = new long[s.words];
                    jobs.add(new Job(s, c, cols, bits, k, m));
                }
            }
            next.add(m);
        }
        progress.checkCancelled();
        progress.update(0.05, "computing " + jobs.size() + " cut(s)");
        computeJobs(jobs, progress);
        for (Job j : jobs) {
            j.target.put(j.key, new RunState.CutBits(j.bits, Bits.count(j.bits), j.columns));
        }
        for (int i = 0; i < rs.size(); i++) {
            rs.get(i).cache = next.get(i);
        }
        progress.checkCancelled();
        progress.update(0.6, "cut flow and regions");
        // 2. per run: AND + cut flow, then the region / plane pass
        List<RunResult> results = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < rs.size(); i++) {
            RunState s = rs.get(i);
            Map<RunState.TestKey, RunState.CutBits> m = next.get(i);
            RunData run = s.run;
            events += run.size();
            List<long[]> bitsList = new ArrayList<>();
            List<List<String>> colsList = new ArrayList<>();
            long[] alone = new long[cuts.size()];
            for (int k = 0; k < cuts.size(); k++) {
                RunState.CutBits cb = m.get(RunState.TestKey.of(cuts.get(k)));
                bitsList.add(cb.bits());
                colsList.add(cb.columns());
                alone[k] = cb.alone();
            }
            long[] sel = new long[s.words];
            long[] after = new long[cuts.size()];
            boolean data = !run.info().simulated() || dataRole.test(run);
            boolean hide = selection.blinded() && data;
            // hidden box: the cut flow outside the box (after[k], alone[k], total); sel loses the box events
            long[] outside = hide ? new long[2 * cuts.size() + 1] : null;
            CoreAccumulator core = flowAndCore(
                    s, bitsList.toArray(new long[0][]), sel, after, outside, selection.box(), hide, progress);
            CutFlow flow;
            if (hide) {
                int k = cuts.size();
                flow = flow(
                        cuts, outside[2 * k], Arrays.copyOfRange(outside, 0, k), Arrays.copyOfRange(outside, k, 2 * k));
            } else {
                flow = flow(cuts, run.size(), after, alone);
            }
            results.add(new RunResult(
                    run,
                    selection,
                    cuts,
                    bitsList,
                    colsList,
                    sel,
                    flow,
                    core,
                    options.planeX(),
                    options.planeY(),
                    hide,
                    data));
            progress.checkCancelled();
        }
        progress.update(1, "done");
        return new AnalysisResult(
                selection, results, new AnalysisResult.Stats(System.nanoTime() - t0, jobs.size(), reused, events));
    }

    private static CutFlow flow(List<Cut> cuts, long total, long[] after, long[] alone) {
        List<CutFlow.Row> rows = new ArrayList<>();
        long prev = total;
        for (int k = 0; k < cuts.size(); k++) {
            rows.add(new CutFlow.Row(
                    cuts.get(k).name(),
                    after[k],
                    CutFlow.ratio(after[k], total),
                    CutFlow.ratio(after[k], prev),
                    alone[k]));
            prev = after[k];
        }
        return new CutFlow(total, rows);
    }

    /** One cut bitset to compute for one run. */
    private record Job(
            RunState state,
            Cut cut,
            List<String> columns,
            long[] bits,
            RunState.TestKey key,
            Map<RunState.TestKey, RunState.CutBits> target) {
        void run(int w0, int w1, Scratch scratch) {
            RunData r = state.run;
            for (int k = 0; k < columns.size(); k++) {
                String col = columns.get(k);
                Column c = r.column(col);
                boolean plain = state.needsPlainKernel(col);
                Object values = c.array() != null ? c.array() : c.byteArray();
                if (values != null) {
                    CutKernel.apply(cut.kind(), cut.min(), cut.max(), values, plain, r.size(), bits, w0, w1, k > 0);
                } else {
                    chunked(c, plain, w0, w1, k > 0, scratch);
                }
            }
        }

        /**
         * A column without a backing array (mapped, compact): each chunk of {@link #CHUNK_WORDS} words
         * is copied into the thread's scratch array and its bits computed there with the same kernels.
         */
        private void chunked(Column c, boolean plain, int w0, int w1, boolean and, Scratch s) {
            int n = c.size();
            for (int c0 = w0; c0 < w1; c0 += CHUNK_WORDS) {
                int c1 = Math.min(w1, c0 + CHUNK_WORDS);
                int e0 = c0 << 6;
                int len = Math.min(n, c1 << 6) - e0;
                Object values = s.load(c, e0, len);
                int nw = c1 - c0;
                if (and) {
                    System.arraycopy(bits, c0, s.bits, 0, nw);
                }
                CutKernel.apply(cut.kind(), cut.min(), cut.max(), values, plain, len, s.bits, 0, nw, and);
                System.arraycopy(s.bits, 0, bits, c0, nw);
            }
        }
    }

    /** Words per chunk of a column read without a backing array (64k events: 256 kB of floats). */
    static final int CHUNK_WORDS = 1024;

    /** One thread's scratch arrays for chunks of columns without a backing array (allocated on first use). */
    static final class Scratch {
        private float[] f;
        private int[] i;
        private long[] l;
        final long[] bits = new long[CHUNK_WORDS];

        /** Copies events [e0, e0+len) of the column into a scratch array of its type and returns it. */
        Object load(Column c, int e0, int len) {
            switch (c.type()) {
                case FLOAT -> {
                    if (f == null) {
                        f = new float[CHUNK_WORDS << 6];
                    }
                    c.floats(e0, len, f);
                    return f;
                }
                case INT -> {
                    if (i == null) {
                        i = new int[CHUNK_WORDS << 6];
                    }
                    c.ints(e0, len, i);
                    return i;
                }
                default -> {
                    if (l == null) {
                        l = new long[CHUNK_WORDS << 6];
                    }
                    c.longs(e0, len, l);
                    return l;
                }
            }
        }
    }

    /**
     * Computes the bitsets: the events are split into {@link Options#threads()} ranges of words and
     * each range runs every job, one range per thread (the calling thread takes one).
     */
    private void computeJobs(List<Job> jobs, Progress progress) {
        if (jobs.isEmpty()) {
            return;
        }
        int maxEvents = jobs.stream().mapToInt(j -> j.state().run.size()).max().orElse(0);
        int parts = pool == null || maxEvents < PARALLEL_MIN_EVENTS ? 1 : options.threads();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int part = p;
            tasks.add(() -> {
                Scratch scratch = new Scratch();
                for (Job j : jobs) {
                    if (progress.isCancelled()) {
                        throw new CancelledException();
                    }
                    int words = j.state().words;
                    j.run((int) ((long) words * part / parts), (int) ((long) words * (part + 1) / parts), scratch);
                }
                return null;
            });
        }
        runAll(tasks);
    }

    /**
     * One pass per word range: the AND of the cut bitsets into {@code sel} with the cut-flow counts
     * (one read of every bitset, one write of the result), then the region / plane accumulation of
     * the same (cache-warm) words. Ranges run in parallel; counts and histograms are merged.
     */
    private CoreAccumulator flowAndCore(
            RunState s,
            long[][] bits,
            long[] sel,
            long[] after,
            long[] outside,
            SignalBox box,
            boolean hide,
            Progress progress) {
        RunData run = s.run;
        // array columns are read in place; others (mapped, compact) chunk by chunk into scratch arrays
        Column ecalC = run.column(Schema.ECAL);
        Column hcalC = run.column(Schema.HCAL);
        Column truthC = run.column(Schema.TRUTH_CLASS);
        float[] ecalA = ecalC.array() instanceof float[] f ? f : null;
        float[] hcalA = hcalC.array() instanceof float[] f ? f : null;
        boolean energyArrays = ecalA != null && hcalA != null;
        int[] truthA = truthC.array() instanceof int[] t ? t : null;
        byte[] truthB = truthC.byteArray();
        boolean truthArray = truthA != null || truthB != null;
        final int chunk = energyArrays && truthArray ? 4096 : CHUNK_WORDS;
        Binning bx = options.planeX();
        Binning by = options.planeY();
        int parts = pool == null || run.size() < PARALLEL_MIN_EVENTS ? 1 : options.threads();
        CoreAccumulator[] acc = new CoreAccumulator[parts];
        long[][] counts = new long[parts][bits.length];
        long[][] outCounts = outside == null ? null : new long[parts][outside.length];
        long[] boxMask = outside == null ? null : s.boxMask(box);
        int n = run.size();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int w0 = (int) ((long) s.words * p / parts);
            int w1 = (int) ((long) s.words * (p + 1) / parts);
            int idx = p;
            tasks.add(() -> {
                CoreAccumulator a = new CoreAccumulator(bx, by);
                long[] c = counts[idx];
                long[] out = outCounts == null ? null : outCounts[idx];
                float[] ecal = energyArrays ? ecalA : new float[chunk << 6];
                float[] hcal = energyArrays ? hcalA : new float[chunk << 6];
                int[] truth = truthArray ? truthA : new int[chunk << 6];
                for (int c0 = w0; c0 < w1; c0 += chunk) {
                    if (progress.isCancelled()) {
                        throw new CancelledException();
                    }
                    int c1 = Math.min(w1, c0 + chunk);
                    andChunk(bits, sel, c, c0, c1, n);
                    if (out != null) {
                        countOutsideBox(bits, out, c0, c1, n, boxMask);
                        for (int w = c0; w < c1; w++) {
                            sel[w] &= ~boxMask[w]; // a hidden box: its events are not selected for anything after this
                        }
                    }
                    int e0 = c0 << 6;
                    int len = Math.min(n, c1 << 6) - e0;
                    if (!energyArrays) {
                        ecalC.floats(e0, len, ecal);
                        hcalC.floats(e0, len, hcal);
                    }
                    if (!truthArray) {
                        truthC.ints(e0, len, truth);
                    }
                    a.accumulate(
                            sel,
                            c0,
                            c1,
                            ecal,
                            hcal,
                            energyArrays ? 0 : e0,
                            truth,
                            truthB,
                            truthArray ? 0 : e0,
                            box,
                            bx,
                            by,
                            hide);
                }
                acc[idx] = a;
                return null;
            });
        }
        runAll(tasks);
        for (int p = 0; p < parts; p++) {
            for (int k = 0; k < after.length; k++) {
                after[k] += counts[p][k];
            }
            if (outside != null) {
                for (int k = 0; k < outside.length; k++) {
                    outside[k] += outCounts[p][k];
                }
            }
            if (p > 0) {
                acc[0].merge(acc[p]);
            }
        }
        return acc[0];
    }

    /** sel[w] = AND of every bitset (all events if none); count[k] += events passing cuts 0..k. */
    private static void andChunk(long[][] bits, long[] sel, long[] count, int w0, int w1, int n) {
        int k = bits.length;
        int lastWord = sel.length - 1;
        int tail = n & 63;
        for (int w = w0; w < w1; w++) {
            long a = (w == lastWord && tail != 0) ? (1L << tail) - 1 : -1L;
            for (int i = 0; i < k; i++) {
                a &= bits[i][w];
                count[i] += Long.bitCount(a);
            }
            sel[w] = a;
        }
    }

    /**
     * The cut flow of the events outside the signal box (for a hidden box): out[k] += events passing
     * cuts 0..k, out[K + k] += events passing cut k alone, out[2K] += all events, each outside the box
     * ({@link SignalBox#abcdRegion} not BOX, from the run's cached box mask).
     */
    private static void countOutsideBox(long[][] bits, long[] out, int w0, int w1, int n, long[] boxMask) {
        int k = bits.length;
        int lastWord = boxMask.length - 1;
        int tail = n & 63;
        for (int w = w0; w < w1; w++) {
            long valid = (w == lastWord && tail != 0) ? (1L << tail) - 1 : -1L;
            long keep = valid & ~boxMask[w];
            out[2 * k] += Long.bitCount(keep);
            long a = keep;
            for (int i = 0; i < k; i++) {
                a &= bits[i][w];
                out[i] += Long.bitCount(a);
                out[k + i] += Long.bitCount(bits[i][w] & keep);
            }
        }
    }

    /** Runs the tasks: the last on the calling thread, the others on the pool. */
    private void runAll(List<Callable<Void>> tasks) {
        if (pool == null || tasks.size() == 1) {
            for (Callable<Void> t : tasks) {
                call(t);
            }
            return;
        }
        List<Future<Void>> fs = new ArrayList<>();
        // the last range on this thread while the pool works on the others; its failure is reported first
        FutureTask<Void> here = new FutureTask<>(tasks.get(tasks.size() - 1));
        fs.add(here);
        for (int i = 0; i < tasks.size() - 1; i++) {
            fs.add(pool.submit(tasks.get(i)));
        }
        here.run();
        // waits for every range; an OutOfMemoryError arrives as itself, not as an IllegalStateException
        Futures.awaitAll(fs);
    }

    private static void call(Callable<Void> t) {
        try {
            t.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
