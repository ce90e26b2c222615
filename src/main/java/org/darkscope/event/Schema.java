package org.darkscope.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.geometry.Cell;
import org.darkscope.geometry.Detector;

/**
 * The summary columns of a run (schema version {@link #VERSION}). Scalar column names are
 * constants here; cell columns are named by the geometry ({@code ecal_main_r2c3}, {@code hcal1_r0c2}).
 * Units: GeV, mm, ns unless the name says otherwise (docs/physics.md).
 */
public final class Schema {
    /** Version of the run-file schema written into every file's metadata. */
    public static final int VERSION = 1;

    // identifiers
    public static final String RUN = "run";
    public static final String SPILL = "spill";
    public static final String EVENT = "event";
    public static final String TIME = "time_ns";
    // beam and tracking
    public static final String P = "p";
    public static final String ANGLE = "angle";
    public static final String CHI2 = "chi2";
    public static final String STRAW_HITS = "straw_hits";
    // truth
    public static final String TRUTH_CLASS = "truth_class";
    public static final String TRUTH_PILEUP = "truth_pileup";
    public static final String TRUTH_EA = "truth_ea";
    public static final String TRUTH_Z = "truth_z";
    public static final String TRUTH_WEIGHT = "truth_weight";
    // derived from cells at load
    public static final String ECAL_PRE = "ecal_pre";
    public static final String ECAL_MAIN = "ecal_main";
    public static final String ECAL = "ecal";
    public static final String ECAL_SHAPE = "ecal_shape";
    public static final String ECAL_X = "ecal_x";
    public static final String ECAL_Y = "ecal_y";
    public static final String HCAL = "hcal";
    public static final String HCAL_R = "hcal_r";
    public static final String SRD_SUM = "srd_sum_mev";
    public static final String VETO_MAX = "veto_max_mip";
    public static final String E_TOTAL = "e_total";

    /** Name of SRD cell i's column (energy in MeV). */
    public static String srd(int i) {
        return "srd" + i + "_mev";
    }

    /** Name of VETO counter i's column (energy in units of a MIP). */
    public static String veto(int i) {
        return "veto" + i + "_mip";
    }

    /** Name of HCAL module i's energy column (derived). */
    public static String hcalModule(int i) {
        return "hcal" + i;
    }

    private final Detector detector;
    private final List<ColumnDef> scalars;
    private final Map<String, ColumnDef> byName;

