package org.darkscope.ui.distributions;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Variable;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.report.DistributionData;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.CurrentThreadTaskExecutor;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.RunFixtures;
import org.junit.jupiter.api.Test;

/** The distributions view model without the toolkit: per-EOT histograms and cut edges of each variable. */
class DistributionsViewModelTest {
    @Test
    void allAndSelectedEventsPerEotWithTheCutEdges() {
        RunData data = RunFixtures.random(3000, 11);
        Session session = new Session();
        CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
        DistributionsViewModel vm = new DistributionsViewModel(session, now, now);
        assertNull(vm.distribution(Variable.ECAL), "nothing before the first result");
        try (AnalysisService service = new AnalysisService(
                session,
                new AnalysisEngine(List.of(), AnalysisEngine.Options.defaults().withThreads(1)),
                now,
                now)) {
            session.addRun(new OpenRun(data, RunRole.DATA, null));
            double eot = data.info().eot();
            assertTrue(eot > 0);
            DistributionData d = vm.distribution(Variable.ECAL);
            assertNotNull(d);
            // all events: every event with E_ECAL inside the 0-120 GeV binning, counted here from the columns;
            // the box of a data run stays hidden (blinded) also without cuts
            float[] e = data.floats(Schema.ECAL);
            float[] h = data.floats(Schema.HCAL);
            var box = session.selection().box();
            long inRange = 0;
            for (int i = 0; i < e.length; i++) {
                boolean inBox = e[i] < box.ecalMax() && h[i] < box.hcalMax();
                if (e[i] >= 0 && e[i] < 120 && !inBox) {
                    inRange++;
                }
            }
            assertEquals(inRange, Math.round(Arrays.stream(d.allData()).sum() * eot));
            // selected events: the engine's selected list (the box of a blinded data run is hidden)
            var rr = session.details().run(data);
            long selected = Arrays.stream(rr.selectedEvents())
                    .filter(i -> e[i] >= 0 && e[i] < 120)
                    .count();
            assertEquals(selected, Math.round(Arrays.stream(d.selData()).sum() * eot));
            assertTrue(selected < inRange, "the cuts remove events");
            assertNull(d.selMc(), "no background MC open");
            // cut edges: the enabled cuts on the E_ECAL column, from the selection
            List<Double> edges = new ArrayList<>();
            for (Cut c : session.selection().enabledCuts()) {
                if (c.column().equals(Schema.ECAL)) {
                    if (c.kind().usesMin()) {
                        edges.add(c.min());
                    }
                    if (c.kind().usesMax()) {
                        edges.add(c.max());
                    }
                }
            }
            assertArrayEquals(edges.stream().mapToDouble(Double::doubleValue).toArray(), d.cutEdges());
            assertEquals(
                    Variable.values().length, vm.distributionsProperty().get().size());
        }
    }
}
