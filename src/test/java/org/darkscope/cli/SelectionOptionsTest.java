package org.darkscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.session.Session;
import org.darkscope.session.SessionFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One blinding rule for analyse, plot and report: only --unblind (or a session unblinded in the window) shows the box. */
class SelectionOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aSelectionFileNeverUnblindsByItself() throws Exception {
        Path file = dir.resolve("open.json");
        Files.writeString(file, SelectionIo.toJson(Selection.loose().withBlinded(false)));
        StringWriter err = new StringWriter();
        Selection s = SelectionOptions.resolve(file, null, false, new PrintWriter(err, true));
        assertTrue(s.blinded(), "hidden without --unblind");
        assertEquals(Selection.loose().cuts(), s.cuts(), "the file's cuts");
        assertTrue(err.toString().contains("the box stays hidden without --unblind"), err.toString());
        assertFalse(SelectionOptions.resolve(file, null, true, new PrintWriter(new StringWriter()))
                .blinded());
    }

    @Test
    void theSessionKeepsItsBlindingAndThePublishedSelectionIsTheDefault() throws Exception {
        Session open = new Session();
        open.setBlinded(false);
        SessionFile unblinded = SessionFile.of(open, Map.of());
        PrintWriter quiet = new PrintWriter(new StringWriter());
        assertFalse(
                SelectionOptions.resolve(null, unblinded, false, quiet).blinded(), "unblinded in the window stays so");
        assertTrue(SelectionOptions.resolve(null, SessionFile.of(new Session(), Map.of()), false, quiet)
                .blinded());
        Selection def = SelectionOptions.resolve(null, null, false, quiet);
        assertEquals(Selection.published().cuts(), def.cuts());
        assertTrue(def.blinded());
        assertFalse(SelectionOptions.resolve(null, null, true, quiet).blinded());
    }
}
