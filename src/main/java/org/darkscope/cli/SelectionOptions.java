package org.darkscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.session.SessionFile;
import picocli.CommandLine.Option;

/**
 * {@code --selection} and {@code --unblind} of the commands that evaluate runs (analyse, plot,
 * report), with the one rule for which selection applies and whether the box is hidden.
 */
final class SelectionOptions {
    @Option(
            names = "--selection",
            paramLabel = "SEL.json",
            description = "selection file (default: the published selection, " + "or the session's)")
    Path selectionFile;

    @Option(
            names = "--unblind",
            description = "show the signal box of the data-role runs (without it the box is hidden, "
                    + "whatever the selection file says; a session unblinded in the window stays unblinded)")
    boolean unblind;

    /**
     * The selection to evaluate: the selection file, else the session's, else the published one.
     * The box is hidden unless {@code --unblind}; a selection file's own flag never unblinds (a note
     * says so), a session unblinded in the window stays unblinded.
     *
     * @param session the session file given, or null
     * @param err     where the note goes
     */
    Selection resolve(SessionFile session, PrintWriter err) throws IOException {
        return resolve(selectionFile, session, unblind, err);
    }

    static Selection resolve(Path selectionFile, SessionFile session, boolean unblind, PrintWriter err)
            throws IOException {
        Selection sel;
        boolean blinded;
        if (selectionFile != null) {
            sel = SelectionIo.read(selectionFile);
            if (!unblind && !sel.blinded()) {
                err.println("note: the selection file is unblinded; the box stays hidden without --unblind");
            }
            blinded = !unblind;
        } else if (session != null) {
            sel = session.selection();
            blinded = sel.blinded() && !unblind;
        } else {
            sel = Selection.published();
            blinded = !unblind;
        }
        return sel.withBlinded(blinded);
    }
}