    private Schema(Detector detector) {
        this.detector = detector;
        List<ColumnDef> s = new ArrayList<>();
        s.add(def(RUN, ColumnType.INT, "", "run number", ColumnDef.Kind.OPTIONAL));
        s.add(def(SPILL, ColumnType.INT, "", "spill number", ColumnDef.Kind.OPTIONAL));
        s.add(def(EVENT, ColumnType.INT, "", "event number in the run", ColumnDef.Kind.OPTIONAL));
        s.add(def(TIME, ColumnType.LONG, "ns", "event time since the start of the run", ColumnDef.Kind.OPTIONAL));
        s.add(def(P, ColumnType.FLOAT, "GeV", "reconstructed momentum of the incoming track", ColumnDef.Kind.REQUIRED));
        s.add(def(
                ANGLE,
                ColumnType.FLOAT,
                "mrad",
                "angle of the incoming track to the beam axis",
                ColumnDef.Kind.OPTIONAL));
        s.add(def(CHI2, ColumnType.FLOAT, "", "track fit chi2 per degree of freedom", ColumnDef.Kind.OPTIONAL));
        s.add(def(STRAW_HITS, ColumnType.INT, "", "hit multiplicity in the straw chambers", ColumnDef.Kind.OPTIONAL));
        for (int i = 0; i < detector.srdCellCount(); i++) {
            s.add(def(srd(i), ColumnType.FLOAT, "MeV", "energy in SRD cell " + i, ColumnDef.Kind.REQUIRED));
        }
        for (int i = 0; i < detector.vetoCount(); i++) {
            s.add(def(
                    veto(i),
                    ColumnType.FLOAT,
                    "MIP",
                    "energy in VETO counter " + i + " in MIP units",
                    ColumnDef.Kind.REQUIRED));
        }
        s.add(def(
                TRUTH_CLASS,
                ColumnType.INT,
                "",
                "simulated event class (EventClass code; 0 = data)",
                ColumnDef.Kind.TRUTH));
        s.add(def(TRUTH_PILEUP, ColumnType.INT, "", "1 if a pile-up particle was overlaid", ColumnDef.Kind.TRUTH));
        s.add(def(TRUTH_EA, ColumnType.FLOAT, "GeV", "energy carried away invisibly (A')", ColumnDef.Kind.TRUTH));
        s.add(def(
                TRUTH_Z,
                ColumnType.FLOAT,
                "mm",
                "z of the primary interaction (A' emission, upstream interaction)",
                ColumnDef.Kind.TRUTH));
        s.add(def(
                TRUTH_WEIGHT,
                ColumnType.FLOAT,
                "",
                "event weight (1 for unweighted simulation)",
                ColumnDef.Kind.TRUTH));
        s.add(def(ECAL_PRE, ColumnType.FLOAT, "GeV", "energy in the ECAL preshower", ColumnDef.Kind.DERIVED));
        s.add(def(ECAL_MAIN, ColumnType.FLOAT, "GeV", "energy in the ECAL main section", ColumnDef.Kind.DERIVED));
        s.add(def(ECAL, ColumnType.FLOAT, "GeV", "E_ECAL: total ECAL energy", ColumnDef.Kind.DERIVED));
        s.add(def(
                ECAL_SHAPE,
                ColumnType.FLOAT,
                "",
                "(E_ECAL - E_3x3)/E_ECAL around the hottest tower",
                ColumnDef.Kind.DERIVED));
        s.add(def(
                ECAL_X,
                ColumnType.FLOAT,
                "mm",
                "shower centroid x (3x3 around the hottest tower)",
                ColumnDef.Kind.DERIVED));
        s.add(def(
                ECAL_Y,
                ColumnType.FLOAT,
                "mm",
                "shower centroid y (3x3 around the hottest tower)",
                ColumnDef.Kind.DERIVED));
        for (int i = 0; i < detector.hcalModules().size(); i++) {
            s.add(def(hcalModule(i), ColumnType.FLOAT, "GeV", "energy in HCAL module " + i, ColumnDef.Kind.DERIVED));
        }
        s.add(def(HCAL, ColumnType.FLOAT, "GeV", "E_HCAL: sum over the HCAL modules", ColumnDef.Kind.DERIVED));
        s.add(def(HCAL_R, ColumnType.FLOAT, "", "HCAL R = (E_HCAL - E_central cells)/E_HCAL", ColumnDef.Kind.DERIVED));
        s.add(def(SRD_SUM, ColumnType.FLOAT, "MeV", "sum over the SRD cells", ColumnDef.Kind.DERIVED));
        s.add(def(VETO_MAX, ColumnType.FLOAT, "MIP", "largest VETO counter energy", ColumnDef.Kind.DERIVED));
        s.add(def(E_TOTAL, ColumnType.FLOAT, "GeV", "E_ECAL + E_HCAL", ColumnDef.Kind.DERIVED));
        this.scalars = Collections.unmodifiableList(s);
        Map<String, ColumnDef> m = new LinkedHashMap<>();
        for (ColumnDef c : s) {
            m.put(c.name(), c);
        }
        this.byName = Collections.unmodifiableMap(m);
    }

    private static final Map<String, Schema> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The schema for runs recorded with the given detector. */
    public static Schema of(Detector detector) {
        return CACHE.computeIfAbsent(detector.version(), v -> new Schema(detector));
    }

    private static ColumnDef def(String name, ColumnType type, String unit, String description, ColumnDef.Kind kind) {
        return new ColumnDef(name, type, unit, description, kind);
    }

    public Detector detector() {
        return detector;
    }

    /** All scalar (per-event) columns, stored and derived. */
    public List<ColumnDef> scalars() {
        return scalars;
    }

    /** Scalar columns that are stored in run files (not derived). */
    public List<ColumnDef> stored() {
        return scalars.stream().filter(c -> c.kind() != ColumnDef.Kind.DERIVED).toList();
    }

    public List<ColumnDef> derived() {
        return scalars.stream().filter(c -> c.kind() == ColumnDef.Kind.DERIVED).toList();
    }

    /** Names of the cell columns in cell-block order. */
    public List<String> cellColumns() {
        return detector.cells().stream().map(Cell::name).toList();
    }

    public ColumnDef column(String name) {
        ColumnDef c = byName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown column '" + name + "'");
        }
        return c;
    }

    public boolean hasColumn(String name) {
        return byName.containsKey(name);
    }
}
