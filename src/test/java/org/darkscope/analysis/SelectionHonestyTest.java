package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed selection says so: generated name, descriptions from the values, preset of origin and history. */
class SelectionHonestyTest {
    private static final Path OLD_FILE = Path.of("src/test/resources/selections/v1-modified-published.json");

    @Test
    void differencesAreListedInCutOrderThenTheBox() {
        Selection p = Selection.published();
        Selection s = p.withCut("preshower", p.cut("preshower").withMin(1.0))
                .withCutEnabled("veto", false)
                .withCut("momentum", p.cut("momentum").withRange(96, 104.5))
                .withBox(p.box().withEcalMax(47.5));
        assertEquals(
                List.of("momentum 96..104.5", "preshower 1", "veto off", "box E_ECAL < 47.5"), s.differencesFrom(p));
        assertEquals(List.of(), p.differencesFrom(Selection.published()));
        assertEquals(List.of(), p.withBlinded(false).differencesFrom(p), "blinding is not a change of the selection");
    }

    @Test
    void nameIsGeneratedFromTheDifferenceToThePreset() {
        Selection p = Selection.published();
        assertEquals("published", p.withHonestName().name());
        Selection s = p.withCut("preshower", p.cut("preshower").withMin(1.0)).withHonestName();
        assertEquals("published, modified: preshower 1", s.name());
        // moving it back gives the preset's name again
        Selection back = s.withCut("preshower", s.cut("preshower").withMin(0.5)).withHonestName();
        assertEquals("published", back.name());
        // a name the user chose is kept
        Selection mine =
                s.withName("my tight selection").withCutEnabled("veto", false).withHonestName();
        assertEquals("my tight selection", mine.name());
        // loose is its own preset
        Selection l = Selection.loose();
        assertEquals(
                "loose, modified: veto on",
                l.withCutEnabled("veto", true).withHonestName().name());
    }

    @Test
    void descriptionsQuoteTheCurrentValues() {
        Cut pre = Selection.published().cut("preshower");
        assertTrue(pre.describe().startsWith("ECAL preshower energy > 0.5 GeV"), pre.describe());
        Cut moved = pre.withMin(1.0);
        assertTrue(moved.describe().startsWith("ECAL preshower energy > 1 GeV"), moved.describe());
        Cut veto = Selection.published().cut("veto").withMax(0.8);
        assertTrue(veto.describe().contains("every VETO counter < 0.8 MIP"), veto.describe());
        Cut p = Selection.published().cut("momentum").withRange(95, 105);
        assertTrue(p.describe().contains("95 < p < 105 GeV"), p.describe());
        for (Cut c : Selection.published().cuts()) {
            assertFalse(c.describe().contains("{"), "placeholder left in " + c.describe());
        }
    }

    @Test
    void aFileSavedBeforeThisChangeNoLongerLies() throws Exception {
        // saved by the old window: preshower moved to 1.0, but "name": "published" and the description
        // "ECAL preshower energy > 0.5 GeV"
        String text = Files.readString(OLD_FILE);
        assertTrue(
                text.contains("\"name\" : \"published\"") && text.contains("> 0.5 GeV") && !text.contains("basedOn"));
        Selection s = SelectionIo.read(OLD_FILE);
        assertEquals("published", s.basedOn());
        assertEquals("published, modified: preshower 1", s.name());
        assertEquals(List.of(), s.history());
        String d = s.cut("preshower").describe();
        assertTrue(d.contains("> 1 GeV"), d);
        assertFalse(d.contains("0.5"), d);
        // the unmodified cuts keep their published test and read the same as the preset's
        assertEquals(
                Selection.published().cut("veto").describe(),
                s.cut("veto")
                        .describe()
                        .replace(
                                " [src, docs/physics.md#selection]",
                                " [src, docs/physics.md#selection publishes 0.5 MIP]"));
    }

    @Test
    void basedOnAndHistoryRoundTrip(@TempDir Path dir) throws Exception {
        Selection p = Selection.published();
        Selection s = p.withCut("preshower", p.cut("preshower").withMin(1.0))
                .withChange("2026-11-29T19:00:00Z", "preshower 1")
                .withChange("2026-11-29T19:01:30Z", "veto off")
                .withCutEnabled("veto", false);
        Path f = dir.resolve("s.json");
        SelectionIo.write(s, f);
        String json = Files.readString(f);
        assertTrue(json.contains("\"name\" : \"published, modified: preshower 1, veto off\""), json);
        assertTrue(json.contains("\"basedOn\" : \"published\""), json);
        assertTrue(json.contains("\"what\" : \"veto off\""), json);
        Selection back = SelectionIo.read(f);
        assertEquals(s.withHonestName(), back);
        assertEquals("2026-11-29T19:01:30Z", back.history().get(1).time());
    }

    @Test
    void customNamesAndSelectionsWithoutPresetLoadUnchanged() {
        Selection p = Selection.published();
        Selection own = new Selection("tight", "", p.cuts(), p.box(), true).withCutEnabled("veto", false);
        assertEquals("tight", SelectionIo.read(SelectionIo.toJson(own)).name());
        assertEquals("", SelectionIo.read(SelectionIo.toJson(own)).basedOn());
    }

    @Test
    void malformedHistoryIsRejectedNamingTheField() {
        String json = SelectionIo.toJson(Selection.published());
        String bad = json.replace("\"history\" : [ ]", "\"history\" : [ { \"time\": \"t\", \"wat\": \"x\" } ]");
        SelectionFormatException e = assertThrows(SelectionFormatException.class, () -> SelectionIo.read(bad));
        assertEquals("history[0].wat", e.field());
        String notArray = json.replace("\"history\" : [ ]", "\"history\" : \"none\"");
        assertEquals(
                "history",
                assertThrows(SelectionFormatException.class, () -> SelectionIo.read(notArray))
                        .field());
    }
}
