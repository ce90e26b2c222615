package org.darkscope.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;

/**
 * The state one user works on: the open runs with their roles, the current selection, the blinding
 * flag with its log (who unblinded, when), the analysis definition (background method, limit method,
 * CL) and the latest analysis result. Free of any UI toolkit; changes are announced to plain
 * {@link SessionListener}s. Confined to one thread (the UI thread in the application): background
 * work reads immutable snapshots and hands results back through {@link AnalysisScheduler}.
 */
public final class Session {
    private final List<OpenRun> runs = new ArrayList<>();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private Selection selection = Selection.published();
    private AnalysisResult result;
    private AnalysisResult details;
    private AnalysisDefinition definition = AnalysisDefinition.defaults();
    private final List<BlindingEvent> blindingLog = new ArrayList<>();

    public void addListener(SessionListener l) {
        listeners.add(l);
    }

    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    /** The open runs in the order they were opened (a copy). */
    public List<OpenRun> runs() {
        return List.copyOf(runs);
    }

    public List<OpenRun> runs(RunRole role) {
        return runs.stream().filter(r -> r.role() == role).toList();
    }

    /** The first data run, the one shown in the plane and the event table. */
    public Optional<OpenRun> dataRun() {
        return runs.stream().filter(r -> r.role() == RunRole.DATA).findFirst();
    }

    public void addRun(OpenRun run) {
        runs.add(run);
        fire(l -> l.runsChanged(this));
    }

    /** Replaces the runs of the given role with {@code run} (opening a new data run closes the old one). */
    public void replaceRuns(RunRole role, OpenRun run) {
        runs.removeIf(r -> r.role() == role);
        runs.add(run);
        fire(l -> l.runsChanged(this));
    }

    public void removeRun(OpenRun run) {
        if (runs.remove(run)) {
            fire(l -> l.runsChanged(this));
        }
    }

    public void clearRuns() {
        if (!runs.isEmpty()) {
            runs.clear();
            fire(l -> l.runsChanged(this));
        }
    }

    /** True while the signal box of the data is hidden (the selection's flag; the published selection starts blinded). */
    public boolean isBlinded() {
        return selection.blinded();
    }

    /**
     * Blinds or unblinds; every change is logged with the user name and the time ({@link #blindingLog()}).
     * Unblinding is meant to follow an explicit confirmation by the user.
     */
    public void setBlinded(boolean b) {
        if (b != selection.blinded()) {
            selection = selection.withBlinded(b);
            blindingLog.add(BlindingEvent.now(b ? BlindingEvent.BLIND : BlindingEvent.UNBLIND));
            fire(l -> l.blindingChanged(this));
            fire(l -> l.selectionChanged(this));
        }
    }

    /** Every blinding change of this session, oldest first (a copy). */
    public List<BlindingEvent> blindingLog() {
        return List.copyOf(blindingLog);
    }

    /** The latest unblinding while the box is open, else empty. */
    public Optional<BlindingEvent> unblinding() {
        if (selection.blinded() || blindingLog.isEmpty()) {
            return Optional.empty();
        }
        BlindingEvent last = blindingLog.get(blindingLog.size() - 1);
        return last.isUnblind() ? Optional.of(last) : Optional.empty();
    }

    /** Replaces the log (a session being reopened: the log is history, no new entry). */
    public void restoreBlindingLog(List<BlindingEvent> log) {
        blindingLog.clear();
        blindingLog.addAll(log);
    }

    /** How limits are derived: background method, limit method, CL (shared with {@code analyse --session}). */
    public AnalysisDefinition definition() {
        return definition;
    }

    /** Replaces the analysis definition; listeners hear definitionChanged. */
    public void setDefinition(AnalysisDefinition d) {
        Objects.requireNonNull(d, "definition");
        if (!d.equals(definition)) {
            definition = d;
            fire(l -> l.definitionChanged(this));
        }
    }

    /** The current selection (cuts, box, blinding). */
    public Selection selection() {
        return selection;
    }

    /** Replaces the selection; listeners hear selectionChanged (and blindingChanged if the flag changed). */
    public void setSelection(Selection s) {
        Objects.requireNonNull(s, "selection");
        if (s.equals(selection)) {
            return;
        }
        boolean blindingChanged = s.blinded() != selection.blinded();
        selection = s;
        if (blindingChanged) {
            // a selection that opens the box is an unblinding too: logged like the menu's
            blindingLog.add(BlindingEvent.now(s.blinded() ? BlindingEvent.BLIND : BlindingEvent.UNBLIND));
            fire(l -> l.blindingChanged(this));
        }
        fire(l -> l.selectionChanged(this));
    }

    /** The latest evaluation of the current runs and selection (cut flow, regions, plane); null before the first. */
    public AnalysisResult result() {
        return result;
    }

    public void setResult(AnalysisResult r) {
        result = r;
        fire(l -> l.resultChanged(this));
    }

    /**
     * The latest result whose slower parts (background fits, N-1 and 1-D histograms) are computed;
     * may lag {@link #result()} by one evaluation.
     */
    public AnalysisResult details() {
        return details;
    }

    public void setDetails(AnalysisResult r) {
        details = r;
        fire(l -> l.detailsChanged(this));
    }

    /** Tells listeners that the latest evaluation failed. */
    public void fireAnalysisFailed(Exception error) {
        fire(l -> l.analysisFailed(this, error));
    }

    private void fire(java.util.function.Consumer<SessionListener> event) {
        for (SessionListener l : listeners) {
            event.accept(l);
        }
    }
}
