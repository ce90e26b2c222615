package org.darkscope.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.darkscope.event.Schema;

/**
 * A selection: an ordered list of named cuts (applied in this order for the cut flow), the signal
 * box with its sidebands, and the blinding flag. Immutable; change it with the withers. Saved and
 * loaded by {@link SelectionIo}.
 *
 * @param name        short name ("published", "loose", ...)
 * @param description free text
 * @param cuts        cuts in cut-flow order, unique names
 * @param box         box and sideband edges
 * @param blinded     true: data events in the box are hidden (counts, lists, histograms)
 * @param basedOn     the preset this selection started from ("published", "loose"), "" if none
 * @param history     the changes made to it, oldest first
 */
public record Selection(
        String name,
        String description,
        List<Cut> cuts,
        SignalBox box,
        boolean blinded,
        String basedOn,
        List<Change> history) {
    /** Text that joins the preset name and the list of differences in a generated name. */
    public static final String MODIFIED = ", modified: ";

    /** One entry of a selection's history: when (ISO-8601 text) and what changed, in words. */
    public record Change(String time, String what) {
        public Change {
            time = time == null ? "" : time;
            what = what == null ? "" : what;
        }
    }

    public Selection {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        basedOn = basedOn == null ? "" : basedOn;
        history = history == null ? List.of() : List.copyOf(history);
        Objects.requireNonNull(box, "box");
        cuts = List.copyOf(cuts);
        Set<String> names = new HashSet<>();
        for (Cut c : cuts) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate cut name '" + c.name() + "'");
            }
        }
    }

    /** A selection without a preset of origin and without history. */
    public Selection(String name, String description, List<Cut> cuts, SignalBox box, boolean blinded) {
        this(name, description, cuts, box, blinded, "", List.of());
    }

    /** The cut with this name, if any. */
    public Optional<Cut> find(String cutName) {
        return cuts.stream().filter(c -> c.name().equals(cutName)).findFirst();
    }

    /** The cut with this name. */
    public Cut cut(String cutName) {
        return find(cutName).orElseThrow(() -> new IllegalArgumentException("no cut named '" + cutName + "'"));
    }

    /** Position of the named cut, -1 if absent. */
    public int indexOf(String cutName) {
        for (int i = 0; i < cuts.size(); i++) {
            if (cuts.get(i).name().equals(cutName)) {
                return i;
            }
        }
        return -1;
    }

    /** The enabled cuts in order. */
    public List<Cut> enabledCuts() {
        return cuts.stream().filter(Cut::enabled).toList();
    }

    /** Replaces the cut named {@code cutName} by {@code newCut} (same position; the name may change). */
    public Selection withCut(String cutName, Cut newCut) {
        int i = indexOf(cutName);
        if (i < 0) {
            throw new IllegalArgumentException("no cut named '" + cutName + "'");
        }
        List<Cut> l = new ArrayList<>(cuts);
        l.set(i, newCut);
        return new Selection(name, description, l, box, blinded, basedOn, history);
    }

    /** Switches the named cut on or off. */
    public Selection withCutEnabled(String cutName, boolean enabled) {
        return withCut(cutName, cut(cutName).withEnabled(enabled));
    }

    /** Appends a cut. */
    public Selection withAddedCut(Cut c) {
        List<Cut> l = new ArrayList<>(cuts);
        l.add(c);
        return new Selection(name, description, l, box, blinded, basedOn, history);
    }

    public Selection withCuts(List<Cut> newCuts) {
        return new Selection(name, description, newCuts, box, blinded, basedOn, history);
    }

    public Selection withBox(SignalBox newBox) {
        return new Selection(name, description, cuts, newBox, blinded, basedOn, history);
    }

    public Selection withBlinded(boolean b) {
        return new Selection(name, description, cuts, box, b, basedOn, history);
    }

    public Selection withName(String n) {
        return new Selection(n, description, cuts, box, blinded, basedOn, history);
    }

    public Selection withDescription(String d) {
        return new Selection(name, d, cuts, box, blinded, basedOn, history);
    }

    public Selection withBasedOn(String preset) {
        return new Selection(name, description, cuts, box, blinded, preset, history);
    }

    public Selection withHistory(List<Change> h) {
        return new Selection(name, description, cuts, box, blinded, basedOn, h);
    }

    /** This selection with one more history entry. */
    public Selection withChange(String time, String what) {
        List<Change> h = new ArrayList<>(history);
        h.add(new Change(time, what));
        return withHistory(h);
    }

    // --- honest names ----------------------------------------------------------------------------

    /** The preset of this name ("published", "loose"), if there is one. */
    public static Optional<Selection> preset(String presetName) {
        return switch (presetName == null ? "" : presetName) {
            case "published" -> Optional.of(published());
            case "loose" -> Optional.of(loose());
            default -> Optional.empty();
        };
    }

    /** Names of the presets, in the order offered to the user. */
    public static List<String> presetNames() {
        return List.of("published", "loose");
    }

    /**
     * What differs between {@code base} and this selection, in short words, in cut order then the box:
     * "preshower 1.0", "momentum 96..104", "veto off", "added x", "removed y", "box E_ECAL &lt; 47.5".
     * The blinding and the texts are not compared. Empty if the tests are the same.
     */
    public List<String> differencesFrom(Selection base) {
        List<String> out = new ArrayList<>();
        for (Cut c : cuts) {
            Optional<Cut> o = base.find(c.name());
            if (o.isEmpty()) {
                out.add("added " + c.name() + " (" + c.describeTest() + (c.enabled() ? "" : ", off") + ")");
                continue;
            }
            Cut b = o.get();
            if (!c.column().equals(b.column()) || c.kind() != b.kind()) {
                out.add(c.name() + " " + c.describeTest());
            } else if (Double.compare(c.min(), b.min()) != 0 || Double.compare(c.max(), b.max()) != 0) {
                out.add(c.name() + " " + edges(c));
            }
            if (c.enabled() != b.enabled()) {
                out.add(c.name() + (c.enabled() ? " on" : " off"));
            }
        }
        for (Cut b : base.cuts()) {
            if (find(b.name()).isEmpty()) {
                out.add("removed " + b.name());
            }
        }
        SignalBox x = box;
        SignalBox y = base.box();
        boxDiff(out, "box E_ECAL < ", x.ecalMax(), y.ecalMax());
        boxDiff(out, "box E_HCAL < ", x.hcalMax(), y.hcalMax());
        boxDiff(out, "trigger edge ", x.ecalTriggerEdge(), y.ecalTriggerEdge());
        boxDiff(out, "sideband E_HCAL < ", x.hcalSidebandMax(), y.hcalSidebandMax());
        boxDiff(out, "beam energy ", x.beamEnergy(), y.beamEnergy());
        boxDiff(out, "dimuon E_HCAL > ", x.dimuonHcalMin(), y.dimuonHcalMin());
        boxDiff(out, "dimuon E_HCAL < ", x.dimuonHcalMax(), y.dimuonHcalMax());
        boxDiff(out, "hadron sum window ", x.hadronSumWindow(), y.hadronSumWindow());
        boxDiff(out, "pile-up sum > ", x.pileupSumMin(), y.pileupSumMin());
        return out;
    }

    private static void boxDiff(List<String> out, String label, double now, double was) {
        if (Double.compare(now, was) != 0) {
            out.add(label + Cut.format(now));
        }
    }

    /** The edges a cut uses, as short text: "1.0", "96..104". */
    static String edges(Cut c) {
        if (c.kind().usesMin() && c.kind().usesMax()) {
            return Cut.format(c.min()) + ".." + Cut.format(c.max());
        }
        return Cut.format(c.kind().usesMin() ? c.min() : c.max());
    }

    /**
     * True if the name is one this class generates for {@link #basedOn()}: the preset name itself or
     * "preset, modified: ...". A name the user chose is never replaced.
     */
    public boolean hasGeneratedName() {
        return !basedOn.isEmpty() && (name.isEmpty() || name.equals(basedOn) || name.startsWith(basedOn + MODIFIED));
    }

    /**
     * The selection with its name generated from what differs from its preset: "published" when it
     * equals the preset, "published, modified: preshower 1.0, veto off" otherwise. Unchanged when it
     * has no known preset or carries a name the user chose.
     */
    public Selection withHonestName() {
        if (!hasGeneratedName()) {
            return this;
        }
        Optional<Selection> p = preset(basedOn);
        if (p.isEmpty()) {
            return this;
        }
        List<String> d = differencesFrom(p.get());
        String n = d.isEmpty() ? basedOn : basedOn + MODIFIED + String.join(", ", d);
        return n.equals(name) ? this : withName(n);
    }

    // --- presets -------------------------------------------------------------------------------

    /** Momentum window half width: p = 100 ± 3 GeV [src, docs/physics.md#selection item 1]. */
    public static final double MOMENTUM_HALF_WIDTH = 3.0;
    /** Largest track angle to the beam axis, "small angle" [est, docs/physics.md#selection item 1: ≈ 7σ of the beam divergence]. */
    public static final double MAX_TRACK_ANGLE_MRAD = 1.0;
    /**
     * Straw hit multiplicity must stay below this: "no multiple hits in the straws" [est, docs/physics.md#selection
     * selection 4]: a clean track leaves one hit per chamber (2), one noise hit is tolerated.
     */
    public static final double MAX_STRAW_HITS = 4.0;
    /** SRD window per cell: 1 &lt; E &lt; 80 MeV [src, docs/physics.md#selection]. */
    public static final double SRD_CELL_MIN_MEV = 1.0;

    public static final double SRD_CELL_MAX_MEV = 80.0;
    /** SRD sum: &lt; 120 MeV per cell sum window upper edge [src, docs/physics.md#selection], lower edge [est]. */
    public static final double SRD_SUM_MAX_MEV = 120.0;
    /** Preshower energy: E_pre &gt; 0.5 GeV [src, docs/physics.md#selection item 3]. */
    public static final double PRESHOWER_MIN = 0.5;
    /** Shower shape (E_tot - E_3x3)/E_tot &lt; 0.06-0.07 [src, docs/physics.md#selection item 3]. */
    public static final double SHOWER_SHAPE_MAX = 0.07;
    /** VETO: below half a MIP in every counter [src, docs/physics.md#selection]. */
    public static final double VETO_MAX_MIP = 0.5;
    /** Track fit quality chi2/ndf [est]. */
    public static final double MAX_TRACK_CHI2 = 5.0;
    /** Per-module HCAL threshold [est]. */
    public static final double HCAL_MODULE_MAX = 1.0;
    /** HCAL0 zero-degree module: energy of hard upstream neutrals [est, docs/physics.md#selection]. */
    public static final double HCAL0_MAX = 1.0;

    /**
     * The published selection (docs/physics.md#selection, seeds 000-004): 10 enabled cuts in cut-flow
     * order (plus the HCAL0 zero-degree and per-module HCAL cuts, switched off), the 50 GeV / 1 GeV
     * box, blinded.
     */
    public static Selection published() {
        double pNom = SignalBox.BEAM_ENERGY;
        List<Cut> c = List.of(
                Cut.window(
                        "momentum",
                        Schema.P,
                        pNom - MOMENTUM_HALF_WIDTH,
                        pNom + MOMENTUM_HALF_WIDTH,
                        "GeV",
                        "one track with {min} < p < {max} GeV [src, docs/physics.md#selection publishes 100 ± 3 GeV]"),
                Cut.max(
                        "track-chi2",
                        Schema.CHI2,
                        MAX_TRACK_CHI2,
                        "",
                        "one good track: fit chi2/ndf below threshold [est]"),
                Cut.max(
                        "track-angle",
                        Schema.ANGLE,
                        MAX_TRACK_ANGLE_MRAD,
                        "mrad",
                        "small angle of the incoming track to the beam axis [est]"),
                Cut.max(
                        "straw-hits",
                        Schema.STRAW_HITS,
                        MAX_STRAW_HITS,
                        "",
                        "no multiple hits in the straw chambers (upstream interactions) [est threshold]"),
                Cut.window(
                        "srd-cells",
                        "srd{i}_mev",
                        SRD_CELL_MIN_MEV,
                        SRD_CELL_MAX_MEV,
                        "MeV",
                        "synchrotron-radiation tag: every SRD cell in the electron window [src, docs/physics.md#selection]"),
                Cut.max(
                        "srd-sum",
                        Schema.SRD_SUM,
                        SRD_SUM_MAX_MEV,
                        "MeV",
                        "SRD sum below the upper edge [src, docs/physics.md#selection]"),
                Cut.min(
                        "preshower",
                        Schema.ECAL_PRE,
                        PRESHOWER_MIN,
                        "GeV",
                        "ECAL preshower energy > {min} GeV [src, docs/physics.md#selection publishes 0.5 GeV]"),
                Cut.max(
                        "shower-shape",
                        Schema.ECAL_SHAPE,
                        SHOWER_SHAPE_MAX,
                        "",
                        "(E_ECAL - E_3x3)/E_ECAL < {max}: e-m shower shape [src, docs/physics.md#selection publishes 0.06-0.07]"),
                Cut.max(
                        "veto",
                        Schema.VETO_MAX,
                        VETO_MAX_MIP,
                        "MIP",
                        "no charged particle leaving the ECAL: every VETO counter < {max} MIP [src, docs/physics.md#selection publishes 0.5 MIP]"),
                Cut.max(
                                "hcal0-zero-degree",
                                Schema.hcalModule(0),
                                HCAL0_MAX,
                                "GeV",
                                "HCAL0 zero-degree module below threshold (hard upstream neutrals) [est]; off by default:"
                                        + " it empties sidebands A and D that the background estimates need")
                        .withEnabled(false),
                Cut.max(
                                "hcal-modules",
                                "hcal{i}",
                                HCAL_MODULE_MAX,
                                "GeV",
                                "every HCAL module below threshold [est]; off by default (the box edge on E_HCAL does this)")
                        .withEnabled(false),
                Cut.max(
                        "trigger",
                        Schema.ECAL,
                        SignalBox.TRIGGER_EDGE,
                        "GeV",
                        "trigger: in-time ECAL cluster below the trigger edge [src, docs/physics.md#trigger]"));
        return new Selection(
                "published",
                "published NA64 invisible-mode selection (docs/physics.md#selection)",
                c,
                SignalBox.published(),
                true,
                "published",
                List.of());
    }

    /**
     * A loose selection: beam-quality and SRD cuts only (no shower-shape, VETO, HCAL0), the same box,
     * unblinded; the disabled cuts are kept so they can be switched on.
     */
    public static Selection loose() {
        Selection p = published();
        List<Cut> c = new ArrayList<>();
        for (Cut cut : p.cuts()) {
            switch (cut.name()) {
                case "momentum" -> c.add(cut.withRange(SignalBox.BEAM_ENERGY - 10, SignalBox.BEAM_ENERGY + 10));
                case "track-chi2", "track-angle", "straw-hits", "shower-shape", "veto", "hcal0-zero-degree" -> c.add(
                        cut.withEnabled(false));
                case "srd-sum" -> c.add(cut.withEnabled(false));
                default -> c.add(cut);
            }
        }
        return new Selection(
                "loose",
                "loose selection: beam quality, SRD tag, preshower, trigger",
                c,
                p.box(),
                false,
                "loose",
                List.of());
    }
}
