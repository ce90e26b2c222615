package org.darkscope.ui.cuts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Histogram1D;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;

/**
 * What the cut panel does to the session: switch a cut, move its edges, apply a preset, save and
 * load the selection as JSON. Every change is a new Selection in the session (which schedules the
 * evaluation); nothing here computes a number. No toolkit: unit-tested directly.
 */
public final class CutsViewModel {
    /** Presets offered in the panel. */
    public static final Map<String, Supplier<Selection>> PRESETS = Map.of(
            "published", Selection::published,
            "loose", Selection::loose);

    private final Session session;
    private final SelectionEditor editor;

    public CutsViewModel(Session session) {
        this(session, new SelectionEditor(session));
    }

    public CutsViewModel(Session session, SelectionEditor editor) {
        this.session = session;
        this.editor = editor;
    }

    public Session session() {
        return session;
    }

    /** Undo/redo and honest naming of the session's selection. */
    public SelectionEditor editor() {
        return editor;
    }

    /**
     * Checks a typed edge: a finite number, inside the variable's physical range, not above the upper
     * (not below the lower) edge. Returns null if it can be applied, else the message to show.
     */
    public String checkEdge(String name, boolean lower, String text) {
        Cut c = cut(name);
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return "not a number: \"" + text.trim() + "\"";
        }
        if (!Double.isFinite(v)) {
            return "must be a finite number, not " + text.trim();
        }
        String range = CutLimits.check(c.column(), v, c.unit());
        if (range != null) {
            return range;
        }
        if (lower && c.kind().usesMax() && v > c.max()) {
            return "min " + Cut.format(v) + " is above max " + Cut.format(c.max());
        }
        if (!lower && c.kind().usesMin() && v < c.min()) {
            return "max " + Cut.format(v) + " is below min " + Cut.format(c.min());
        }
        return null;
    }

    /**
     * Applies a typed edge if {@link #checkEdge} accepts it; returns null on success, else the message
     * (the selection is then unchanged).
     */
    public String typeEdge(String name, boolean lower, String text) {
        String err = checkEdge(name, lower, text);
        if (err != null) {
            return err;
        }
        double v = Double.parseDouble(text.trim());
        Cut c = cut(name);
        if (lower && v != c.min()) {
            session.setSelection(session.selection().withCut(name, c.withMin(v)));
        } else if (!lower && v != c.max()) {
            session.setSelection(session.selection().withCut(name, c.withMax(v)));
        }
        return null;
    }

    public List<Cut> cuts() {
        return session.selection().cuts();
    }

    public Cut cut(String name) {
        return session.selection().cut(name);
    }

    public void setEnabled(String name, boolean on) {
        Selection s = session.selection();
        session.setSelection(s.withCutEnabled(name, on));
    }

    /** Moves the lower edge; a value above the upper edge is clamped to it. */
    public void setMin(String name, double v) {
        Cut c = cut(name);
        if (c.kind().usesMax() && v > c.max()) {
            v = c.max();
        }
        if (v != c.min()) {
            session.setSelection(session.selection().withCut(name, c.withMin(v)));
        }
    }

    /** Moves the upper edge; a value below the lower edge is clamped to it. */
    public void setMax(String name, double v) {
        Cut c = cut(name);
        if (c.kind().usesMin() && v < c.min()) {
            v = c.min();
        }
        if (v != c.max()) {
            session.setSelection(session.selection().withCut(name, c.withMax(v)));
        }
    }

    /**
     * Replaces the cuts and box by a preset as one undoable step; the blinding stays as it is
     * (unblinding is a deliberate act). Returns what happened for the status bar: which selection
     * the preset replaced, "" if the selection was that preset already.
     */
    public String applyPreset(String name) {
        Supplier<Selection> p = PRESETS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no preset '" + name + "'");
        }
        Selection before = session.selection();
        Selection next = p.get().withBlinded(session.isBlinded());
        if (next.equals(before)) {
            return "";
        }
        String msg = "preset " + name + " replaced \"" + before.name() + "\""
                + (editor.canUndo() || !before.history().isEmpty() ? " (Ctrl+Z brings it back)" : "");
        editor.replace(next, "preset " + name + " replacing " + before.name());
        editor.message(msg);
        return msg;
    }

    public void save(Path file) throws IOException {
        SelectionIo.write(session.selection(), file);
    }

    /** Loads a selection file (one undoable step); a malformed file throws with a message naming the field, nothing changes. */
    public void load(Path file) throws IOException {
        Selection s = SelectionIo.read(file);
        editor.replace(s, "load " + file.getFileName());
    }

    /**
     * The N-1 distribution of a cut summed over the data runs (all cuts but this one applied), from the
     * latest detailed result; null if none yet or the cut is not in that result.
     */
    public Histogram1D nMinusOne(String cutName) {
        AnalysisResult r = session.details();
        if (r == null || r.selection().find(cutName).isEmpty()) {
            return null;
        }
        Histogram1D sum = null;
        List<RunResult> runs = dataResults(r);
        for (RunResult rr : runs) {
            Histogram1D h = rr.nMinusOne(cutName);
            sum = sum == null ? h : sum.plus(h);
        }
        return sum;
    }

    private List<RunResult> dataResults(AnalysisResult r) {
        List<RunResult> data = r.runs().stream()
                .filter(rr -> session.runs(RunRole.DATA).stream().anyMatch(o -> o.data() == rr.run()))
                .toList();
        return data.isEmpty() ? r.backgroundRuns() : data;
    }
}
