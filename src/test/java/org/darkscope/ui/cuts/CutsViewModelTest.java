package org.darkscope.ui.cuts;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.darkscope.analysis.Selection;
import org.darkscope.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cut panel's view model without the toolkit. */
class CutsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void edgesMoveAndAreClampedToEachOther() {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s);
        vm.setMin("momentum", 98.5);
        assertEquals(98.5, s.selection().cut("momentum").min());
        vm.setMin("momentum", 200); // above the upper edge 103: clamped to it
        assertEquals(
                s.selection().cut("momentum").max(),
                s.selection().cut("momentum").min());
        vm.setMax("veto", 0.8);
        assertEquals(0.8, s.selection().cut("veto").max());
        vm.setEnabled("veto", false);
        assertFalse(s.selection().cut("veto").enabled());
    }

    @Test
    void typedEdgesAreCheckedAndRefusedOnesChangeNothing() {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s);
        Selection before = s.selection();
        // momentum window 97..103 GeV
        assertEquals("min 104 is above max 103", vm.typeEdge("momentum", true, "104"));
        assertEquals("max 96 is below min 97", vm.typeEdge("momentum", false, "96"));
        assertTrue(vm.typeEdge("momentum", true, "abc").startsWith("not a number"));
        assertTrue(vm.typeEdge("momentum", true, "NaN").contains("finite"));
        assertTrue(vm.typeEdge("momentum", true, "Infinity").contains("finite"));
        assertTrue(vm.typeEdge("preshower", true, "-0.5").contains("never negative"));
        assertTrue(vm.typeEdge("shower-shape", false, "1.5").contains("0 to 1"));
        assertEquals(before, s.selection(), "nothing refused was applied");
        assertNull(vm.typeEdge("momentum", true, " 98.5 "));
        assertEquals(98.5, s.selection().cut("momentum").min());
        assertNull(vm.typeEdge("momentum", false, "98.5"), "min = max is allowed (empty window)");
    }

    @Test
    void presetKeepsTheBlindingAsItIs() {
        Session s = new Session();
        s.setBlinded(false);
        new CutsViewModel(s).applyPreset("loose");
        assertEquals(Selection.loose().cuts(), s.selection().cuts());
        assertEquals("loose", s.selection().name());
        assertFalse(s.isBlinded(), "a preset does not blind or unblind");
        assertThrows(IllegalArgumentException.class, () -> new CutsViewModel(s).applyPreset("nope"));
    }

    @Test
    void saveLoadRoundTripAndMalformedFileLeavesSelectionUnchanged() throws Exception {
        Session s = new Session();
        CutsViewModel vm = new CutsViewModel(s);
        vm.setMax("shower-shape", 0.1);
        Path f = dir.resolve("sel.json");
        vm.save(f);
        Selection saved = s.selection();
        assertEquals("published, modified: shower-shape 0.1", saved.name());
        s.setSelection(Selection.loose());
        vm.load(f);
        assertEquals(saved, s.selection());
        assertEquals("published", s.selection().basedOn());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"darkscope-selection\", \"version\": 1, \"cuts\": 5}");
        Selection before = s.selection();
        Exception e = assertThrows(Exception.class, () -> vm.load(bad));
        assertFalse(e.getMessage().isBlank());
        assertEquals(before, s.selection());
    }
}
