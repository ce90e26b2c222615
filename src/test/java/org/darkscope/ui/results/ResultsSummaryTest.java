package org.darkscope.ui.results;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.session.report.ResultsSummary;
import org.darkscope.session.report.SummaryLine;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.plane.PlaneRegion;
import org.darkscope.ui.plane.PlaneSnapshot;
import org.darkscope.ui.plane.PlaneSnapshots;
import org.junit.jupiter.api.Test;

/** What the panels show, checked against plain loops over the columns (an independent count). */
class ResultsSummaryTest {
    private static final RunData DATA = RunFixtures.random(4000, 21);
    private static final RunData SIGNAL = RunFixtures.signal(2000, 16.7, 22);

    /** Counts by hand: selected by the engine (its bitset), region by the box edges. */
    private static long count(AnalysisResult r, double eLo, double eHi, double hLo, double hHi) {
        float[] e = DATA.floats(Schema.ECAL);
        float[] h = DATA.floats(Schema.HCAL);
        long n = 0;
        for (int i = 0; i < DATA.size(); i++) {
            if (r.run(DATA).isSelected(i) && e[i] >= eLo && e[i] < eHi && h[i] >= hLo && h[i] < hHi) {
                n++;
            }
        }
        return n;
    }

    @Test
    void regionLinesAndPlaneCountsAreTheSelectedEventsInEachRegion() {
        Selection sel = Selection.loose().withBlinded(false);
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, SIGNAL))) {
            r = e.evaluate(sel);
        }
        var b = sel.box();
        long box = count(r, Double.NEGATIVE_INFINITY, b.ecalMax(), Double.NEGATIVE_INFINITY, b.hcalMax());
        long a = count(r, Double.NEGATIVE_INFINITY, b.ecalMax(), b.hcalMax(), b.hcalSidebandMax());
        long c = count(r, b.ecalMax(), b.ecalTriggerEdge(), Double.NEGATIVE_INFINITY, b.hcalMax());
        List<SummaryLine> lines = ResultsSummary.core(r, List.of(DATA));
        assertEquals(Long.toString(box), line(lines, "region-BOX").value());
        assertEquals(Long.toString(a), line(lines, "region-A").value());
        assertEquals(Long.toString(c), line(lines, "region-C").value());
        assertEquals(Long.toString(box), line(lines, "observed").value());
        PlaneSnapshot p = PlaneSnapshots.of(r, List.of(DATA), List.of(SIGNAL), false);
        assertEquals(box, p.count(PlaneRegion.BOX));
        assertEquals(a, p.count(PlaneRegion.A));
        assertEquals(c, p.count(PlaneRegion.C));
        // efficiency line: signal events selected and inside the box over all signal events
        long passed = 0;
        float[] se = SIGNAL.floats(Schema.ECAL);
        float[] sh = SIGNAL.floats(Schema.HCAL);
        for (int i = 0; i < SIGNAL.size(); i++) {
            if (r.run(SIGNAL).isSelected(i) && se[i] < b.ecalMax() && sh[i] < b.hcalMax()) {
                passed++;
            }
        }
        String eff = line(lines, "eff-16_7").value();
        assertTrue(eff.contains("(" + passed + "/" + SIGNAL.size() + ")"), eff);
        assertTrue(eff.startsWith(String.format(java.util.Locale.ROOT, "%.4f", (double) passed / SIGNAL.size())), eff);
        assertEquals(r.run(DATA).regions().count(Region.A), a);
    }

    @Test
    void twoProcessesAtOneMassGetTheirOwnEfficiencyLines() {
        // same events, relabelled as a resonant-annihilation run of the same mass
        RunInfo i = SIGNAL.info();
        RunData annihilation = RunFixtures.of(
                new RunInfo(
                        i.runNumber() + 1,
                        i.beamEnergy(),
                        i.eot(),
                        i.intensity(),
                        i.geometryVersion(),
                        true,
                        "signal-annihilation",
                        i.seed(),
                        i.signalMassMeV(),
                        i.generator(),
                        i.schemaVersion(),
                        "annihilation twin"),
                SIGNAL.asDoubles(Schema.ECAL),
                SIGNAL.asDoubles(Schema.HCAL),
                SIGNAL.asDoubles(Schema.P),
                SIGNAL.ints(Schema.TRUTH_CLASS));
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, SIGNAL, annihilation))) {
            r = e.evaluate(Selection.loose().withBlinded(false));
        }
        List<SummaryLine> lines = ResultsSummary.core(r, List.of(DATA));
        SummaryLine brem = line(lines, "eff-16_7");
        SummaryLine annih = line(lines, "eff-16_7-annihilation");
        assertFalse(brem.label().contains("annihilation"), brem.label());
        assertTrue(annih.label().contains("annihilation"), annih.label());
        assertEquals(
                lines.stream().map(SummaryLine::key).distinct().count(), lines.size(), "every line has its own key");
    }

    @Test
    void blindedResultHidesTheBoxEverywhere() {
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA))) {
            r = e.evaluate(Selection.loose().withBlinded(true));
        }
        List<SummaryLine> lines = ResultsSummary.core(r, List.of(DATA));
        assertEquals("blinded", line(lines, "region-BOX").value());
        assertTrue(line(lines, "observed").value().startsWith("blinded"));
        PlaneSnapshot p = PlaneSnapshots.of(r, List.of(DATA), List.of(), true);
        assertEquals(PlaneSnapshot.HIDDEN, p.count(PlaneRegion.BOX));
        assertEquals("box: blinded", p.countText(PlaneRegion.BOX));
        var g = p.density();
        for (int iy = 0; iy < g.ny(); iy++) {
            for (int ix = 0; ix < g.nx(); ix++) {
                if (g.xLow(ix) < 50 && g.yLow(iy) < 1) {
                    assertEquals(0, g.count(ix, iy), "bin " + ix + "," + iy);
                }
            }
        }
        // without a signal run the efficiency line explains what is missing
        assertTrue(line(lines, "eff").hasWarning());
    }

    private static SummaryLine line(List<SummaryLine> lines, String key) {
        return lines.stream()
                .filter(l -> l.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key));
    }
}
