package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.ClassMixRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Blinding as a property of the types: every public accessor of a blinded {@link RunResult} and
 * {@link AnalysisResult} (found by reflection, called with every argument of a small pool) must
 * return exactly what it returns for the same run with its box events deleted. The box events are
 * put at the end of the run, so the event indices of the other events are the same in both runs.
 * Done for recorded data and for simulation opened as data (pseudo-data with truth classes).
 * The comparison has power: unblinded, the same calls must differ.
 */
class BlindedResultPropertyTest {
    /** Accessors that return the inputs, not results: the raw run (all events by design) and timing. */
    private static final Set<String> INPUTS = Set.of("run", "stats", "computeAll");

    static RunData signal;
    static final Selection BLIND = Selection.loose().withBlinded(true);

    @BeforeAll
    static void setUp() {
        signal = ClassMixRuns.signal(8_000, 5, 16.7);
    }

    @AfterAll
    static void tearDown() {
        signal = null;
    }

    /** A run made of the given rows of {@code run}, in that order (columns and cells copied). */
    static RunData rows(RunData run, int[] rows) {
        RunData.Builder b =
                RunData.builder(run.info(), run.detector(), rows.length).source("same-source");
        for (Map.Entry<String, Object> c : run.columns().entrySet()) {
            Object src = c.getValue();
            Object dst;
            if (src instanceof float[] f) {
                float[] o = new float[rows.length];
                for (int i = 0; i < rows.length; i++) o[i] = f[rows[i]];
                dst = o;
            } else if (src instanceof int[] f) {
                int[] o = new int[rows.length];
                for (int i = 0; i < rows.length; i++) o[i] = f[rows[i]];
                dst = o;
            } else {
                long[] f = (long[]) src;
                long[] o = new long[rows.length];
                for (int i = 0; i < rows.length; i++) o[i] = f[rows[i]];
                dst = o;
            }
            b.column(c.getKey(), dst);
        }
        int nc = run.detector().cellCount();
        float[] block = new float[rows.length * nc];
        float[] one = new float[nc];
        for (int i = 0; i < rows.length; i++) {
            run.cells().read(rows[i], one);
            System.arraycopy(one, 0, block, i * nc, nc);
        }
        return b.cells(new ArrayCellStore(block, nc)).build();
    }

