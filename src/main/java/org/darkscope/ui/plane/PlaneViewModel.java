package org.darkscope.ui.plane;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.Column;
import org.darkscope.event.EventView;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;
import org.darkscope.session.AnalysisService;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;

/**
 * The plane's state for the view: the snapshot to draw (built on the analysis worker right after each
 * evaluation, so the UI thread only swaps it) and the box edges, two-way: a drag or a typed edge
 * changes the session's selection, which schedules a new evaluation.
 */
public final class PlaneViewModel {
    private final Session session;
    private final ReadOnlyObjectWrapper<PlaneSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObjectProperty<BoxEdges> box = new SimpleObjectProperty<>(this, "box");
    private volatile Roles roles = new Roles(List.of(), List.of());
    private volatile Built built;
    private boolean updating;

    /** The runs drawn as data and as signal, an immutable copy readable from the worker. */
    private record Roles(List<RunData> data, List<RunData> signal) {}

    /** A snapshot built on the worker, with the result and the roles it was built for. */
    private record Built(AnalysisResult result, Roles roles, PlaneSnapshot snapshot) {}

    public PlaneViewModel(Session session, AnalysisService service) {
        this.session = session;
        updateRoles();
        box.set(PlaneSnapshots.edges(session.selection().box()));
        if (service != null) {
            service.addWarmUp(r -> {
                Roles ro = roles;
                built = new Built(r, ro, build(r, ro));
            });
        }
        session.addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                updateRoles();
            }

            @Override
            public void selectionChanged(Session s) {
                updating = true;
                try {
                    box.set(PlaneSnapshots.edges(s.selection().box()));
                } finally {
                    updating = false;
                }
            }

            @Override
            public void resultChanged(Session s) {
                AnalysisResult r = s.result();
                if (r == null) {
                    snapshot.set(null);
                    return;
                }
                // the result may arrive before this model heard of the runs that made it (listeners run in
                // order, and the worker may have built with the roles before the change): roles now, and
                // the worker's snapshot only if it was built with the same roles
                updateRoles();
                Built b = built;
                Roles ro = roles;
                snapshot.set(b != null && b.result() == r && b.roles().equals(ro) ? b.snapshot() : build(r, ro));
            }
        });
        box.addListener((o, a, b) -> {
            if (!updating && b != null) {
                Selection sel = session.selection();
                SignalBox sb = sel.box().withEcalMax(b.ecalMax()).withHcalMax(b.hcalMax());
                session.setSelection(sel.withBox(sb));
            }
        });
    }

    public ReadOnlyObjectProperty<PlaneSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ObjectProperty<BoxEdges> boxProperty() {
        return box;
    }

    private void updateRoles() {
        List<RunData> data =
                session.runs(RunRole.DATA).stream().map(OpenRun::data).toList();
        if (data.isEmpty()) {
            data = session.runs(RunRole.BACKGROUND).stream().map(OpenRun::data).toList();
        }
        List<RunData> signal =
                session.runs(RunRole.SIGNAL).stream().map(OpenRun::data).toList();
        roles = new Roles(data, signal);
    }

    private static PlaneSnapshot build(AnalysisResult r, Roles ro) {
        List<RunData> in = r.runs().stream().map(x -> x.run()).toList();
        List<RunData> data = ro.data().stream()
                .filter(x -> in.stream().anyMatch(y -> y == x))
                .toList();
        List<RunData> signal = ro.signal().stream()
                .filter(x -> in.stream().anyMatch(y -> y == x))
                .toList();
        // the box is hidden where the engine hides it: data-role runs of a blinded selection (MC follows its role)
        return PlaneSnapshots.of(
                r, data, signal, data.stream().anyMatch(d -> r.run(d).boxHidden()));
    }

    /**
     * The selected data event nearest to a click, within the click's tolerance; null if none.
     * Events hidden by the blinding are never picked.
     */
    public EventView pick(BoxOverlay.PickRequest p) {
        AnalysisResult r = session.result();
        List<RunData> data = roles.data();
        if (r == null || data.isEmpty()) {
            return null;
        }
        RunData run = data.get(0);
        PlaneSnapshot s = snapshot.get();
        Column e = run.column(Schema.ECAL);
        Column h = run.column(Schema.HCAL);
        int best = -1;
        double bestD = 1.0;
        int[] candidates = s != null && s.points() != null
                ? s.points().event()
                : r.run(run).selectedEvents();
        BoxEdges b = PlaneSnapshots.edges(r.selection().box());
        boolean blinded = r.runs().stream().anyMatch(x -> x.run() == run)
                ? r.run(run).boxHidden()
                : r.selection().blinded();
        for (int i : candidates) {
            if (i < 0 || (blinded && e.getFloat(i) < b.ecalMax() && h.getFloat(i) < b.hcalMax())) {
                continue;
            }
            double dx = (e.getFloat(i) - p.ecal()) / p.ecalTolerance();
            double dy = (h.getFloat(i) - p.hcal()) / p.hcalTolerance();
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best < 0 ? null : run.event(best);
    }
}
