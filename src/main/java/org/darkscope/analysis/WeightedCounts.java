package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.darkscope.event.Column;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;

/**
 * Weighted counts of a simulated run (weighted background MC). Each event counts with its
 * {@code truth_weight} (1 when the column is absent), and every count comes with the error
 * √Σw². This is a separate, plain-loop evaluation of a {@link Selection}: each enabled cut is
 * tested with {@link Cut#passes}, and a family cut must pass on every column. It covers the cut
 * flow, the regions of the plane, and the regions per truth class. It does not replace the
 * engine's unweighted counts, which stay what the window shows for data.
 * <p>
 * Only for simulated runs: the box of a recorded run is never counted here, so blinding cannot
 * be bypassed. Weighted sums per EOT are physical rates; the run's EOT is
 * {@link RunInfo#eot()}.
 *
 * @param run      display name of the run
 * @param eot      electrons on target of the run
 * @param events   events in the file
 * @param total    weighted sum of all events
 * @param cutFlow  after each enabled cut, in selection order
 * @param regions  selected events per region
 * @param perClass selected events per truth class and region
 */
public record WeightedCounts(
        String run,
        double eot,
        long events,
        Sum total,
        List<Step> cutFlow,
        Map<Region, Sum> regions,
        Map<EventClass, Map<Region, Sum>> perClass) {

    /** A weighted count: Σw, Σw² and the number of events behind it. */
    public record Sum(double w, double w2, long n) {
        public static final Sum ZERO = new Sum(0, 0, 0);

        /** Statistical error √Σw². */
        public double error() {
            return Math.sqrt(w2);
        }

        Sum plus(double weight) {
            return new Sum(w + weight, w2 + weight * weight, n + 1);
        }

        /**
         * The count as shown everywhere (window, {@code analyse}, report): "Σw ± √Σw²", three significant
         * digits ("0.00413 ± 0.00051", "23.0 ± 1.3"), whole numbers from 100 on ("1234 ± 35").
         */
        public String describe() {
            return shown(w, 3) + " ± " + shown(error(), 2);
        }

        private static String shown(double v, int digits) {
            if (v == 0) {
                return "0";
            }
            String t = String.format(java.util.Locale.ROOT, "%." + digits + "g", v);
            if (Math.abs(v) >= 99 && (t.contains("e") || Math.abs(v) >= 100)) {
                return String.format(java.util.Locale.ROOT, "%.0f", v); // whole numbers, never "1.0e+02"
            }
            return t;
        }

        /** Σw per EOT (NaN for eot ≤ 0). */
        public double perEot(double eot) {
            return eot > 0 ? w / eot : Double.NaN;
        }
    }

    /** The weighted count after one cut. */
    public record Step(String cut, Sum after) {}

    public WeightedCounts {
        cutFlow = List.copyOf(cutFlow);
        regions = Collections.unmodifiableMap(new EnumMap<>(regions));
        Map<EventClass, Map<Region, Sum>> pc = new EnumMap<>(EventClass.class);
        perClass.forEach((k, v) -> pc.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        perClass = Collections.unmodifiableMap(pc);
    }

    /** Selected events in a region (zero when none). */
    public Sum region(Region r) {
        return regions.getOrDefault(r, Sum.ZERO);
    }

    /** Selected events of a class in a region (zero when none). */
    public Sum region(EventClass c, Region r) {
        return perClass.getOrDefault(c, Map.of()).getOrDefault(r, Sum.ZERO);
    }

    /** Events after the last enabled cut. */
    public Sum selected() {
        return cutFlow.isEmpty() ? total : cutFlow.get(cutFlow.size() - 1).after();
    }

    /**
     * Evaluates a selection on a simulated run with its event weights.
     *
     * @throws IllegalArgumentException for a recorded (not simulated) run
     */
    public static WeightedCounts of(RunData run, Selection selection) {
        if (!run.info().simulated()) {
            throw new IllegalArgumentException(
                    run.displayName() + " is recorded data: weighted truth counts are " + "for simulated runs only");
        }
        int n = run.size();
        Column w = run.has(Schema.TRUTH_WEIGHT) ? run.column(Schema.TRUTH_WEIGHT) : null;
        List<Cut> cuts = selection.enabledCuts();
        List<Object[]> columns = new ArrayList<>();
        for (Cut c : cuts) {
            List<String> names = c.columns(run::has);
            Object[] arrays = new Object[names.size()];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = run.column(names.get(i)).toArray();
            }
            columns.add(arrays);
        }
        double[] after = new double[cuts.size()];
        double[] after2 = new double[cuts.size()];
        long[] afterN = new long[cuts.size()];
        Column ecal = run.column(Schema.ECAL);
        Column hcal = run.column(Schema.HCAL);
        Column cls = run.has(Schema.TRUTH_CLASS) ? run.column(Schema.TRUTH_CLASS) : Column.constantInt(n, 0);
        SignalBox box = selection.box();
        Map<Region, Sum> regions = new EnumMap<>(Region.class);
        Map<EventClass, Map<Region, Sum>> perClass = new EnumMap<>(EventClass.class);
        double tw = 0;
        double tw2 = 0;
        for (int e = 0; e < n; e++) {
            double we = w == null ? 1 : w.getFloat(e);
            tw += we;
            tw2 += we * we;
            boolean pass = true;
            for (int k = 0; k < cuts.size() && pass; k++) {
                Cut c = cuts.get(k);
                for (Object col : columns.get(k)) {
                    if (!c.passes(value(col, e))) {
                        pass = false;
                        break;
                    }
                }
                if (pass) {
                    after[k] += we;
                    after2[k] += we * we;
                    afterN[k]++;
                }
            }
            if (!pass) {
                continue;
            }
            Map<Region, Sum> byClass =
                    perClass.computeIfAbsent(EventClass.of(cls.getInt(e)), k -> new EnumMap<>(Region.class));
            Region abcd = box.abcdRegion(ecal.getFloat(e), hcal.getFloat(e));
            Region label = box.labelRegion(ecal.getFloat(e), hcal.getFloat(e));
            for (Region r : new Region[] {abcd, label}) {
                if (r != null) {
                    regions.merge(r, Sum.ZERO.plus(we), WeightedCounts::add);
                    byClass.merge(r, Sum.ZERO.plus(we), WeightedCounts::add);
                }
            }
        }
        List<Step> flow = new ArrayList<>();
        for (int k = 0; k < cuts.size(); k++) {
            flow.add(new Step(cuts.get(k).name(), new Sum(after[k], after2[k], afterN[k])));
        }
        return new WeightedCounts(run.displayName(), run.info().eot(), n, new Sum(tw, tw2, n), flow, regions, perClass);
    }

    private static double value(Object column, int e) {
        if (column instanceof float[] f) {
            return f[e];
        } else if (column instanceof int[] i) {
            return i[e];
        } else if (column instanceof long[] l) {
            return l[e];
        }
        return Double.NaN;
    }

    private static Sum add(Sum a, Sum b) {
        return new Sum(a.w + b.w, a.w2 + b.w2, a.n + b.n);
    }

    /** True if the run is weighted MC (metadata {@code weighted = true}). */
    public static boolean isWeighted(RunInfo info) {
        return "true".equals(info.generator().get("weighted"));
    }

    /** The boost per class recorded in the metadata (keys {@code boost.*}), in file order. */
    public static Map<String, String> boosts(RunInfo info) {
        Map<String, String> m = new LinkedHashMap<>();
        info.generator().forEach((k, v) -> {
            if (k.startsWith("boost.")) {
                m.put(k.substring("boost.".length()), v);
            }
        });
        return m;
    }

    /** "weighted MC, rare classes boosted upstream x5, ..." for a weighted run; empty otherwise. */
    public static Optional<String> weightedLabel(RunInfo info) {
        if (!isWeighted(info)) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        boosts(info).forEach((k, v) -> {
            if (!"1".equals(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" x").append(v);
            }
        });
        return Optional.of("weighted MC, rare classes boosted " + sb);
    }
}