    /** [run with outside events first, then box events; run with the outside events only]. */
    static RunData[] withAndWithoutBox(RunData base, SignalBox box) {
        float[] e = base.floats(Schema.ECAL);
        float[] h = base.floats(Schema.HCAL);
        List<Integer> out = new ArrayList<>();
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            // independent of the engine: the box of docs/physics.md#regions, lower-left corner at 0
            boolean inBox = e[i] < box.ecalMax() && h[i] < box.hcalMax();
            (inBox ? in : out).add(i);
        }
        assertTrue(in.size() > 50 && out.size() > 50, "the run needs events in and outside the box");
        List<Integer> all = new ArrayList<>(out);
        all.addAll(in);
        return new RunData[] {
            rows(base, all.stream().mapToInt(Integer::intValue).toArray()),
            rows(base, out.stream().mapToInt(Integer::intValue).toArray())
        };
    }

    private record Side(AnalysisResult result, RunData data) {}

    private static Side evaluate(RunData data, Selection sel, boolean dataRoleSimulated, int threads) {
        try (AnalysisEngine e = new AnalysisEngine(
                List.of(data, signal), AnalysisEngine.Options.defaults().withThreads(threads))) {
            Predicate<RunData> role = r -> dataRoleSimulated && r == data;
            AnalysisResult r = e.evaluate(sel, role, Progress.NONE);
            return new Side(r, data);
        }
    }

    @Test
    void blindedRecordedDataRevealNothingOfTheBox() {
        check(ClassMixRuns.data(30_000, 11), false);
    }

    @Test
    void blindedSimulationOpenedAsDataRevealsNothingOfTheBox() {
        check(ClassMixRuns.background(66_001, 12), true); // > 2^16 events: the parallel path
    }

    private void check(RunData base, boolean simulated) {
        RunData[] pair = withAndWithoutBox(base, BLIND.box());
        // the box must hold selected events, or the test proves nothing
        Side open = evaluate(pair[0], BLIND.withBlinded(false), simulated, 2);
        assertTrue(open.result().run(pair[0]).regions().count(Region.BOX) > 5, "selected events in the box");
        Side full = evaluate(pair[0], BLIND, simulated, 2);
        Side cut = evaluate(pair[1], BLIND, simulated, 1);
        assertTrue(full.result().run(pair[0]).boxHidden());
        List<String> called = new ArrayList<>();
        List<String> differ = compareAll(full, cut, called);
        assertEquals(List.of(), differ, "blinded results that reveal the box");
        assertTrue(called.size() >= 40, "accessors called: " + called);
        // power: without blinding the same calls tell the two runs apart
        Side openCut = evaluate(pair[1], BLIND.withBlinded(false), simulated, 1);
        List<String> openDiffer = compareAll(open, openCut, new ArrayList<>());
        for (String m : List.of(
                "RunResult.cutFlow()",
                "RunResult.selectedCount()",
                "RunResult.regions()",
                "RunResult.plane()",
                "AnalysisResult.combinedRegions()")) {
            assertTrue(openDiffer.contains(m), m + " must differ unblinded; differing: " + openDiffer);
        }
        // and the limits of every background method
        for (BackgroundChoice c : BackgroundChoice.values()) {
            ExclusionSettings s = ExclusionSettings.defaults().withBackground(c);
            assertEquals(
                    canon(ResultLimits.compute(full.result(), s), 0),
                    canon(ResultLimits.compute(cut.result(), s), 0),
                    "limits with " + c);
        }
    }

    private static List<String> compareAll(Side a, Side b, List<String> called) {
        List<String> differ = new ArrayList<>();
        compareObject("RunResult", a.result().run(a.data()), b.result().run(b.data()), a, b, differ, called);
        compareObject("AnalysisResult", a.result(), b.result(), a, b, differ, called);
        return differ;
    }

    private static void compareObject(
            String name, Object x, Object y, Side a, Side b, List<String> differ, List<String> called) {
        for (Method m : x.getClass().getMethods()) {
            if (m.getDeclaringClass() == Object.class
                    || Modifier.isStatic(m.getModifiers())
                    || INPUTS.contains(m.getName())
                    || m.getReturnType() == void.class) {
                continue;
            }
            List<Object[]> argsA = arguments(m, a, b.data().size());
            List<Object[]> argsB = arguments(m, b, b.data().size());
            assertEquals(argsA.size(), argsB.size());
            if (argsA.isEmpty()) {
                fail("no arguments known for " + m + ": extend the pool so that every accessor is checked");
            }
            String id = name + "." + m.getName() + "("
                    + String.join(
                            ",",
                            Arrays.stream(m.getParameterTypes())
                                    .map(Class::getSimpleName)
                                    .toList()) + ")";
            called.add(id);
            for (int i = 0; i < argsA.size(); i++) {
                Object ra = call(m, x, argsA.get(i));
                Object rb = call(m, y, argsB.get(i));
                if (!canon(ra, 0).equals(canon(rb, 0))) {
                    differ.add(id);
                    break;
                }
            }
        }
    }

    private static Object call(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "throws " + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every combination of the argument pool for the method's parameter types. */
    private static List<Object[]> arguments(Method m, Side side, int sharedSize) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[0]);
        for (Class<?> t : m.getParameterTypes()) {
            List<Object> pool = pool(t, side, sharedSize);
            List<Object[]> next = new ArrayList<>();
            for (Object[] prefix : out) {
                for (Object v : pool) {
                    Object[] n = Arrays.copyOf(prefix, prefix.length + 1);
                    n[prefix.length] = v;
                    next.add(n);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Object> pool(Class<?> t, Side side, int sharedSize) {
        if (t == EventClass.class) return List.of((Object[]) EventClass.values());
        if (t == Region.class) return List.of((Object[]) Region.values());
        if (t == Variable.class) return List.of((Object[]) Variable.values());
        if (t == IntervalMethod.class) return List.of((Object[]) IntervalMethod.values());
        if (t == double.class) return List.of(0.6827, 0.9);
        if (t == double[].class) return List.of((Object) new double[] {10, 30, 49, 70});
        if (t == int.class) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < sharedSize; i += 97) l.add(i);
            return l;
        }
        if (t == String.class) {
            List<Object> l = new ArrayList<>();
            for (Cut c : BLIND.cuts()) l.add(c.name());
            return l;
        }
        if (t == Binning.class) return List.of(new Binning(40, 0, 120));
        if (t == RunData.class) return List.of(side.data(), signal);
        if (t == EventClass.class.arrayType()) return List.of((Object) EventClass.values());
        return List.of();
    }

    /** A comparable form of a returned value: lists, maps, record components, and public no-arg accessors of other objects. */
    static Object canon(Object v, int depth) {
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Enum<?>
                || v instanceof Character) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "NaN" : d;
        }
        if (v instanceof Float f) {
            return f.isNaN() ? "NaN" : (double) f;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof java.util.Optional<?> op) { // e.g. RunResult.weighted(): compare what it holds
            return op.isPresent() ? List.of(canon(op.get(), depth + 1)) : "empty";
        }
        if (depth > 8) {
            return "…";
        }
        if (v instanceof RunData r) {
            return "run " + r.info(); // the input, the same for both runs
        }
        if (v.getClass().isArray()) {
            List<Object> l = new ArrayList<>();
            int n = java.lang.reflect.Array.getLength(v);
            for (int i = 0; i < n; i++) l.add(canon(java.lang.reflect.Array.get(v, i), depth + 1));
            return l;
        }
        if (v instanceof Collection<?> c) {
            List<Object> l = new ArrayList<>();
            for (Object o : c) l.add(canon(o, depth + 1));
            return l;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> o = new TreeMap<>();
            m.forEach((k, x) -> o.put(String.valueOf(k), canon(x, depth + 1)));
            return o;
        }
        Map<String, Object> o = new TreeMap<>();
        if (v.getClass().isRecord()) {
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                try {
                    o.put(rc.getName(), canon(rc.getAccessor().invoke(v), depth + 1));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return o;
        }
        for (Method m : v.getClass().getMethods()) {
            if (m.getParameterCount() == 0
                    && m.getDeclaringClass() != Object.class
                    && !Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() != void.class
                    && !INPUTS.contains(m.getName())) {
                o.put(m.getName(), canon(call(m, v, new Object[0]), depth + 1));
            }
        }
        return o.isEmpty() ? v.toString() : o;
    }

    @Test
    void theCanonicalFormSeesDifferencesInsideHistograms() {
        Histogram1D a = new Histogram1D("x", new Binning(2, 0, 2), new long[] {1, 2}, 0, 0);
        Histogram1D b = new Histogram1D("x", new Binning(2, 0, 2), new long[] {1, 3}, 0, 0);
        assertNotEquals(canon(a, 0), canon(b, 0));
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("h", canon(a, 0));
        assertEquals(same.get("h"), canon(new Histogram1D("x", new Binning(2, 0, 2), new long[] {1, 2}, 0, 0), 0));
    }
}
