package org.darkscope.ui.results;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.event.RunData;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;

import java.util.ArrayList;
import java.util.List;

/**
 * The results panel's state: summary lines and the cut flow table, rebuilt from each result the
 * session receives (stage 1: counts, cut flow, efficiency; stage 2: background estimates).
 */
public final class ResultsViewModel {
    private final Session session;
    private final ObservableList<SummaryLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CutFlowTableModel> cutFlow = new ReadOnlyObjectWrapper<>(this, "cutFlow", CutFlowTableModel.empty());
    private List<SummaryLine> core = List.of();
    private List<SummaryLine> background = List.of();

    private volatile Built built;
    /** The session's runs, copied on the UI thread so the worker can read them. */
    private volatile List<OpenRun> runs;

    /** Stage-2 lines computed on the worker for one result. */
    private record Built(AnalysisResult result, List<SummaryLine> lines) {
    }

    public ResultsViewModel(Session session) {
        this(session, null);
    }

    /** With a service, the background and limit lines are computed on the analysis worker. */
    public ResultsViewModel(Session session, org.darkscope.session.AnalysisService service) {
        this.session = session;
        if (service != null) {
            service.addDetailsWarmUp(r -> built = new Built(r, detailLines(r)));
        }
        runs = session.runs();
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                runs = s.runs();
            }

            @Override
            public void resultChanged(Session s) {
                AnalysisResult r = s.result();
                if (r == null) {
                    core = List.of();
                    background = List.of();
                    cutFlow.set(CutFlowTableModel.empty());
                } else {
                    core = ResultsSummary.core(r, data(r));
                    cutFlow.set(CutFlowTableModel.of(r, data(r), present(r, s.runs(RunRole.BACKGROUND))));
                }
                publish();
            }

            @Override
            public void detailsChanged(Session s) {
                AnalysisResult r = s.details();
                Built b = built;
                background = r == null ? List.of() : b != null && b.result() == r ? b.lines() : detailLines(r);
                publish();
            }

            @Override
            public void analysisFailed(Session s, Exception error) {
                core = List.of(new SummaryLine("error", "analysis failed", "—", error.getMessage()));
                background = List.of();
                publish();
            }
        });
    }

    public ObservableList<SummaryLine> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<CutFlowTableModel> cutFlowProperty() {
        return cutFlow.getReadOnlyProperty();
    }

    private List<SummaryLine> detailLines(AnalysisResult r) {
        List<SummaryLine> l = new ArrayList<>(ResultsSummary.background(r.background()));
        l.addAll(ResultsSummary.limits(r, data(r)));
        return l;
    }

    /** The line with a key, or null. */
    public SummaryLine line(String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst().orElse(null);
    }

    private void publish() {
        List<SummaryLine> all = new ArrayList<>(core);
        all.addAll(background);
        if (!all.equals(lines)) {
            lines.setAll(all);
        }
    }

    /** The data runs of the session present in the result (background MC if no data run is open). */
    List<RunData> data(AnalysisResult r) {
        List<OpenRun> all = runs;
        List<RunData> d = present(r, all.stream().filter(o -> o.role() == RunRole.DATA).toList());
        return d.isEmpty() ? present(r, all.stream().filter(o -> o.role() == RunRole.BACKGROUND).toList()) : d;
    }

    private static List<RunData> present(AnalysisResult r, List<OpenRun> runs) {
        return runs.stream().map(OpenRun::data).filter(d -> r.runs().stream().anyMatch(x -> x.run() == d)).toList();
    }
}
