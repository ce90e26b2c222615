package org.darkscope.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector description: every element along the beam and the calorimeter cells.
 * Immutable; load it with {@link GeometryLoader}. Code asks this class for cell counts and
 * positions instead of hard-coding 6x6 or 3x3.
 *
 * <p>The cell block of a run holds the calorimeter layers in this order: ECAL preshower,
 * ECAL main, HCAL0 .. HCAL3 (the order of the layers in the geometry file).</p>
 */
public final class Detector {
    private final String version;
    private final String description;
    private final double beamEnergy;
    private final List<Element> elements;
    private final List<CellLayer> calorimeterLayers;
    private final List<Cell> cells;
    private final Map<String, Cell> cellsByName;
    private final Map<String, Element> elementsByName;

    Detector(String version, String description, double beamEnergy, List<Element> elements) {
        this.version = version;
        this.description = description;
        this.beamEnergy = beamEnergy;
        this.elements = List.copyOf(elements);
        List<CellLayer> layers = new ArrayList<>();
        List<Cell> all = new ArrayList<>();
        Map<String, Element> byName = new LinkedHashMap<>();
        for (Element e : elements) {
            byName.put(e.name(), e);
            if (e.kind().isCalorimeter()) {
                layers.addAll(e.layers());
                for (CellLayer l : e.layers()) {
                    all.addAll(l.cells());
                }
            }
        }
        this.calorimeterLayers = List.copyOf(layers);
        this.cells = Collections.unmodifiableList(all);
        Map<String, Cell> names = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Cell c = all.get(i);
            if (c.index() != i) {
                throw new IllegalStateException("cell index mismatch at " + c.name());
            }
            names.put(c.name(), c);
        }
        this.cellsByName = Collections.unmodifiableMap(names);
        this.elementsByName = Collections.unmodifiableMap(byName);
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }
    /** Nominal beam energy of the setup in GeV. */
    public double beamEnergy() {
        return beamEnergy;
    }

    public List<Element> elements() {
        return elements;
    }

    public Element element(String name) {
        Element e = elementsByName.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no element named " + name + " in geometry " + version);
        }
        return e;
    }

    public List<Element> elements(ElementKind kind) {
        return elements.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Calorimeter layers in cell-block order: ECAL segments, then HCAL modules. */
    public List<CellLayer> calorimeterLayers() {
        return calorimeterLayers;
    }

    /** All calorimeter cells in cell-block order. */
    public List<Cell> cells() {
        return cells;
    }

    public int cellCount() {
        return cells.size();
    }

    public Cell cell(String name) {
        Cell c = cellsByName.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no cell named " + name);
        }
        return c;
    }

    public Element ecal() {
        return elements(ElementKind.ECAL).get(0);
    }

    /** The ECAL preshower segment (first ECAL layer). */
    public CellLayer ecalPreshower() {
        return ecal().layers().get(0);
    }

    /** The ECAL main segment (last ECAL layer). */
    public CellLayer ecalMain() {
        return ecal().layers().get(ecal().layers().size() - 1);
    }

    /** HCAL modules in order HCAL0, HCAL1, ... */
    public List<CellLayer> hcalModules() {
        return elements(ElementKind.HCAL).stream().map(e -> e.layers().get(0)).toList();
    }

    /** Number of SRD cells (stored as scalar columns srd{i}_mev). */
    public int srdCellCount() {
        return elements(ElementKind.SRD).stream()
                .mapToInt(e -> e.layers().stream().mapToInt(CellLayer::size).sum())
                .sum();
    }

    /** Number of VETO counters (stored as scalar columns veto{i}_mip). */
    public int vetoCount() {
        return elements(ElementKind.VETO).stream()
                .mapToInt(e -> e.layers().size())
                .sum();
    }

    /** ECAL effective radiation length in mm (from the geometry file). */
    public double ecalRadiationLength() {
        return GeometryLoader.ecalNumber(this, "radiationLength");
    }

    /** ECAL Moliere radius in mm (from the geometry file). */
    public double ecalMoliereRadius() {
        return GeometryLoader.ecalNumber(this, "moliereRadius");
    }

    final Map<String, Double> numbers = new LinkedHashMap<>();

    @Override
    public String toString() {
        return "Detector[" + version + ", " + elements.size() + " elements, " + cellCount() + " calorimeter cells]";
    }
}
