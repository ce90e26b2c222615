package org.darkscope.ui.cuts;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.darkscope.analysis.Selection;
import org.darkscope.session.Session;
import org.junit.jupiter.api.Test;

/** Undo/redo, coalescing and honest naming of the selection, without the toolkit. */
class SelectionEditorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T19:00:00Z"), ZoneOffset.UTC);

    private static double preshower(Session s) {
        return s.selection().cut("preshower").min();
    }

    @Test
    void everyChangeIsOneStepAndUndoRedoWalksThem() {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s, new SelectionEditor(s, CLOCK));
        SelectionEditor ed = vm.editor();
        assertFalse(ed.canUndo());
        vm.setMin("preshower", 1.0);
        vm.setEnabled("veto", false);
        assertEquals("published, modified: preshower 1, veto off", s.selection().name());
        assertEquals(
                List.of(
                        new Selection.Change("2026-11-29T19:00:00Z", "preshower 1"),
                        new Selection.Change("2026-11-29T19:00:00Z", "veto off")),
                s.selection().history());
        assertEquals("veto off", ed.undoText());
        assertTrue(ed.undo());
        assertTrue(s.selection().cut("veto").enabled());
        assertEquals(1.0, preshower(s));
        assertEquals("published, modified: preshower 1", s.selection().name());
        assertTrue(ed.undo());
        assertEquals(Selection.published(), s.selection(), "back to the preset exactly, name and history included");
        assertFalse(ed.undo());
        assertTrue(ed.redo());
        assertEquals(1.0, preshower(s));
        assertTrue(ed.redo());
        assertFalse(s.selection().cut("veto").enabled());
        assertFalse(ed.redo());
        // a new change after undo drops the redo steps
        ed.undo();
        vm.setMax("shower-shape", 0.1);
        assertFalse(ed.canRedo());
    }

    @Test
    void aDragIsOneStepAndTwoDragsAreTwo() {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s, new SelectionEditor(s, CLOCK));
        SelectionEditor ed = vm.editor();
        ed.beginGesture();
        for (double v = 0.6; v <= 1.2001; v += 0.1) {
            vm.setMin("preshower", Math.round(v * 10) / 10.0);
        }
        ed.endGesture();
        assertEquals(1.2, preshower(s));
        assertEquals(1, s.selection().history().size(), "one history entry for the drag");
        assertEquals("preshower 1.2", s.selection().history().get(0).what());
        ed.beginGesture();
        vm.setMin("preshower", 1.5);
        vm.setMin("preshower", 2.0);
        ed.endGesture();
        ed.undo();
        assertEquals(1.2, preshower(s), "the second drag is its own step");
        ed.undo();
        assertEquals(0.5, preshower(s));
        // a drag that moves another cut midway is not merged with the first cut
        ed.beginGesture();
        vm.setMin("preshower", 0.7);
        vm.setMax("veto", 0.9);
        ed.endGesture();
        ed.undo();
        assertEquals(0.5, s.selection().cut("veto").max(), "veto back");
        assertEquals(0.7, preshower(s));
    }

    @Test
    void boxChangesFromElsewhereAreRecordedNamedAndUndone() {
        Session s = new Session();
        SelectionEditor ed = new SelectionEditor(s, CLOCK);
        // the plane sets the session directly, as PlaneViewModel does
        ed.beginGesture();
        for (double e = 49; e >= 45; e -= 1) {
            s.setSelection(s.selection().withBox(s.selection().box().withEcalMax(e)));
        }
        ed.endGesture();
        assertEquals("published, modified: box E_ECAL < 45", s.selection().name());
        assertEquals(1, s.selection().history().size());
        assertTrue(ed.undo());
        assertEquals(50.0, s.selection().box().ecalMax());
        assertEquals("published", s.selection().name());
    }

    @Test
    void undoNeverUnblindsAndBlindingIsNotAStep() {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s, new SelectionEditor(s, CLOCK));
        vm.setMin("preshower", 1.0);
        s.setBlinded(false);
        assertEquals("preshower 1", vm.editor().undoText(), "unblinding is no undo step");
        s.setBlinded(true);
        vm.setMin("preshower", 2.0);
        vm.editor().undo();
        assertTrue(s.isBlinded());
        // a state recorded while unblinded comes back blinded if the user blinded since
        s.setBlinded(false);
        vm.setMin("preshower", 3.0);
        s.setBlinded(true);
        vm.editor().undo();
        assertEquals(1.0, preshower(s));
        assertTrue(s.isBlinded(), "undo restored cuts, not the unblinding");
    }

    @Test
    void presetOverTunedCutsIsOneUndoableStepAndSaysWhatItReplaced() {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s, new SelectionEditor(s, CLOCK));
        List<String> messages = new ArrayList<>();
        vm.editor().addOnMessage(messages::add);
        vm.setMin("preshower", 1.0);
        vm.setMax("veto", 0.8);
        Selection tuned = s.selection();
        String msg = vm.applyPreset("loose");
        assertTrue(msg.contains("replaced \"published, modified: preshower 1, veto 0.8\""), msg);
        assertEquals(List.of(msg), messages);
        assertEquals(Selection.loose().withBlinded(true), s.selection());
        assertEquals("loose", s.selection().name());
        vm.editor().undo();
        assertEquals(tuned, s.selection(), "one Ctrl+Z brings the tuned cuts back");
        assertEquals("undone: preset loose replacing published, modified: preshower 1, veto 0.8", messages.get(1));
    }
}
