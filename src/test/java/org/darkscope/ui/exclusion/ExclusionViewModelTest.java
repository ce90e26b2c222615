package org.darkscope.ui.exclusion;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.event.RunData;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;
import org.darkscope.session.CurrentThreadTaskExecutor;
import org.darkscope.session.Session;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exclusion view's state without the toolkit: what it draws and prints for a given session. */
class ExclusionViewModelTest {
    private static final RunData DATA = RunFixtures.random(300, 21);
    private static final RunData SIGNAL = withExternal(RunFixtures.signal(2000, 16.7, 22));

    private Session session;
    private ExclusionViewModel vm;

    /** The signal run with the NA64 external factor in its metadata, as the simulation writes it. */
    private static RunData withExternal(RunData s) {
        RunInfo i = s.info();
        Map<String, String> g = new HashMap<>(i.generator());
        ExternalEfficiency.na64Published().putInto(g);
        RunInfo info = new RunInfo(
                i.runNumber(),
                i.beamEnergy(),
                i.eot(),
                i.intensity(),
                i.geometryVersion(),
                true,
                i.mix(),
                i.seed(),
                i.signalMassMeV(),
                g,
                i.schemaVersion(),
                i.description());
        float[] e = s.floats(Schema.ECAL);
        float[] h = s.floats(Schema.HCAL);
        float[] p = s.floats(Schema.P);
        double[] ed = new double[s.size()];
        double[] hd = new double[s.size()];
        double[] pd = new double[s.size()];
        int[] cls = new int[s.size()];
        for (int k = 0; k < s.size(); k++) {
            ed[k] = e[k];
            hd[k] = h[k];
            pd[k] = p[k];
            cls[k] = org.darkscope.event.EventClass.SIGNAL_BREM.code();
        }
        return RunFixtures.of(info, ed, hd, pd, cls);
    }

    @BeforeEach
    void setUp() {
        session = new Session();
        session.setSelection(Selection.loose().withBlinded(false));
        session.setBlinded(false);
        // plain ABCD: available from the data's sidebands alone, with a background error (its 100 % syst)
        session.setDefinition(AnalysisDefinition.defaults().withBackground(BackgroundChoice.ABCD));
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        vm = new ExclusionViewModel(session, now, now);
        vm.setActive(true);
        AnalysisResult r;
        try (AnalysisEngine e = new AnalysisEngine(List.of(DATA, SIGNAL))) {
            r = e.evaluate(session.selection());
        }
        r.computeAll();
        session.setDetails(r);
    }

    @Test
    void expectedLimitIsDrawnAsItsMedianInsideGreenAndYellowBands() {
        assertFalse(vm.points().isEmpty());
        List<ExclusionViewModel.Curve> c = vm.curves(false);
        List<ExclusionViewModel.Kind> kinds =
                c.stream().map(ExclusionViewModel.Curve::kind).toList();
        assertEquals(
                List.of(
                        ExclusionViewModel.Kind.BAND_2SIGMA,
                        ExclusionViewModel.Kind.BAND_1SIGMA,
                        ExclusionViewModel.Kind.EXPECTED,
                        ExclusionViewModel.Kind.OBSERVED,
                        ExclusionViewModel.Kind.PUBLISHED),
                kinds);
        ExclusionViewModel.Curve two = c.get(0);
        ExclusionViewModel.Curve one = c.get(1);
        ExclusionViewModel.Curve med = c.get(2);
        int finite = 0;
        for (int i = 0; i < med.x().length; i++) {
            ExclusionPoint p = vm.points().get(i);
            if (!Double.isFinite(two.y()[i])) {
                continue;
            }
            finite++;
            // ε ∝ √N_up: each edge is √(N_edge / (N_sig/ε²)) of the expected limits on events
            var b = p.expectedBands();
            assertEquals(Math.sqrt(b.minus2() / p.signalPerEps2()), two.y()[i], 1e-12 * two.y()[i]);
            assertEquals(Math.sqrt(b.plus1() / p.signalPerEps2()), one.yHi()[i], 1e-12 * one.yHi()[i]);
            assertTrue(
                    two.y()[i] <= one.y()[i]
                            && one.y()[i] <= med.y()[i]
                            && med.y()[i] <= one.yHi()[i]
                            && one.yHi()[i] <= two.yHi()[i],
                    "bands nest at " + p.massMeV());
        }
        assertTrue(finite > 10);
        // with a background of several events the bands have a width
        int mid = med.x().length / 2;
        assertTrue(
                two.yHi()[mid] > 1.05 * two.y()[mid], "±2σ band has a width: " + two.y()[mid] + ".." + two.yHi()[mid]);
        session.setBlinded(true);
        vm.recompute();
        assertFalse(
                vm.curves(false).stream().anyMatch(x -> x.kind() == ExclusionViewModel.Kind.OBSERVED),
                "blinded: no observed curve");
    }

