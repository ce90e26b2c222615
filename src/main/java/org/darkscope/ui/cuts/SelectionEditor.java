package org.darkscope.ui.cuts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.darkscope.analysis.Cut;
import org.darkscope.analysis.Selection;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;

/**
 * Keeps the session's selection honest and undoable, whatever changed it (a cut row, a box drag in
 * the plane, a preset, a loaded file). No toolkit: unit-tested directly.
 *
 * <p>Every change of the selection's cuts or box is one undo step; the blinding is not (unblinding is
 * a deliberate act and undo never unblinds: a restored state keeps the current blinding). While a
 * gesture is open ({@link #beginGesture()}, e.g. a slider or an edge being dragged) changes of the same
 * cut or edge coalesce into one step. After each step the selection gets a history entry generated from
 * what differs from the state before the step ("preshower 1", "box E_ECAL &lt; 47.5") and its name is
 * generated from what differs from its preset ({@link Selection#withHonestName()}).</p>
 */
public final class SelectionEditor {
    /** An undo (or redo) step: the state to go back to and what the step did, in words. */
    private record Step(Selection state, String what) {}

    private final Session session;
    private final Clock clock;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private Selection known;
    private boolean applying;
    private boolean gesture;
    /** Key of the last step while its gesture is open (coalescing target), null otherwise. */
    private String openKey;
    /** The state before the open step (for the coalesced history entry). */
    private Selection stepStart;

    private String pendingWhat;
    private final List<Consumer<String>> onMessage = new ArrayList<>();
    private final List<Runnable> onChange = new ArrayList<>();

    public SelectionEditor(Session session) {
        this(session, Clock.systemUTC());
    }

    public SelectionEditor(Session session, Clock clock) {
        this.session = Objects.requireNonNull(session);
        this.clock = clock;
        this.known = session.selection();
        session.addListener(new SessionListener() {
            @Override
            public void selectionChanged(Session s) {
                observe();
            }
        });
    }

    /** Where messages for the user go (the status bar, the cut panel): what a preset replaced, what undo did. */
    public void addOnMessage(Consumer<String> c) {
        onMessage.add(Objects.requireNonNull(c));
    }

    /** Tells the message listeners. */
    public void message(String m) {
        for (Consumer<String> c : onMessage) {
            c.accept(m);
        }
    }

    /** Called after every step, undo and redo (to update menu texts). */
    public void addOnChange(Runnable r) {
        onChange.add(r);
    }

    /** A drag starts: changes of the same cut edge or box edge until {@link #endGesture()} are one step. */
    public void beginGesture() {
        gesture = true;
    }

    /** The drag ended: the next change starts a new step. */
    public void endGesture() {
        gesture = false;
        openKey = null;
    }

    /**
     * Replaces the selection as one step described by {@code what} (null: generated from the
     * difference). The replacement's own history is kept (a loaded file, a preset).
     */
    public void replace(Selection next, String what) {
        endGesture();
        pendingWhat = what;
        try {
            session.setSelection(next);
        } finally {
            pendingWhat = null;
        }
        endGesture();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What Undo would take back ("preshower 1"), "" if nothing. */
    public String undoText() {
        return undo.isEmpty() ? "" : undo.peek().what();
    }

    /** What Redo would do again, "" if nothing. */
    public String redoText() {
        return redo.isEmpty() ? "" : redo.peek().what();
    }

    /** Goes back one step; false if there is none. The blinding stays as it is. */
    public boolean undo() {
        return move(undo, redo, "undone: ");
    }

    /** Does the last undone step again; false if there is none. The blinding stays as it is. */
    public boolean redo() {
        return move(redo, undo, "redone: ");
    }

    private boolean move(Deque<Step> from, Deque<Step> to, String verb) {
        endGesture();
        if (from.isEmpty()) {
            return false;
        }
        Step s = from.pop();
        Selection current = session.selection();
        to.push(new Step(current, s.what()));
        Selection restored = s.state().withBlinded(current.blinded());
        set(restored);
        message(verb + s.what());
        changed();
        return true;
    }

    private void set(Selection s) {
        known = s;
        applying = true;
        try {
            session.setSelection(s);
        } finally {
            applying = false;
        }
    }

    private void changed() {
        for (Runnable r : onChange) {
            r.run();
        }
    }

    /** The session's selection changed: record the step, then make the name and history tell the truth. */
    private void observe() {
        Selection now = session.selection();
        if (applying || now.equals(known)) {
            return;
        }
        Selection before = known;
        if (now.withBlinded(before.blinded()).equals(before)) {
            known = now; // only the blinding changed: not an undoable edit
            return;
        }
        boolean ownHistory =
                !now.history().equals(before.history()) || !now.basedOn().equals(before.basedOn());
        String key = ownHistory ? null : key(before, now);
        boolean coalesce = gesture && key != null && key.equals(openKey) && !undo.isEmpty();
        List<String> diff;
        String what;
        Selection result;
        if (ownHistory) {
            // a loaded file, a session or a preset: it brings its own history
            diff = now.differencesFrom(before);
            what = pendingWhat != null
                    ? pendingWhat
                    : "replaced by " + now.withHonestName().name();
            result = now;
        } else {
            Selection start = coalesce ? stepStart : before;
            diff = now.differencesFrom(start);
            what = pendingWhat != null ? pendingWhat : String.join(", ", diff);
            result = diff.isEmpty() && coalesce
                    ? now.withHistory(start.history())
                    : now.withHistory(start.history()).withChange(now(), what);
        }
        if (coalesce) {
            Step top = undo.pop();
            undo.push(new Step(top.state(), what.isEmpty() ? top.what() : what));
        } else {
            undo.push(new Step(before, what));
            redo.clear();
            stepStart = before;
        }
        openKey = gesture ? key : null;
        result = result.withHonestName();
        known = result;
        if (!result.equals(now)) {
            set(result);
        }
        changed();
    }

    /** Which cut or box edge a change touches ("cut:preshower", "box"), null if several things changed. */
    private static String key(Selection a, Selection b) {
        List<String> touched = new ArrayList<>();
        if (!a.box().equals(b.box())) {
            touched.add("box");
        }
        if (a.cuts().size() != b.cuts().size()) {
            return null;
        }
        for (int i = 0; i < a.cuts().size(); i++) {
            Cut x = a.cuts().get(i);
            Cut y = b.cuts().get(i);
            if (!x.equals(y)) {
                touched.add("cut:" + y.name());
            }
        }
        return touched.size() == 1 ? touched.get(0) : null;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
