package org.darkscope.ui.distributions;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.Variable;
import org.darkscope.event.RunData;
import org.darkscope.report.DistributionData;
import org.darkscope.session.AnalysisScheduler;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.session.TaskExecutor;

/**
 * What the distributions view shows: for every {@link Variable} the {@link DistributionData} of the
 * session's latest stage-2 result (selected data and background MC per EOT, cut edges) and of an
 * "all events" evaluation of the same runs with every cut off. That evaluation runs on the given
 * worker, only when the runs change. No toolkit is needed (JavaFX properties only).
 */
public final class DistributionsViewModel {
    private final Session session;
    private final AnalysisEngine allEngine = new AnalysisEngine(List.of());
    private final AnalysisScheduler<AllRequest, AnalysisResult> allScheduler;
    private final ReadOnlyObjectWrapper<Map<Variable, DistributionData>> distributions =
            new ReadOnlyObjectWrapper<>(this, "distributions", Map.of());
    private AnalysisResult all;

    /** The runs and the selection (with every cut off) of an "all events" evaluation: read on the worker. */
    private record AllRequest(List<RunData> runs, Selection selection, Set<RunData> dataRole) {}

    /**
     * @param worker  runs the "all events" evaluation
     * @param deliver hands its result back (the FX thread in the window; the same thread in tests)
     */
    public DistributionsViewModel(Session session, TaskExecutor worker, TaskExecutor deliver) {
        this.session = session;
        allScheduler = new AnalysisScheduler<>(
                (req, p) -> {
                    allEngine.setRuns(req.runs());
                    AnalysisResult r = allEngine.evaluate(req.selection(), req.dataRole()::contains, p);
                    for (var rr : r.runs()) {
                        for (Variable v : Variable.values()) {
                            rr.histogram(v);
                        }
                    }
                    return r;
                },
                worker,
                deliver,
                new AnalysisScheduler.Listener<>() {
                    @Override
                    public void onResult(long generation, AnalysisResult r) {
                        all = r;
                        update();
                    }
                });
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                List<RunData> runs = s.runs().stream()
                        .filter(o -> o.role() != RunRole.SIGNAL)
                        .map(OpenRun::data)
                        .toList();
                if (!runs.isEmpty()) {
                    allScheduler.submit(new AllRequest(
                            runs,
                            DistributionData.allEvents(s.selection()).withBlinded(true),
                            AnalysisService.dataRoleRuns(s)));
                }
            }

            @Override
            public void detailsChanged(Session s) {
                update();
            }
        });
    }

    /** Every variable's distributions; empty before the first result. */
    public ReadOnlyObjectProperty<Map<Variable, DistributionData>> distributionsProperty() {
        return distributions.getReadOnlyProperty();
    }

    /** The distributions of one variable, null before the first result. */
    public DistributionData distribution(Variable v) {
        return distributions.get().get(v);
    }

    private void update() {
        AnalysisResult r = session.details();
        if (r == null) {
            return;
        }
        List<RunData> data = present(r, RunRole.DATA);
        List<RunData> mc = present(r, RunRole.BACKGROUND);
        if (data.isEmpty()) {
            data = mc;
            mc = List.of();
        }
        Map<Variable, DistributionData> m = new EnumMap<>(Variable.class);
        for (Variable v : Variable.values()) {
            m.put(v, DistributionData.of(v, r, all, data, mc));
        }
        distributions.set(Collections.unmodifiableMap(m));
    }

    private List<RunData> present(AnalysisResult r, RunRole role) {
        return session.runs(role).stream()
                .map(OpenRun::data)
                .filter(d -> r.runs().stream().anyMatch(x -> x.run() == d))
                .toList();
    }
}
