package org.darkscope.ui.fits;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.ShapeFit;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.CurrentThreadTaskExecutor;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.SidebandRuns;
import org.junit.jupiter.api.Test;

/** The sideband-fit view model without the toolkit: what the two panels and the table will show. */
class SidebandFitViewModelTest {
    private static final RunData RUN = SidebandRuns.simulated(8_000, 3, 7001);

    @Test
    void panelsHoldTheSpectrumEveryAcceptedFitAndTheTable() {
        Session session = new Session();
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        SidebandFitViewModel vm = new SidebandFitViewModel(session);
        assertNull(vm.fits(), "nothing before the first result");
        try (AnalysisService service = new AnalysisService(
                session,
                new AnalysisEngine(List.of(), AnalysisEngine.Options.defaults().withThreads(1)),
                now,
                now)) {
            session.addRun(new OpenRun(RUN, RunRole.DATA, null));
            var r = session.details();
            assertNotNull(r);
            SidebandFitViewModel.Fits f = vm.fits();
            assertNotNull(f);
            var box = r.selection().box();

            // sideband C: selected events of region C with E_ECAL counted bin by bin, independently here
            SidebandFitViewModel.Panel c = f.sidebandC();
            assertEquals(box.ecalMax(), c.boxEdge());
            assertEquals(box.ecalMax(), c.edges()[0], 1e-12);
            assertEquals(box.ecalTriggerEdge(), c.edges()[c.edges().length - 1], 1e-9);
            float[] ecal = RUN.floats(Schema.ECAL);
            double[] expected = new double[c.counts().length];
            double width = c.edges()[1] - c.edges()[0];
            for (int e : r.run(RUN).eventsInRegion(Region.C)) {
                int bin = (int) Math.floor((ecal[e] - box.ecalMax()) / width);
                if (bin >= 0 && bin < expected.length) {
                    expected[bin]++;
                }
            }
            assertArrayEquals(expected, c.counts());

            for (var panel : List.of(c, f.sidebandA())) {
                BackgroundEstimate e =
                        panel == c ? r.background().sidebandC() : r.background().sidebandA();
                List<ShapeFit> accepted =
                        e.fits().stream().filter(ShapeFit::accepted).toList();
                assertFalse(accepted.isEmpty(), e.toString());
                assertEquals(accepted.size(), panel.fits().size());
                assertEquals(accepted.size(), panel.extrapolations().size());
                double w = panel.edges()[1] - panel.edges()[0];
                for (int k = 0; k < accepted.size(); k++) {
                    ShapeFit fit = accepted.get(k);
                    var curve = panel.fits().get(k);
                    assertEquals(fit.fitLo(), curve.x()[0], 1e-12);
                    assertEquals(fit.fitHi(), curve.x()[curve.x().length - 1], 1e-9);
                    // events per display bin: density times the bin width, at a point in the middle
                    int m = curve.x().length / 2;
                    assertEquals(
                            fit.density(new double[] {curve.x()[m]})[0] * w,
                            curve.y()[m],
                            1e-9 * Math.abs(curve.y()[m]));
                    var ex = panel.extrapolations().get(k);
                    assertEquals(panel.boxEdge(), ex.x()[ex.x().length - 1], 1e-9, "extrapolated up to the box edge");
                    assertEquals("", ex.name(), "one legend entry per fit, on the solid curve");
                }
                assertTrue(panel.yLo() > 0 && panel.yLo() < panel.yHi());
            }
            long fitRows = r.background().sidebandC().fits().size()
                    + r.background().sidebandA().fits().size();
            long chosen =
                    f.rows().stream().filter(row -> row.get(1).equals("chosen")).count();
            assertEquals(fitRows + chosen, f.rows().size());
            assertTrue(f.rows().stream().allMatch(row -> row.size() == SidebandFitViewModel.COLUMNS.size()));

            // a new selection: the model follows the new fits
            session.setSelection(session.selection().withBox(box.withEcalMax(40)));
            assertEquals(40, vm.fits().sidebandC().boxEdge());
        }
    }
}
