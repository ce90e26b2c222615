package org.darkscope.ui.cuts;

import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Histogram1D;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    public CutsViewModel(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
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

    /** Replaces the cuts and box by a preset; the blinding stays as it is (unblinding is a deliberate act). */
    public void applyPreset(String name) {
        Supplier<Selection> p = PRESETS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no preset '" + name + "'");
        }
        session.setSelection(p.get().withBlinded(session.isBlinded()));
    }

    public void save(Path file) throws IOException {
        SelectionIo.write(session.selection(), file);
    }

    /** Loads a selection file; a malformed file throws with a message naming the field, nothing changes. */
    public void load(Path file) throws IOException {
        session.setSelection(SelectionIo.read(file));
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
        List<RunResult> data = r.runs().stream().filter(rr -> session.runs(RunRole.DATA).stream()
                .anyMatch(o -> o.data() == rr.run())).toList();
        return data.isEmpty() ? r.backgroundRuns() : data;
    }
}
