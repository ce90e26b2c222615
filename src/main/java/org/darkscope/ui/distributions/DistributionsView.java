package org.darkscope.ui.distributions;

import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Variable;
import org.darkscope.event.RunData;
import org.darkscope.session.AnalysisScheduler;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.session.TaskExecutor;
import org.darkscope.ui.charts.Series;
import org.darkscope.ui.charts.SeriesChart;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Histograms of E_ECAL, E_HCAL, p, SRD sum and shower shape: all data events, selected data events
 * and selected background MC, normalised per EOT, with the cut edges as dashed lines. The "all events"
 * histograms are an engine evaluation with every cut off, redone only when the runs change.
 */
public final class DistributionsView extends GridPane {
    private final Session session;
    private final Map<Variable, SeriesChart> charts = new EnumMap<>(Variable.class);
    private final AnalysisEngine allEngine = new AnalysisEngine(List.of());
    private final AnalysisScheduler<AllRequest, AnalysisResult> allScheduler;

    /** The runs and the selection (with every cut off) of an "all events" evaluation: read on the worker. */
    private record AllRequest(List<RunData> runs, org.darkscope.analysis.Selection selection, java.util.Set<RunData> dataRole) {
    }
    private AnalysisResult all;

    public DistributionsView(Session session, TaskExecutor worker, TaskExecutor deliver) {
        this.session = session;
        setId("distributionsView");
        setHgap(4);
        setVgap(4);
        int i = 0;
        for (Variable v : Variable.values()) {
            SeriesChart c = new SeriesChart(v.label(), v.unit().isEmpty() ? null : v.unit(), "events / EOT", null);
            c.setId("dist-" + v.name());
            c.setLog(false, true);
            c.setPrefSize(300, 220);
            GridPane.setHgrow(c, Priority.ALWAYS);
            GridPane.setVgrow(c, Priority.ALWAYS);
            add(c, i % 3, i / 3);
            charts.put(v, c);
            i++;
        }
        allScheduler = new AnalysisScheduler<>((req, p) -> {
            allEngine.setRuns(req.runs());
            AnalysisResult r = allEngine.evaluate(req.selection(), req.dataRole()::contains, p);
            for (var rr : r.runs()) {
                for (Variable v : Variable.values()) {
                    rr.histogram(v);
                }
            }
            return r;
        }, worker, deliver, new AnalysisScheduler.Listener<>() {
            @Override
            public void onResult(long generation, AnalysisResult r) {
                all = r;
                redraw();
            }
        });
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                List<RunData> runs = s.runs().stream().filter(o -> o.role() != RunRole.SIGNAL).map(OpenRun::data).toList();
                if (!runs.isEmpty()) {
                    allScheduler.submit(new AllRequest(runs, DistributionData.allEvents(s.selection()).withBlinded(true),
                            org.darkscope.session.AnalysisService.dataRoleRuns(s)));
                }
            }

            @Override
            public void detailsChanged(Session s) {
                redraw();
            }
        });
    }

    public SeriesChart chart(Variable v) {
        return charts.get(v);
    }

    private void redraw() {
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
        for (Variable v : Variable.values()) {
            DistributionData d = DistributionData.of(v, r, all, data, mc);
            List<Series> s = new ArrayList<>();
            if (d.allData() != null) {
                s.add(Series.step("all data", Color.gray(0.55), d.edges(), d.allData()));
            }
            s.add(Series.step("selected data", Color.rgb(31, 119, 180), d.edges(), d.selData()));
            if (d.selMc() != null) {
                s.add(Series.step("selected bkg MC", Color.rgb(214, 39, 40), d.edges(), d.selMc()).asDashed());
            }
            if (d.cutEdges().length > 0) {
                s.add(Series.marker("cut", Color.CRIMSON, d.cutEdges()));
            }
            charts.get(v).setSeries(s);
        }
    }

    private List<RunData> present(AnalysisResult r, RunRole role) {
        return session.runs(role).stream().map(OpenRun::data).filter(d -> r.runs().stream().anyMatch(x -> x.run() == d)).toList();
    }
}