    @Test
    void externalInefficiencyIsShownSeparatelyAndAppliedOnlyOnRequest() {
        String text = vm.efficiencyText();
        assertTrue(text.contains("(simulated, 1 signal run)"), text);
        assertTrue(
                text.contains(
                        "× 0.648 (external: tracking 0.83, veto 0.94, hcal 0.94, daq 0.93, trigger 0.95; not applied)"),
                text);
        double eps = vm.points().get(10).epsilonExpected();
        vm.setApplyExternal(true);
        assertTrue(vm.efficiencyText().endsWith("; applied)"), vm.efficiencyText());
        double product = 0.83 * 0.94 * 0.94 * 0.93 * 0.95;
        // N_sig ∝ efficiency and ε ∝ 1/√N_sig at a fixed limit on signal events
        // (the run's metadata stores the factor to 4 decimals: 0.6482 for 0.648188...)
        assertEquals(eps / Math.sqrt(product), vm.points().get(10).epsilonExpected(), 1e-4 * eps);
    }

    @Test
    void publishedCurveIsOverlaidAndTheRatioPrintedFromTheShippedNumbers() throws Exception {
        ExclusionViewModel.Curve pub = vm.curves(false).get(vm.curves(false).size() - 1);
        assertEquals(ExclusionViewModel.Kind.PUBLISHED, pub.kind());
        // the shipped file, read here line by line: mass in MeV, ε
        List<double[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("resources/published/na64e-2016-2022-epsilon.csv"))) {
            if (!l.startsWith("#") && !l.startsWith("mass")) {
                String[] f = l.split(",");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        assertEquals(124, rows.size());
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        // the point nearest 10 MeV and the published ε there by log-log interpolation between its neighbours
        ExclusionPoint p = vm.points().stream()
                .min((a, b) ->
                        Double.compare(Math.abs(Math.log(a.massMeV() / 10)), Math.abs(Math.log(b.massMeV() / 10))))
                .orElseThrow();
        int k = 1;
        while (rows.get(k)[0] < p.massMeV()) {
            k++;
        }
        double f = Math.log(p.massMeV() / rows.get(k - 1)[0]) / Math.log(rows.get(k)[0] / rows.get(k - 1)[0]);
        double published = Math.exp(Math.log(rows.get(k - 1)[1]) + f * Math.log(rows.get(k)[1] / rows.get(k - 1)[1]));
        String text = vm.ratioText();
        String expected =
                ExclusionViewModel.fmt(p.epsilon() / published) + " at " + ExclusionViewModel.fmt(p.massMeV()) + " MeV";
        assertEquals(
                p.epsilon() / published,
                Double.parseDouble(ExclusionViewModel.fmt(p.epsilon() / published)),
                0.006 * p.epsilon() / published);
        assertTrue(text.startsWith("observed ε_90 / NA64 2016-2022"), text);
        assertTrue(text.contains(expected), text + " should contain " + expected);
        vm.setPublished(null);
        assertEquals("", vm.ratioText());
    }

    @Test
    void badFieldsAreFlaggedAndNothingIsComputed() {
        List<ExclusionPoint> before = vm.points();
        vm.setEotText("-5");
        assertEquals("eot", vm.invalidField());
        assertTrue(vm.status().startsWith("invalid input"), vm.status());
        assertSame(before, vm.points());
        vm.setEotText("");
        vm.setAlphaText("abc");
        assertEquals("alpha", vm.invalidField());
        vm.setAlphaText("0.5");
        assertEquals("", vm.invalidField());
        vm.setEotText("1e12");
        assertTrue(vm.status().startsWith("N_EOT 1.00e+12, α_D 0.50"), vm.status());
        assertEquals(1e12, vm.inputs().eot());
    }
}
