package org.darkscope.ui.plane;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.Region;
import org.darkscope.event.EventView;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.CurrentThreadTaskExecutor;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

/** The plane's view model without the toolkit: snapshot, two-way box edges, blinding and picking. */
class PlaneViewModelTest {
    private static final RunData DATA = RunFixtures.random(2000, 5);

    @Test
    void snapshotBoxEdgesBlindingAndPicking() {
        Session session = new Session();
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        try (AnalysisService service = new AnalysisService(
                session,
                new AnalysisEngine(List.of(), AnalysisEngine.Options.defaults().withThreads(1)),
                now,
                now)) {
            PlaneViewModel vm = new PlaneViewModel(session, service);
            assertNull(vm.snapshotProperty().get());
            session.addRun(new OpenRun(DATA, RunRole.DATA, null));
            PlaneSnapshot s = vm.snapshotProperty().get();
            assertNotNull(s);
            assertTrue(s.blinded(), "a data run is blinded by default");
            assertEquals(PlaneSnapshot.HIDDEN, s.count(PlaneRegion.BOX));
            assertEquals(session.result().run(DATA).eventsInRegion(Region.A).length, s.count(PlaneRegion.A));

            // the view moves an edge: the session's selection follows; the session moves it: the view's edges follow
            BoxEdges b = vm.boxProperty().get();
            vm.boxProperty().set(new BoxEdges(45, b.hcalMax(), b.ecalTrigger(), b.hcalSidebandMax()));
            assertEquals(45, session.selection().box().ecalMax());
            session.setSelection(
                    session.selection().withBox(session.selection().box().withHcalMax(1.5)));
            assertEquals(1.5, vm.boxProperty().get().hcalMax());
            assertEquals(1.5, vm.snapshotProperty().get().box().hcalMax(), "a new evaluation, a new snapshot");

            // a click picks the nearest selected event, never one hidden in the blinded box
            float[] e = DATA.floats(Schema.ECAL);
            float[] h = DATA.floats(Schema.HCAL);
            int[] sel = session.result().run(DATA).selectedEvents();
            int target = sel[sel.length / 2];
            EventView picked = vm.pick(new BoxOverlay.PickRequest(e[target], h[target], 1e-3, 1e-3));
            assertNotNull(picked);
            assertEquals(target, picked.index());
            var box = session.selection().box();
            for (int i = 0; i < DATA.size(); i++) {
                if (e[i] < box.ecalMax() && h[i] < box.hcalMax()) {
                    assertNull(
                            vm.pick(new BoxOverlay.PickRequest(e[i], h[i], 1e-4, 1e-4)),
                            "event " + i + " is in the blinded box");
                    break;
                }
            }
        }
    }
}
