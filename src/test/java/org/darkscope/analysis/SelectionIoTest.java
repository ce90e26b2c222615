package org.darkscope.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SelectionIoTest {
    @Test
    void roundTripKeepsEverything(@TempDir Path dir) throws Exception {
        Selection s = Selection.published()
                .withCut("momentum", Selection.published().cut("momentum").withRange(96.5, 103.25))
                .withCutEnabled("veto", false)
                .withBox(SignalBox.published().withEcalMax(47.5))
                .withBlinded(false);
        Path f = dir.resolve("sel.json");
        SelectionIo.write(s, f);
        Selection back = SelectionIo.read(f);
        assertEquals(s, back);
        assertEquals(47.5, back.box().ecalMax());
        assertFalse(back.cut("veto").enabled());
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temporary file left behind");
        }
    }

    @Test
    void presetsHaveTheDocumentedShape() {
        Selection p = Selection.published();
        assertEquals(10, p.enabledCuts().size());
        assertTrue(p.blinded());
        assertEquals(50.0, p.box().ecalMax());
        assertEquals(1.0, p.box().hcalMax());
        assertEquals(97.0, p.cut("momentum").min());
        assertEquals(103.0, p.cut("momentum").max());
        Selection l = Selection.loose();
        assertTrue(l.enabledCuts().size() < p.enabledCuts().size());
        assertEquals(p.cuts().size(), l.cuts().size());
    }

    private static String valid() {
        return SelectionIo.toJson(Selection.published());
    }

    private static void rejected(String json, String field) {
        SelectionFormatException e = assertThrows(SelectionFormatException.class, () -> SelectionIo.read(json));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void malformedSelectionsAreRejectedNamingTheField() {
        assertEquals(Selection.published(), SelectionIo.read(valid()));
        rejected(valid().replace("\"blinded\"", "\"blindfolded\""), "blindfolded");
        rejected(valid().replaceFirst("\"unit\"", "\"units\""), "cuts[0].units");
        rejected(valid().replaceFirst("\"ecalMax\" : 50.0", "\"ecalMax\" : \"fifty\""), "box.ecalMax");
        rejected(valid().replaceFirst("\"ecalMax\" : 50.0", "\"ecalMax\" : 50.0, \"ecalMix\" : 3"), "box.ecalMix");
        rejected(valid().replaceFirst("\"column\" : \"p\"", "\"column\" : \"momentum_gev\""), "cuts[0].column");
        rejected(valid().replaceFirst("\"kind\" : \"window\"", "\"kind\" : \"between\""), "cuts[0].kind");
        rejected(valid().replaceFirst("\"min\" : 97.0", "\"min\" : 197.0"), "cuts[0].min");
        rejected(valid().replaceFirst("\"min\" : 97.0,", ""), "cuts[0].min");
        rejected(valid().replace("\"version\" : 1", "\"version\" : 99"), "version");
        rejected(valid().replace("\"format\" : \"darkscope-selection\"", "\"format\" : \"other\""), "format");
        rejected(valid().replaceFirst("\"enabled\" : true", "\"enabled\" : \"yes\""), "cuts[0].enabled");
        rejected(valid().replaceFirst("\"name\" : \"track-chi2\"", "\"name\" : \"momentum\""), "cuts[1].name");
        rejected("{\"format\": \"darkscope-selection\", \"version\": 1, \"cuts\": 3}", "cuts");
        rejected("{ \"format\": ", "");
    }

    @Test
    void boxEdgesAreChecked() {
        String bad = valid().replaceFirst("\"ecalTriggerEdge\" : 80.0", "\"ecalTriggerEdge\" : 40.0");
        SelectionFormatException e = assertThrows(SelectionFormatException.class, () -> SelectionIo.read(bad));
        assertTrue(e.getMessage().contains("ecalTriggerEdge"), e.getMessage());
    }

    @Test
    void shippedDefaultSelectionIsThePublishedOne() throws Exception {
        Path f = Path.of("sample-runs/selection-published.json");
        assertTrue(Files.exists(f), "sample-runs/selection-published.json must exist");
        assertEquals(Selection.published(), SelectionIo.read(f));
    }
}
