package org.darkscope.ui.fits;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.ShapeFit;
import org.darkscope.event.RunData;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.SidebandRuns;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sideband fit view draws one curve per accepted fit, and its extrapolation under the box, in both panels. */
class SidebandFitViewTest extends FxTestBase {
    private static final RunData RUN = SidebandRuns.simulated(8_000, 3, 7001);
    private Session session;
    private AnalysisService service;
    private SidebandFitView view;

    @Start
    void start(Stage stage) {
        session = new Session();
        service = new AnalysisService(
                session,
                new AnalysisEngine(List.of(), AnalysisEngine.Options.defaults().withThreads(1)),
                now,
                now);
        view = new SidebandFitView(new SidebandFitViewModel(session));
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private static List<Series> named(SeriesChart c, boolean dashed) {
        return c.renderer().series().stream()
                .filter(s -> s.style() == Series.Style.LINE && s.dashed() == dashed && s.x().length > 0)
                .toList();
    }

    private void assertCurves(FxRobot robot, SeriesChart chart, BackgroundEstimate e, double boxEdge) {
        List<ShapeFit> accepted = e.fits().stream().filter(ShapeFit::accepted).toList();
        assertFalse(accepted.isEmpty(), "the pseudo-data are fitted acceptably: " + e);
        List<Series> solid = named(chart, false);
        List<Series> dashed = named(chart, true);
        assertEquals(accepted.size(), solid.size(), "one curve per accepted fit of " + e.method());
        assertEquals(accepted.size(), dashed.size(), "one extrapolation per accepted fit of " + e.method());
        assertEquals(
                accepted.stream().map(SidebandFitViewModel::fitSeriesName).collect(Collectors.toSet()),
                solid.stream().map(Series::name).collect(Collectors.toSet()));
        // issue 10: each extrapolation starts as far below the edge as its fit range reaches above it
        List<Double> starts = accepted.stream()
                .map(f -> Math.max(0, boxEdge - (f.fitHi() - f.fitLo())))
                .toList();
        for (Series d : dashed) {
            double x0 = d.x()[0];
            assertTrue(
                    starts.stream().anyMatch(v -> Math.abs(v - x0) < 1e-9),
                    "extrapolation from " + x0 + ", expected one of " + starts);
            assertEquals(boxEdge, d.x()[d.x().length - 1], 1e-12, "extrapolation up to the box edge");
        }
        // the legend the user reads names every accepted family and the dashed extrapolation
        Set<String> legend = robot.from(chart).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText)
                .collect(Collectors.toSet());
        for (ShapeFit f : accepted) {
            assertTrue(
                    legend.stream().anyMatch(t -> t.startsWith(f.family() + ",")), f.family() + " in legend " + legend);
        }
        assertTrue(legend.contains(SidebandFitView.EXTRAPOLATION_LEGEND), legend.toString());
    }

    @Test
    void everyAcceptedFitIsDrawnWithItsExtrapolationInBothPanels(FxRobot robot) {
        robot.interact(() -> session.addRun(new OpenRun(RUN, RunRole.DATA, null)));
        WaitForAsyncUtils.waitForFxEvents();
        var details = session.details();
        assertNotNull(details, "the fits were computed");
        var box = details.selection().box();
        assertCurves(robot, view.sidebandCChart(), details.background().sidebandC(), box.ecalMax());
        assertCurves(robot, view.sidebandAChart(), details.background().sidebandA(), box.hcalMax());
        // a different selection refits: the curves follow the new fits
        robot.interact(() -> session.setSelection(session.selection().withBox(box.withEcalMax(40))));
        WaitForAsyncUtils.waitForFxEvents();
        assertCurves(
                robot, view.sidebandCChart(), session.details().background().sidebandC(), 40);
    }
}
