package org.darkscope.sim;

import java.util.Arrays;

/**
 * Mutable scratch of one event while it is generated: one per worker thread, cleared for every
 * attempt, so the hot loop allocates nothing. Energies in GeV, SRD in MeV, VETO in MIP units.
 */
public final class EventRecord {
    /** Cell energies in cell-block order (Detector#cells()), before noise. */
    public final double[] cells;
    /** SRD cell energies in MeV. */
    public final double[] srd;
    /** VETO counter energies in MIP units. */
    public final double[] veto;

    public double p;
    public double angle;
    public double chi2;
    public int strawHits;
    public int truthClass;
    public int truthPileup;
    public double truthEa;
    public double truthZ;
    /** Event weight of weighted MC (1 otherwise): the product of the likelihood ratios of boosted decisions. */
    public double weight = 1;
    /** Scratch for samplers (e.g. the shower's α, β). */
    public final double[] scratch = new double[4];
    /** Scratch for the thick-target path (per-slab increments). */
    public final double[] slabs = new double[16];
    /** Scratch for the thick-target path: the photons of one slab (log-loss share, depth). */
    public final double[] photonShare = new double[16];

    public final double[] photonDepth = new double[16];

    public EventRecord(int cellCount, int srdCount, int vetoCount) {
        cells = new double[cellCount];
        srd = new double[srdCount];
        veto = new double[vetoCount];
    }

    public void clear() {
        Arrays.fill(cells, 0);
        Arrays.fill(srd, 0);
        Arrays.fill(veto, 0);
        p = 0;
        angle = 0;
        chi2 = 0;
        strawHits = 0;
        truthClass = 0;
        truthPileup = 0;
        truthEa = 0;
        truthZ = 0;
        weight = 1;
    }
}
