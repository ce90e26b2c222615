package org.darkscope.ui.results;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.session.OpenRun;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.session.report.CutFlowTableModel;
import org.darkscope.session.report.SessionReport;
import org.darkscope.session.report.SummaryLine;

/**
 * The results panel's state: summary lines and the cut flow table, rebuilt from each result the
 * session receives (stage 1: counts, cut flow, efficiency; stage 2: background estimates and the
 * limits of the session's analysis definition), all by {@link SessionReport}, the code
 * {@code analyse --session} prints with.
 */
public final class ResultsViewModel {
    private final Session session;
    private final ObservableList<SummaryLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AnalysisDefinition> shownDefinition =
            new ReadOnlyObjectWrapper<>(this, "definition");
    private final ReadOnlyObjectWrapper<CutFlowTableModel> cutFlow =
            new ReadOnlyObjectWrapper<>(this, "cutFlow", CutFlowTableModel.empty());
    private List<SummaryLine> core = List.of();
    private List<SummaryLine> background = List.of();

    private volatile Built built;
    /** The session's runs and definition, copied on the UI thread so the worker can read them. */
    private volatile List<OpenRun> runs;

    private volatile AnalysisDefinition definition;

    /** Stage-2 lines computed on the worker for one result and one definition. */
    private record Built(AnalysisResult result, AnalysisDefinition definition, List<SummaryLine> lines) {}

    public ResultsViewModel(Session session) {
        this(session, null);
    }

    /** With a service, the background and limit lines are computed on the analysis worker. */
    public ResultsViewModel(Session session, org.darkscope.session.AnalysisService service) {
        this.session = session;
        runs = session.runs();
        definition = session.definition();
        shownDefinition.set(definition);
        if (service != null) {
            // the weighted sums of background MC runs (one pass over their bitsets) on the worker, not the UI thread
            service.addWarmUp(r -> r.runs().forEach(org.darkscope.analysis.RunResult::weighted));
            service.addDetailsWarmUp(r -> {
                AnalysisDefinition d = service.definition();
                built = new Built(r, d, SessionReport.detailLines(r, runs, d));
            });
        }
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                runs = s.runs();
            }

            @Override
            public void definitionChanged(Session s) {
                definition = s.definition();
                shownDefinition.set(definition);
                if (service == null && s.details() != null) {
                    background = SessionReport.detailLines(s.details(), runs, definition);
                    publish();
                }
                // with a service: it recomputes the details of the current result (AnalysisService)
            }

            @Override
            public void resultChanged(Session s) {
                AnalysisResult r = s.result();
                runs = s.runs(); // the result may arrive before this model heard of the runs that made it
                if (r == null) {
                    core = List.of();
                    background = List.of();
                    cutFlow.set(CutFlowTableModel.empty());
                } else {
                    core = SessionReport.coreLines(r, runs);
                    cutFlow.set(SessionReport.cutFlow(r, runs));
                }
                publish();
            }

            @Override
            public void detailsChanged(Session s) {
                AnalysisResult r = s.details();
                Built b = built;
                AnalysisDefinition d = s.definition();
                definition = d;
                runs = s.runs();
                background = r == null
                        ? List.of()
                        : b != null && b.result() == r && b.definition().equals(d)
                                ? b.lines()
                                : SessionReport.detailLines(r, runs, d);
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

    public Session session() {
        return session;
    }

    /** The session's analysis definition (background method, limit method, CL) the limits follow. */
    public ReadOnlyObjectProperty<AnalysisDefinition> definitionProperty() {
        return shownDefinition.getReadOnlyProperty();
    }

    /** Changes the session's analysis definition; the lines follow once it is re-evaluated. */
    public void editDefinition(java.util.function.UnaryOperator<AnalysisDefinition> f) {
        session.setDefinition(f.apply(session.definition()));
    }

    public ObservableList<SummaryLine> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<CutFlowTableModel> cutFlowProperty() {
        return cutFlow.getReadOnlyProperty();
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
}
