package org.darkscope.dq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.darkscope.event.ArrayCellStore;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.event.SummaryDeriver;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Detector;

/**
 * Readout faults of our choosing, applied to the cells of a run after the simulation, so that a shift
 * drill or a test has hot, dead and noisy cells whose names we know:
 *
 * <ul>
 *   <li>hot: the cell's gain multiplied by a factor (default {@link #DEFAULT_HOT_FACTOR});</li>
 *   <li>dead: the cell reads 0 in every event;</li>
 *   <li>noisy: Gaussian noise of the given sigma (default {@link #DEFAULT_NOISE_GEV} GeV) added to the
 *       cell in every event, then the readout's zero suppression and step applied again (a value at or
 *       below the threshold is stored as 0), as the digitisation does with the normal noise.</li>
 * </ul>
 *
 * The summary columns (E_ECAL, E_HCAL, shower shape, ...) are derived again from the faulty cells, as
 * a reconstruction would from what was read out; the trigger decision of the simulation is kept (the
 * fault is in the stored cell, not in the trigger sum). The faults are recorded in the run's
 * generator metadata ({@code fault.hot}, {@code fault.dead}, {@code fault.noisy}).
 */
public final class CellFaults {
    /** Default gain factor of a hot cell. */
    public static final double DEFAULT_HOT_FACTOR = 10;
    /** Default extra noise of a noisy cell, GeV (about ten times the ECAL cell noise). */
    public static final double DEFAULT_NOISE_GEV = 0.3;

    public enum Kind {
        HOT("hot"),
        DEAD("dead"),
        NOISY("noisy");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One faulty cell: kind, full cell name, factor (hot) or sigma in GeV (noisy), unused for dead. */
    public record Fault(Kind kind, String cell, double value) {}

    private CellFaults() {}

    /**
     * Parses {@code NAME[=VALUE]} for a fault of the given kind, checking the name against the detector.
     *
     * @throws IllegalArgumentException with a message listing valid cell names
     */
    public static Fault parse(Kind kind, String spec, Detector d) {
        String name = spec;
        double value = kind == Kind.HOT ? DEFAULT_HOT_FACTOR : kind == Kind.NOISY ? DEFAULT_NOISE_GEV : 0;
        int eq = spec.indexOf('=');
        if (eq >= 0) {
            name = spec.substring(0, eq).trim();
            String v = spec.substring(eq + 1).trim();
            if (kind == Kind.DEAD) {
                throw new IllegalArgumentException("--dead-cell takes a cell name only, got '" + spec + "'");
            }
            try {
                value = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + kind.label + "-cell " + spec + ": '" + v
                        + "' is not a number (" + (kind == Kind.HOT ? "gain factor" : "noise sigma in GeV") + ")");
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(
                        "--" + kind.label + "-cell " + spec + ": the value must be a positive number");
            }
        }
        try {
            d.cell(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + kind.label + "-cell: no calorimeter cell named '" + name
                    + "'; cell names are <layer>_r<row>c<column>, e.g. " + examples(d));
        }
        return new Fault(kind, name, value);
    }

    /** A few valid cell names: the first and last cell of every calorimeter layer. */
    public static String examples(Detector d) {
        List<String> l = new ArrayList<>();
        d.calorimeterLayers().forEach(layer -> {
            l.add(layer.cells().get(0).name());
            l.add(layer.cells().get(layer.cells().size() - 1).name());
        });
        return String.join(", ", l);
    }

    /**
     * A copy of the run with the faults applied to its cells and the summary derived again.
     *
     * @param zeroSuppressionGeV the readout's threshold (a noisy cell's value at or below it is stored as 0)
     * @param cellStep           the readout's step (values rounded to multiples of it)
     * @param seed               seed of the added noise
     */
    public static RunData apply(RunData r, List<Fault> faults, double zeroSuppressionGeV, double cellStep, long seed) {
        if (faults.isEmpty()) {
            return r;
        }
        Detector d = r.detector();
        int nc = d.cellCount();
        int n = r.size();
        float[] block = new float[Math.multiplyExact(n, nc)];
        float[] buf = new float[nc];
        int[] idx = new int[faults.size()];
        for (int k = 0; k < faults.size(); k++) {
            Cell c = d.cell(faults.get(k).cell());
            idx[k] = c.index();
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int e = 0; e < n; e++) {
            r.cells().read(e, buf);
            for (int k = 0; k < idx.length; k++) {
                Fault f = faults.get(k);
                int i = idx[k];
                switch (f.kind()) {
                    case HOT -> buf[i] = round(buf[i] * f.value(), cellStep);
                    case DEAD -> buf[i] = 0f;
                    case NOISY -> {
                        double v = buf[i] + f.value() * rnd.nextGaussian();
                        buf[i] = v > zeroSuppressionGeV ? round(v, cellStep) : 0f;
                    }
                }
            }
            System.arraycopy(buf, 0, block, e * nc, nc);
        }
        float[][] srd = new float[d.srdCellCount()][];
        for (int i = 0; i < srd.length; i++) {
            srd[i] = r.floats(Schema.srd(i));
        }
        float[][] veto = new float[d.vetoCount()][];
        for (int i = 0; i < veto.length; i++) {
            veto[i] = r.floats(Schema.veto(i));
        }
        SummaryDeriver deriver = new SummaryDeriver(d);
        Map<String, Object> derived = deriver.allocate(n);
        deriver.derive(0, n, block, srd, veto, derived);

        Map<String, String> gen = new LinkedHashMap<>(r.info().generator());
        for (Kind kind : Kind.values()) {
            List<String> l = faults.stream()
                    .filter(f -> f.kind() == kind)
                    .map(f -> kind == Kind.DEAD ? f.cell() : f.cell() + "=" + f.value())
                    .toList();
            if (!l.isEmpty()) {
                gen.put("fault." + kind.label, String.join(",", l));
            }
        }
        RunInfo i = r.info();
        RunInfo info = new RunInfo(
                i.runNumber(),
                i.beamEnergy(),
                i.eot(),
                i.intensity(),
                i.geometryVersion(),
                i.simulated(),
                i.mix(),
                i.seed(),
                i.signalMassMeV(),
                gen,
                i.schemaVersion(),
                i.description() + ", readout faults " + describe(faults));
        RunData.Builder b = RunData.builder(info, d, n);
        for (ColumnDef def : r.schema().scalars()) {
            if (derived.containsKey(def.name())) {
                b.column(def.name(), derived.get(def.name()));
            } else if (r.has(def.name())) {
                b.column(def.name(), r.columns().get(def.name()));
            }
        }
        return b.cells(new ArrayCellStore(block, nc)).source(r.source()).build();
    }

    /** "hot ecal_main_r2c1 x10, dead ..., noisy ... 0.3 GeV". */
    public static String describe(List<Fault> faults) {
        List<String> parts = new ArrayList<>();
        for (Fault f : faults) {
            parts.add(
                    switch (f.kind()) {
                        case HOT -> "hot " + f.cell() + " x" + fmt(f.value());
                        case DEAD -> "dead " + f.cell();
                        case NOISY -> "noisy " + f.cell() + " +" + fmt(f.value()) + " GeV noise";
                    });
        }
        return String.join(", ", parts);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static float round(double v, double step) {
        return (float) (Math.rint(v / step) * step);
    }
}
