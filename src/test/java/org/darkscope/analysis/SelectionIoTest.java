package org.darkscope.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals(s.withHonestName(), back);
        assertEquals("published, modified: momentum 96.5..103.25, veto off, box E_ECAL < 47.5", back.name());
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
    void edgeTheKindDoesNotUseIsRejected() {
        // track-chi2 is cuts[1], kind max: a "min" there would be ignored without a word
        String json = valid().replaceFirst("\"kind\" : \"max\",", "\"kind\" : \"max\", \"min\" : 0.5,");
        rejected(json, "cuts[1].min");
        SelectionFormatException e = assertThrows(SelectionFormatException.class, () -> SelectionIo.read(json));
        assertTrue(e.getMessage().contains("'max' cut has no lower edge"), e.getMessage());
        // preshower is cuts[6], kind min: a "max" there likewise
        String pre = valid().replaceFirst("\"kind\" : \"min\",", "\"kind\" : \"min\", \"max\" : 9,");
        rejected(pre, "cuts[6].max");
        // an explicit null says "not used" and is harmless
        String nul = valid().replaceFirst("\"kind\" : \"max\",", "\"kind\" : \"max\", \"min\" : null,");
        assertEquals(Selection.published(), SelectionIo.read(nul));
    }

    @Test
    void duplicateKeysAreRejectedWithFieldAndLine() {
        String json = valid().replaceFirst("\"max\" : 5.0,", "\"max\" : 5.0, \"max\" : 50.0,");
        SelectionFormatException e = assertThrows(SelectionFormatException.class, () -> SelectionIo.read(json));
        assertEquals("cuts[1].max", e.field(), e.getMessage());
        int line = lineOf(json, "\"max\" : 5.0, \"max\" : 50.0");
        assertTrue(e.getMessage().contains("line " + line + ","), e.getMessage());
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        String top = valid().replaceFirst("\"blinded\" : true", "\"blinded\" : true, \"blinded\" : false");
        rejected(top, "blinded");
    }

    @Test
    void trailingContentIsRejectedWithItsLine() {
        String json = valid() + "{ \"name\": \"second\" }\n";
        SelectionFormatException e = assertThrows(SelectionFormatException.class, () -> SelectionIo.read(json));
        int lines = valid().split("\n", -1).length; // the extra object starts on the line after the last newline
        assertTrue(e.getMessage().contains("line " + lines + ","), e.getMessage());
        assertTrue(e.getMessage().contains("after the end"), e.getMessage());
        assertThrows(SelectionFormatException.class, () -> SelectionIo.read(valid() + "]"));
        assertThrows(SelectionFormatException.class, () -> SelectionIo.read(valid() + "x"));
        // trailing white space is fine
        assertEquals(Selection.published(), SelectionIo.read(valid() + "\n\n  \t\n"));
    }

    @Test
    void utf8ByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.json");
        byte[] body = valid().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        assertEquals(Selection.published(), SelectionIo.read(f));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
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
